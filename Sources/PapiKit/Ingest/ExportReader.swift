import Foundation

/// How to read exports: what the user said on the command line.
public struct ReadOptions: Sendable {
  /// The delimiter; detected when nil.
  public var delimiter: UInt8?
  /// The encoding; UTF-8 or UTF-16 by byte-order mark when nil.
  public var encoding: InputEncoding?
  /// Most diagnostics kept per file; the rest are counted.
  public var diagnosticLimit: Int
  /// `--on-error skip`: bad rows are set aside in `ReadResult.rejected` instead of being errors.
  public var skipBadRows: Bool
  /// Compute each file's SHA-256 (`FileReport.sha256`, kept by `papi import`).
  public var fileHashes: Bool
  /// A UTF-8 file of at least twice this size is read in parts on several cores.
  public var minimumPartBytes: Int
  /// How many parts at most (nil: one per core, `PAPI_THREADS` to change).
  public var parts: Int?

  public init(
    delimiter: UInt8? = nil, encoding: InputEncoding? = nil, diagnosticLimit: Int = 10_000, skipBadRows: Bool = false,
    fileHashes: Bool = false, minimumPartBytes: Int = 4 << 20, parts: Int? = nil
  ) {
    self.parts = parts
    self.delimiter = delimiter
    self.encoding = encoding
    self.diagnosticLimit = diagnosticLimit
    self.skipBadRows = skipBadRows
    self.fileHashes = fileHashes
    self.minimumPartBytes = minimumPartBytes
  }
}

/// What was read from one file.
public struct FileReport: Sendable {
  public var path: String
  public var encoding: InputEncoding?
  public var delimiter: UInt8?
  /// Data records read (the header and a KoboToolbox HXL row are not counted).
  public var recordsRead: Int
  public var rowsKept: Int
  public var duplicatesDropped: Int
  public var rowsRejected: Int
  /// Diagnostics beyond the limit, counted but not kept.
  public var suppressed: Int
  /// Errors among them.
  public var suppressedErrors: Int
  /// SHA-256 of the file's bytes ("" unless `ReadOptions.fileHashes`).
  public var sha256: String
  /// The header as read (NFC), for writing rejected rows.
  public var header: [String]
  /// How many parts the file was read in at once (1: whole, on one core).
  public var parts = 1
}

/// How far reading has got, for a progress display.
public struct ReadProgress: Sendable {
  public var file: String
  public var rows: Int
  public var bytes: Int
  public var totalBytes: Int
}

/// Everything read from a set of exports.
public struct ReadResult: Sendable {
  public var table: ResponseTable
  public var diagnostics: [Diagnostic]
  public var files: [FileReport]
  /// Rows set aside by `--on-error skip`.
  public var rejected: [RejectedRow]

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } || files.contains { $0.suppressedErrors > 0 } }
}

/// Reads survey exports into a `ResponseTable` (PRODUCT.md §3.1).
public enum ExportReader {
  /// Reads every file, collecting every problem rather than stopping at the first one.
  /// A file that cannot be read at all is reported and the next file is read.
  public static func read(
    _ paths: [String], questionnaire: Questionnaire, options: ReadOptions = ReadOptions(),
    progress: ((ReadProgress) -> Void)? = nil
  ) -> ReadResult {
    var table = ResponseTable(indicatorCount: questionnaire.indicators.count)
    var idIndex = IDIndex()
    var diagnostics: [Diagnostic] = []
    var reports: [FileReport] = []
    var rejected: [RejectedRow] = []
    for (fileIndex, path) in paths.enumerated() {
      table.files.append(path)
      let file =
        readInParts(path, fileIndex: fileIndex, table: table, idIndex: idIndex, questionnaire: questionnaire, options: options, progress: progress)
        ?? readWhole(path, fileIndex: fileIndex, table: table, idIndex: idIndex, questionnaire: questionnaire, options: options, progress: progress)
      let parser = file.parser
      let delimiter = file.delimiter
      let fileProblems = file.thrown
      table = parser.table
      idIndex = parser.idIndex
      var found = parser.diagnostics
      var fileRejects = parser.rejected
      let records = Set(found.compactMap(\.record) + found.compactMap(\.related) + fileRejects.map(\.record))
      if !records.isEmpty {
        let lines: [Int: Int]
        (found, lines) = placeOnLines(found, records: records, path: path, encoding: file.encoding, delimiter: delimiter)
        for index in fileRejects.indices {
          let record = fileRejects[index].record
          fileRejects[index].line = lines[record]
          // The reasons again, now that their messages name lines.
          let reasons = found.filter { $0.record == record && $0.severity == .warning }.map(\.message)
          if !reasons.isEmpty {
            fileRejects[index].reason = LocalizedText(
              vi: reasons.map(\.vi).joined(separator: "; "), en: reasons.map(\.en).joined(separator: "; "))
          }
        }
      }
      rejected += fileRejects
      diagnostics.append(contentsOf: found)
      diagnostics.append(contentsOf: fileProblems)
      if parser.suppressedErrors > 0 {
        diagnostics.append(
          Diagnostic(
            .error, SourceLocation(file: path),
            message: L("còn \(parser.suppressedErrors) lỗi khác không được liệt kê.", "\(parser.suppressedErrors) more errors are not listed."),
            fix: L("Sửa các lỗi trên rồi chạy lại để xem tiếp.", "Fix the problems above and run again to see the rest.")))
      }
      reports.append(
        FileReport(
          path: path, encoding: file.encoding, delimiter: delimiter, recordsRead: parser.recordsRead,
          rowsKept: parser.rowsKept, duplicatesDropped: parser.duplicatesDropped, rowsRejected: fileRejects.count,
          suppressed: parser.suppressed, suppressedErrors: parser.suppressedErrors, sha256: file.sha256, header: parser.header,
          parts: file.parts))
    }
    return ReadResult(table: table, diagnostics: diagnostics, files: reports, rejected: rejected)
  }

