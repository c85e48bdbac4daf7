import Foundation
import Testing
import XMLParts

@testable import PapiKit

/// `--format xlsx` (issue 17): the action register, the weakness report and the feedback
/// report as Excel workbooks, compared part by part with golden files, read back by
/// openpyxl, and refused where they cannot go.
@Suite("Excel workbooks (--format xlsx)")
struct XlsxOutputTests {
  // MARK: What each command writes

  /// The action register of `PlanTests`' plan, one action in progress, as of 1 March 2024:
  /// every action re-measured in 2024.
  static func actions(_ language: Language = .vi) throws -> Data {
    let plan = try PlanTests()
    _ = try plan.plan()
    _ = try plan.store().updateAction(id: "c6f607e50d", status: .inProgress, note: nil, author: "x")
    var request = ActionListRequest()
    request.today = CivilDate("2024-03-01")
    request.format = .xlsx
    request.options.language = language
    var buffer = ByteBuffer()
    try ActionsCommand.list(request, store: SQLiteStore(path: plan.database, mode: .existing), to: &buffer)
    return Data(buffer.bytes)
  }

  /// The weakness report of commune 23494, 2024 against 2023 from the sample files, with
  /// `ReportTests`' targets and papi's task catalogue.
  static func report(_ language: Language = .vi) throws -> Data {
    let tests = try ReportTests()
    var request = tests.request(.xlsx, language: language)
    request.unit = "23494"
    request.tasksPath = repoPath("questionnaires/papi-tasks.yaml")
    var buffer = ByteBuffer()
    _ = try ReportCommand.run(request, store: tests.store, to: &buffer)
    return Data(buffer.bytes)
  }

  /// The 2024 feedback of commune 19369, from the samples.
  static func feedback(_ language: Language = .vi) throws -> Data {
    let tests = try FeedbackStoreTests()
    try tests.samples()
    var request = FeedbackReportRequest(
      wave: "2024", unit: "19369", lexicons: [FeedbackStoreTests.lexicon], format: .xlsx)
    request.options.language = language
    var buffer = ByteBuffer()
    _ = try FeedbackReportCommand.run(request, store: SQLiteStore(path: tests.database, mode: .existing), to: &buffer)
    return Data(buffer.bytes)
  }

  // MARK: Golden parts

  /// The parts of a workbook in the archive's order, each under its path, with a line per
  /// element of the package and a line per cell (a line break added after `>` before `<`,
  /// which no text holds, so nothing else changes).
  static func parts(_ workbook: Data) throws -> String {
    try officeParts(workbook, name: "book.xlsx").map { "== \($0.path)\n" + lines($0.text) + "\n" }.joined()
  }

  private static func lines(_ xml: String) -> String {
    let inCell = ["v>", "/v>", "is>", "/is>", "t>", "t ", "/t>", "/c>"]
    var out = ""
    var rest = Substring(xml)
    while let range = rest.range(of: "><") {
      out += rest[..<range.lowerBound] + ">"
      rest = rest[rest.index(after: range.lowerBound)...]
      if !inCell.contains(where: { rest.dropFirst().hasPrefix($0) }) { out += "\n" }
    }
    return out + rest
  }

  @Test func theActionRegisterMatchesItsGoldenParts() throws {
    try assertReportGolden(try Self.parts(try Self.actions()), "actions.xlsx.txt")
  }

  @Test func theWeaknessReportMatchesItsGoldenParts() throws {
    try assertReportGolden(try Self.parts(try Self.report()), "report-23494.xlsx.txt")
  }

  @Test func theFeedbackReportMatchesItsGoldenParts() throws {
    try assertReportGolden(try Self.parts(try Self.feedback()), "feedback-19369.xlsx.txt")
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    #expect(try Self.actions() == Self.actions())
    #expect(try Self.report() == Self.report())
  }

  // MARK: The writer

