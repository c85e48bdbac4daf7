import Foundation
import GRDB
import Testing

@testable import PapiKit

/// `papi par import` and `papi par report` (issue 18): the store (atomic, idempotent,
/// conflicts unless --replace, the import log), the report in every format against golden
/// files, and every refused import leaving the database as it was.
@Suite("PAR INDEX: import and report")
struct ParReportTests {
  static let set = "questionnaires/par-kontum-huyen-2023.yaml"
  let folder: URL
  let database: String

  init() throws {
    folder = try temporaryDirectory()
    database = folder.appendingPathComponent("papi.db").path
  }

  /// Imports the two Kon Tum years: 2022 (known from a footnote) and 2023.
  func importSamples() throws {
    for (file, year) in [("samples/par-kontum-2022.csv", "2022"), ("samples/par-kontum-2023.csv", "2023")] {
      let run = try runPapi(["par", "import", file, "-c", Self.set, "--year", year, "--db", database])
      try #require(run.status == 0, "\(run.stderr)")
    }
  }

  func report(_ arguments: [String]) throws -> PapiRun {
    try runPapi(["par", "report", "--year", "2023", "--date", "05/12/2026", "--db", database] + arguments)
  }

  /// The stored scores of one criterion, for checking that a refused import changed nothing.
  func stored(_ criterion: String) throws -> [Double] {
    let queue = try DatabaseQueue(path: database)
    return try queue.read { db in
      try Double.fetchAll(
        db, sql: "SELECT score FROM par_result WHERE criterion = ? ORDER BY unit_code", arguments: [criterion])
    }
  }

  // MARK: The store

  @Test func importingTwiceChangesNothingAndIsLogged() throws {
    try importSamples()
    let again = try runPapi([
      "par", "import", "samples/par-kontum-2023.csv", "-c", Self.set, "--year", "2023", "--db", database,
    ])
    #expect(again.status == 0)
    #expect(again.stdout.contains("mới 0, thay 0, đã có 72"), "\(again.stdout)")
    #expect(again.stdout.contains("Không có gì thay đổi"))
    let store = try SQLiteStore.openExisting(path: database)
    #expect(try store.parYears() == ["2022", "2023"])
    let log = try store.parImportLog()
    #expect(log.map(\.year) == ["2022", "2023", "2023"])
    #expect(log.map(\.imported) == [2, 72, 0] && log.last?.unchanged == 72)
    #expect(log.allSatisfy { $0.sha256.count == 64 && $0.criteriaID == "par-kontum-huyen-2023" })
    let shown = try runPapi(["par", "imports", "--year", "2023", "--db", database])
    #expect(shown.status == 0 && shown.stdout.contains("năm 2023 — samples/par-kontum-2023.csv"), "\(shown.stdout)")
    #expect(shown.stdout.contains("đọc 72, mới 0, thay 0, đã có 72; bộ tiêu chí par-kontum-huyen-2023"))
  }

