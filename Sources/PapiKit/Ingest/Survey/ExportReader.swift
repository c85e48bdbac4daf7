import Foundation

/// Reads survey exports into a `ResponseTable` (PRODUCT.md §3.1), whatever their format
/// (`ExportFormats`), with the comments of the questionnaire's free-text columns read in the
/// same pass.
public enum ExportReader {
  /// Reads every file, collecting every problem rather than stopping at the first one.
  /// A file that cannot be read at all is reported and the next file is read.
  public static func read(
    _ paths: [String], questionnaire: Questionnaire, options: ReadOptions = ReadOptions(),
    progress: ((ReadProgress) -> Void)? = nil
  ) -> ReadResult {
    read(paths, questionnaire: questionnaire, options: options, progress: progress, formats: ExportFormats.detect)
  }

  /// The same, with the function that chooses each file's format (`ExportFormats.detect`).
  static func read(
    _ paths: [String], questionnaire: Questionnaire, options: ReadOptions, progress: ((ReadProgress) -> Void)?,
    formats: (String) throws(PapiError) -> any ExportFormat
  ) -> ReadResult {
    var table = ResponseTable(indicatorCount: questionnaire.indicators.count)
    var idIndex = IDIndex()
    var diagnostics: [Diagnostic] = []
    var reports: [FileReport] = []
    var rejected: [RejectedRow] = []
    var comments: [FeedbackBatch] = []
    var commentWarnings: [Diagnostic] = []
    for (fileIndex, path) in paths.enumerated() {
      table.files.append(path)
      let format: any ExportFormat
      do {
        format = try formats(path)
      } catch {
        diagnostics += error.diagnostics
        reports.append(FileReport(path: path))
        comments.append(FeedbackBatch(file: path, sha256: "", rowsRead: 0, source: .survey, items: []))
        continue
      }
      let file = format.read(path, options: options, progress: progress) {
        ExportParser(
          questionnaire: questionnaire, file: path, fileIndex: Int32(fileIndex), table: table, idIndex: idIndex,
          diagnosticLimit: options.diagnosticLimit, skipBadRows: options.skipBadRows, readComments: options.readComments
        )
      }
      let parser = file.sink
      if let failure = file.failure {
        let problem = syntaxProblem(failure, parser: parser, path: path)
        if options.skipBadRows && failure.unterminatedQuote {
          parser.rejectUnfinished(partial: failure.partialField, problem: problem)
        } else {
          parser.report(problem)
        }
      }
      parser.reportUnknownOptions()
      if file.thrown.isEmpty && file.failure == nil {
        parser.checkNotEmpty()
      }
      table = parser.table
      idIndex = parser.idIndex
      var found = parser.diagnostics
      var fileRejects = parser.rejected
      let records = Set(found.compactMap(\.record) + found.compactMap(\.related) + fileRejects.map(\.record))
      if !records.isEmpty {
        let places = format.places(of: records, in: path, as: file.details)
        found = placed(found, places)
        for index in fileRejects.indices {
          let record = fileRejects[index].record
          fileRejects[index].line = places.recordLines[record]
          // The reasons again, now that their messages name lines.
          let reasons = found.filter { $0.record == record && $0.severity == .warning }.map(\.message)
          if !reasons.isEmpty {
            fileRejects[index].reason = LocalizedText(
              vi: reasons.map(\.vi).joined(separator: "; "), en: reasons.map(\.en).joined(separator: "; "))
          }
        }
      }
      rejected += fileRejects
      if let hint = sheetHint(file.details, parser: parser, path: path) { found.append(hint) }
      diagnostics.append(contentsOf: found)
      diagnostics.append(contentsOf: file.thrown)
      diagnostics.append(contentsOf: file.notes)
      if parser.suppressedErrors > 0 {
        diagnostics.append(
          Diagnostic(
            .error, SourceLocation(file: path),
            message: L(
              "còn \(parser.suppressedErrors) lỗi khác không được liệt kê.",
              "\(parser.suppressedErrors) more errors are not listed."),
            fix: L(
              "Sửa các lỗi trên rồi chạy lại để xem tiếp.", "Fix the problems above and run again to see the rest.")))
      }
      var batch = FeedbackBatch(
        file: path, sha256: "", rowsRead: parser.recordsRead, source: .survey, items: parser.comments)
      batch.respondents = parser.commentRespondents
      comments.append(batch)
      commentWarnings += parser.commentWarnings
      reports.append(
        FileReport(
          path: path, encoding: file.details.encoding, delimiter: file.details.delimiter,
          recordsRead: parser.recordsRead, rowsKept: parser.rowsKept, duplicatesDropped: parser.duplicatesDropped,
          rowsRejected: fileRejects.count, suppressed: parser.suppressed, suppressedErrors: parser.suppressedErrors,
          sha256: file.sha256, header: parser.header, parts: file.parts))
      reports[reports.count - 1].sheet = file.details.sheet
      reports[reports.count - 1].rowIdentity = parser.rowIdentity
      reports[reports.count - 1].incompleteLeftOut = parser.incompleteLeftOut
      if parser.incompleteLeftOut > 0 {
        diagnostics.append(IncompleteResponses.note(parser.incompleteLeftOut, of: parser.recordsRead, file: path))
      }
    }
    var result = ReadResult(
      table: table, diagnostics: diagnostics, files: reports, rejected: rejected, comments: comments,
      commentWarnings: commentWarnings)
    if options.skipBadRows { result.reading.rowsLeftOut = rejected.count }
    result.reading.duplicatesDetectable = !reports.contains(where: \.rowIdentity)
    result.reading.incompleteLeftOut = reports.reduce(0) { $0 + $1.incompleteLeftOut }
    return result
  }

