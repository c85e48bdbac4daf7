import Foundation
import Testing

@testable import PapiKit

let layouts = "\(fixtures)/workbooks"

/// The estimates of every indicator of each unit, by unit code and indicator id.
func indicatorEstimates(_ report: ScoreReport) -> [String: [String: Double?]] {
  var estimates: [String: [String: Double?]] = [:]
  for unit in report.units {
    for dimension in unit.dimensions {
      for subdimension in dimension.subdimensions {
        for indicator in subdimension.indicators {
          estimates[unit.code, default: [:]][indicator.id] = indicator.estimate.value
        }
      }
    }
  }
  return estimates
}

/// Google Forms checkbox answers (issue 16, item 2).
@Suite("Google Forms: checkbox labels joined by \", \"")
struct GoogleFormsTests {
  let yaml = "\(layouts)/google-forms.yaml"

  func read(_ file: String) throws -> (ReadResult, Questionnaire) {
    let q = try QuestionnaireLoader.load(path: yaml)
    return (ExportReader.read(["\(layouts)/\(file)"], questionnaire: q), q)
  }

  @Test(arguments: ["google-forms.csv", "google-forms-vi.csv"])
  func checkboxLabelsAreMatchedWholeEvenWithACommaInside(_ file: String) throws {
    let (result, q) = try read(file)
    #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
    let report = Scorer(questionnaire: q).score(result.table, level: 0)
    let estimates = indicatorEstimates(report)
    // Lines 2–4: "Đăng ký khai sinh, Chứng thực bản sao", "Đất đai, nhà ở",
    // "Đăng ký khai sinh, Đăng ký kết hôn".
    #expect(estimates["Thị trấn Tam Sơn"]?["khaisinh"] == 2.0 / 3)
    #expect(estimates["Thị trấn Tam Sơn"]?["datdai"] == 1.0 / 3)
    #expect(estimates["Thị trấn Tam Sơn"]?["kethon"] == 1.0 / 3)
    // Lines 5–7: the label with a comma inside, chosen twice, once beside two others.
    #expect(estimates["Xã Nghĩa Thuận"]?["datdai"] == 2.0 / 3)
    #expect(estimates["Xã Nghĩa Thuận"]?["chungthuc"] == 2.0 / 3)
    // Line 9 is empty: missing, not "none chosen".
    #expect(report.units.first { $0.code == "Xã Cán Tỷ" }?.dimensions[0].subdimensions[1].indicators[0].estimate.n == 3)
  }

