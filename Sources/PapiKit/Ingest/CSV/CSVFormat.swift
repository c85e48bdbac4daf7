import Foundation

/// CSV and other delimited text, through libcsv (strict mode): the encodings of
/// `DecodedStream`, the delimiter found by `DelimiterDetection`, large UTF-8 files read in
/// parts on every core (`FileParts`), and physical lines found again only when a message
/// needs them (`LineMapper`).
struct CSVFormat: ExportFormat {
  var name: String { "CSV" }

  func read<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
  ) -> FormatRead<Sink> {
    if let parts = readInParts(path, options: options, progress: progress, makeSink: makeSink) { return parts }
    return readWhole(path, options: options, progress: progress, sink: makeSink())
  }

  /// Reads the file from start to end on this thread.
  private func readWhole<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, sink: Sink
  ) -> FormatRead<Sink> {
    var stream = DecodedStream(path: path, encoding: options.encoding, hashing: options.fileHashes)
    if let progress {
      stream.progress = { bytes, total in
        progress(ReadProgress(file: path, rows: sink.recordsRead, bytes: bytes, totalBytes: total))
      }
    }
    var delimiter: UInt8?
    var failure: RecordSyntaxFailure?
    var thrown: [Diagnostic] = []
    let layout = HeaderLayout(line: options.headerRow, rows: options.headerRows)
    let join = layout.wrap(sink)
    let target: RecordSink = join ?? sink
    do {
      if sink.wantsRecordLines || layout.line != nil {
        failure = try LibCSV.parse(
          &stream, delimiter: options.delimiter, reportNewlines: true, sink: CSVLineTracker(target)
        ) { delimiter = $0 }
      } else {
        failure = try LibCSV.parse(&stream, delimiter: options.delimiter, reportNewlines: false, sink: target) {
          delimiter = $0
        }
      }
    } catch {
      thrown = error.diagnostics
    }
    var details = FormatDetails(encoding: stream.encoding, delimiter: delimiter)
    details.recordOffset = join?.recordOffset ?? 0
    return FormatRead(sink: sink, details: details, sha256: stream.sha256, failure: failure, thrown: thrown)
  }

  /// Reads a large UTF-8 file in parts, one per core, cut at record boundaries
  /// (`FileParts`), and joins them in order. Nil when the file is not one to cut, or when
  /// a part met a problem: the caller then reads it whole, which reports exactly.
  private func readInParts<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
  ) -> FormatRead<Sink>? {
    let wanted = options.parts ?? Parallel.width
    guard wanted > 1, !options.skipBadRows, options.encoding == nil || options.encoding == .utf8,
      options.headerRow == nil, options.headerRows == 1
    else { return nil }
    guard let size = FileStatus.size(path) else { return nil }
    guard size >= 2 * options.minimumPartBytes, !startsWithUTF16Mark(path) else { return nil }
    let first = makeSink()
    // Lines are only counted reading from the start.
    guard !first.wantsRecordLines else { return nil }
    let cuts = FileParts.boundaries(path: path, size: size, parts: wanted, minimumPartBytes: options.minimumPartBytes)
    guard cuts.count > 2 else { return nil }

    // The header first, so that every part knows the columns.
    let probe = first.emptyCopy()
    probe.stopAfterHeader = true
    var probeStream = DecodedStream(path: path, encoding: options.encoding, range: 0..<cuts[1])
    var detected: UInt8?
    do {
      _ = try LibCSV.parse(&probeStream, delimiter: options.delimiter, reportNewlines: false, sink: probe) {
        detected = $0
      }
    } catch {
      return nil
    }
    guard probe.hasHeader, !probe.hasErrors, probe.readsInParts, let delimiter = detected else { return nil }

    var sinks = [first]
    for _ in 2..<cuts.count {
      let part = first.emptyCopy()
      part.continueAfter(probe)
      sinks.append(part)
    }
    let shared = Unchecked(sinks)
    let partCount = sinks.count
    // One task per part, and one more for the whole file's SHA-256 when it is wanted.
    let outcomes: [String?] = Parallel.map(partCount + (options.fileHashes ? 1 : 0)) { index in
      if index == partCount { return DecodedStream.sha256(ofFile: path) }
      let sink = shared.value[index]
      var stream = DecodedStream(path: path, encoding: options.encoding, range: cuts[index]..<cuts[index + 1])
      if index == 0, let progress {
        stream.progress = { bytes, total in
          progress(
            ReadProgress(
              file: path, rows: sink.recordsRead * partCount, bytes: bytes * size / max(1, total), totalBytes: size))
        }
      }
      do {
        let failure = try LibCSV.parse(&stream, delimiter: delimiter, reportNewlines: false, sink: sink) { _ in }
        return failure == nil ? "" : nil
      } catch {
        return nil
      }
    }
    guard !outcomes.prefix(partCount).contains(nil) else { return nil }
    for part in sinks.dropFirst() {
      guard first.absorb(part) else { return nil }
    }
    return FormatRead(
      sink: first, details: FormatDetails(encoding: .utf8, delimiter: delimiter),
      sha256: options.fileHashes ? outcomes[partCount] ?? "" : "", failure: nil, thrown: [], parts: partCount)
  }

  private func startsWithUTF16Mark(_ path: String) -> Bool {
    let head = FileHead.read(path, count: 2)
    return head.count < 2 || (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)
  }

  func records(
    _ path: String, options: ReadOptions, keep: ((Int) -> Bool)?,
    each: @escaping (_ line: Int, _ fields: [String]) -> Void
  ) throws(PapiError) -> RecordsRead {
    var stream = DecodedStream(path: path, encoding: options.encoding, hashing: true)
    let collector = TextRecords(keep: keep)
    let join = HeaderLayout(line: options.headerRow, rows: options.headerRows).wrap(collector)
    let tracker = CSVLineTracker(join ?? collector)
    // The tracker holds the collector: the collector's callback must not hold the tracker
    // back, or every file read would leak both with everything `each` captured (found by
    // the feedback fuzzer's leak check).
    collector.onRecord = { [unowned tracker] in each(tracker.recordStart, $0) }
    var delimiter: UInt8?
    let failure = try LibCSV.parse(&stream, delimiter: options.delimiter, reportNewlines: true, sink: tracker) {
      delimiter = $0
    }
    if let failure {
      throw PapiError(
        file: path, line: tracker.line, column: collector.fieldCount + 1, value: failure.partialField,
        message: failure.unterminatedQuote
          ? L("dấu ngoặc kép không được đóng.", "a quote is never closed.")
          : L("dấu ngoặc kép đặt sai chỗ.", "a misplaced quote."),
        fix: L(
          "Sửa trường này trong tệp: một dấu \" trong ô phải được viết hai lần (\"\") và cả ô đặt trong ngoặc kép.",
          "Correct this field in the file: a \" inside a cell must be doubled (\"\") and the whole cell quoted."))
    }
    var details = FormatDetails(encoding: stream.encoding, delimiter: delimiter)
    details.recordOffset = join?.recordOffset ?? 0
    return RecordsRead(sha256: stream.sha256, details: details)
  }

  /// Reads the file once more with every newline reported, to find the lines of the
  /// records a message names: only when there is something to report, so the normal path
  /// never counts newlines.
  func places(of records: Set<Int>, in path: String, as read: FormatDetails) -> RecordPlaces {
    // Records are numbered from the header handed on; the file's own count from its start.
    let offset = read.recordOffset
    let mapper = LineMapper(records: Set(records.map { $0 + offset }))
    var stream = DecodedStream(path: path, encoding: read.encoding)
    _ = try? LibCSV.parse(&stream, delimiter: read.delimiter, reportNewlines: true, sink: mapper) { _ in }
    var pending = mapper.pendingRecord
    pending.record -= offset
    return RecordPlaces(
      recordLines: Dictionary(uniqueKeysWithValues: mapper.recordLines.map { ($0.key - offset, $0.value) }),
      fieldLines: Dictionary(uniqueKeysWithValues: mapper.fieldLines.map { ($0.key - offset, $0.value) }),
      pending: pending)
  }
}