  /// When a workbook's sheet has no header the questionnaire knows and the workbook has
  /// other sheets: which sheet was read, which others there are, and how to choose one.
  private static func sheetHint(_ details: FormatDetails, parser: ExportParser, path: String) -> Diagnostic? {
    guard let sheet = details.sheet, details.sheets.count > 1,
      parser.diagnostics.contains(where: { $0.record == 0 && $0.severity == .error })
    else { return nil }
    let names = details.sheets.map { "\"\($0)\"" }.joined(separator: ", ")
    return Diagnostic(
      .warning, SourceLocation(file: path, sheet: sheet),
      message: L(
        "đã đọc trang tính \"\(sheet)\"; sổ tính có \(details.sheets.count) trang: \(names).",
        "read sheet \"\(sheet)\"; the workbook has \(details.sheets.count) sheets: \(names)."),
      fix: L(
        "Nếu dữ liệu ở trang khác, chọn trang đó bằng --sheet TÊN.",
        "If the data is on another sheet, choose it with --sheet NAME."))
  }

  private static func syntaxProblem(_ failure: RecordSyntaxFailure, parser: ExportParser, path: String) -> Diagnostic {
    let column = parser.fieldIndex
    let name = column < parser.header.count ? parser.header[column] : nil
    let message: LocalizedText
    let fix: LocalizedText
    if failure.unterminatedQuote {
      message = L(
        "dấu ngoặc kép mở ở trường này không bao giờ được đóng; tệp kết thúc bên trong trường.",
        "a quote opened in this field is never closed; the file ends inside the field.")
      fix = L(
        "Thêm dấu \" đóng ở cuối trường, hoặc viết dấu \" bên trong trường thành \"\".",
        "Add the closing \" at the end of the field, or write a \" inside the field as \"\".")
    } else {
      message = L(
        "dấu ngoặc kép đặt sai chỗ (libcsv: error parsing data while strict checking enabled).",
        "a misplaced quote (libcsv: error parsing data while strict checking enabled).")
      fix = L(
        "Một trường có dấu \" phải được bao trong ngoặc kép và dấu \" bên trong viết thành \"\"; sửa trường này.",
        "A field containing \" must be quoted, with each inner \" written as \"\"; correct this field.")
    }
    // The field runs on to where the file ends, across other rows: shown masked, and not at
    // all in a personal-data column.
    let value = parser.isPersonal(column) ? nil : PersonalDataMask.mask(failure.partialField.nfc)
    return Diagnostic(
      .error, SourceLocation(file: path, column: column + 1, columnName: name), record: parser.record, field: column,
      value: value, message: message, fix: fix)
  }

  /// The diagnostics with the places of their records filled in.
  private static func placed(_ diagnostics: [Diagnostic], _ places: RecordPlaces) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      var placed = diagnostic
      if let related = diagnostic.related {
        let line = places.recordLines[related].map(String.init) ?? "?"
        placed.message.vi = placed.message.vi.replacingOccurrences(of: "{related}", with: line)
        placed.message.en = placed.message.en.replacingOccurrences(of: "{related}", with: line)
      }
      if let record = diagnostic.record, let line = places.line(record: record, field: diagnostic.field) {
        placed.location.line = line
        placed.location.sheet = places.sheet
      }
      return placed
    }
  }
}
