import Foundation
import Testing
import XMLParts

@testable import PapiKit

/// `.xlsx` workbooks (Fixtures/workbooks, written by openpyxl, xlsxwriter and LibreOffice;
/// its README says what each cell must read as) and the real workbooks of
/// ../shared/data/real-exports, each against its CSV twin.
@Suite("Workbooks")
struct WorkbookTests {
  static let folder = fixtures + "/workbooks"
  static let realFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/real-exports")
    .path

  private func path(_ name: String) -> String { Self.folder + "/" + name }

  private func survey() throws -> Questionnaire {
    try QuestionnaireLoader.load(path: path("survey.yaml"))
  }

  /// Every record of a file as its format reads it (header included), cells NFC and trimmed.
  private func records(_ file: String, options: ReadOptions = ReadOptions()) throws -> [[String]] {
    let table = try RecordTable.read(file, options: options)
    return [table.header] + table.rows.map(\.fields)
  }

  @Test(arguments: [
    "survey.openpyxl.xlsx", "survey.xlsxwriter.xlsx", "survey.inline.xlsx", "survey.libreoffice.xlsx",
  ])
  func aWorkbookReadsAsItsCSVAndScoresToTheSameBytes(_ name: String) throws {
    #expect(try records(path(name)) == records(path("survey.csv")))
    let q = try survey()
    #expect(try scoreJSON([path(name)], q) == scoreJSON([path("survey.csv")], q))
  }

  @Test func theSameDataAsCSVAndWorkbookGivesByteIdenticalJSONFromTheCommand() throws {
    // The same file name in two folders: the format is recognised by content, not name.
    var outputs: [String] = []
    for name in ["survey.csv", "survey.xlsxwriter.xlsx"] {
      let folder = try temporaryDirectory()
      try FileManager.default.copyItem(atPath: path(name), toPath: folder.appendingPathComponent("export").path)
      let run = try runPapi(["score", "export", "-q", path("survey.yaml"), "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run.stderr)")
      outputs.append(run.stdout)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].contains("\"00874\""), "codes stored as text keep their leading zeros")
  }

  @Test(arguments: ["dates-1900", "dates-1904", "cells"])
  func everyKindOfCellReadsAsTheCSVSays(_ name: String) throws {
    let workbook = try records(path(name + ".xlsx"))
    let expected = try records(path(name + ".csv"))
    #expect(workbook.count == expected.count)
    for (row, pair) in zip(workbook, expected).enumerated() {
      #expect(pair.0 == pair.1, "row \(row + 1): \(pair.0) ≠ \(pair.1)")
    }
  }