  @Test func aChoiceNoOptionMatchesIsAWarningWithLineAndValue() throws {
    let (result, _) = try read("google-forms.csv")
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.count == 1)
    let text = try #require(warnings.first).text(.en)
    #expect(text.contains("google-forms.csv, line 7, column 5"))
    #expect(text.contains("none of the options the questionnaire declares"))
    #expect(text.contains("Value: \"Hỏi thăm chế độ chính sách\""))
    #expect(try #require(warnings.first).text(.vi).contains("không thuộc các phương án"))
  }

  @Test func anExplicitSeparatorGivesTheSameAsTheLayout() throws {
    let text = try String(contentsOfFile: yaml, encoding: .utf8)
    let explicit = text.replacingOccurrences(
      of: "type: binary, select:", with: "type: binary, separator: \", \", select:")
    #expect(explicit.components(separatedBy: "separator: \", \", select:").count == 5)
    let path = "\(layouts)/google-forms.csv"
    let (layout, q) = try read("google-forms.csv")
    let declared = try questionnaire(explicit)
    let result = ExportReader.read([path], questionnaire: declared)
    #expect(
      ScoreJSONRenderer().text(Scorer(questionnaire: declared).score(result.table, level: 0))
        == ScoreJSONRenderer().text(Scorer(questionnaire: q).score(layout.table, level: 0)))
  }

  @Test func itsFeedbackIsReadWithRowIds() throws {
    var options = ReadOptions()
    options.readComments = true
    let result = ExportReader.read(
      ["\(layouts)/google-forms.csv"], questionnaire: try QuestionnaireLoader.load(path: yaml), options: options)
    #expect(result.comments[0].items.map { $0.line } == [2, 3, 6, 9])
    #expect(result.comments[0].items.map { $0.id.prefix(2) } == ["1@", "2@", "5@", "8@"])
  }

  @Test func bothLanguagesOfTheSheetScoreTheSame() throws {
    let (english, q) = try read("google-forms.csv")
    let (vietnamese, _) = try read("google-forms-vi.csv")
    let scorer = Scorer(questionnaire: q)
    #expect(
      ScoreJSONRenderer().text(scorer.score(english.table, level: 0))
        == ScoreJSONRenderer().text(scorer.score(vietnamese.table, level: 0)))
  }

  let declared = """
    id: sep
    respondent: {id: [id], unit: commune}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: a, column: tick, type: binary, select: "Nhà ở, đất đai"SEP}
              - {id: b, column: tick, type: binary, select: "Khai sinh"SEP}
    """

  @Test func aQuestionnaireSaysTheSeparatorOfAColumn() throws {
    let text = csv([["id", "commune", "tick"], ["1", "01", "Khai sinh, Nhà ở, đất đai"], ["2", "01", "Khai sinh"]])
    let result = try PapiKitTests.read(text, declared.replacingOccurrences(of: "SEP", with: ", separator: \", \""))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.text(.en) })")
    let estimates = indicatorEstimates(
      Scorer(questionnaire: try questionnaire(declared.replacingOccurrences(of: "SEP", with: ""))).score(
        result.table, level: 0))
    #expect(estimates["01"]?["a"] == 0.5)
    #expect(estimates["01"]?["b"] == 1)
    // Without it (and without a Timestamp column) the options are separated by spaces: none
    // of these labels is found, and the warnings say so.
    let spaces = try PapiKitTests.read(text, declared.replacingOccurrences(of: "SEP", with: ""))
    #expect(spaces.diagnostics.filter { $0.severity == .warning }.count >= 1)
  }

  @Test func spaceSeparatedCodesStillWorkAndUnknownCodesAreCountedOnce() throws {
    let yaml = declared.replacingOccurrences(of: "\"Nhà ở, đất đai\"SEP", with: "yte").replacingOccurrences(
      of: "\"Khai sinh\"SEP", with: "dien")
    let rows = [["id", "commune", "tick"], ["1", "01", "yte giaoduc"], ["2", "01", "dien"], ["3", "01", "giaoduc"]]
    let result = try PapiKitTests.read(csv(rows), yaml)
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.count == 1)
    let text = try #require(warnings.first).text(.en)
    #expect(text.contains("line 2, column 3 (tick)"))
    #expect(text.contains("(2 rows, this is the first)"))
    #expect(text.contains("Value: \"giaoduc\""))
    let estimates = indicatorEstimates(Scorer(questionnaire: try questionnaire(yaml)).score(result.table, level: 0))
    #expect(estimates["01"]?["a"] == 1.0 / 3)
    #expect(estimates["01"]?["b"] == 1.0 / 3)
  }

  @Test func theQuestionsOtherOptionsMayBeDeclared() throws {
    let yaml = declared.replacingOccurrences(of: "\"Nhà ở, đất đai\"SEP", with: "yte, options: [yte, giaoduc, dien]")
      .replacingOccurrences(of: "\"Khai sinh\"SEP", with: "dien")
    let result = try PapiKitTests.read(csv([["id", "commune", "tick"], ["1", "01", "yte giaoduc"]]), yaml)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.text(.en) })")
    let odk = try ExportReader.read([repoPath("samples/odk-quangtri-2024.csv")], questionnaire: papi2024())
    #expect(!odk.diagnostics.contains { $0.value == "giaoduc" })
    let missingSelect = yaml.replacingOccurrences(of: "options: [yte, giaoduc, dien]", with: "options: [dien]")
    let refused = try #require(throws: PapiError.self) { try questionnaire(missingSelect) }
    #expect(refused.text(.en).contains("`options` must include the `select` option (yte)"))
    let noSelect = oneIndicatorQuestionnaire.replacingOccurrences(
      of: "no: [\"0\"]}", with: "no: [\"0\"], options: [a]}")
    let error = try #require(throws: PapiError.self) { try questionnaire(noSelect) }
    #expect(error.text(.en).contains("`options` is only for a `select` indicator"))
  }

  func papi2024() throws -> Questionnaire {
    try QuestionnaireLoader.load(path: repoPath("questionnaires/papi-2024.yaml"))
  }

  @Test func aSeparatorWithoutSelectIsRefused() throws {
    let yaml = oneIndicatorQuestionnaire.replacingOccurrences(
      of: "no: [\"0\"]}", with: "no: [\"0\"], separator: \",\"}")
    let error = try #require(throws: PapiError.self) { try questionnaire(yaml) }
    #expect(error.text(.en).contains("`separator` is only for a `select` indicator"))
  }
}

