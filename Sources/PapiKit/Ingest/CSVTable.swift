import Foundation

/// A small CSV file read whole through libcsv: unit registers, crosswalks, published
/// scores. Every header and cell is NFC; each record keeps its physical line.
struct CSVTable {
  var path: String
  var header: [String]
  var rows: [(line: Int, fields: [String])]

  static func read(_ path: String, options: ReadOptions = ReadOptions()) throws(PapiError) -> CSVTable {
    var stream = DecodedStream(path: path, encoding: options.encoding)
    var records: [(line: Int, fields: [String])] = []
    try LibCSV.read(&stream, options: options, into: RecordSink { records.append(($0, $1)) })
    guard let header = records.first else {
      throw PapiError(file: path, line: 1, message: L("tệp rỗng.", "the file is empty."), fix: L("Kiểm tra tệp.", "Check the file."))
    }
    let fields = header.fields.map { $0.trimmedNFC }
    let rows = records.dropFirst().map { record in
      (record.line, record.fields.map { $0.trimmedNFC })
    }
    return CSVTable(path: path, header: fields, rows: Array(rows))
  }

  /// The index of the first header among `names` (case-insensitive).
  func column(_ names: [String]) -> Int? {
    for name in names {
      if let index = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return index }
    }
    return nil
  }
}

/// Hands each record to `onRecord` with the physical line it starts on. Blank lines are
/// skipped. Cells of columns `keep` refuses (by index, header included) are left empty,
/// so a reader that needs a few columns of a wide file makes no string for the others.
final class RecordSink: CSVSink {
  var keep: (Int) -> Bool = { _ in true }
  var onRecord: (_ line: Int, _ fields: [String]) -> Void
  /// The fields of the record being read (so far).
  private(set) var current: [String] = []
  /// The physical line being read.
  private(set) var line = 1
  private var start = 1
  private var lastWasCR = false

  init(onRecord: @escaping (_ line: Int, _ fields: [String]) -> Void) {
    self.onRecord = onRecord
  }

  override func field(_ bytes: UnsafeRawBufferPointer) {
    if current.isEmpty { start = line }
    current.append(keep(current.count) ? String(decoding: bytes, as: UTF8.self) : "")
    for byte in bytes where byte == 10 { line += 1 }
  }

  override func endRecord(_ terminator: Int32) {
    if current.isEmpty {
      if !(terminator == 10 && lastWasCR) { line += 1 }
      lastWasCR = terminator == 13
      return
    }
    let fields = current
    current = []
    onRecord(start, fields)
    if terminator == 10 || terminator == 13 { line += 1 }
    lastWasCR = terminator == 13
  }
}

extension LibCSV {
  /// Parses `stream` into `sink`; a syntax failure is an error naming the line and field.
  static func read(_ stream: inout DecodedStream, options: ReadOptions, into sink: RecordSink) throws(PapiError) {
    if let failure = try parse(&stream, delimiter: options.delimiter, reportNewlines: true, sink: sink, detected: { _ in }) {
      throw PapiError(
        file: stream.path, line: sink.line, column: sink.current.count + 1, value: failure.partialField,
        message: failure.unterminatedQuote
          ? L("dấu ngoặc kép không được đóng.", "a quote is never closed.") : L("dấu ngoặc kép đặt sai chỗ.", "a misplaced quote."),
        fix: L("Sửa trường này trong tệp: một dấu \" trong ô phải được viết hai lần (\"\") và cả ô đặt trong ngoặc kép.",
               "Correct this field in the file: a \" inside a cell must be doubled (\"\") and the whole cell quoted."))
    }
  }
}