/// Hands on the records of a file read with every newline reported (CSV_REPALL_NL),
/// skipping blank lines, and keeps the physical line each record starts on
/// (`RecordSink.recordLine` of the sink it feeds).
final class CSVLineTracker: RecordSink {
  private let target: RecordSink
  /// The physical line being read.
  private(set) var line = 1
  /// The line the current (or last) record started on.
  private(set) var recordStart = 1
  private var fields = 0
  private var lastWasCR = false

  init(_ target: RecordSink) {
    self.target = target
  }

  override var stop: Bool {
    get { target.stop }
    set { target.stop = newValue }
  }

  override func field(_ bytes: UnsafeRawBufferPointer) {
    if fields == 0 {
      recordStart = line
      target.recordLine = line
    }
    fields += 1
    target.field(bytes)
    for byte in bytes where byte == 10 { line += 1 }
  }

  override func endRecord(_ terminator: Int32) {
    if fields == 0 {
      // A newline outside any record: the LF of a CRLF, or a blank line.
      if !(terminator == 10 && lastWasCR) { line += 1 }
      lastWasCR = terminator == 13
      return
    }
    fields = 0
    target.endRecord(terminator)
    if terminator == 10 || terminator == 13 { line += 1 }
    lastWasCR = terminator == 13
  }
}

/// Collects each record's fields as text, exactly the decoded bytes. The header (the first
/// record) is kept whole; later records only in the columns `keep` admits.
final class TextRecords: RecordSink {
  let keep: ((Int) -> Bool)?
  var onRecord: (([String]) -> Void)?
  private var current: [String] = []

  var fieldCount: Int { current.count }

  init(keep: ((Int) -> Bool)?) {
    self.keep = keep
  }

  private var records = 0

  override func field(_ bytes: UnsafeRawBufferPointer) {
    let wanted = records == 0 || (keep.map { $0(current.count) } ?? true)
    current.append(wanted ? String(decoding: bytes, as: UTF8.self) : "")
  }

  override func endRecord(_ terminator: Int32) {
    let fields = current
    current = []
    records += 1
    onRecord?(fields)
  }
}
