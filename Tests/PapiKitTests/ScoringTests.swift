import Foundation
import Testing

@testable import PapiKit

/// The scoring method of PRODUCT.md §4 against cases worked by hand.
@Suite("Scoring matches hand-computed cases")
struct ScoringTests {
  static func yaml(kind: String = "papi", indicators: String, weight: Bool = true) -> String {
    """
    id: hand
    kind: \(kind)
    respondent: {id: [id], unit: unit, parent: province\(weight ? ", weight: w" : "")}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
    \(indicators)
    """
  }

  func score(_ yaml: String, _ rows: String, level: Int = 0) throws -> ScoreReport {
    let q = try questionnaire(yaml)
    let result = ExportReader.read([try writeTemporary(rows)], questionnaire: q)
    #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
    return Scorer(questionnaire: q).score(result.table, level: level)
  }

  static let oneBinary = """
          - id: d1.1
            indicators:
              - {id: a, column: a, type: binary, yes: ["1"], no: ["0"]}
    """

  @Test func unweightedProportion() throws {
    // x = 1, 1, 0, 1: p = 0.75; Σ(x−p)² = 0.75, so SE = sqrt(0.75/3)/sqrt(4) = 0.25.
    let report = try score(
      Self.yaml(indicators: Self.oneBinary, weight: false), "id,unit,province,a\n1,U,P,1\n2,U,P,1\n3,U,P,0\n4,U,P,1\n")
    let estimate = report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    #expect(estimate.value == 0.75)
    #expect(abs(estimate.se! - 0.25) < 1e-15)
    #expect(estimate.n == 4)
    #expect(abs(estimate.low! - (0.75 - 1.959964 * 0.25)) < 1e-15)
    // Sub-dimension of a dimension with k = 1: S = 1 + 9p = 7.75, SE = 9 · 0.25.
    let sub = report.units[0].dimensions[0].subdimensions[0].score
    #expect(sub.value == 7.75)
    #expect(abs(sub.se! - 2.25) < 1e-14)
    #expect(report.units[0].total.value == 7.75)
  }

  @Test func weightedProportion() throws {
    // w = 1, 2, 1; x = 1, 0, 1: W = 4, p = 0.5; z = (0.125, −0.25, 0.125);
    // Σz² = 0.09375; SE = sqrt(3/2 · 0.09375) = 0.375.
    let report = try score(
      Self.yaml(indicators: Self.oneBinary), "id,unit,province,w,a\n1,U,P,1,1\n2,U,P,2,0\n3,U,P,1,1\n")
    let estimate = report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    #expect(estimate.value == 0.5)
    #expect(abs(estimate.se! - 0.375) < 1e-15)
  }

  @Test func missingCodesAreNotZero() throws {
    let report = try score(
      Self.yaml(indicators: Self.oneBinary, weight: false) + "\nmissing: [\"\", \"98\"]\n",
      "id,unit,province,a\n1,U,P,1\n2,U,P,98\n3,U,P,\n4,U,P,0\n")
    let estimate = report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    #expect(estimate.value == 0.5)
    #expect(estimate.n == 2)
    #expect(report.units[0].respondents == 4)
  }

  @Test func compositeWithTwoSubdimensionsAndWeights() throws {
    // d1.1: likert 1–5 (x = (a−1)/4) weight 1 and binary weight 3; d1.2: scale 0–10, reversed.
    let indicators = """
            - id: d1.1
              indicators:
                - {id: a, column: a, type: likert, range: [1, 5]}
                - {id: b, column: b, type: binary, yes: ["1"], no: ["2"], weight: 3}
            - id: d1.2
              indicators:
                - {id: c, column: c, type: scale, range: [0, 10], reverse: true}
      """
    let rows = "id,unit,province,a,b,c\n1,U,P,5,1,2\n2,U,P,3,2,\n3,U,P,1,1,6\n"
    let report = try score(Self.yaml(indicators: indicators, weight: false), rows)
    let unit = report.units[0]
    // p_a = (1 + 0.5 + 0)/3 = 0.5; p_b = 2/3; p_c = mean(0.8, 0.4) = 0.6.
    // v_1 = (0.5 + 3·2/3)/4 = 0.625, S_1 = (1 + 9·0.625)/2 = 3.3125.
    // v_2 = 0.6, S_2 = (1 + 5.4)/2 = 3.2; D = 6.5125.
    let s1 = try #require(unit.dimensions[0].subdimensions[0].score.value)
    let s2 = try #require(unit.dimensions[0].subdimensions[1].score.value)
    #expect(abs(s1 - 3.3125) < 1e-14)
    #expect(abs(s2 - 3.2) < 1e-14)
    #expect(abs(unit.total.value! - 6.5125) < 1e-14)
    // Composite SE by hand: c_a = 9·1/(2·4), c_b = 9·3/(2·4), c_c = 9/2.
    // z_a = (x−p)/3: (1/6, 0, −1/6); z_b = (x−p)/3: (1/9, −2/9, 1/9); z_c = (x−p)/2: (0.1, 0, −0.1).
    let ca = 9.0 / 8
    let cb = 27.0 / 8
    let cc = 4.5
    let za = [1.0 / 6, 0, -1.0 / 6]
    let zb = [1.0 / 9, -2.0 / 9, 1.0 / 9]
    let zc = [0.1, 0, -0.1]
    let zS1 = (0..<3).map { ca * za[$0] + cb * zb[$0] }
    let zD = (0..<3).map { zS1[$0] + cc * zc[$0] }
    let seS1 = (1.5 * zS1.map { $0 * $0 }.reduce(0, +)).squareRoot()
    let seD = (1.5 * zD.map { $0 * $0 }.reduce(0, +)).squareRoot()
    #expect(abs(unit.dimensions[0].subdimensions[0].score.se! - seS1) < 1e-14)
    #expect(abs(unit.total.se! - seD) < 1e-14)
    #expect(unit.dimensions[0].subdimensions[1].score.n == 2)
    #expect(unit.total.n == 3)
    #expect(unit.total.complete)
  }