  @Test(arguments: [
    "survey.openpyxl.xlsx", "survey.xlsxwriter.xlsx", "survey.inline.xlsx", "survey.libreoffice.xlsx", "sparse.xlsx",
  ])
  func aSheetReadInBlocksOnEveryCoreReadsAsAWholeOne(_ name: String) throws {
    // Blocks of a few hundred bytes: nearly every row is cut from the next.
    var blocks = ReadOptions(parts: 2)
    blocks.minimumPartBytes = 128
    let q = try survey()
    let inBlocks = ExportReader.read([path(name)], questionnaire: q, options: blocks)
    #expect(inBlocks.files[0].parts > 2)
    #expect(
      inBlocks.diagnostics.map { $0.text(.en) }
        == ExportReader.read([path(name)], questionnaire: q).diagnostics.map {
          $0.text(.en)
        })
    #expect(try scoreJSON([path(name)], q, options: blocks) == scoreJSON([path("survey.csv")], q))
  }

  @Test func aSheetWhoseRootDeclaresMoreThanABlocksRoomIsStillReadInBlocks() throws {
    // A later block is parsed where it lies, inside the root's namespaces written into the
    // room before its rows; declarations longer than that room are parsed from pieces.
    let original = try Data(contentsOf: URL(fileURLWithPath: path("survey.xlsxwriter.xlsx")))
    let zip = try ZipWriter()
    for (part, text) in try officeParts(original, name: "survey.xlsx") {
      var content = text
      if part == "xl/worksheets/sheet1.xml" {
        let long = " xmlns:long=\"urn:" + String(repeating: "x", count: RowBlockCutter.headroom) + "\""
        content = text.replacingOccurrences(of: "<worksheet ", with: "<worksheet" + long + " ")
        #expect(content != text)
      }
      try zip.add(part, Data(content.utf8))
    }
    let file = try writeTemporary(Array(zip.finish()), name: "long-namespaces.xlsx")
    var blocks = ReadOptions(parts: 2)
    blocks.minimumPartBytes = 128
    let q = try survey()
    #expect(ExportReader.read([file], questionnaire: q, options: blocks).files[0].parts > 2)
    #expect(try scoreJSON([file], q, options: blocks) == scoreJSON([path("survey.csv")], q))
  }

  @Test func aSheetWithProblemsIsReadWholeToReportThemExactly() throws {
    var blocks = ReadOptions(parts: 2)
    blocks.minimumPartBytes = 128
    let q = try survey()
    let result = ExportReader.read([path("bad-cells.xlsx")], questionnaire: q, options: blocks)
    #expect(result.files[0].parts == 1)
    #expect(
      result.errors.map { $0.location.text(.en) } == [
        "\(path("bad-cells.xlsx")), Sheet1!E5 (q2_hailong)", "\(path("bad-cells.xlsx")), Sheet1!B10 (commune_code)",
      ])
  }

  @Test func aRowEndTagInsideACommentSendsTheSheetBackToOneReader() throws {
    // A cut inside the comment leaves it unfinished in one block: that block does not parse,
    // and the sheet is read whole.
    var blocks = ReadOptions(parts: 2)
    blocks.minimumPartBytes = 128
    let q = try survey()
    let result = ExportReader.read([path("comments-in-rows.xlsx")], questionnaire: q, options: blocks)
    #expect(result.files[0].parts == 1)
    #expect(try scoreJSON([path("comments-in-rows.xlsx")], q, options: blocks) == scoreJSON([path("survey.csv")], q))
    var cutter = RowBlockCutter(size: 4)
    #expect(cutter.add(Data("<x:row r=\"1\"></x:row>rest".utf8)).map(\.count) == [21], "a prefixed end tag")
    #expect(cutter.finish() == nil, "nothing after the last row is a row")
  }

  @Test func cellTextFollowsASpreadsheetsCSV() {
    func number(_ text: String) -> String {
      var out: [UInt8] = []
      Array(text.utf8).withUnsafeBytes { CellText.number($0, into: &out) }
      return String(decoding: out, as: UTF8.self)
    }
    #expect(number("1") == "1")
    #expect(number("1.0") == "1")
    #expect(number("1E+3") == "1000")
    #expect(number("0.30000000000000004") == "0.3")
    #expect(number("1E-07") == "0.0000001")
    #expect(number("-2.5") == "-2.5")
    #expect(number("123456789012") == "123456789012")
    func date(_ text: String, _ date1904: Bool = false, time: Bool = false) -> String {
      var out: [UInt8] = []
      Array(text.utf8).withUnsafeBytes { CellText.date($0, date1904: date1904, time: time, into: &out) }
      return String(decoding: out, as: UTF8.self)
    }
    #expect(date("45566") == "2024-10-01")
    #expect(date("44104", true) == "2024-10-01")
    #expect(date("1") == "1900-01-01")
    #expect(date("59") == "1900-02-28")
    #expect(date("61") == "1900-03-01")
    #expect(date("45566.5") == "2024-10-01T12:00:00")
    #expect(date("45566", time: true) == "2024-10-01T00:00:00")
    #expect(CellStyles.shows("dd/mm/yyyy") == .date)
    #expect(CellStyles.shows("yyyy\\-mm\\-dd") == .date)
    #expect(CellStyles.shows("[h]:mm") == .dateAndTime)
    #expect(CellStyles.shows("[Red]0.00;\"days\"") == .number)
    #expect(CellStyles.shows("0.00E+00") == .number)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: realFolder), "needs ../shared/data/real-exports"))
  func aDynamicArraySpilledBelowTheDataIsNotRespondents() throws {
    let q = try questionnaire(
      """
      id: accra
      respondent: {id: [id], unit: community}
      dimensions:
        - id: d1
          name: {vi: "Nước", en: "Water"}
          subdimensions:
            - id: d1.1
              indicators:
                - {id: near, column: dw_reason_convenience, type: binary, yes: ["TRUE"], no: ["FALSE"]}
      """)
    let result = ExportReader.read([Self.realFolder + "/excel-mac-household-water-cost-accra.xlsx"], questionnaire: q)
    #expect(result.errors.isEmpty, "\(result.errors.prefix(3).map { $0.text(.en) })")
    #expect(result.table.count == 116)
    let note = try #require(result.diagnostics.first { $0.message.en.contains("hold only formulas") })
    #expect(note.location.text(.en).hasSuffix("Sheet1, row 119"))
    #expect(note.message.en.hasPrefix("5 rows"))
  }

  @Test func sparseRowsEmptyRowsAndFormulaRowsBelowTheData() throws {
    let result = ExportReader.read([path("sparse.xlsx")], questionnaire: try survey())
    #expect(result.errors.isEmpty, "\(result.errors.map { $0.text(.en) })")
    #expect(result.table.count == 12)
    let warning = try #require(result.diagnostics.first { $0.severity == .warning })
    #expect(warning.location.sheet == "Sheet1")
    #expect(warning.location.line == 16)
    #expect(warning.message.en.hasPrefix("1 row below the data hold"))
    let q = try survey()
    #expect(try scoreJSON([path("sparse.xlsx")], q) == scoreJSON([path("survey.csv")], q))
  }

  @Test(arguments: ["title-row.xlsx", "title-row.csv"])
  func aTitleAboveTheHeaderIsPassedOverWithHeaderRow(_ name: String) throws {
    var options = ReadOptions()
    options.headerRow = 3
    let q = try survey()
    #expect(try scoreJSON([path(name)], q, options: options) == scoreJSON([path("survey.csv")], q))
    // Without it the title is the header: the message names the place and the option.
    let plain = ExportReader.read([path(name)], questionnaire: q)
    let error = try #require(plain.errors.first { $0.message.en.hasPrefix("no column of the export matches") })
    #expect(error.fix.en.contains("--header-row N"))
    if name.hasSuffix(".xlsx") {
      #expect(error.location.text(.vi) == "\(path(name)), Tổng hợp, dòng 1")
    }
  }

  @Test(arguments: ["title-row.xlsx", "title-row.csv"])
  func placesAfterATitleAreTheFilesOwnLines(_ name: String) throws {
    // An invalid answer in a file whose header is on line 3: the line is the file's.
    var options = ReadOptions()
    options.headerRow = 3
    let yaml = try String(contentsOfFile: path("survey.yaml"), encoding: .utf8).replacingOccurrences(
      of: "98", with: "97")
    let result = ExportReader.read([path(name)], questionnaire: try questionnaire(yaml), options: options)
    let error = try #require(result.errors.first)
    #expect(error.location.line == 7, "respondent 4 is on line 7 (its answer 98 is now invalid)")
  }

  @Test(arguments: ["two-headers.xlsx", "two-headers.csv"])
  func twoHeaderRowsNameColumnsByGroupAndSubheader(_ name: String) throws {
    var options = ReadOptions()
    options.headerRows = 2
    let header = try records(path(name), options: options)[0]
    #expect(
      header == [
        "start", "Thông tin/_uuid", "Thông tin/commune_code", "Thông tin/commune_name",
        "Dịch vụ hành chính/Biết quy trình", "Dịch vụ hành chính/Mức hài lòng", "Dịch vụ hành chính/Số lần đi lại",
        "Y tế/Biết quy trình", "Y tế/Mức hài lòng", "Dịch vụ đã dùng", "Khác/weight", "Khác/comment",
      ])
    let q = try QuestionnaireLoader.load(path: path("two-headers.yaml"))
    let result = ExportReader.read([path(name)], questionnaire: q, options: options)
    #expect(result.errors.isEmpty, "\(result.errors.map { $0.text(.en) })")
    #expect(result.table.count == 12)
  }

  @Test func joiningHeaderRows() {
    #expect(HeaderLayout.join([["", "G", ""], ["a", "b", "c"]]) == ["a", "G/b", "G/c"])
    // A heading above an empty cell was merged downwards: it groups nothing to its right.
    #expect(HeaderLayout.join([["id", "", "G"], ["", "x", "y"]]) == ["id", "x", "G/y"])
    #expect(HeaderLayout.join([["G", "", "H"], ["a", "", "b"]]) == ["G/a", "", "H/b"])
  }

  @Test func theSheetIsChosenByNameFollowingTheWorkbooksOrder() throws {
    let q = try survey()
    var options = ReadOptions()
    options.sheet = "Dữ liệu"
    #expect(try scoreJSON([path("two-sheets.xlsx")], q, options: options) == scoreJSON([path("survey.csv")], q))
    options.sheet = "Dữ liệu".decomposedStringWithCanonicalMapping
    #expect(ExportReader.read([path("two-sheets.xlsx")], questionnaire: q, options: options).table.count == 12)
    // The first sheet is the cover: the message says which sheets there are.
    let first = ExportReader.read([path("two-sheets.xlsx")], questionnaire: q)
    let hint = try #require(first.diagnostics.first { $0.message.en.hasPrefix("read sheet") })
    #expect(hint.message.vi == "đã đọc trang tính \"Ghi chú\"; sổ tính có 2 trang: \"Ghi chú\", \"Dữ liệu\".")
    options.sheet = "Data"
    let missing = ExportReader.read([path("two-sheets.xlsx")], questionnaire: q, options: options)
    #expect(
      missing.errors.first?.message.en == "the workbook has no sheet of this name (it has: \"Ghi chú\", \"Dữ liệu\").")
  }

  @Test func badCellsAreNamedBySheetAndCell() throws {
    let result = ExportReader.read([path("bad-cells.xlsx")], questionnaire: try survey())
    #expect(
      result.errors.map { $0.location.text(.en) } == [
        "\(path("bad-cells.xlsx")), Sheet1!E5 (q2_hailong)", "\(path("bad-cells.xlsx")), Sheet1!B10 (commune_code)",
      ])
    #expect(result.errors.first?.value == "7")
    var options = ReadOptions()
    options.skipBadRows = true
    let skipped = ExportReader.read([path("bad-cells.xlsx")], questionnaire: try survey(), options: options)
    #expect(skipped.table.count == 10)
    #expect(skipped.rejected.map(\.line) == [5, 10])
  }

  @Test(arguments: [
    ("survey.xls", "Excel 97–2003 workbook (.xls)"), ("survey.ods", "OpenDocument spreadsheet (.ods)"),
    ("encrypted.xlsx", "protected by a password"), ("not-a-sheet.xlsx", "Word document (.docx)"),
    ("truncated.xlsx", "the workbook is damaged or incomplete"),
  ])
  func filesPapiDoesNotReadSayWhatTheyAreAndHowToSaveThem(_ name: String, _ what: String) throws {
    let result = ExportReader.read([path(name)], questionnaire: try survey())
    let error = try #require(result.errors.first)
    #expect(error.message.en.contains(what), "\(error.message.en)")
    #expect(!error.fix.vi.isEmpty)
    #expect(!error.message.vi.contains("missingEndOfCentralDirectoryRecord"))
    #expect(result.table.count == 0)
  }

  @Test func aCellPointingToAMissingSharedStringIsADamagedWorkbook() throws {
    let result = ExportReader.read([path("bad-shared-string.xlsx")], questionnaire: try survey())
    let error = try #require(result.errors.first)
    #expect(error.message.en == "cell Sheet1!C3 refers to shared string 99999, which the workbook does not have.")
    #expect(error.message.vi.hasPrefix("ô Sheet1!C3 trỏ tới chuỗi dùng chung số 99999"))
    #expect(result.table.count == 0, "nothing is half-imported")
  }

  @Test func aBrokenCellFoundInABlockIsReportedAsWhenReadWhole() throws {
    // The broken cell is in a later block: that block stops at it, and the sheet is read
    // again by one reader, which says where it is (rows after it are not silently lost).
    var blocks = ReadOptions(parts: 2)
    blocks.minimumPartBytes = 128
    let result = ExportReader.read([path("bad-shared-string.xlsx")], questionnaire: try survey(), options: blocks)
    #expect(result.files[0].parts == 1)
    #expect(
      result.errors.map(\.message.en) == [
        "cell Sheet1!C3 refers to shared string 99999, which the workbook does not have."
      ])
  }

  @Test func aRegisterKeptInExcelIsReadAndItsErrorsNameTheSheet() throws {
    let error = try #require(throws: PapiError.self) { try UnitRegisterReader.read(path("register.xlsx")) }
    #expect(error.diagnostics.map { $0.location.text(.vi) } == ["\(path("register.xlsx")), Đơn vị, dòng 4"])
    #expect(error.diagnostics.first?.value == "99")
  }

  @Test func theCommandLineChoosesTheSheetAndTheHeader() throws {
    let run = try runPapi([
      "validate", path("two-headers.xlsx"), "-q", path("two-headers.yaml"), "--header-rows", "2",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("trang tính \"Sheet1\""))
    let sheet = try runPapi(["validate", path("two-sheets.xlsx"), "-q", path("survey.yaml"), "--sheet", "Dữ liệu"])
    #expect(sheet.status == 0, "\(sheet.stderr)")
    let bad = try runPapi(["validate", path("survey.csv"), "-q", path("survey.yaml"), "--header-rows", "4"])
    #expect(bad.status == 64)
    let xls = try runPapi(["validate", path("survey.xls"), "-q", path("survey.yaml")])
    #expect(xls.status == 1)
    #expect(xls.stdout.contains("survey.xls: 1 lỗi; 0/0 dòng dùng được, 0 cảnh báo; không đọc được"), "\(xls.stdout)")
  }

  // MARK: Real workbooks

  static let realPairs = [
    "kobo-compost-use-blantyre", "excel-mac-household-water-cost-accra", "limesurvey-excel-mac-artifact-evaluation",
  ]

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: realFolder), "needs ../shared/data/real-exports"),
    arguments: realPairs)
  func aRealWorkbookReadsAsTheCSVMadeFromIt(_ name: String) throws {
    let workbook = try records(Self.realFolder + "/" + name + ".xlsx")
    var text = try records(Self.realFolder + "/" + name + ".csv")
    if name == "excel-mac-household-water-cost-accra" {
      // Below the 116 respondents: an empty row, then the 5 values a UNIQUE() formula
      // spills into column AK (SOURCES.md). The CSV has them; they are not respondents.
      #expect(text.count == 123)
      let blank = text[117].allSatisfy { $0.isEmpty }
      let spill = text[118...].allSatisfy { $0.enumerated().allSatisfy { $0.offset == 36 || $0.element.isEmpty } }
      #expect(blank && spill)
      text = Array(text.prefix(117))
    }
    #expect(workbook.count == text.count)
    var differences = 0
    for (row, pair) in zip(workbook, text).enumerated() where pair.0 != pair.1 {
      differences += 1
      if differences <= 3 {
        let columns = pair.0.indices.filter { $0 >= pair.1.count || pair.0[$0] != pair.1[$0] }.prefix(3)
        Issue.record(
          "row \(row + 1): \(columns.map { "\(pair.0[$0]) ≠ \($0 < pair.1.count ? pair.1[$0] : "-")" })")
      }
    }
    #expect(differences == 0)
  }
}
