import Testing

@testable import PapiKit

@Suite("Questionnaire loading and validation")
struct QuestionnaireTests {
  @Test func papi2024CoversEveryDimensionAndSubdimension() throws {
    let q = try QuestionnaireLoader.load(path: repoPath("questionnaires/papi-2024.yaml"))
    #expect(q.kind == .papi)
    #expect(q.dimensions.map(\.id) == (1...8).map { "d\($0)" })
    #expect(q.dimensions.map(\.subdimensions.count) == [4, 4, 3, 4, 3, 4, 3, 3])
    for dimension in q.dimensions {
      #expect(!dimension.name.vi.isEmpty && !dimension.name.en.isEmpty)
      for subdimension in dimension.subdimensions {
        #expect(subdimension.indicators.count >= 2, "\(subdimension.id)")
        #expect(subdimension.name.vi != subdimension.name.en)
      }
    }
    #expect(q.indicators.contains { $0.select != nil })
    #expect(q.respondent.pii.contains("phone"))
  }

  @Test func sipas2024HasFiveElementsOnTheSatisfactionScale() throws {
    let q = try QuestionnaireLoader.load(path: repoPath("questionnaires/sipas-2024.yaml"))
    #expect(q.kind == .percent)
    #expect(q.dimensions.count == 5)
    for indicator in q.indicators {
      #expect(indicator.type == .likert)
      #expect(indicator.range == 1...5)
      #expect(indicator.satisfied == [4, 5])
    }
  }

  @Test func benchQuestionnaireCoversTheBenchColumns() throws {
    let q = try QuestionnaireLoader.load(path: repoPath("bench/papi-bench.yaml"))
    #expect(q.indicators.count == 120)
    #expect(q.dimensions.map(\.subdimensions.count) == [4, 4, 3, 4, 3, 4, 3, 3])
  }

  static let base = """
    id: t
    respondent: {id: [_uuid], unit: commune_code}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
    """

  func refusal(_ yaml: String) -> [Diagnostic] {
    do {
      _ = try QuestionnaireLoader.parse(yaml: yaml, source: "q.yaml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test func duplicateID() {
    let problems = refusal(
      Self.base + """

                - {id: d1.1.a, column: a, type: binary, yes: ["1"], no: ["0"]}
                - {id: d1.1.a, column: b, type: binary, yes: ["1"], no: ["0"]}
        """)
    #expect(problems.count == 1)
    #expect(problems.first?.message.en.contains("duplicate id `d1.1.a`") == true)
    #expect(problems.first?.location.line == 10)
    #expect(problems.first?.fix.en.contains("own id") == true)
  }

  @Test func unknownType() {
    let problems = refusal(Self.base + "\n          - {id: x, column: a, type: slider}\n")
    #expect(problems.first?.message.en == "`x`: unknown type `slider`.")
    #expect(problems.first?.fix.en.contains("binary, likert, scale, choice") == true)
  }

  @Test func rangeWithMinNotBelowMax() {
    let problems = refusal(Self.base + "\n          - {id: x, column: a, type: likert, range: [5, 1]}\n")
    #expect(problems.first?.message.en.contains("`x`: range [5, 1] has min ≥ max") == true)
  }

  @Test func labelOutsideRange() {
    let problems = refusal(
      Self.base + "\n          - {id: x, column: a, type: likert, range: [1, 5], labels: {\"Tốt\": 6}}\n")
    #expect(problems.first?.message.en.contains("label \"Tốt\" = 6 is outside the range [1, 5]") == true)
  }

  @Test func indicatorWithoutColumn() {
    let problems = refusal(Self.base + "\n          - {id: x, type: binary, yes: [\"1\"], no: [\"0\"]}\n")
    #expect(problems.first?.message.en == "indicator `x` has no column.")
    #expect(problems.first?.fix.en.contains("column:") == true)
  }

  @Test func dimensionWithoutSubdimensions() {
    let problems = refusal(
      """
      id: t
      respondent: {id: [_uuid], unit: commune_code}
      dimensions:
        - id: d1
          name: {vi: "Một", en: "One"}
      """)
    #expect(problems.first?.message.en == "dimension `d1` has no sub-dimensions.")
    #expect(problems.first?.fix.en.contains("d1") == true)
  }

  @Test func everyProblemIsListed() {
    let problems = refusal(
      Self.base + """

                - {id: x, column: a, type: slider}
                - {id: y, type: likert, range: [3, 3]}
                - {id: x, column: b, type: choice, scores: {"1": 2}}
        """)
    #expect(problems.count == 5)
  }
}