  @Test func datesAreExcelDayNumbers() throws {
    // Excel's own numbers: 1 is 1 January 1900, 60 its 29 February 1900, 61 is 1 March 1900.
    let days: [(String, Int)] = [
      ("1900-01-01", 1), ("1900-02-28", 59), ("1900-03-01", 61), ("1970-01-01", 25_569), ("2025-01-06", 45_663),
      ("2199-12-31", 109_574),
    ]
    for (date, serial) in days { #expect(XlsxWriter.serial(try #require(CivilDate(date))) == serial, "\(date)") }
  }

  @Test func columnsAreLettered() {
    #expect([1, 2, 26, 27, 52, 53, 702, 703].map(XlsxWriter.column) == ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
  }

  @Test func sheetNamesAreOnesExcelAccepts() {
    let long = SheetTable(name: "Báo cáo: [điểm]/chỉ số * 2024? 'cũ' \\ của các xã", columns: [], rows: [])
    #expect(long.name == "Báo cáo điểmchỉ số  2024 'cũ'  ")
    #expect(long.name.count <= 31)
    #expect(SheetTable(name: "'Điểm'", columns: [], rows: []).name == "Điểm")
    #expect(XlsxWriter.uniqueNames(["Điểm", "điểm", "", "Điểm"]) == ["Điểm", "điểm (2)", "Sheet3", "Điểm (3)"])
  }

  @Test func hostileTextIsTextNotAFormulaNorBrokenXML() throws {
    let texts = ["=HYPERLINK(\"http://x\")", "<b>&amp;</b>", " đầu và cuối ", "hai\ndòng", "điều khiển\u{01}\u{1F}"]
    let sheet = SheetTable(
      name: "Thử", columns: [SheetTable.Column(title: "Văn bản", kind: .text)], rows: texts.map { [SheetCell($0)] })
    let parts = try Self.parts(XlsxWriter().data(Workbook(title: "Thử", language: .vi, sheets: [sheet])))
    #expect(parts.contains(#"<c r="A2" t="inlineStr"><is><t>=HYPERLINK(&quot;http://x&quot;)</t></is></c>"#))
    #expect(parts.contains(#"<t>&lt;b&gt;&amp;amp;&lt;/b&gt;</t>"#))
    #expect(parts.contains(#"<t xml:space="preserve"> đầu và cuối </t>"#))
    #expect(parts.contains("<t xml:space=\"preserve\">hai\ndòng</t>"))
    #expect(parts.contains("<t>điều khiển</t>"))
    #expect(!parts.contains("<f>"), "no formula")
  }

  @Test func anEmptyValueIsAnEmptyCell() throws {
    let sheet = SheetTable(
      name: "Thử",
      columns: [
        SheetTable.Column(title: "Điểm", kind: .number(decimals: 2)), SheetTable.Column(title: "Ghi chú", kind: .text),
      ],
      rows: [[SheetCell(nil as Double?), SheetCell("")], [SheetCell(Double.nan), SheetCell(4.5)]])
    #expect(sheet.rows[0] == [.empty, .empty] && sheet.rows[1][0] == .empty)
    let parts = try Self.parts(XlsxWriter().data(Workbook(title: "Thử", language: .vi, sheets: [sheet])))
    #expect(parts.contains("<row r=\"2\"/>"))
    #expect(parts.contains(#"<c r="B3"><v>4.5</v></c>"#), "a number in a text column has the General format")
    #expect(!parts.contains("NaN") && !parts.contains(">0<"))
  }

  // MARK: Read back by openpyxl

  /// openpyxl in the tests' virtual environment (`make test-venv`, which `make test` runs):
  /// without it, this fails rather than skips.
  static let python = repoPath(".build/test-venv/bin/python")

  /// What openpyxl reads in a workbook (Scripts/read-xlsx.py).
  static func openpyxl(_ workbook: Data, name: String) throws -> OpenedWorkbook {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw MissingTool(
        description: "\(python) is missing: run `make test-venv` (`make test` does) to install openpyxl")
    }
    let path = try writeTemporary(Array(workbook), name: name)
    let run = try runProgram(python, [repoPath("Scripts/read-xlsx.py"), path])
    try #require(run.status == 0, "openpyxl could not read \(name): \(run.stderr)")
    return try JSONDecoder().decode(OpenedWorkbook.self, from: Data(run.stdout.utf8))
  }

  struct MissingTool: Error, CustomStringConvertible { var description: String }

  struct OpenedWorkbook: Decodable {
    var title: String?
    var language: String?
    var sheets: [Sheet]

    struct Sheet: Decodable {
      var name: String
      var freezePanes: String?
      var autoFilter: String?
      var widths: [String: Double]
      var rows: [[Cell]]

      var header: [String] { rows.first?.map { $0.value?.text ?? "" } ?? [] }

      /// The cells of the column named `title`, below the header.
      func column(_ title: String) throws -> [Cell] {
        let index = try #require(header.firstIndex(of: title), "no column \(title) in \(header)")
        return rows.dropFirst().map { $0[index] }
      }
    }

    struct Cell: Decodable {
      var value: Value?
      var type: String
      var format: String
      var bold: Bool
    }

    enum Value: Decodable, Equatable {
      case text(String)
      case number(Double)

      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
          self = .number(number)
        } else {
          self = .text(try container.decode(String.self))
        }
      }