  /// One file as read: the parser holding its rows and problems, and how it was read.
  private struct ParsedFile {
    var parser: ExportParser
    var encoding: InputEncoding
    var delimiter: UInt8?
    var sha256: String
    /// Problems that stopped the reading (the file cannot be opened or decoded).
    var thrown: [Diagnostic]
    var parts = 1
  }

  private static func parser(
    _ path: String, fileIndex: Int, table: ResponseTable, idIndex: IDIndex, questionnaire: Questionnaire, options: ReadOptions
  ) -> ExportParser {
    ExportParser(
      questionnaire: questionnaire, file: path, fileIndex: Int32(fileIndex), table: table, idIndex: idIndex,
      diagnosticLimit: options.diagnosticLimit, skipBadRows: options.skipBadRows)
  }

  /// Reads the file from start to end on this thread.
  private static func readWhole(
    _ path: String, fileIndex: Int, table: ResponseTable, idIndex: IDIndex, questionnaire: Questionnaire, options: ReadOptions,
    progress: ((ReadProgress) -> Void)?
  ) -> ParsedFile {
    let parser = parser(path, fileIndex: fileIndex, table: table, idIndex: idIndex, questionnaire: questionnaire, options: options)
    var stream = DecodedStream(path: path, encoding: options.encoding, hashing: options.fileHashes)
    if let progress {
      stream.progress = { bytes, total in progress(ReadProgress(file: path, rows: parser.recordsRead, bytes: bytes, totalBytes: total)) }
    }
    var delimiter: UInt8?
    var thrown: [Diagnostic] = []
    do {
      let failure = try LibCSV.parse(&stream, delimiter: options.delimiter, reportNewlines: false, sink: parser) { delimiter = $0 }
      if let failure {
        let problem = syntaxProblem(failure, parser: parser, path: path)
        if options.skipBadRows && failure.unterminatedQuote {
          parser.rejectUnfinished(partial: failure.partialField, problem: problem)
        } else {
          parser.report(problem)
        }
      }
      if parser.header.isEmpty && failure == nil {
        parser.report(
          Diagnostic(
            .error, SourceLocation(file: path, line: 1), message: L("tệp rỗng.", "the file is empty."),
            fix: L("Xuất lại dữ liệu từ nền tảng khảo sát.", "Export the data again from the survey platform.")))
      } else if parser.recordsRead == 0 && !parser.stop && failure == nil {
        parser.report(
          Diagnostic(
            .warning, SourceLocation(file: path, line: 1), message: L("tệp chỉ có dòng tiêu đề, không có câu trả lời.", "the file has a header but no responses."),
            fix: L("Kiểm tra bộ lọc khi xuất dữ liệu.", "Check the filters used when exporting.")))
      }
    } catch {
      thrown = error.diagnostics
    }
    return ParsedFile(parser: parser, encoding: stream.encoding, delimiter: delimiter, sha256: stream.sha256, thrown: thrown)
  }

