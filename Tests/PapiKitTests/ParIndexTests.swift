import Foundation
import Testing

@testable import PapiKit

/// The PAR INDEX criteria sets and computations (issue 18, PRODUCT.md §8.1 and §8.3), on
/// hand-worked cases: the Kon Rẫy figures of seed `004_…` (89,21 of an applicable 97 →
/// 91,969), ties in rank, shares of lost points, and each check.
@Suite("PAR INDEX: criteria sets and computations")
struct ParIndexTests {
  /// Two fields of 50 points. A's first criterion is scored by the share of files settled
  /// on time; B's second was not scored (`không phát sinh`) in the Kon Rẫy case.
  static let yaml = """
    id: par-test
    kind: par
    title: {vi: "Bộ tiêu chí thử", en: "Test set"}
    scale: 100
    bands:
      - {name: {vi: "Xuất sắc", en: "Excellent"}, min: 90}
      - {name: {vi: "Tốt", en: "Good"}, min: 80}
      - {name: {vi: "Khá", en: "Fair"}, min: 70}
      - {name: {vi: "Yếu", en: "Weak"}, min: 0}
    fields:
      - code: "1"
        name: {vi: "Lĩnh vực một"}
        max: 50
        criteria:
          - code: "1.1"
            name: {vi: "Tỷ lệ hồ sơ giải quyết đúng hạn"}
            max: 40
            rule: {ratio: true}
            offices: ["Văn phòng HĐND và UBND"]
            replaces: {"2022": "1.2"}
          - code: "1.2"
            name: {vi: "Tiêu chí hai"}
            max: 10
      - code: "2"
        name: {vi: "Lĩnh vực hai"}
        criteria:
          - code: "2.1"
            name: {vi: "Hồ sơ trực tuyến"}
            max: 47
            rule: {thresholds: [[0.5, 47], [0.2, 40], [0, 0]]}
          - code: "2.2"
            name: {vi: "Tiêu chí không phát sinh"}
            max: 3
    """

  static func set() throws -> ParCriteriaSet { try ParCriteriaLoader.parse(yaml: yaml, source: "par-test.yaml") }

  static func results(
    _ unit: String, _ a1: Double, _ a2: Double, _ b1: Double, parent: String? = "62"
  )
    -> [ParResult]
  {
    [
      ParResult(unitCode: unit, parent: parent, year: "2023", criterion: "1.1", score: a1),
      ParResult(unitCode: unit, parent: parent, year: "2023", criterion: "1.2", score: a2),
      ParResult(unitCode: unit, parent: parent, year: "2023", criterion: "2.1", score: b1),
      ParResult(unitCode: unit, parent: parent, year: "2023", criterion: "2.2", score: nil, scored: false),
    ]
  }

  @Test func theSetIsReadWithItsMaximaRulesAndBands() throws {
    let set = try Self.set()
    #expect(set.fields.map(\.maximum) == [50, 50])
    #expect(set.leaves.map(\.code) == ["1.1", "1.2", "2.1", "2.2"])
    #expect(set.criterion("1.1")?.rule == .ratio && set.criterion("1.1")?.replaces == ["2022": "1.2"])
    #expect(set.criterion("2.1")?.rule == .thresholds([(0.5, 47), (0.2, 40), (0, 0)]))
    #expect(set.band(of: 91.969)?.name.vi == "Xuất sắc" && set.band(of: 89.999)?.name.vi == "Tốt")
  }