/// Exports without a respondent id (issue 16, item 4).
@Suite("Exports without ids: file SHA-256 and row")
struct NoIDTests {
  let export = "\(layouts)/no-id.csv"
  let yaml = "\(layouts)/no-id.yaml"

  @Test func idNoneReadsEveryRowAndSaysDuplicatesCannotBeFound() throws {
    let q = try QuestionnaireLoader.load(path: yaml)
    #expect(q.respondent.id.isEmpty)
    let result = ExportReader.read([export], questionnaire: q)
    #expect(!result.hasErrors)
    // Lines 4 and 5 are the same answers twice: both are kept.
    #expect(result.table.count == 6)
    #expect(result.reading.duplicatesDetectable == false)
    let note = try #require(result.diagnostics.first { $0.severity == .note })
    #expect(note.text(.en).contains("duplicate responses cannot be detected"))
    #expect(note.text(.vi).contains("không phát hiện được câu trả lời bị nộp trùng"))
    let sha = DecodedStream.sha256(ofFile: export)
    #expect(result.table.respondentID(0) == "1@\(sha)")
    #expect(result.table.respondentID(5) == "6@\(sha)")
    #expect(sha == "4898c9fa76e73990c2748d575aaf5b408c0b3e026dc4b87a5c44ffa3ed2a3ddf")
    let json = try ScoreCommand.run(ScoreRequest(files: [export], questionnairePath: yaml, format: .json)).text
    #expect(json.contains("\"duplicates_detectable\": false"))
  }

  @Test func importingTheSameFileAgainChangesNothing() throws {
    let store = SQLiteStore(
      path: try temporaryDirectory().appendingPathComponent("papi.db").path, mode: .createIfMissing)
    let first = try ImportCommand.run(ImportRequest(files: [export], questionnairePath: yaml, wave: "w"), store: store)
    #expect(first.outcome.files[0].imported == 6)
    #expect(first.warnings.contains { $0.message.en.contains("duplicate responses cannot be detected") })
    let again = try ImportCommand.run(ImportRequest(files: [export], questionnairePath: yaml, wave: "w"), store: store)
    #expect(again.outcome.noOp)
    #expect(again.outcome.files[0].unchanged == 6)
  }

  @Test func anExportWithoutTheNamedIdColumnsIsReadWithAWarning() throws {
    let yaml = oneIndicatorQuestionnaire.replacingOccurrences(of: "id: [id]", with: "id: [_uuid, KEY]")
    let result = try read(
      csv([["commune", "name", "province", "a"], ["1", "X", "01", "1"], ["1", "X", "01", "0"]]), yaml)
    #expect(!result.hasErrors)
    #expect(result.table.count == 2)
    let warning = try #require(result.diagnostics.first { $0.severity == .warning })
    #expect(warning.message.en.contains("names (also after a group path, as grp/_uuid):\n    _uuid\n    KEY\n"))
    #expect(warning.message.en.contains("duplicate responses cannot be detected"))
    #expect(result.reading.duplicatesDetectable == false)
  }
}

/// LimeSurvey headings, checkboxes and incomplete responses (issue 16, item 3).
@Suite("LimeSurvey: code headings, Q[SQ] checkboxes, submitdate")
struct LimeSurveyTests {
  let yaml = "\(layouts)/limesurvey.yaml"

  func score(_ file: String, yaml: String? = nil) throws -> (ReadResult, ScoreReport) {
    let q = try yaml.map { try questionnaire($0) } ?? QuestionnaireLoader.load(path: self.yaml)
    let result = ExportReader.read(["\(layouts)/\(file)"], questionnaire: q)
    #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
    return (result, Scorer(questionnaire: q).score(result.table, level: 0))
  }