      var text: String? {
        if case .text(let text) = self { return text }
        return nil
      }
      var number: Double? {
        if case .number(let number) = self { return number }
        return nil
      }
    }
  }

  /// Frozen under the header, filtered over the whole table, every column given a width,
  /// the header bold and in `header`'s words.
  func expectTableShape(_ sheet: OpenedWorkbook.Sheet, header: [String]) {
    #expect(sheet.header == header, "\(sheet.name)")
    #expect(sheet.rows[0].allSatisfy { $0.bold }, "\(sheet.name): a bold header")
    #expect(sheet.freezePanes == "A2", "\(sheet.name)")
    let last = XlsxWriter.column(header.count)
    #expect(sheet.autoFilter == "A1:\(last)\(sheet.rows.count)", "\(sheet.name)")
    #expect(sheet.widths.count == header.count, "\(sheet.name): \(sheet.widths)")
    #expect(sheet.widths.values.allSatisfy { (6...60).contains($0) }, "\(sheet.name): \(sheet.widths)")
  }

  @Test func openpyxlReadsTheActionRegister() throws {
    let book = try Self.openpyxl(try Self.actions(), name: "nhiem-vu.xlsx")
    #expect(book.title == "Sổ theo dõi nhiệm vụ" && book.language == "vi-VN")
    #expect(book.sheets.map(\.name) == ["Nhiệm vụ"])
    let sheet = book.sheets[0]
    expectTableShape(sheet, header: ActionListCSV.columns.map(\.name.vi))
    #expect(sheet.rows.count == 13, "12 actions")
    for cell in try sheet.column("Điểm") {
      #expect(cell.type == "float" && cell.format == "0.00", "\(cell)")
    }
    let due = try sheet.column("Hạn")
    #expect(due.allSatisfy { $0.type == "datetime" && $0.format == "dd/mm/yyyy" }, "\(due)")
    #expect(due[0].value == .text("2024-01-22T00:00:00"))
    let respondents = try sheet.column("Số người trả lời")
    #expect(respondents.allSatisfy { $0.type == "int" && $0.format == "0" && $0.value == .number(40) })
    #expect(try sheet.column("Trạng thái")[0].value == .text("đang thực hiện"))
    #expect(try sheet.column("Quá hạn")[0].value == .text("có"))
    #expect(try sheet.column("Mã đơn vị")[0].value == .text("10001"), "a code stays text")
    #expect(try sheet.column("Kết quả")[0].value == .text("đã đạt, rõ rệt"))
    let english = try Self.openpyxl(try Self.actions(.en), name: "actions.xlsx")
    #expect(english.title == "Action register" && english.sheets.map(\.name) == ["Actions"])
    expectTableShape(english.sheets[0], header: ActionListCSV.columns.map(\.name.en))
    #expect(try english.sheets[0].column("Status")[0].value == .text("in progress"))
  }

  @Test func openpyxlReadsTheWeaknessReport() throws {
    let book = try Self.openpyxl(try Self.report(), name: "bao-cao.xlsx")
    #expect(book.title?.hasPrefix("BÁO CÁO ĐIỂM YẾU — papi-2024 — đợt 2024 so với 2023") == true)
    #expect(book.sheets.map(\.name) == ["Điểm", "Cảnh báo"])
    let table = book.sheets[0]
    expectTableShape(table, header: (ReportCSVRenderer.columns + [ReportCSVRenderer.weightsColumn]).map(\.name.vi))
    let metrics = try table.column("Chỉ số").map { $0.value?.text }
    let total = try #require(metrics.firstIndex(of: "total"))
    let score = try table.column("Điểm")[total]
    #expect(score.type == "float" && score.format == "0.00" && (score.value?.number ?? 0) > 30, "\(score)")
    #expect(try table.column("Sai số chuẩn")[total].format == "0.000")
    #expect(try table.column("Số người trả lời")[total].type == "int")
    #expect(try table.column("Đánh giá").compactMap { $0.value?.text }.contains("thấp hơn rõ rệt"))
    if let rank = metrics.firstIndex(of: "rank") {
      #expect(try table.column("Điểm")[rank].format == "0", "a rank has no decimals")
    }
    // A metric without a target has an empty cell, not 0.
    let targets = try table.column("Mục tiêu")
    #expect(targets.contains { $0.value == nil && $0.type == "NoneType" })
    #expect(!targets.contains { $0.value == .number(0) })
    let flags = book.sheets[1]
    expectTableShape(
      flags,
      header: [
        "Mã đơn vị", "Đơn vị", "Chỉ số", "Tên chỉ số", "Cảnh báo", "Điểm", "Mục tiêu", "Chênh lệch",
        "Diễn giải", "Nhiệm vụ gợi ý",
      ])
    #expect(flags.rows.count > 1)
    #expect(try flags.column("Cảnh báo").allSatisfy { $0.value != .text("đạt") }, "met is not a flag")
    #expect(try flags.column("Nhiệm vụ gợi ý").contains { $0.value?.text?.hasPrefix("t-") == true })
    let english = try Self.openpyxl(try Self.report(.en), name: "report.xlsx")
    #expect(english.sheets.map(\.name) == ["Scores", "Flags"])
    expectTableShape(
      english.sheets[0], header: (ReportCSVRenderer.columns + [ReportCSVRenderer.weightsColumn]).map(\.name.en))
  }

  @Test func theWeaknessReportCountsStoredFeedbackByDimension() throws {
    let tests = try FeedbackStoreTests()
    try tests.samples()
    var request = ReportRequest()
    request.wave = "2024"
    request.targetsPath = repoPath("samples/targets.yaml")
    request.lexicons = [FeedbackStoreTests.lexicon]
    request.unit = "19369"
    request.format = .xlsx
    var buffer = ByteBuffer()
    _ = try ReportCommand.run(request, store: SQLiteStore(path: tests.database, mode: .existing), to: &buffer)
    let sheet = try Self.openpyxl(Data(buffer.bytes), name: "bao-cao.xlsx").sheets[0]
    expectTableShape(
      sheet,
      header: (ReportCSVRenderer.columns + [ReportCSVRenderer.weightsColumn, ReportCSVRenderer.feedbackColumn]).map(
        \.name.vi))
    let metrics = try sheet.column("Chỉ số").map { $0.value?.text }
    let items = try sheet.column("Số ý kiến")
    #expect(items[try #require(metrics.firstIndex(of: "total"))].value == nil, "the total is of no dimension")
    let d6 = items[try #require(metrics.firstIndex(of: "d6"))]
    #expect(d6.type == "int" && d6.value == .number(10), "\(d6)")
  }

  @Test func openpyxlReadsTheFeedbackReport() throws {
    let book = try Self.openpyxl(try Self.feedback(), name: "y-kien.xlsx")
    #expect(book.title == "Ý kiến người dân theo chỉ số nội dung PAPI — đợt 2024")
    #expect(book.sheets.map(\.name) == ["Ý kiến"])
    let sheet = book.sheets[0]
    expectTableShape(sheet, header: FeedbackReportCSV.columns.map(\.name.vi))
    let shares = try sheet.column("Tỷ lệ (%)")
    #expect(shares.allSatisfy { $0.type == "float" && $0.format == "0.0%" && (0...1).contains($0.value?.number ?? -1) })
    #expect(try sheet.column("Số ý kiến").allSatisfy { $0.type == "int" && $0.format == "0" })
    #expect(try sheet.column("Đợt").allSatisfy { $0.value == .text("2024") })
  }

  // MARK: The command line

  @Test func commandsThatWriteNoWorkbookRefuseIt() throws {
    let score = try runPapi(["score", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--format", "xlsx"])
    #expect(score.status == 64)
    #expect(score.stderr.contains("papi score viết table, json, không viết --format xlsx."), "\(score.stderr)")
    let classify = try runPapi(["feedback", "classify", "samples/petitions-2024.csv", "--format", "xlsx"])
    #expect(classify.status == 64)
    #expect(classify.stderr.contains("không viết --format xlsx"), "\(classify.stderr)")
  }

  @Test func aWorkbookGoesToAFileOrAPipeButNotToATerminal() throws {
    let report = [
      papiExecutable.path, "report", repoPath("samples/kobo-kontum-2024.csv"), "-q", "papi-2024", "--targets",
      repoPath("samples/targets.yaml"), "--unit", "23491", "--format", "xlsx",
    ]
    let piped = try runPapi(Array(report.dropFirst()))
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.hasPrefix("PK"), "a ZIP archive on stdout")
    // `script` runs papi with a terminal as its stdout.
    let shown = try runProgram("/usr/bin/script", ["-qec", report.joined(separator: " "), "/dev/null"])
    #expect(shown.status == 64, "\(shown.stdout)")
    #expect(shown.stdout.contains("--format xlsx viết một tệp, không hiện ra màn hình: thêm --out TỆP.xlsx."))
    let folder = try temporaryDirectory()
    let written = try runProgram(
      "/usr/bin/script",
      ["-qec", (report + ["--out", "bc.xlsx", "--lang", "en"]).joined(separator: " "), "/dev/null"],
      in: folder)
    #expect(written.status == 0, "\(written.stdout)")
    #expect(written.stdout.contains("Wrote bc.xlsx (xlsx,"), "\(written.stdout)")
    let bytes = try Data(contentsOf: folder.appendingPathComponent("bc.xlsx"))
    #expect(bytes.prefix(2) == Data("PK".utf8))
  }
}
