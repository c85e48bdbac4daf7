/// Office Open XML workbooks (`.xlsx`, as Excel, LibreOffice, Google Sheets and
/// KoboToolbox write them): the first sheet or `ReadOptions.sheet`, read as a CSV export of
/// it would be (`SheetReader`), with places named as the sheet and cell (`Sheet1!C12`).
struct XLSXFormat: ExportFormat {
  var name: String { "Excel" }

  func read<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
  ) -> FormatRead<Sink> {
    let sha256 = options.fileHashes ? DecodedStream.sha256(ofFile: path) : ""
    var details = FormatDetails()
    do {
      let book = try WorkbookPackage(path)
      let sheet = try book.sheet(named: options.sheet)
      details.sheet = sheet.name
      details.sheets = book.sheets.map(\.name)
      let total = book.size(of: sheet.part)
      let sink: Sink
      var readers: [SheetReader] = []
      var parts = 1
      if let blocks = readInBlocks(
        sheet, of: book, options: options, makeSink: makeSink,
        progress: { bytes, rows in
          progress?(ReadProgress(file: path, rows: rows, bytes: bytes, totalBytes: total))
        })
      {
        (sink, readers, parts) = blocks
      } else {
        let whole = makeSink()
        sink = whole
        readers = [
          try read(sheet, of: book, into: whole, options: options) { bytes in
            progress?(ReadProgress(file: path, rows: whole.recordsRead, bytes: bytes, totalBytes: total))
          }
        ]
      }
      details.rows = readers.flatMap(\.rowNumbers)
      let formulaRows = readers.map(\.formulaRows).reduce(0, +)
      let firstFormulaRow = readers.map(\.firstFormulaRow).first { $0 > 0 } ?? 0
      let notes =
        formulaRows > 0 ? [formulaRowsNote(formulaRows, from: firstFormulaRow, path: path, sheet: sheet.name)] : []
      return FormatRead(
        sink: sink, details: details, sha256: sha256, failure: nil, thrown: [], parts: parts, notes: notes)
    } catch {
      // A damaged workbook keeps none of the rows read before the damage.
      return FormatRead(sink: makeSink(), details: details, sha256: sha256, failure: nil, thrown: error.diagnostics)
    }
  }

  /// A large sheet read on every core (`SheetBlocks`), when it is a plain one and nothing
  /// asks for it to be read from start to end; nil otherwise.
  private func readInBlocks<Sink: PartitionedSink>(
    _ sheet: (name: String, part: String), of book: WorkbookPackage, options: ReadOptions, makeSink: () -> Sink,
    progress: @escaping (_ bytes: Int, _ rows: Int) -> Void
  ) -> (Sink, [SheetReader], Int)? {
    // Blocks as large as the parts of a CSV file read on several cores.
    let blocks = SheetBlocks(book: book, part: sheet.part, blockSize: 2 * options.minimumPartBytes)
    guard Parallel.width > 1, !options.skipBadRows, options.headerRows == 1,
      book.size(of: sheet.part) >= 2 * blocks.blockSize
    else { return nil }
    let first = makeSink()
    guard !first.wantsRecordLines else { return nil }
    let read = blocks.read(
      first: first,
      reader: { sink in
        SheetReader(
          sink: sink, strings: book.sharedStrings, styles: book.styles, date1904: book.date1904,
          headerRow: options.headerRow ?? 0, headerRows: 1)
      }, progress: progress)
    return read.map { ($0.sink, $0.readers, $0.blocks) }
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

  private func formulaRowsNote(_ count: Int, from row: Int, path: String, sheet: String) -> Diagnostic {
    Diagnostic(
      .warning, SourceLocation(file: path, line: row, sheet: sheet),
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
