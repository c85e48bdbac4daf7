import Foundation
import Testing

@testable import PapiKit

/// The seams the next capabilities plug into: a format of exports is one type, a document
/// is one value every writer walks, a survey kind is one scheme, a store opens only when
/// used, defaults are found from any folder, and errors carry a stable code.
@Suite("Seams: formats, documents, schemes, stores, defaults, errors")
struct SeamTests {
  static let yaml = """
    id: seam
    kind: papi
    title: {vi: "Thử", en: "Test"}
    respondent: {id: [id], unit: commune_code, parent: province_code}
    dimensions:
      - id: d1
        name: {vi: "Tham gia", en: "Participation"}
        subdimensions:
          - id: d1.1
            name: {vi: "Tri thức", en: "Knowledge"}
            indicators:
              - {id: d1.1.a, column: q1, type: binary, yes: ["1"], no: ["0"]}
              - {id: d1.1.b, column: q2, type: likert, range: [1, 5]}
    """

  static let rows = [
    ["id", "commune_code", "province_code", "q1", "q2"],
    ["r1", "00101", "62", "1", "5"], ["r2", "00101", "62", "0", "3"], ["r3", "00101", "62", "1", "4"],
    ["r4", "00102", "62", "1", "2"], ["r5", "00102", "62", "0", "1"],
  ]

  /// A format that is not CSV: records held in memory, placed on a worksheet's rows (the
  /// header on row 1), as a workbook reader will.
  struct WorksheetFormat: ExportFormat {
    var rows: [[String]]
    var name: String { "worksheet" }

    func read<Sink: PartitionedSink>(
      _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
    ) -> FormatRead<Sink> {
      let sink = makeSink()
      for row in rows {
        for cell in row {
          var cell = cell
          cell.withUTF8 { sink.field(UnsafeRawBufferPointer($0)) }
        }
        sink.endRecord(10)
      }
      return FormatRead(sink: sink, details: FormatDetails(), sha256: "", failure: nil, thrown: [])
    }

    func records(
      _ path: String, options: ReadOptions, keep: ((Int) -> Bool)?, each: @escaping (Int, [String]) -> Void
    ) throws(PapiError) -> RecordsRead {
      for (index, row) in rows.enumerated() { each(index + 1, row) }
      return RecordsRead(sha256: "", details: FormatDetails())
    }

    func places(of records: Set<Int>, in path: String, as read: FormatDetails) -> RecordPlaces {
      var places = RecordPlaces(sheet: "Sheet1")
      for record in records { places.recordLines[record] = record + 1 }
      return places
    }
  }

  func readWorksheet(_ rows: [[String]]) throws -> ReadResult {
    ExportReader.read(
      ["survey.xlsx"], questionnaire: try questionnaire(Self.yaml), options: ReadOptions(), progress: nil,
      formats: { _ throws(PapiError) in WorksheetFormat(rows: rows) })
  }

  @Test func anotherFormatIsOneTypeAndScoresAsTheCSVDoes() throws {
    let q = try questionnaire(Self.yaml)
    let sheet = try readWorksheet(Self.rows)
    #expect(!sheet.hasErrors)
    let fromSheet = ScoreJSONRenderer().text(Scorer(questionnaire: q).score(sheet.table, level: 0))
    let fromCSV = try scoreJSON([try writeTemporary(csv(Self.rows))], q)
    #expect(fromSheet == fromCSV)
  }

