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
    #expect(unit.recoveryOrder.map(\.criterion) == ["2.1", "1.1"])
    #expect(unit.lost.map(\.criterion) == ["1.1", "2.1"], "in code order")
    #expect(abs(unit.recoveryOrder[1].lost - 0.79) < 1e-9)
    #expect(unit.recoveryOrder[1].offices.map(\.office.name) == ["Văn phòng HĐND và UBND"])
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
    #expect(abs((ParIndex.pointsToRank(1, of: d, among: units, in: set) ?? 0) - 15) < 1e-9)
    #expect(ParIndex.pointsToRank(4, of: d, among: units, in: set) == nil)
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
    func found(_ kind: ParCheck.Kind, _ criterion: String) -> [(Double, Double)] {
      unit.checks.filter { $0.kind == kind && $0.criterion == criterion }.map { ($0.stated, $0.computed) }
    }
    #expect(found(.statedMismatch, "1").map(\.0) == [10] && found(.statedMismatch, "1").map(\.1) == [10.5])
    #expect(found(.statedMismatch, "total").isEmpty)
    #expect(found(.ruleMismatch, "1.1").map(\.0) == [0.5] && found(.ruleMismatch, "1.1").map(\.1) == [40 * 692 / 835])
    #expect(found(.ruleMismatch, "2.1").map(\.0) == [40] && found(.ruleMismatch, "2.1").map(\.1) == [0])
    #expect(found(.percentMismatch, "1.1").map(\.0) == [8.68])
    #expect(unit.checks.first { $0.kind == .percentMismatch }?.text == "8,68%")
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

  @Test func resultsAreReadWithVietnameseHeadersAndScoredFromTheFile() throws {
    let header = [
      "mã đơn vị", "tên đơn vị", "đơn vị cấp trên", "năm", "mã tiêu chí", "điểm thẩm định", "điểm tự chấm",
      "trạng thái", "tử số", "mẫu số", "lý do", "trách nhiệm", "điểm công bố",
    ].joined(separator: ",")
    let csv =
      header + "\n" + """
        616,Kon Rẫy,62,2023,1.1,"39,21",40,,,,,Phòng Tư pháp=2; Văn phòng HĐND và UBND=1,
        616,Kon Rẫy,62,2023,1.2,10,10,,,,,,
        616,Kon Rẫy,62,2023,2.1,40,47,,"50","200",,,
        616,Kon Rẫy,62,2023,2.2,,,không phát sinh,,,,,
        616,Kon Rẫy,62,2023,total,,,,,,,,"89,21"
        """
    let path = try writeTemporary(csv, name: "ket-qua.csv")
    let (results, stated) = try ParResultsReader.read(path)
    #expect(results.count == 4 && stated.count == 1 && stated[0].value == 89.21)
    #expect(results[3].scored == false && results[3].score == nil)
    #expect(
      results[0].offices == [
        ParOffice(name: "Phòng Tư pháp", count: 2), ParOffice(name: "Văn phòng HĐND và UBND", count: 1),
      ])
    let set = try Self.set()
    try ParResultsReader.check(results, against: set)
    let unit = try #require(try ParIndex.score(set, results: results, stated: stated).first)
    #expect(abs(unit.index - 89.21 / 97 * 100) < 1e-9 && unit.name == "Kon Rẫy" && unit.selfPoints == 97)
    #expect(unit.checks.isEmpty)
    // 0,79 lost on 1.1, shared 2 : 1.
    let loss = try #require(unit.lost.first { $0.criterion == "1.1" })
    #expect(abs(loss.offices[0].lost - 0.79 * 2 / 3) < 1e-9)
  }

  @Test func badResultsNameTheirLineColumnAndValue() throws {
    let csv = """
      unit_code,year,criterion,score,status,numerator,denominator,offices
      616,2023,1.1,abc,,,,
      616,2023,1.2,11,,,,
      616,2023,2.1,40,,900,835,
      616,2023,2.2,,maybe,,,
      616,2023,1.1,1,,,,Phòng X=ba
      """
    let path = try writeTemporary(csv, name: "bad.csv")
    let error = try #require(throws: PapiError.self) { try ParResultsReader.read(path) }
    let text = error.text(.en)
    #expect(text.contains("bad.csv, line 2, column 4 (score): error: `abc` is not a non-negative number."))
    #expect(text.contains("line 4, column 6 (numerator): error: the numerator is larger than the denominator."))
    #expect(text.contains("line 5, column 5 (status): error: status `maybe` is not known."))
    #expect(text.contains("line 6, column 8 (offices): error: the list of offices cannot be read."))
    // A score above its criterion's maximum, once the set is known.
    let fine = try writeTemporary("unit_code,year,criterion,score\n616,2023,1.2,11\n", name: "above.csv")
    let above = try #require(throws: PapiError.self) {
      try ParResultsReader.check(try ParResultsReader.read(fine).results, against: try Self.set())
    }
    #expect(above.text(.en).contains("criterion 1.2: score 11 is above its maximum 10."))
  }

  @Test func theSeedDistrictsOf2023AreReproducedAndTheirMismatchesFound() throws {
    // questionnaires/par-kontum-huyen-2023.yaml and samples/par-kontum-2023.csv, transcribed
    // from seeds 000 (Đắk Glei, 610) and 004 (Kon Rẫy, 614); samples/par-kontum-2023.md says how.
    let set = try ParCriteriaLoader.load(path: repoPath("questionnaires/par-kontum-huyen-2023.yaml"))
    #expect(set.fields.count == 8 && abs(set.fields.reduce(0) { $0 + $1.maximum } - 100) < 1e-9)
    let (results, stated) = try ParResultsReader.read(repoPath("samples/par-kontum-2023.csv"))
    try ParResultsReader.check(results, against: set)
    let units = try ParIndex.score(set, results: results, stated: stated)
    let konRay = try #require(units.first { $0.code == "614" })
    // 004: "89,21/97 điểm … Chỉ số 91,969 … Xuất sắc".
    #expect(abs(konRay.points - 89.21) < 1e-9 && abs(konRay.maximum - 97) < 1e-9)
    #expect(abs(konRay.index - 91.969) < 0.0005 && konRay.band?.name.vi == "Xuất sắc")
    // 004 states field 6 as 10/13 while its itemised losses leave 11,09.
    #expect(
      konRay.checks.contains { check in
        check.kind == .statedMismatch && check.criterion == "6" && check.stated == 10
          && abs(check.computed - 11.09) < 1e-9
      })
    // 004: "1/32 … 8,68%" is 3,125%.
    #expect(konRay.checks.contains { $0.kind == .percentMismatch && $0.criterion == "6.3.1" && $0.stated == 8.68 })
    // 000: Đắk Glei's points add up to the 81,22 it states (it calls that figure its index).
    let dakGlei = try #require(units.first { $0.code == "610" })
    #expect(abs(dakGlei.points - 81.22) < 1e-9)
    #expect(!dakGlei.checks.contains { $0.kind == .statedMismatch && $0.criterion == "total" })
  }

  @Test func parValidateShowsTheUnitsAndWarnsAboutWhatDoesNotAddUp() throws {
    let run = try runPapi([
      "par", "validate", "samples/par-kontum-2023.csv", "-c", "questionnaires/par-kontum-huyen-2023.yaml",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("614    Huyện Kon Rẫy      2023    89,21/97,0  91,969 Xuất sắc      1/2"))
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(
      run.stderr.contains(
        "samples/par-kontum-2023.csv, dòng 33: cảnh báo: 614 lĩnh vực 6 ghi 10 điểm nhưng các tiêu chí cộng lại "
          + "được 11,09."))
    #expect(run.stderr.contains("614 tiêu chí 6.3.1: lý do ghi 8,68% nhưng tử số/mẫu số là 3,12%."))
    // A bad set is refused with its line, and nothing is shown.
    let set = try writeTemporary(Self.yaml.replacingOccurrences(of: "max: 10", with: "max: 0"), name: "bo.yaml")
    let refused = try runPapi(["par", "validate", "samples/par-kontum-2023.csv", "-c", set])
    #expect(refused.status == 1 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("bo.yaml, dòng 23, cột 14: lỗi: tiêu chí 1.2: điểm tối đa phải lớn hơn 0."))
  }

  @Test func percentagesAreReadAsWrittenAndOnlyTheRowsOwnRateIsChecked() {
    func written(_ text: String, _ numerator: Double, _ denominator: Double) -> [String] {
      ParPercentages.checked(in: text, numerator: numerator, denominator: denominator).map {
        "\($0.value)±\($0.tolerance)"
      }
    }
    // Its rate, to the rounding of the digits written: "92%" stands for 91,5–92,5.
    #expect(written("1/32 hồ sơ (8,68%), còn lại 82.9 %", 1, 32) == ["8.68±0.05", "82.9±0.05"])
    #expect(written("Có 24/26 nhiệm vụ hoàn thành, đạt 92% kế hoạch", 24, 26) == ["92.0±0.5"])
    // A bound or a target is not the rate; nor is the rate of another fraction; dates are not fractions.
    #expect(
      written("Đến ngày 30/11/2025 có 19/20 hồ sơ đúng hạn, đạt 95,2%; chỉ tiêu là trên 98%.", 19, 20) == ["95.2±0.05"])
    #expect(written("chưa đạt 100% kế hoạch", 5, 48).isEmpty)
    #expect(written("giải ngân 51.740 triệu đồng/94.561 triệu đồng, đạt 54,7%", 1, 2).isEmpty)
    #expect(written("giải ngân 51.740 triệu đồng/94.561 triệu đồng, đạt 54,7%", 51_740, 94_561) == ["54.7±0.05"])
    #expect(ParPercentages.count("1.224") == 1224 && ParPercentages.count("3,5") == 3.5)
    #expect(ParPercentages.count("1.234,5") == 1234.5 && ParPercentages.count("2.5") == 2.5)
    #expect(!ParIndex.codeBefore("1.10", "1.9") && ParIndex.codeBefore("1.9", "1.10"))
  }
}
