import Foundation
import Testing

@testable import PapiKit

/// How an export's header meets the questionnaire's names (issue 16, items 6 and 7).
@Suite("Header matching: names as written, clear messages")
struct HeaderMatchingTests {
  /// A questionnaire of seven binary indicators whose columns are declared with the spaces
  /// and the Unicode form a spreadsheet user types.
  let spaced = """
    id: spaced
    respondent:
      id: ["  respondent "]
      unit: "commune "
      aliases: {"commune ": [" xã "]}
    feedback: [" comment  "]
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: p1, column: "1st preference ", type: binary, yes: ["1"], no: ["0"]}
              - {id: p2, column: " 2nd preference", type: binary, yes: ["1"], no: ["0"]}
              - {id: p3, columns: ["x3", "\\tthird\\u00a0"], type: binary, yes: ["1"], no: ["0"]}
              - {id: p4, column: "Nguye\\u0302\\u0303n ", type: binary, yes: ["1"], no: ["0"]}
              - {id: p5, column: "q5", type: binary, yes: ["1"], no: ["0"]}
              - {id: p6, column: "tick ", select: " a ", type: binary}
              - {id: p7, column: "tick ", select: "b", type: binary}
    """

  @Test func questionnaireNamesAreTrimmedAndNFCAsHeadersAre() throws {
    let text = csv([
      ["respondent", "xã", "1st preference", "2nd preference", "third", "Nguyễn", "q5", "tick", "comment"],
      ["r1", "00001", "1", "0", "1", "1", "0", "a", "Tốt"],
      ["r2", "00001", "0", "1", "1", "0", "1", "a b", ""],
    ])
    var options = ReadOptions()
    options.readComments = true
    let result = try read(text, spaced, options: options)
    #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
    // Every indicator found its column: no "have no column" warning.
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.text(.en) })")
    #expect(result.commentWarnings.isEmpty)
    #expect(result.comments.first?.items.count == 1)
    let scores = Scorer(questionnaire: try questionnaire(spaced)).score(result.table, level: 0)
    let indicators = scores.units[0].dimensions[0].subdimensions[0].indicators
    #expect(indicators.map(\.estimate.n) == [2, 2, 2, 2, 2, 2, 2])
    #expect(indicators.map(\.estimate.value) == [0.5, 0.5, 1, 0.5, 0.5, 1, 0.5])
  }
}

@Suite("Messages about the respondent columns and the scale")
struct RespondentColumnMessageTests {
  @Test func oneColumnForTheIdAndTheUnitIsAnErrorNamingBoth() throws {
    let yaml = oneIndicatorQuestionnaire.replacingOccurrences(
      of: "respondent: {id: [id], unit: commune,",
      with: "respondent: {id: [ma_xa], unit: commune, aliases: {commune: [ma_xa]},")
    let result = try read(csv([["ma_xa", "name", "province", "a"], ["00001", "Xã Một", "01", "1"]]), yaml)
    let error = try #require(result.errors.first)
    #expect(result.errors.count == 1)
    let text = error.text(.en)
    #expect(text.contains("line 1, column 1 (ma_xa)"))
    #expect(
      text.contains(
        "this column is both the respondent id (`respondent.id`: ma_xa) and the unit code "
          + "(`respondent.unit`: commune)"))
    #expect(error.text(.vi).contains("cột này vừa là mã người trả lời (`respondent.id`: ma_xa) vừa là mã đơn vị"))
  }

  @Test func aMissingIdColumnListsTheAcceptedNamesOneByOne() throws {
    let yaml = oneIndicatorQuestionnaire.replacingOccurrences(
      of: "respondent: {id: [id],", with: "respondent: {id: [_uuid, meta/instanceID, KEY], aliases: {KEY: [Mã phiếu]},")
    let result = try read(csv([["commune", "name", "province", "a"], ["00001", "Xã Một", "01", "1"]]), yaml)
    let problem = try #require(result.diagnostics.first { $0.message.en.contains("respondent id") })
    #expect(
      problem.message.en.contains(
        "accepts any one of these names (also after a group path, as grp/_uuid):\n    _uuid\n    meta/instanceID\n"
          + "    KEY\n    Mã phiếu\n"))
    #expect(problem.message.vi.contains("một trong các tên sau"))
  }

  @Test func aPapiQuestionnaireOfOtherThanEightDimensionsSaysWhatItsTotalRangesOver() throws {
    let two = try questionnaire(
      oneIndicatorQuestionnaire + """

          - id: d2
            name: {vi: "Hai", en: "Two"}
            subdimensions:
              - id: d2.1
                indicators:
                  - {id: b, column: b, type: binary, yes: ["1"], no: ["0"]}
        """)
    let path = try writeTemporary(
      csv([["id", "commune", "name", "province", "a", "b"], ["r", "1", "X", "01", "1", "0"]]))
    let result = ExportReader.read([path], questionnaire: two)
    let report = Scorer(questionnaire: two).score(result.table, level: 0)
    var out = ByteBuffer()
    ScoreTableRenderer(questionnaire: two, language: .en, detail: false).render(report, to: &out)
    #expect(out.text.contains("Dimensions 1–10, total 2–20 (the sum of 2 dimensions);"))
    #expect(!out.text.contains("8–80"))
    var vi = ByteBuffer()
    ScoreTableRenderer(questionnaire: two, language: .vi, detail: false).render(report, to: &vi)
    #expect(vi.text.contains("Chỉ số nội dung 1–10, tổng 2–20 (tổng của 2 chỉ số nội dung);"))
    #expect(ScoringScheme(.papi).scaleLegend(dimensions: 8).en.contains("total 8–80;"))
  }
}
