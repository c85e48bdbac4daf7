/// Office Open XML workbooks (`.xlsx`, as Excel, LibreOffice, Google Sheets and
/// KoboToolbox write them): the first sheet or `ReadOptions.sheet`, read as a CSV export of
/// it would be (`SheetReader`), with places named as the sheet and cell (`Sheet1!C12`).
struct XLSXFormat: ExportFormat {
  var name: String { "Excel" }

  func read<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
  ) -> FormatRead<Sink> {
    let sink = makeSink()
    let sha256 = options.fileHashes ? DecodedStream.sha256(ofFile: path) : ""
    var details = FormatDetails()
    var notes: [Diagnostic] = []
    do {
      let book = try WorkbookPackage(path)
      let sheet = try book.sheet(named: options.sheet)
      details.sheet = sheet.name
      details.sheets = book.sheets.map(\.name)
      let total = book.size(of: sheet.part)
      let reader = try read(sheet, of: book, into: sink, options: options) { bytes in
        progress?(ReadProgress(file: path, rows: sink.recordsRead, bytes: bytes, totalBytes: total))
      }
      details.rows = reader.rowNumbers
      if reader.formulaRows > 0 { notes.append(formulaRowsNote(reader, path: path, sheet: sheet.name)) }
    } catch {
      return FormatRead(sink: sink, details: details, sha256: sha256, failure: nil, thrown: error.diagnostics)
    }
    return FormatRead(sink: sink, details: details, sha256: sha256, failure: nil, thrown: [], notes: notes)
  }

  /// Streams `sheet` into `sink` through a `SheetReader` (with the header rows joined).
  private func read(
    _ sheet: (name: String, part: String), of book: WorkbookPackage, into sink: RecordSink, options: ReadOptions,
    progress: ((Int) -> Void)?
  ) throws(PapiError) -> SheetReader {
    let join = HeaderLayout(line: nil, rows: options.headerRows).wrap(sink)
    let reader = SheetReader(
      sink: join ?? sink, strings: book.sharedStrings, styles: book.styles, date1904: book.date1904,
      headerRow: options.headerRow ?? 0, headerRows: options.headerRows)
    try book.stream(sheet.part, into: reader, progress: progress)
    if let broken = reader.brokenCell {
      throw PapiError(
        file: book.path,
        message: L(
          "ô \(sheet.name)!\(SourceLocation.columnLetters(broken.column + 1))\(broken.row) trỏ tới chuỗi dùng chung "
            + "số \(broken.index), không có trong sổ tính.",
          "cell \(sheet.name)!\(SourceLocation.columnLetters(broken.column + 1))\(broken.row) refers to shared "
            + "string \(broken.index), which the workbook does not have."),
        fix: L(
          "Sổ tính bị hỏng: mở trong Excel hoặc LibreOffice và lưu lại thành .xlsx.",
          "The workbook is damaged: open it in Excel or LibreOffice and save it again as .xlsx."))
    }
    return reader
  }

  private func formulaRowsNote(_ reader: SheetReader, path: String, sheet: String) -> Diagnostic {
    let count = reader.formulaRows
    return Diagnostic(
      .warning, SourceLocation(file: path, line: reader.firstFormulaRow, sheet: sheet),
      message: L(
        "\(count) dòng dưới dữ liệu chỉ có công thức (tổng, trung bình…), từ dòng này: không phải người trả lời, "
          + "không đọc.",
        "\(count) row\(count == 1 ? "" : "s") below the data hold only formulas (totals, averages…), from this one: "
          + "not respondents, not read."),
      fix: L(
        "Không cần làm gì nếu đó là các dòng tổng hợp.", "Nothing to do if these are summary rows."))
  }

  func records(
    _ path: String, options: ReadOptions, keep: ((Int) -> Bool)?,
    each: @escaping (_ line: Int, _ fields: [String]) -> Void
  ) throws(PapiError) -> RecordsRead {
    let book = try WorkbookPackage(path)
    let sheet = try book.sheet(named: options.sheet)
    let collector = TextRecords(keep: keep)
    collector.onRecord = { [unowned collector] in each(collector.recordLine, $0) }
    _ = try read(sheet, of: book, into: collector, options: options, progress: nil)
    var details = FormatDetails()
    details.sheet = sheet.name
    return RecordsRead(sha256: DecodedStream.sha256(ofFile: path), details: details)
  }

  func places(of records: Set<Int>, in path: String, as read: FormatDetails) -> RecordPlaces {
    var places = RecordPlaces(sheet: read.sheet)
    for record in records where record >= 0 && record < read.rows.count {
      places.recordLines[record] = Int(read.rows[record])
    }
    // A record past the last one read: the row after it.
    places.pending = (read.rows.count, Int(read.rows.last ?? 0) + 1, 0, Int(read.rows.last ?? 0) + 1)
    return places
  }
}