  /// Reads a large UTF-8 file in parts, one per core, cut at record boundaries
  /// (`FileParts`), and joins them in order. Nil when the file is not one to cut, or when
  /// a part met a problem: the caller then reads it whole, which reports exactly.
  private static func readInParts(
    _ path: String, fileIndex: Int, table: ResponseTable, idIndex: IDIndex, questionnaire: Questionnaire, options: ReadOptions,
    progress: ((ReadProgress) -> Void)?
  ) -> ParsedFile? {
    let wanted = options.parts ?? Parallel.width
    guard wanted > 1, !options.skipBadRows, options.encoding == nil || options.encoding == .utf8 else { return nil }
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    guard size >= 2 * options.minimumPartBytes, !startsWithUTF16Mark(path) else { return nil }
    let cuts = FileParts.boundaries(path: path, size: size, parts: wanted, minimumPartBytes: options.minimumPartBytes)
    guard cuts.count > 2 else { return nil }

    // The header first, so that every part knows the columns.
    let probe = parser(path, fileIndex: fileIndex, table: ResponseTable(indicatorCount: table.indicatorCount), idIndex: IDIndex(), questionnaire: questionnaire, options: options)
    probe.stopAfterHeader = true
    var probeStream = DecodedStream(path: path, encoding: options.encoding, range: 0..<cuts[1])
    var detected: UInt8?
    do {
      _ = try LibCSV.parse(&probeStream, delimiter: options.delimiter, reportNewlines: false, sink: probe) { detected = $0 }
    } catch {
      return nil
    }
    guard !probe.header.isEmpty, !probe.hasErrors, let delimiter = detected else { return nil }

    let first = parser(path, fileIndex: fileIndex, table: table, idIndex: idIndex, questionnaire: questionnaire, options: options)
    var parsers = [first]
    for _ in 2..<cuts.count {
      let part = parser(path, fileIndex: fileIndex, table: ResponseTable(indicatorCount: table.indicatorCount), idIndex: IDIndex(), questionnaire: questionnaire, options: options)
      part.continueAfter(probe)
      parsers.append(part)
    }
    let shared = Unchecked(parsers)
    let partCount = parsers.count
    // One task per part, and one more for the whole file's SHA-256 when it is wanted.
    let outcomes: [String?] = Parallel.map(partCount + (options.fileHashes ? 1 : 0)) { index in
      if index == partCount { return DecodedStream.sha256(ofFile: path) }
      let parser = shared.value[index]
      var stream = DecodedStream(path: path, encoding: options.encoding, range: cuts[index]..<cuts[index + 1])
      if index == 0, let progress {
        stream.progress = { bytes, total in
          progress(ReadProgress(file: path, rows: parser.recordsRead * partCount, bytes: bytes * size / max(1, total), totalBytes: size))
        }
      }
      do {
        let failure = try LibCSV.parse(&stream, delimiter: delimiter, reportNewlines: false, sink: parser) { _ in }
        return failure == nil ? "" : nil
      } catch {
        return nil
      }
    }
    guard !outcomes.prefix(partCount).contains(nil) else { return nil }
    for part in parsers.dropFirst() {
      guard first.absorb(part) else { return nil }
    }
    return ParsedFile(
      parser: first, encoding: .utf8, delimiter: delimiter, sha256: options.fileHashes ? outcomes[partCount] ?? "" : "", thrown: [],
      parts: partCount)
  }

  private static func startsWithUTF16Mark(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 2)) ?? Data()
    return head.count == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))
  }

  private static func syntaxProblem(_ failure: CSVSyntaxFailure, parser: ExportParser, path: String) -> Diagnostic {
    let column = parser.fieldIndex
    let name = column < parser.header.count ? parser.header[column] : nil
    let message: LocalizedText
    let fix: LocalizedText
    if failure.unterminatedQuote {
      message = L("dấu ngoặc kép mở ở trường này không bao giờ được đóng; tệp kết thúc bên trong trường.",
                  "a quote opened in this field is never closed; the file ends inside the field.")
      fix = L("Thêm dấu \" đóng ở cuối trường, hoặc viết dấu \" bên trong trường thành \"\".",
              "Add the closing \" at the end of the field, or write a \" inside the field as \"\".")
    } else {
      message = L("dấu ngoặc kép đặt sai chỗ (libcsv: error parsing data while strict checking enabled).",
                  "a misplaced quote (libcsv: error parsing data while strict checking enabled).")
      fix = L("Một trường có dấu \" phải được bao trong ngoặc kép và dấu \" bên trong viết thành \"\"; sửa trường này.",
              "A field containing \" must be quoted, with each inner \" written as \"\"; correct this field.")
    }
    return Diagnostic(
      .error, SourceLocation(file: path, column: column + 1, columnName: name), record: parser.record, field: column,
      value: failure.partialField, message: message, fix: fix)
  }

  /// Fills in physical line numbers by reading the file once more with newline reporting.
  private static func placeOnLines(
    _ diagnostics: [Diagnostic], records: Set<Int>, path: String, encoding: InputEncoding?, delimiter: UInt8?
  ) -> ([Diagnostic], [Int: Int]) {
    let mapper = LineMapper(records: records)
    var stream = DecodedStream(path: path, encoding: encoding)
    _ = try? LibCSV.parse(&stream, delimiter: delimiter, reportNewlines: true, sink: mapper) { _ in }
    let pending = mapper.pendingRecord
    let placed: [Diagnostic] = diagnostics.map { diagnostic in
      var placed = diagnostic
      if let related = diagnostic.related {
        let line = mapper.recordLines[related].map(String.init) ?? "?"
        placed.message.vi = placed.message.vi.replacingOccurrences(of: "{related}", with: line)
        placed.message.en = placed.message.en.replacingOccurrences(of: "{related}", with: line)
      }
      guard let record = diagnostic.record else { return placed }
      if record == 0 {
        placed.location.line = 1
      } else if record == pending.record, let field = diagnostic.field, field == pending.fields {
        placed.location.line = pending.fieldLine
      } else if let field = diagnostic.field, let lines = mapper.fieldLines[record], field < lines.count {
        placed.location.line = lines[field]
      } else if let line = mapper.recordLines[record] {
        placed.location.line = line
      } else if record == pending.record {
        placed.location.line = pending.line
      }
      return placed
    }
    return (placed, mapper.recordLines)
  }
}
