/// A small file read whole through its format (`ExportFormats`): unit registers,
/// crosswalks, published scores. Every header and cell is NFC without surrounding spaces;
/// each record keeps its physical line.
struct RecordTable {
  /// One record: its line and its cells.
  struct Row {
    var line: Int
    var fields: [String]

    /// The cell of `column`, nil when the column is absent, the row is short or the cell
    /// is empty.
    func value(_ column: Int?) -> String? {
      guard let column, column < fields.count, !fields[column].isEmpty else { return nil }
      return fields[column]
    }

    /// The cell of `column`, "" when absent.
    func text(_ column: Int) -> String { column < fields.count ? fields[column] : "" }

    /// The row as written, for a message about the whole of it.
    var joined: String { fields.joined(separator: ",") }
  }

  var path: String
  var header: [String]
  var rows: [Row]
  /// SHA-256 of the file's bytes.
  var sha256: String
  /// The worksheet read, when the file is a workbook (`line` is then its row).
  var sheet: String?

  static func read(_ path: String, options: ReadOptions = ReadOptions()) throws(PapiError) -> RecordTable {
    var records: [Row] = []
    let read = try ExportFormats.detect(path).records(path, options: options, keep: nil) { line, fields in
      records.append(Row(line: line, fields: fields.map(\.trimmedNFC)))
    }
    guard let header = records.first else {
      throw PapiError(
        file: path, line: 1, message: L("tệp rỗng.", "the file is empty."), fix: L("Kiểm tra tệp.", "Check the file."))
    }
    return RecordTable(
      path: path, header: header.fields, rows: Array(records.dropFirst()), sha256: read.sha256, sheet: read.sheet)
  }

  /// The index of the first header among `names` (case-insensitive).
  func column(_ names: [String]) -> Int? {
    for name in names {
      if let index = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return index }
    }
    return nil
  }
}