  @Test func changedFiguresAreAConflictUnlessReplaced() throws {
    try importSamples()
    let text = try String(contentsOfFile: repoPath("samples/par-kontum-2023.csv"), encoding: .utf8)
    let corrected = try writeTemporary(
      text.replacingOccurrences(of: "614,Huyện Kon Rẫy,62,2023,5.1.1,0,", with: "614,Huyện Kon Rẫy,62,2023,5.1.1,0.5,"),
      name: "ket-qua-sua.csv")
    let refused = try runPapi(["par", "import", corrected, "-c", Self.set, "--year", "2023", "--db", database])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("ket-qua-sua.csv, dòng 15"), "\(refused.stderr)")
    #expect(refused.stderr.contains("1 dòng đã được lưu cho năm 2023 với số liệu khác; không có gì được lưu."))
    #expect(refused.stderr.contains("--replace"))
    #expect(try stored("5.1.1") == [0, 0], "nothing stored")
    let replaced = try runPapi([
      "par", "import", corrected, "-c", Self.set, "--year", "2023", "--db", database, "--replace",
    ])
    #expect(replaced.status == 0 && replaced.stdout.contains("thay 1"), "\(replaced.stdout)")
    #expect(try stored("5.1.1") == [0, 0.5])
  }

  @Test func anotherCriteriaSetForAStoredYearIsAConflict() throws {
    try importSamples()
    let yaml = try String(contentsOfFile: repoPath(Self.set), encoding: .utf8)
    let other = try writeTemporary(yaml.replacingOccurrences(of: "min: 85}", with: "min: 80}"), name: "bo-khac.yaml")
    let refused = try runPapi([
      "par", "import", "samples/par-kontum-2023.csv", "-c", other, "--year", "2023", "--db", database,
    ])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("năm 2023 đã được nhập với một bộ tiêu chí khác"), "\(refused.stderr)")
    // With --replace the whole year is scored by the new set: Đắk Glei's 85,047 stays Tốt.
    let replaced = try runPapi(
      ["par", "import", "samples/par-kontum-2023.csv", "-c", other, "--year", "2023", "--db", database, "--replace"])
    #expect(replaced.status == 0, "\(replaced.stderr)")
  }

  @Test(arguments: [
    // A row of another year; the same unit and criterion twice; a score above the maximum;
    // a criterion the set does not have; a unit missing a criterion.
    ("2023,1.5,3,", "2024,1.5,3,", "dòng 2: lỗi: dòng này thuộc năm 2024, không phải năm đang nhập (2023)."),
    ("2023,1.6.1,3.89,", "2023,1.5,3.89,", "dòng 3: lỗi: đơn vị và tiêu chí 614 1.5 đã có ở"),
    ("2023,1.5,3,", "2023,1.5,4,", "dòng 2: lỗi: tiêu chí 1.5: điểm 4 lớn hơn điểm tối đa 3."),
    ("2023,1.5,3,", "2023,9.9,3,", "dòng 2: lỗi: tiêu chí `9.9` không phải một tiêu chí được chấm điểm"),
  ])
  func aBadFileIsRefusedWithItsLineAndNothingIsStored(_ change: (String, String, String)) throws {
    let text = try String(contentsOfFile: repoPath("samples/par-kontum-2023.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in lines.indices where lines[index].hasPrefix("614,") && lines[index].contains(change.0) {
      lines[index] = lines[index].replacingOccurrences(of: change.0, with: change.1)
      break
    }
    let file = try writeTemporary(lines.joined(separator: "\n"), name: "ket-qua.csv")
    let run = try runPapi(["par", "import", file, "-c", Self.set, "--year", "2023", "--db", database])
    #expect(run.status == 1)
    #expect(run.stderr.contains("ket-qua.csv, " + change.2), "\(run.stderr)")
    let stored = FileManager.default.fileExists(atPath: database) ? try stored("1.5") : []
    #expect(stored.isEmpty, "nothing stored")
  }

  @Test func aReportOfAYearNotStoredNamesTheStoredOnes() throws {
    try importSamples()
    let run = try runPapi(["par", "report", "--year", "2021", "--db", database])
    #expect(run.status == 1)
    #expect(run.stderr.contains("chưa có kết quả Chỉ số CCHC năm 2021 (đã có: 2022, 2023)"), "\(run.stderr)")
    let unit = try report(["--unit", "999"])
    #expect(unit.status == 1 && unit.stderr.contains("Các đơn vị có kết quả: 610, 614"), "\(unit.stderr)")
  }

  // MARK: The report

  @Test func theKonRayReportReproducesTheSeedsFigures() throws {
    try importSamples()
    let run = try report(["--unit", "614"])
    #expect(run.status == 0)
    // 004: "89,21/97 điểm (Chỉ số … 91,969 điểm), xếp loại Xuất sắc"; field 3: 16/18; 2022: 86,471.
    for expected in [
      "Điểm 89,21/97 · Chỉ số 91,969 · Xuất sắc", "3. Cải cách thủ tục hành chính", "16/18",
      "Năm 2022: 86,471 (+5,498), hạng 1/10",
    ] {
      #expect(run.stdout.contains(expected), "\(expected)")
    }
    // The checks name field 6's mismatch (stated 10, its criteria give 11,09), on stdout and stderr.
    #expect(run.stdout.contains("614 lĩnh vực 6 ghi 10 điểm nhưng các tiêu chí cộng lại được 11,09."))
    #expect(run.stderr.contains("par-kontum-2023.csv, dòng 33: cảnh báo: 614 lĩnh vực 6 ghi 10 điểm"))
    try assertReportGolden(run.stdout, "par-report-614.txt")
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "80 columns")
  }

  @Test(arguments: ["md", "html", "csv", "json"])
  func theReportMatchesItsGoldenFile(_ format: String) throws {
    try importSamples()
    let run = try report(["--format", format, "--target-rank", "1"])
    #expect(run.status == 0, "\(run.stderr)")
    // The producer's version is not part of what is compared.
    let output = run.stdout.replacingOccurrences(
      of: #""version": ?"[^"]*""#, with: #""version": "…""#, options: .regularExpression)
    try assertReportGolden(output, "par-report.\(format)")
  }

  @Test func theReportInEnglish() throws {
    try importSamples()
    let run = try report(["--unit", "610", "--format", "md", "--lang", "en"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("scored 81.22/95.5 points (PAR INDEX 85.047), band Good"), "\(run.stdout)")
    #expect(run.stdout.contains("the index is stated as 81.22 but the criteria's points give 85.05"))
  }

  @Test func theDakGleiReportInWordFollowsTheSeedsPartA() throws {
    try importSamples()
    let path = folder.appendingPathComponent("par-dakglei-2023.docx").path
    let run = try report(["--unit", "610", "--format", "docx", "--out", path])
    #expect(run.status == 0, "\(run.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let document = try #require(try officeParts(bytes, name: "r.docx").first { $0.path == "word/document.xml" }?.text)
    let text = document.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    for expected in [
      "BÁO CÁO", "1. Kết quả xếp loại", "huyện Đắk Glei đạt 81,22/95,5 điểm (Chỉ số cải cách hành chính: 85,047 điểm)",
      "2.1. Lĩnh vực Công tác chỉ đạo, điều hành cải cách hành chính",
      "Đối với lĩnh vực này, huyện Đắk Glei đạt 9,33/13 điểm (có 01 tiêu chí thành phần không thực hiện chấm điểm: "
        + "1.6.2.",
      "Tiêu chí thành phần “3.4.1. Tỷ lệ hồ sơ TTHC của UBND cấp huyện giải quyết đúng hạn”: đạt 0/1 điểm "
        + "(mất 1 điểm).",
      "Trách nhiệm thuộc về các cơ quan, đơn vị được giao tham mưu¹.", "TỔNG HỢP ĐIỂM MẤT THEO CƠ QUAN, ĐƠN VỊ",
    ] {
      #expect(text.contains(expected), "\(expected)")
    }
    try assertReportGolden(try DocxOutputTests.parts(bytes), "par-report-610.docx.txt")
  }

  @Test func theReportAsAWorkbook() throws {
    try importSamples()
    let path = folder.appendingPathComponent("par-2023.xlsx").path
    let run = try report(["--format", "xlsx", "--out", path])
    #expect(run.status == 0, "\(run.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try assertReportGolden(try XlsxOutputTests.parts(bytes), "par-report.xlsx.txt")
  }

  @Test func countsAndStatusesAreReadAsOfficesWriteThem() throws {
    let file = try writeTemporary(
      "Mã đơn vị;Năm;Tiêu chí;Điểm thẩm định;Trạng thái;Tử số;Mẫu số\n614;2023;7.3.3;0,17;đã chấm;1.224;3.626\n"
        + "614;2023;1.6.2;;không phát sinh;;\n614;2023;7.3.2;0,06;;6;4x8\n", name: "ket-qua.csv")
    #expect(throws: PapiError.self) { try ParResultsReader.read(file) }
    do {
      _ = try ParResultsReader.read(file)
    } catch {
      #expect(error.text(.vi).contains("ket-qua.csv, dòng 4, cột 7 (Mẫu số): lỗi: `4x8` không phải một số đếm."))
    }
    let fixed = try writeTemporary(
      try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "4x8", with: "48"),
      name: "ket-qua-2.csv")
    let (results, _) = try ParResultsReader.read(fixed)
    #expect(results.map(\.numerator) == [1224, nil, 6] && results.map(\.denominator) == [3626, nil, 48])
    #expect(results.map(\.scored) == [true, false, true])
  }

  @Test func resultsAreReadFromAWorkbookWithVietnameseHeadersAsFromTheirCSV() throws {
    // The sample's rows in a workbook whose headers are the Vietnamese names of §8.2.
    let csv = try RecordTable.read(repoPath("samples/par-kontum-2023.csv"))
    let vietnamese = [
      "unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "parent": "Đơn vị cấp trên", "year": "Năm",
      "criterion": "Mã tiêu chí", "score": "Điểm thẩm định", "self_score": "Điểm tự chấm", "status": "Trạng thái",
      "numerator": "Tử số", "denominator": "Mẫu số", "as_of": "Tính đến ngày", "reason": "Lý do",
      "offices": "Trách nhiệm", "stated": "Điểm công bố",
    ]
    let columns = csv.header.map { DataColumn($0, vietnamese[$0] ?? $0, $0) }
    let rows = csv.rows.map { row in
      Dictionary(uniqueKeysWithValues: csv.header.enumerated().map { ($1, SheetCell(row.value($0))) })
    }
    var bytes = ByteBuffer()
    XlsxWriter().render(
      Workbook(
        title: "Kết quả", language: .vi,
        sheets: [SheetTable(name: "Kết quả", columns: columns, language: .vi, rows: rows)]), to: &bytes)
    let workbook = folder.appendingPathComponent("ket-qua-2023.xlsx").path
    try Data(bytes.bytes).write(to: URL(fileURLWithPath: workbook))
    let fromWorkbook = try ParResultsReader.read(workbook)
    let fromCSV = try ParResultsReader.read(repoPath("samples/par-kontum-2023.csv"))
    #expect(fromWorkbook.results.count == fromCSV.results.count && fromWorkbook.stated.count == fromCSV.stated.count)
    for (one, other) in zip(fromWorkbook.results, fromCSV.results) {
      #expect(one.sameContent(as: other), "\(one.criterion)")
    }
    #expect(zip(fromWorkbook.stated, fromCSV.stated).allSatisfy { $0.sameContent(as: $1) })
    // A bad cell of a workbook is named by its sheet and cell.
    var bad = rows
    bad[3]["score"] = SheetCell("ba")
    var broken = ByteBuffer()
    XlsxWriter().render(
      Workbook(
        title: "Kết quả", language: .vi,
        sheets: [SheetTable(name: "Kết quả", columns: columns, language: .vi, rows: bad)]), to: &broken)
    let brokenPath = folder.appendingPathComponent("hong.xlsx").path
    try Data(broken.bytes).write(to: URL(fileURLWithPath: brokenPath))
    do {
      _ = try ParResultsReader.read(brokenPath)
      Issue.record("a bad score was read")
    } catch {
      #expect(
        error.text(.vi).contains("hong.xlsx, Kết quả!F5 (Điểm thẩm định): lỗi: `ba` không phải một số không âm."),
        "\(error.text(.vi))")
    }
  }
}