  @Test(arguments: ["limesurvey-code-text.csv", "limesurvey-text-code.csv", "limesurvey-code-text.xlsx"])
  func bothHeadingStylesMatchByCode(_ file: String) throws {
    let (result, report) = try score(file)
    #expect(result.table.count == 6)
    #expect(result.reading.incompleteLeftOut == 2)
    let estimates = indicatorEstimates(report)
    // Ids 3, 4, 5: G01Q02[SQ001] Y, empty, Y; G01Q02[SQ003] empty, Y, empty.
    #expect(estimates["00874"]?["khaisinh"] == 2.0 / 3)
    #expect(estimates["00874"]?["datdai"] == 1.0 / 3)
    // Id 12 (the incomplete id 11 before it has no unit, and is no error).
    #expect(estimates["00883"]?["chungthuc"] == 1)
    #expect(estimates["00883"]?["khaisinh"] == 0)
    // Id 8 ticked no box: the question is missing, not "none chosen" (fixture README §4).
    #expect(estimates["00880"]?["khaisinh"] == 1)
    let g01q02 = report.units.map { $0.dimensions[0].subdimensions[1].indicators[0].estimate.n }
    #expect(g01q02.reduce(0, +) == 5)
    let note = try #require(result.diagnostics.first { $0.severity == .note })
    #expect(note.text(.en).contains("2 of 8 responses are incomplete"))
    #expect(note.text(.vi).contains("bỏ qua 2 trong 8 bài trả lời chưa hoàn thành"))
  }

  @Test func theTwoStylesScoreTheSameAndCountTheIncompleteInTextAndJSON() throws {
    let json = try ["limesurvey-code-text.csv", "limesurvey-text-code.csv"].map {
      try ScoreCommand.run(ScoreRequest(files: ["\(layouts)/\($0)"], questionnairePath: yaml, format: .json)).text
    }
    #expect(json[0] == json[1])
    #expect(json[0].contains("\"incomplete_left_out\": 2"))
    let table = try ScoreCommand.run(
      ScoreRequest(files: ["\(layouts)/limesurvey-code-text.csv"], questionnairePath: yaml, language: .en)
    ).text
    #expect(table.contains("2 incomplete (unsubmitted) responses are not counted."))
  }

  @Test func theFeedbackColumnIsFoundByItsCode() throws {
    var options = ReadOptions()
    options.readComments = true
    let result = ExportReader.read(
      ["\(layouts)/limesurvey-code-text.csv"], questionnaire: try QuestionnaireLoader.load(path: yaml), options: options
    )
    #expect(result.commentWarnings.isEmpty)
    // Ids 3, 4 and 9 (8 said "Không có ý kiến"; 7 and 11 are incomplete).
    #expect(result.comments[0].items.count == 3)
  }

  @Test func submitdateIsTheDefaultForALimeSurveyLayout() throws {
    let text = try String(contentsOfFile: yaml, encoding: .utf8).replacingOccurrences(
      of: ", complete: submitdate}", with: "}")
    #expect(!text.contains("MAXA, complete"))
    let (result, _) = try score("limesurvey-code-text.csv", yaml: text)
    #expect(result.reading.incompleteLeftOut == 2)
    #expect(result.table.count == 6)
  }

  @Test func completeNamesTheColumnOfAnotherLayout() throws {
    let yaml = oneIndicatorQuestionnaire.replacingOccurrences(of: "parent: province}", with: "complete: done}")
    let rows = [
      ["id", "commune", "done", "a"], ["1", "01", "x", "1"], ["2", "", "", "7"], ["3", "01", "x", "0"],
    ]
    let result = try read(csv(rows), yaml.replacingOccurrences(of: "unit_name: name, ", with: ""))
    #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
    #expect(result.table.count == 2)
    #expect(result.reading.incompleteLeftOut == 1)
  }

  let checkbox = """
    id: lime
    respondent: {id: [id], unit: MAXA}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: a, column: Q2, type: binary, select: SQ001}
              - {id: b, column: Q2, type: binary, select: SQ002}
    """