  @Test func nullsPropagateAndCompletenessIsReported() throws {
    let indicators = """
            - id: d1.1
              indicators:
                - {id: a, column: a, type: binary, yes: ["1"], no: ["0"]}
                - {id: b, column: b, type: binary, yes: ["1"], no: ["0"]}
            - id: d1.2
              indicators:
                - {id: c, column: c, type: binary, yes: ["1"], no: ["0"]}
      """
    let rows = "id,unit,province,a,b,c\n1,U,P,1,,1\n2,U,P,0,,\n3,V,P,1,1,\n"
    let report = try score(Self.yaml(indicators: indicators, weight: false), rows)
    let u = report.units[0]
    // b has no answer in U: d1.1 stands on a alone but is incomplete.
    #expect(
      u.dimensions[0].subdimensions[0].indicators[1].estimate
        == Estimate(value: nil, se: nil, low: nil, upp: nil, n: 0, complete: false))
    let expectedS1: Double = (1 + 9 * 0.5) / 2
    #expect(u.dimensions[0].subdimensions[0].score.value == expectedS1)
    #expect(u.dimensions[0].subdimensions[0].score.complete == false)
    #expect(u.total.complete == false)
    // c answered once in U: an estimate with no SE.
    let c = u.dimensions[0].subdimensions[1].indicators[0].estimate
    #expect(c.value == 1 && c.n == 1 && c.se == nil && c.low == nil)
    // V has no answer to c: d1.2 is null, so the dimension and the total are null with n 0.
    let v = report.units[1]
    #expect(v.dimensions[0].subdimensions[1].score.value == nil)
    #expect(v.dimensions[0].score == Estimate(value: nil, se: nil, low: nil, upp: nil, n: 0, complete: false))
    #expect(v.total.value == nil && v.total.n == 0)
  }

  @Test func parentLevelIsComputedFromRespondentsNotFromChildren() throws {
    let rows = "id,unit,province,w,a\n1,U,P,1,1\n2,U,P,1,1\n3,V,P,3,0\n4,W,Q,1,0\n"
    let yaml = Self.yaml(indicators: Self.oneBinary)
    let provinces = try score(yaml, rows, level: 1)
    #expect(provinces.level == "province")
    #expect(provinces.units.map(\.code) == ["P", "Q"])
    // P: weights 1, 1, 3 and x = 1, 1, 0 → p = 2/5 (the mean of U's 1.0 and V's 0.0 would be 0.5).
    let p = provinces.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    #expect(p.value == 0.4)
    #expect(p.n == 3)
    #expect(provinces.units[0].respondents == 3)
    // The same as scoring P's rows as one unit.
    let flat = try score(yaml, "id,unit,province,w,a\n1,P,X,1,1\n2,P,X,1,1\n3,P,X,3,0\n")
    #expect(flat.units[0].total == provinces.units[0].total)
  }

  @Test func percentKindUsesSatisfiedSetsAndMeans() throws {
    let yaml = """
      id: s
      kind: percent
      respondent: {id: [id], unit: unit}
      dimensions:
        - id: e1
          name: {vi: "Tiếp cận", en: "Access"}
          subdimensions:
            - id: e1.1
              indicators:
                - {id: a, column: a, type: likert, range: [1, 5], satisfied: [4, 5]}
            - id: e1.2
              indicators:
                - {id: b, column: b, type: likert, range: [1, 5], satisfied: [4, 5]}
        - id: e2
          name: {vi: "Thủ tục", en: "Procedures"}
          weight: 3
          subdimensions:
            - id: e2.1
              indicators:
                - {id: c, column: c, type: likert, range: [1, 5], satisfied: [4, 5], labels: {"Rất hài lòng": 5,\
       "Hài lòng": 4, "Bình thường": 3}}
      """
    let rows = "id,unit,a,b,c\n1,U,5,3,Rất hài lòng\n2,U,4,4,Bình thường\n3,U,2,5,Hài lòng\n4,U,1,1, Hài lòng \n"
    let report = try score(yaml, rows)
    let u = report.units[0]
    // a: 2 of 4 satisfied = 50; b: 2 of 4 = 50; e1 = mean = 50. c: 3 of 4 = 75.
    #expect(u.dimensions[0].score.value == 50)
    #expect(u.dimensions[1].score.value == 75)
    // Total: weighted mean (1·50 + 3·75)/4 = 68.75.
    #expect(u.total.value == 68.75)
  }

  @Test func resultsAreDeterministic() throws {
    let q = try questionnaire(SurveyFixture.yaml)
    let path = try writeTemporary(SurveyFixture.kobo())
    let first = try scoreJSON([path], q)
    let second = try scoreJSON([path], q)
    #expect(first == second)
  }
}