  @Test func aProblemInAWorksheetIsPlacedOnItsSheetRowAndColumn() throws {
    var rows = Self.rows
    rows[3][4] = "9"
    let result = try readWorksheet(rows)
    let problem = try #require(result.errors.first)
    #expect(
      problem.text(.en).hasPrefix(
        "survey.xlsx, Sheet1!E4 (q2): error: the answer is not one of indicator d1.1.b's codes"))
  }

  @Test func cellsAreNamedAsSpreadsheetsNameThem() {
    #expect(SourceLocation.columnLetters(1) == "A")
    #expect(SourceLocation.columnLetters(26) == "Z")
    #expect(SourceLocation.columnLetters(27) == "AA")
    #expect(SourceLocation.columnLetters(703) == "AAA")
    #expect(SourceLocation(file: "f.xlsx", line: 12, column: 3, sheet: "Data").text(.vi) == "f.xlsx, Data!C12")
    #expect(
      SourceLocation(file: "f.csv", line: 12, column: 3, columnName: "q1").text(.vi) == "f.csv, dòng 12, cột 3 (q1)")
  }

  @Test func aWorkbookIsRecognisedByItsContentWhateverItsName() throws {
    // Named .csv, it is read as a workbook: this one is only the start of one, and says so.
    let xlsx = try writeTemporary(
      [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml...xl/workbook.xml".utf8),
      name: "export.csv")
    let damaged = ExportReader.read([xlsx], questionnaire: try questionnaire(Self.yaml))
    #expect(damaged.errors.first?.message.en.hasPrefix("the workbook is damaged or incomplete") == true)
    #expect(damaged.errors.first?.message.vi.contains("tệp nén bị cắt") == true)
    let real = try writeTemporary(
      Array(try Data(contentsOf: URL(fileURLWithPath: fixtures + "/workbooks/survey.xlsxwriter.xlsx"))),
      name: "export.csv")
    #expect(try RecordTable.read(real).rows.count == 12)
    // An Excel 97–2003 workbook is refused with how to save it.
    let xls = try writeTemporary([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], name: "export.csv")
    let result = ExportReader.read([xls], questionnaire: try questionnaire(Self.yaml))
    let problem = try #require(result.errors.first)
    #expect(problem.message.en.contains("Excel 97–2003"))
    #expect(problem.fix.en.contains("Excel Workbook (*.xlsx)") && problem.fix.en.contains("CSV UTF-8"))
    #expect(!problem.fix.en.contains("--encoding"), "a workbook is not a CSV in another encoding")
    let error = try #require(throws: PapiError.self) { try RecordTable.read(xls) }
    #expect(error.code == .unsupportedFormat)
  }

  @Test func markdownAndHTMLWalkTheSameDocumentAndEscapeWhatTheyMust() {
    let hostile = "A|B *c* <script>&\"'"
    let document = Document(
      kind: .actionList, language: .en, title: "T <1>",
      blocks: [
        .paragraph([.strong("Bold"), .literal(" n = 3 < 5"), .text(" " + hostile)], .note),
        .list([ListItem("item", mark: .status(.below), children: [ListItem("quote", mark: .quote)])], .flags),
        .table(
          Table(
            columns: [Table.Column("Name"), Table.Column("Score", alignment: .right)],
            rows: [[Table.Cell([.indent, .text(hostile)]), Table.Cell("1,5", highlight: .noTarget)]])),
        .figure(.bars(BarChart(caption: "c", intervalLabel: "i", targetLabel: "t", bars: []))),
      ])
    let markdown = MarkdownWriter().text(document)
    #expect(markdown.hasPrefix("# T &lt;1&gt;\n\n**Bold** n = 3 < 5 A\\|B \\*c\\* &lt;script&gt;&amp;\"'\n\n"))
    #expect(markdown.contains("- item\n  - quote\n"))
    #expect(markdown.contains("|---|---:|\n|   A\\|B"))
    #expect(!markdown.contains("<svg"), "Markdown has no figures")
    #expect(markdown.hasSuffix("|\n\n"))
    let html = HTMLWriter().text(document)
    #expect(html.contains("<h1>T &lt;1&gt;</h1>"))
    #expect(html.contains("<p class=\"note\"><b>Bold</b> n = 3 &lt; 5 A|B *c* &lt;script&gt;&amp;&quot;&#39;</p>"))
    #expect(html.contains("<li class=\"flag-below\">item<ul><li class=\"quote\">quote</li></ul></li>"))
    #expect(html.contains("<td>&nbsp;&nbsp;A|B"))
    #expect(html.contains("<td class=\"none\">1,5</td>"))
    #expect(html.contains("aria-label=\"bars\""))
    #expect(html.hasSuffix("</body>\n</html>\n"))
  }

  @Test func aSurveyKindIsAScheme() {
    let papi = ScoringScheme(.papi)
    #expect(papi.dimensionMaximum == 10 && papi.subdimensionMaximum(of: 4) == 2.5 && papi.decimals == 2)
    #expect(!papi.allowsSatisfiedAnswers)
    let percent = ScoringScheme(.percent)
    #expect(percent.dimensionMaximum == 100 && percent.subdimensionMaximum(of: 4) == 100 && percent.decimals == 1)
    #expect(percent.allowsSatisfiedAnswers && percent.compositesAreMeans)
  }

  @Test func aStoreTouchesItsFileOnlyWhenUsed() throws {
    let path = try temporaryDirectory().appendingPathComponent("papi.db").path
    let reading = SQLiteStore(path: path, mode: .existing)
    #expect(!FileManager.default.fileExists(atPath: path))
    let error = try #require(throws: PapiError.self) { try reading.waves() }
    #expect(error.code == .notFound)
    #expect(error.errorDescription?.contains("chưa có cơ sở dữ liệu ở đây") == true)
    #expect(!FileManager.default.fileExists(atPath: path), "a read never creates the database")
    let writing = SQLiteStore(path: path, mode: .createIfMissing)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(try writing.waveNames().isEmpty)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func errorsCarryAStableCode() throws {
    let store = try SQLiteStore.open(path: try temporaryDirectory().appendingPathComponent("papi.db").path)
    let missing = try #require(throws: PapiError.self) { try store.wave("2024") }
    #expect(missing.code == .notFound)
    #expect(missing.recoverySuggestion?.contains("papi waves") == true)
    let bad = try #require(throws: PapiError.self) { try QuestionnaireLoader.parse(yaml: "id: x", source: "q.yaml") }
    #expect(bad.code == .invalidInput)
    let unreadable = try #require(throws: PapiError.self) { try QuestionnaireLoader.load(path: "/nowhere/q.yaml") }
    #expect(unreadable.code == .unreadableFile)
    let export = try #require(throws: PapiError.self) { try RecordTable.read("/nowhere/units.csv") }
    #expect(export.code == .unreadableFile)
    #expect(PapiError.Code.allCases.map(\.rawValue).count == Set(PapiError.Code.allCases.map(\.rawValue)).count)
  }

  @Test func defaultsAreFoundFromAnyFolderAndNoted() throws {
    let empty = try temporaryDirectory()
    let anywhere = try runPapi(
      ["feedback", "classify", repoPath("samples/petitions-2024.csv"), "--lang", "en"], in: empty)
    #expect(anywhere.status == 0, "\(anywhere.stderr)")
    #expect(anywhere.stdout.contains("36 items"))
    #expect(anywhere.stderr.contains("feedback-lexicon.yaml: note: using papi's built-in feedback lexicon."))
    // A folder with its own questionnaires/ uses its copy: here a lexicon that knows one term.
    let local = try temporaryDirectory()
    try FileManager.default.createDirectory(
      at: local.appendingPathComponent("questionnaires"), withIntermediateDirectories: true)
    try "terms:\n  d7: [rác]\n".write(
      to: local.appendingPathComponent("questionnaires/feedback-lexicon.yaml"), atomically: true, encoding: .utf8)
    let own = try runPapi(["feedback", "classify", repoPath("samples/petitions-2024.csv"), "--lang", "en"], in: local)
    #expect(own.status == 0, "\(own.stderr)")
    #expect(
      own.stderr.contains("questionnaires/feedback-lexicon.yaml: note: using this folder's default feedback lexicon."))
    #expect(own.stdout.contains("by dimension: d7"))
    #expect(!own.stdout.contains("d6"), "only the local lexicon's terms")
    // A shipped questionnaire by name, from anywhere.
    let scored = try runPapi(
      ["score", repoPath("samples/kobo-kontum-2024.csv"), "-q", "papi-2024", "--lang", "en"], in: empty)
    #expect(scored.status == 0, "\(scored.stderr)")
    #expect(scored.stdout.contains("papi-2024: scores by commune, 12 units"))
  }

  @Test func aPlanFromAnyFolderUsesTheShippedCatalogueAndCalendar() throws {
    let folder = try temporaryDirectory()
    let database = folder.appendingPathComponent("papi.db").path
    for wave in ["2023", "2024"] {
      let run = try runPapi(
        ["import", repoPath("samples/kobo-kontum-\(wave).csv"), "-q", "papi-2024", "--wave", wave, "--db", database],
        in: folder)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let plan = try runPapi(
      [
        "plan", "--wave", "2024", "--targets", repoPath("samples/targets.yaml"), "--start", "2025-01-06", "--today",
        "2025-02-28",
        "--format", "md", "--db", database, "--lang", "en",
      ], in: folder)
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.contains("# PLAN"))
    #expect(
      plan.stdout.contains(
        "The results of the citizen survey on commune governance and public administration performance (PAPI "
          + "model), 2024 in "), "\(plan.stdout.prefix(2000))")
    #expect(plan.stderr.contains("papi-tasks.yaml: note: using papi's built-in task catalogue."))
  }
}