  @Test func aCheckboxCellMayHoldTheOptionsLabel() throws {
    let rows = [
      ["id", "MAXA", "Q2[SQ001]. Thủ tục? [Khai sinh]", "Q2[SQ002]. Thủ tục? [Đất đai, nhà ở]"],
      ["1", "01", "Khai sinh", ""], ["2", "01", "", "Đất đai, nhà ở"], ["3", "01", "Y", "Y"],
    ]
    let result = try read(csv(rows), checkbox)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.text(.en) })")
    let estimates = indicatorEstimates(Scorer(questionnaire: try questionnaire(checkbox)).score(result.table, level: 0))
    #expect(estimates["01"]?["a"] == 2.0 / 3)
    #expect(estimates["01"]?["b"] == 2.0 / 3)
  }

  @Test func anotherValueInACheckboxIsAnError() throws {
    let rows = [["id", "MAXA", "Q2[SQ001]", "Q2[SQ002]"], ["1", "01", "Có lẽ", ""]]
    let result = try read(csv(rows), checkbox)
    let error = try #require(result.errors.first)
    #expect(error.text(.en).contains("line 2, column 3 (Q2[SQ001])"))
    #expect(error.text(.en).contains("must be Y (chosen) or empty"))
  }

  @Test func fullQuestionTextHeadingsAskForCodes() throws {
    let q = try QuestionnaireLoader.load(path: yaml)
    let result = ExportReader.read(["\(layouts)/limesurvey-full.csv"], questionnaire: q)
    #expect(result.hasErrors)
    #expect(result.errors.contains { $0.fix.en.contains("export again with \"Question code\"") })
  }
}

/// The new reading rules give the same result when a large file is read in parts.
@Suite("Select-multiple warnings, incomplete rows and row ids read in parts")
struct LayoutsInPartsTests {
  static func yaml(id: String) -> String {
    """
    id: parts
    respondent: {id: \(id), unit: commune, complete: done}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: a, column: q1, type: binary, yes: ["1"], no: ["0"]}
              - {id: b, column: tick, type: binary, select: yte}
              - {id: c, column: tick, type: binary, select: dien}
    """
  }

  static func export() throws -> String {
    var rows = [["uuid", "commune", "done", "q1", "tick", "comment"]]
    for index in 0..<3000 {
      // Row 7 is incomplete: its unknown choice is not counted.
      let tick = index % 97 == 5 || index == 7 ? "yte giaoduc" : (index % 3 == 0 ? "dien" : "yte dien")
      rows.append([
        "u\(index)", String(format: "%05d", index % 40), index % 500 == 7 ? "" : "x", String(index % 2), tick,
        "ý kiến, \"số\"\n\(index)",
      ])
    }
    return try writeTemporary(csv(rows))
  }

  func compare(id: String) throws -> (whole: ReadResult, parts: ReadResult) {
    let path = try Self.export()
    let q = try questionnaire(Self.yaml(id: id))
    let whole = ExportReader.read([path], questionnaire: q, options: ReadOptions(parts: 1))
    let parts = ExportReader.read([path], questionnaire: q, options: ReadOptions(minimumPartBytes: 4096, parts: 3))
    #expect(ReadInPartsTests.describe(parts) == ReadInPartsTests.describe(whole))
    #expect(parts.reading == whole.reading)
    return (whole, parts)
  }

  @Test func unknownOptionsAndIncompleteRowsAreCountedAcrossParts() throws {
    let (whole, parts) = try compare(id: "[uuid]")
    #expect(parts.files[0].parts == 3)
    #expect(whole.reading.incompleteLeftOut == 6)
    let warning = try #require(whole.diagnostics.first { $0.severity == .warning })
    #expect(warning.text(.en).contains("line 12, column 5 (tick)"))
    #expect(warning.text(.en).contains("(31 rows, this is the first)"))
  }

  @Test func rowsWithoutIdsAreNumberedFromTheFilesStart() throws {
    let (whole, parts) = try compare(id: "none")
    #expect(parts.files[0].parts == 1)
    #expect(whole.table.respondentID(0).hasPrefix("1@"))
  }
}
