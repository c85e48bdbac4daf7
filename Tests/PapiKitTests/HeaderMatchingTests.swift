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
