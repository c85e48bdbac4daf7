/// A small CSV file read whole through libcsv: unit registers, crosswalks, published
/// scores. Every header and cell is NFC; each record keeps its physical line.
struct CSVTable {
  var path: String
  var header: [String]
  var rows: [(line: Int, fields: [String])]

  static func read(_ path: String, options: ReadOptions = ReadOptions()) throws(PapiError) -> CSVTable {
    var stream = DecodedStream(path: path, encoding: options.encoding)
    let sink = TableSink()
    var delimiter: UInt8?
    if let failure = try LibCSV.parse(&stream, delimiter: options.delimiter, reportNewlines: true, sink: sink, detected: { delimiter = $0 }) {
      throw PapiError(
        file: path, line: sink.line, column: sink.current.count + 1, value: failure.partialField,
        message: failure.unterminatedQuote
          ? L("dấu ngoặc kép không được đóng.", "a quote is never closed.") : L("dấu ngoặc kép đặt sai chỗ.", "a misplaced quote."),
        fix: L("Sửa trường này trong tệp.", "Correct this field in the file."))
    }
    _ = delimiter
    guard let header = sink.records.first else {
      throw PapiError(file: path, line: 1, message: L("tệp rỗng.", "the file is empty."), fix: L("Kiểm tra tệp.", "Check the file."))
    }
    let fields = header.fields.map { $0.nfc.trimmingCharacters(in: .whitespacesAndNewlines) }
    let rows = sink.records.dropFirst().map { record in
      (record.line, record.fields.map { $0.nfc.trimmingCharacters(in: .whitespacesAndNewlines) })
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

private final class TableSink: CSVSink {
  var records: [(line: Int, fields: [String])] = []
  var current: [String] = []
  var line = 1
  private var start = 1
  private var lastWasCR = false

  override func field(_ bytes: UnsafeRawBufferPointer) {
    if current.isEmpty { start = line }
    current.append(String(decoding: bytes, as: UTF8.self))
    for byte in bytes where byte == 10 { line += 1 }
  }

  override func endRecord(_ terminator: Int32) {
    if current.isEmpty {
      if !(terminator == 10 && lastWasCR) { line += 1 }
      lastWasCR = terminator == 13
      return
    }
    records.append((start, current))
    current = []
    if terminator == 10 || terminator == 13 { line += 1 }
    lastWasCR = terminator == 13
  }
}

import Foundation
