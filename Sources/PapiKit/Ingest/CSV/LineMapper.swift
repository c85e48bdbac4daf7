/// Finds the physical line of given records and fields, for messages. It reads the file a
/// second time, only when there is something to report, so the normal path never counts
/// newlines.
final class LineMapper: RecordSink {
  private let wanted: Set<Int>
  private(set) var recordLines: [Int: Int] = [:]
  private(set) var fieldLines: [Int: [Int]] = [:]
  private var line = 1
  private var record = 0
  private var fieldsInRecord = 0
  private var lastWasCR = false
  private var current: [Int] = []
  private var recordStart = 1

  init(records: Set<Int>) {
    self.wanted = records
  }

  override func field(_ bytes: UnsafeRawBufferPointer) {
    if fieldsInRecord == 0 && wanted.contains(record) { recordLines[record] = line }
    if wanted.contains(record) { current.append(line) }
    fieldsInRecord += 1
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == 10 && previous != 13 { line += 1 }
      if byte == 13 { line += 1 }
      previous = byte
    }
  }

  override func endRecord(_ terminator: Int32) {
    if fieldsInRecord == 0 {
      // A newline outside any record (CSV_REPALL_NL): the LF of a CRLF, or a blank line.
      if !(terminator == 10 && lastWasCR) { line += 1 }
      lastWasCR = terminator == 13
      recordStart = line
      return
    }
    if wanted.contains(record) { fieldLines[record] = current }
    current = []
    if terminator == 10 || terminator == 13 { line += 1 }
    lastWasCR = terminator == 13
    record += 1
    fieldsInRecord = 0
    recordStart = line
  }

  /// The record libcsv was reading when it stopped: where it starts, how many fields it
  /// had completed, and the line the next (unfinished) field starts on.
  var pendingRecord: (record: Int, line: Int, fields: Int, fieldLine: Int) {
    (record, recordStart, fieldsInRecord, line)
  }
}