  @Test func badSetsAreRefusedWithTheCodeAndFix() throws {
    func problems(_ replacing: String, with: String) -> String {
      let yaml = Self.yaml.replacingOccurrences(of: replacing, with: with)
      do {
        _ = try ParCriteriaLoader.parse(yaml: yaml, source: "par-test.yaml")
        return ""
      } catch {
        return error.text(.en)
      }
    }
    #expect(problems("code: \"1.2\"", with: "code: \"1.1\"").contains("duplicate id `1.1`"))
    #expect(problems("max: 10", with: "max: 0").contains("criterion 1.2: the maximum must be above 0"))
    #expect(
      problems("max: 50", with: "max: 49").contains("`max: 49` differs from the sum of its children's maxima (50)"))
    #expect(problems("[[0.5, 47], [0.2, 40]", with: "[[0.2, 47], [0.5, 40]").contains("thresholds must descend"))
    #expect(problems("{\"2022\": \"1.2\"}", with: "{\"22\": \"1.2\"}").contains("`replaces` needs a year"))
    #expect(problems("kind: par", with: "kind: papi").contains("a criteria set needs `kind: par`"))
    #expect(
      problems("- {name: {vi: \"Tốt\", en: \"Good\"}, min: 80}", with: "- {name: {vi: \"Tốt\"}, min: 95}")
        .contains("must be below the band before it"))
    // The problem names the file and line.
    let lines = problems("max: 10", with: "max: -1").components(separatedBy: "\n")
    #expect(lines.first?.hasPrefix("par-test.yaml, line 23, column 14: error: criterion 1.2") == true, "\(lines)")
  }

  @Test func theKonRayFiguresAreReproduced() throws {
    // 39,21 + 10 + 40 = 89,21 points; 2.2 not scored leaves 97 applicable: 89,21 / 97 × 100.
    let units = try ParIndex.score(try Self.set(), results: Self.results("616", 39.21, 10, 40))
    let unit = try #require(units.first)
    #expect(abs(unit.points - 89.21) < 1e-9 && unit.maximum == 97)
    #expect(abs(unit.index - 91.969_072_164_948_45) < 1e-9)
    #expect(unit.band?.name.vi == "Xuất sắc" && unit.nextBand == nil)
    #expect(unit.fields.map(\.maximum) == [50, 47] && unit.fields[1].notScored == ["2.2"])
    // Lost: 7 on 2.1, 0,79 on 1.1 (the set's office), most first.
    #expect(unit.lost.map(\.criterion) == ["2.1", "1.1"])
    #expect(abs(unit.lost[1].lost - 0.79) < 1e-9)
    #expect(unit.lost[1].offices.map(\.office.name) == ["Văn phòng HĐND và UBND"])
  }

  @Test func ranksShareTiesAndCountTheUnitsOfTheirParent() throws {
    let set = try Self.set()
    let results =
      Self.results("a", 40, 10, 45) + Self.results("b", 40, 10, 40) + Self.results("c", 40, 10, 40)
      + Self.results("d", 30, 10, 40) + Self.results("e", 10, 10, 10, parent: "63")
    let units = try ParIndex.score(set, results: results)
    let ranks = Dictionary(uniqueKeysWithValues: units.map { ($0.code, ($0.rank, $0.of)) })
    #expect(ranks["a"]! == (1, 4) && ranks["b"]! == (2, 4) && ranks["c"]! == (2, 4) && ranks["d"]! == (4, 4))
    #expect(ranks["e"]! == (1, 1))
    // d: 80 / 97 = 82,47 (Tốt); Xuất sắc needs 0,9 × 97 = 87,3 points: 7,3 more.
    let d = try #require(units.first { $0.code == "d" })
    #expect(d.band?.name.vi == "Tốt" && d.nextBand?.band.name.vi == "Xuất sắc")
    #expect(abs((d.nextBand?.pointsNeeded ?? 0) - 7.3) < 1e-9)
    // To reach the first-ranked unit's index (95 / 97): 15 points.
    #expect(abs((ParIndex.pointsToRank(1, of: d, among: units) ?? 0) - 15) < 1e-9)
    #expect(ParIndex.pointsToRank(4, of: d, among: units) == nil)
  }

  @Test func lostPointsAreSharedByCountsElseEqually() throws {
    let counted = try #require(ParOffice.list("Phòng Tài nguyên - Môi trường=39; UBND xã Đăk Kôi=1"))
    let shares = ParIndex.shares(of: 2, among: counted)
    #expect(abs(shares[0].lost - 1.95) < 1e-9 && abs(shares[1].lost - 0.05) < 1e-9)
    let named = try #require(ParOffice.list("Phòng Tư pháp; Văn phòng HĐND-UBND:theo dõi"))
    #expect(named[1] == ParOffice(name: "Văn phòng HĐND-UBND", role: "theo dõi"))
    #expect(ParIndex.shares(of: 1, among: named).map(\.lost) == [0.5, 0.5])
    #expect(ParOffice.list("Phòng X=ba") == nil && ParOffice.list(" ; ") == nil)
  }

  @Test func figuresThatDoNotAddUpAreChecked() throws {
    var results = Self.results("616", 0.5, 10, 40)
    // 1.1: 692 of 835 files on time gives 40 × 0,8287 = 33,15 points, not 0,5; the reason's
    // "8,68%" is not 692/835 = 82,87%.
    results[0].numerator = 692
    results[0].denominator = 835
    results[0].reason = "Tỷ lệ hồ sơ đúng hạn 8,68%"
    // 2.1: 1 online file of 32 is 3,1%: thresholds give 0, not 40.
    results[2].numerator = 1
    results[2].denominator = 32
    let stated = [
      ParStated(unitCode: "616", year: "2023", criterion: "1", value: 10, origin: SourceLocation(file: "x")),
      ParStated(unitCode: "616", year: "2023", criterion: "total", value: 50.5, origin: SourceLocation(file: "x")),
    ]
    let unit = try #require(try ParIndex.score(try Self.set(), results: results, stated: stated).first)
    #expect(unit.checks.contains(.statedMismatch(criterion: "1", stated: 10, computed: 10.5)))
    #expect(!unit.checks.contains { if case .statedMismatch(criterion: "total", _, _) = $0 { true } else { false } })
    #expect(unit.checks.contains(.ruleMismatch(criterion: "1.1", given: 0.5, computed: 40 * 692 / 835)))
    #expect(unit.checks.contains(.ruleMismatch(criterion: "2.1", given: 40, computed: 0)))
    #expect(unit.checks.contains(.percentMismatch(criterion: "1.1", written: 8.68, computed: 692 / 835 * 100)))
  }

  @Test func aMissingCriterionOrAnUnknownOneIsAnError() throws {
    var results = Self.results("616", 39.21, 10, 40)
    results.removeLast()
    results.append(ParResult(unitCode: "616", year: "2023", criterion: "9.9", score: 1))
    let error = try #require(throws: PapiError.self) { try ParIndex.score(try Self.set(), results: results) }
    let text = error.text(.en)
    #expect(text.contains("unit 616 in 2023 lacks 1 criteria: 2.2"))
    #expect(text.contains("criterion `9.9` is not a scored criterion of set par-test"))
  }

  @Test func percentagesAreReadAsWritten() {
    #expect(ParIndex.percentages(in: "1/32 hồ sơ (8,68%), còn lại 82.9 %") == [8.68, 82.9])
    #expect(ParIndex.codeOrder("1.10").lexicographicallyPrecedes(ParIndex.codeOrder("1.9")) == false)
  }
}
