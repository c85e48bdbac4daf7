import Foundation
import Testing
import XMLParts

@testable import PapiKit

/// `--format docx` and the plan in the official form (issue 17): the Word file's parts
/// against golden files, read back by python-docx (page setup, fonts, styles, repeated
/// table headers, page numbers), and the plans an office signs: a province's of 2025 and a
/// commune's own of 2026, which names no body abolished on 1 July 2025.
@Suite("Word files and the plan in the official form")
struct DocxOutputTests {
  let folder: URL
  let database: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("papi-docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    database = folder.appendingPathComponent("samples.db").path
    let papi = "questionnaires/papi-2024.yaml"
    for wave in ["2023", "2024"] {
      let imported = try runPapi([
        "import", "samples/kobo-kontum-\(wave).csv", "-q", papi, "--wave", wave, "--db", database,
      ])
      try #require(imported.status == 0, "\(imported.stderr)")
    }
  }

  /// `papi plan` on the samples' 2024 wave, with `arguments` added.
  func plan(_ arguments: [String]) throws -> PapiRun {
    try runPapi(["plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--db", database] + arguments)
  }

  /// A plan as a Word file, and what python-docx reads in it.
  func word(_ arguments: [String]) throws -> (bytes: Data, read: OpenedDocument) {
    let path = folder.appendingPathComponent("plan-\(UUID().uuidString).docx").path
    let run = try plan(arguments + ["--format", "docx", "--out", path])
    try #require(run.status == 0, "\(run.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    return (bytes, try Self.pythonDocx(path))
  }

  // MARK: The commune's own plan of 2026

  static let communePlan = [
    "--unit", "23362", "--start", "05/01/2026", "--issuer", "samples/co-quan-ban-hanh.yaml",
  ]

  @Test func aCommunesOwnPlanOf2026NamesOnlyTheBodiesOfTheTwoTierGovernment() throws {
    let (_, document) = try word(Self.communePlan)
    let text = document.text
    // Every office abolished on 1 July 2025, as the catalogue names it, and the district.
    let catalogue = try TaskCatalogue.load(path: repoPath("questionnaires/papi-tasks.yaml"))
    let abolished = catalogue.offices.filter { $0.successors != nil }.map(\.name)
    #expect(abolished.count >= 15)
    for name in abolished { #expect(!text.contains(name), "\(name) is abolished") }
    #expect(!text.lowercased().contains("huyện"))
    // The commune's own bodies lead; results go to the province through its home affairs.
    #expect(text.contains("Chủ trì: Phòng Kinh tế") || text.contains("Chủ trì: Văn phòng HĐND và UBND xã"))
    #expect(text.contains("UBND tỉnh (qua Sở Nội vụ)"))
    // The head and the signature of the issuer profile.
    let head = try #require(document.tables.first).rows.flatMap { $0 }.joined(separator: "\n")
    #expect(head.contains("ỦY BAN NHÂN DÂN\nXÃ MƯỜNG HOONG"))
    #expect(head.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"))
    #expect(head.contains("Mường Hoong, ngày 05 tháng 01 năm 2026"))
    #expect(head.contains("/KH-UBND"))
    #expect(document.paragraphs.contains { $0.text == "KẾ HOẠCH" })
    #expect(document.paragraphs.contains { $0.style == "Basis (Căn cứ)" && $0.text.hasPrefix("Căn cứ Luật") })
    let signature = try #require(
      document.tables.dropFirst().first { $0.rows.first?.first?.hasPrefix("Nơi nhận") == true })
    let signer = signature.rows[0][1]
    #expect(signer.hasPrefix("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"))
    #expect(signer.hasSuffix("Nguyễn Văn An"))
    #expect(signature.rows[0][0].contains("- Sở Nội vụ;"))
    #expect(signature.rows[0][0].hasSuffix("- Lưu: VT, VP."))
  }

  @Test func theTextHoldsNoPathCommandIdOrIntervalAndItsDeadlinesAreTheDueDates() throws {
    let markdown = try plan(Self.communePlan + ["--format", "md"])
    try #require(markdown.status == 0, "\(markdown.stderr)")
    let body = try #require(markdown.stdout.components(separatedBy: "# PHỤ LỤC").first)
    for forbidden in [".yaml", "papi ", "samples/", "--", "QUÁ HẠN", "{due}"] {
      #expect(!body.contains(forbidden), "\(forbidden)")
    }
    // No action id (ten hex digits) and no interval "(4,12–4,80)" before the appendix.
    #expect(body.range(of: #"\b[0-9a-f]{10}\b"#, options: .regularExpression) == nil)
    #expect(body.range(of: #"\(\d+,\d+–\d+,\d+\)"#, options: .regularExpression) == nil)
    // A deadline written in a task's text is its due date: the seed's "15 November".
    let json = try plan(Self.communePlan + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let actions = try #require(object["actions"] as? [[String: Any]])
    #expect(!actions.isEmpty)
    for action in actions {
      let title = (action["title"] as? [String: String])?["vi"] ?? ""
      guard let range = title.range(of: #"trước ngày \d\d/\d\d/\d{4}"#, options: .regularExpression) else { continue }
      let written = title[range].suffix(10)
      let due = try #require(CivilDate(action["due"] as? String ?? ""))
      #expect(String(written) == due.vietnamese, "\(title)")
    }
    let report = try #require(actions.first { $0["task"] as? String == "t-all-03" })
    #expect(report["due"] as? String == "2026-11-15")
    let title = (report["title"] as? [String: String])?["vi"] ?? ""
    #expect(title.contains("về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11/2026"))
    // One entry per task in section II.
    let entries = body.components(separatedBy: "\n").filter {
      $0.range(of: #"^\w\) "#, options: .regularExpression) != nil
    }
    #expect(entries.count == Set(actions.compactMap { $0["task"] as? String }).count)
  }

  @Test func aPlanBeforeJuly2025KeepsTheDocumentsNames() throws {
    let markdown = try plan(["--start", "06/01/2025", "--format", "md"])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("Phòng Tài nguyên và Môi trường"))
    #expect(markdown.stderr.contains("--issuer"))
    #expect(markdown.stdout.contains("**TỈNH ………**"))
  }

  // MARK: The Word file

  @Test func theWordFileHasThePageSetupFontsAndStylesOfTheDecree() throws {
    let (_, document) = try word(Self.communePlan)
    let first = try #require(document.sections.first)
    #expect(first.width == 210 && first.height == 297 && !first.landscape)
    #expect(first.top == 20 && first.bottom == 20 && first.left == 30 && first.right == 15)
    // The page number in the top margin, not on the first page.
    #expect(first.firstPageOwn && first.header == "PAGE")
    // The appendix on landscape pages.
    let last = try #require(document.sections.last)
    #expect(document.sections.count == 2 && last.landscape && last.width == 297)
    #expect(document.defaultFont == "Times New Roman" && document.defaultSize == 13)
    for heading in ["Heading 1", "Heading 2", "Heading 3"] { #expect(document.styles[heading]?.bold == true) }
    #expect(document.paragraphs.contains { $0.style == "Heading 1" && $0.text == "I. MỤC ĐÍCH, YÊU CẦU" })
    #expect(document.paragraphs.contains { $0.style == "Title" && $0.text == "PHỤ LỤC" })
    #expect(document.title == "Kế hoạch duy trì và nâng cao Chỉ số PAPI năm 2026")
    #expect(document.language == "vi-VN")
    // The appendix's header row repeats on every page; it lists each flagged area.
    // (A commune's own plan: no column of units.)
    let appendix = try #require(document.tables.first { $0.rows.first?.first == "Nội dung" })
    #expect(appendix.headerRepeats)
    #expect(appendix.rows.count > 1 && appendix.rows[0].count == 5)
    #expect(appendix.rows.contains { $0[0] == "Tổng điểm" && $0[3] == "dưới mục tiêu" })
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    let once = try word(Self.communePlan).bytes
    let twice = try word(Self.communePlan).bytes
    #expect(once == twice)
  }

  @Test func everyDocumentCanBeAWordFile() throws {
    for arguments in [
      ["report", "--wave", "2024", "--targets", "samples/targets.yaml", "--unit", "23491"],
      ["actions", "list", "--wave", "2024", "--unit", "23491"],
    ] {
      let path = folder.appendingPathComponent("\(arguments[0]).docx").path
      let run = try runPapi(arguments + ["--db", database, "--format", "docx", "--out", path])
      try #require(run.status == 0, "\(run.stderr)")
      let document = try Self.pythonDocx(path)
      #expect(document.sections.first?.width == 210)
      #expect(!document.tables.isEmpty && document.tables.allSatisfy { $0.rows.count >= 1 })
    }
  }

  @Test func thePlanMatchesItsGoldenParts() throws {
    let (bytes, _) = try word(Self.communePlan)
    try assertReportGolden(try Self.parts(bytes), "plan-commune.docx.txt")
  }

  // MARK: The catalogue and the profile

  @Test func deadlinesOfTheSeedsKindAreDaysOfThePlansYear() throws {
    #expect(Due("15/11") == .yearly(day: 15, month: 11))
    #expect(Due("29/02") == nil && Due("31/04") == nil && Due("15/13") == nil)
    let day = try Due.yearly(day: 15, month: 11).date(
      from: try #require(CivilDate("2026-01-05")), calendar: nil, catalogue: "x")
    #expect(day == CivilDate("2026-11-15"))
    let next = try Due.yearly(day: 15, month: 11).date(
      from: try #require(CivilDate("2026-12-01")), calendar: nil, catalogue: "x")
    #expect(next == CivilDate("2027-11-15"))
  }

  @Test func theHoldersOfAnOfficeDependOnTheDateAndTheLevel() throws {
    let catalogue = try TaskCatalogue.load(path: repoPath("questionnaires/papi-tasks.yaml"))
    let before = OfficeHolders(
      date: try #require(CivilDate("2025-06-30")), level: .commune, ward: false, offices: catalogue.offices)
    #expect(before == nil)
    let date = try #require(CivilDate("2025-07-01"))
    let commune = try #require(OfficeHolders(date: date, level: .commune, ward: false, offices: catalogue.offices))
    let ward = try #require(OfficeHolders(date: date, level: .commune, ward: true, offices: catalogue.offices))
    let province = try #require(OfficeHolders(date: date, level: .province, ward: false, offices: catalogue.offices))
    #expect(commune.holders(of: "Phòng Tài nguyên và Môi trường") == ["Phòng Kinh tế"])
    #expect(ward.holders(of: "Phòng Tài nguyên và Môi trường") == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
    #expect(province.holders(of: "Phòng Tài nguyên và Môi trường") == ["Sở Nông nghiệp và Môi trường"])
    #expect(commune.holders(of: "UBND xã") == ["UBND xã"])
    // A lead with two holders: the first leads, the second supports; nobody twice.
    let assigned = province.assign(lead: "Phòng Kinh tế và Hạ tầng", support: ["UBND xã", "Phòng Nội vụ"])
    #expect(assigned.lead == "Sở Xây dựng" && assigned.support == ["Sở Công Thương", "UBND xã", "Sở Nội vụ"])
  }

  @Test func aProvincesOwnCatalogueOverridesWhoHoldsAnOffice() throws {
    // This province gave the one-stop shops' work to its Văn phòng UBND tỉnh.
    let local = folder.appendingPathComponent("nhiem-vu.yaml").path
    try """
    extends: papi-tasks.yaml
    offices:
      - name: "Bộ phận Tiếp nhận và Trả kết quả"
        en: "One-stop shop"
        since_2025: {commune: ["Trung tâm Phục vụ hành chính công xã"], province: ["Văn phòng UBND tỉnh"]}
    """.write(toFile: local, atomically: true, encoding: .utf8)
    let catalogue = try TaskCatalogue.load(path: local)
    let date = try #require(CivilDate("2026-01-05"))
    let province = try #require(OfficeHolders(date: date, level: .province, ward: false, offices: catalogue.offices))
    #expect(province.holders(of: "Bộ phận Tiếp nhận và Trả kết quả") == ["Văn phòng UBND tỉnh"])
    #expect(province.holders(of: "Phòng Tư pháp") == ["Sở Tư pháp"])
    // Holders for one level only, or a holder the catalogue does not know, are refused.
    for since in [
      "{commune: [\"Văn phòng HĐND và UBND xã\"]}", "{commune: [\"Phòng Tư pháp xã\"], province: [\"Sở Tư pháp\"]}",
    ] {
      try "extends: papi-tasks.yaml\noffices:\n  - name: \"Phòng Tư pháp\"\n    since_2025: \(since)\n".write(
        toFile: local, atomically: true, encoding: .utf8)
      let error = try #require(throws: PapiError.self) { try TaskCatalogue.load(path: local) }
      #expect(error.text(.vi).contains("Phòng Tư pháp"))
    }
  }

  @Test func aBadIssuerProfileIsRefusedWithItsLineAndFix() throws {
    let path = folder.appendingPathComponent("issuer.yaml").path
    try "issuer:\n  body: [\"UBND\"]\n  place: \"X\"\n  abbreviation: UBND\n  level: district\n  nme: \"x\"\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let run = try plan(["--issuer", path, "--format", "docx", "--out", folder.appendingPathComponent("x.docx").path])
    #expect(run.status != 0)
    #expect(run.stderr.contains("issuer.yaml, dòng 5") && run.stderr.contains("issuer.yaml, dòng 6"))
    #expect(run.stderr.contains("commune") && run.stderr.contains("province"))
    #expect(run.stderr.contains("`nme`"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.docx").path))
  }

  @Test func aWordFileGoesToAFileOrAPipeNotToATerminal() throws {
    let piped = try plan(["--format", "docx"])
    #expect(piped.status == 0 && piped.stdout.utf8.starts(with: Array("PK".utf8)))
  }

  // MARK: Reading a Word file back

  /// Each part of the package with one XML element per line, for golden files.
  static func parts(_ file: Data) throws -> String {
    try officeParts(file, name: "document.docx").map { part in
      "== \(part.path)\n" + part.text.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }.joined()
  }

  static func pythonDocx(_ path: String) throws -> OpenedDocument {
    let python = XlsxOutputTests.python
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw XlsxOutputTests.MissingTool(
        description: "\(python) is missing: run `make test-venv` (`make test` does) to install python-docx")
    }
    let run = try runProgram(python, [repoPath("Scripts/read-docx.py"), path])
    try #require(run.status == 0, "python-docx could not read \(path): \(run.stderr)")
    return try JSONDecoder().decode(OpenedDocument.self, from: Data(run.stdout.utf8))
  }

  struct OpenedDocument: Decodable {
    struct Section: Decodable {
      var width: Double
      var height: Double
      var landscape: Bool
      var top: Double
      var bottom: Double
      var left: Double
      var right: Double
      var firstPageOwn: Bool
      var header: String
    }
    struct Style: Decodable {
      var font: String?
      var size: Double?
      var bold: Bool
    }
    struct Paragraph: Decodable {
      var style: String
      var text: String
    }
    struct Table: Decodable {
      var headerRepeats: Bool
      var rows: [[String]]
    }
    var sections: [Section]
    var styles: [String: Style]
    var defaultFont: String?
    var defaultSize: Double
    var title: String?
    var language: String?
    var paragraphs: [Paragraph]
    var tables: [Table]

    /// All the text: paragraphs, then the tables' cells.
    var text: String {
      (paragraphs.map(\.text) + tables.flatMap { $0.rows.flatMap { $0 } }).joined(separator: "\n")
    }
  }
}
