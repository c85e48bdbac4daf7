import Foundation
import Testing

@testable import PapiKit

/// Standard errors under a declared sample design (clusters, strata, fpc) against values R
/// `survey` gives, and the design's bad input.
@Suite("Sample design: clusters, strata, fpc")
struct SurveyDesignTests {
  /// One scale indicator 0–10 (x = y/10), clusters `psu` within strata `stratum`.
  static func yaml(design: String) -> String {
    """
    id: design
    kind: papi
    respondent: {id: [id], unit: unit, parent: province, weight: w\(design)}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: y, column: y, type: scale, range: [0, 10]}
    """
  }

  static let clustered = ", cluster: psu, strata: stratum"

  /// Three strata: two clusters, one lonely cluster, three clusters (R: svydesign(ids=~psu,
  /// strata=~stratum, weights=~w), svymean(~y) gives 4.285714285714286 with
  /// survey.lonely.psu = "adjust" and SE 0.987121477399568).
  static let toy: [(stratum: String, psu: String, w: String, y: String)] = [
    ("1", "11", "1.0", "3"), ("1", "11", "2.0", "5"), ("1", "12", "1.5", "4"), ("2", "21", "1.0", "10"),
    ("2", "21", "0.5", "8"), ("3", "31", "2.0", "1"), ("3", "32", "1.0", "2"), ("3", "33", "1.0", "6"),
    ("3", "33", "0.5", "4"),
  ]

  static func rows(extra: String = "", value: (Int) -> String = { _ in "" }, dropY: Set<String> = []) -> String {
    var text = "id,unit,province,stratum,psu,w,y\(extra.isEmpty ? "" : "," + extra)\n"
    for (index, row) in toy.enumerated() {
      let y = dropY.contains(row.psu) ? "" : row.y
      text += "\(index + 1),U,P,\(row.stratum),\(row.psu),\(row.w),\(y)\(extra.isEmpty ? "" : "," + value(index))\n"
    }
    return text
  }

  func score(_ yaml: String, _ rows: String, lonely: LonelyPSU) throws -> ScoreReport {
    let q = try questionnaire(yaml)
    var read = ReadOptions()
    read.lonelyPSU = lonely
    let data = try ExportFiles(files: [try writeTemporary(rows)], questionnaire: q, options: read).read()
    var withRule = data
    withRule.lonelyPSU = lonely
    return try ScoringStage.score(withRule, level: 0, wave: nil)
  }

  func indicator(_ report: ScoreReport) -> Estimate {
    report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
  }

  @Test func adjustMatchesR() throws {
    let report = try score(Self.yaml(design: Self.clustered), Self.rows(), lonely: .adjust)
    let y = indicator(report)
    #expect(abs(y.value! - 30.0 / 70) < 1e-15)
    #expect(abs(y.se! / 0.0987121477399568 - 1) < 1e-12)
    #expect(y.design?.df == 3)
    #expect(y.design?.clusters == 6)
    // Student's t with 3 df: qt(0.975, 3) = 3.1824463052837078.
    #expect(abs(y.low! - (y.value! - 3.1824463052837078 * y.se!)) < 1e-12)
    #expect(
      report.design == ScoredDesign(columns: DesignColumns(cluster: "psu", strata: "stratum"), lonelyPSU: .adjust))
  }

  @Test func removeAndCertaintyLeaveTheLonelyStratumOut() throws {
    // Strata 1 and 3 only: (16 + 2439) / 73.5² on the 0–10 scale.
    let expected = (2455.0 / 5402.25).squareRoot() / 10
    for rule in [LonelyPSU.remove, .certainty] {
      let y = indicator(try score(Self.yaml(design: Self.clustered), Self.rows(), lonely: rule))
      #expect(abs(y.se! / expected - 1) < 1e-12, "\(rule)")
      #expect(y.design?.df == 3)
    }
  }

  @Test func aLonelyStratumIsAnErrorUnlessARuleIsGiven() throws {
    #expect {
      try score(Self.yaml(design: Self.clustered), Self.rows(), lonely: .fail)
    } throws: { error in
      let text = (error as? PapiError)?.text(.en) ?? ""
      return text.contains("stratum `2` has one cluster only (cluster `21` of commune U)")
        && text.contains("--lonely-psu adjust")
    }
  }

  @Test func anEstimateUsesTheClustersOfItsAnswers() throws {
    // Nobody in cluster 11 answered: R on the 7 rows left (adjust) gives SE 1.382900869482269.
    let report = try score(Self.yaml(design: Self.clustered), Self.rows(dropY: ["11"]), lonely: .adjust)
    let y = indicator(report)
    #expect(abs(y.value! - 32 / 75.0) < 1e-15)
    #expect(abs(y.se! / 0.1382900869482269 - 1) < 1e-12)
    #expect(y.design?.clusters == 5)
    #expect(y.design?.df == 2)
  }

  @Test func finitePopulationCorrectionAsFractionOrCount() throws {
    let expected = (0.5 * 2455.0 / 5402.25).squareRoot() / 10
    let fraction = try score(
      Self.yaml(design: Self.clustered + ", fpc: f"), Self.rows(extra: "f", value: { _ in "0.5" }), lonely: .remove)
    #expect(abs(indicator(fraction).se! / expected - 1) < 1e-12)
    // Clusters in the population: 4, 2 and 6 for the 2, 1 and 3 sampled, so f = 1/2 again.
    let population = ["1": "4", "2": "2", "3": "6"]
    let count = try score(
      Self.yaml(design: Self.clustered + ", fpc: N"),
      Self.rows(extra: "N", value: { population[Self.toy[$0].stratum]! }), lonely: .remove)
    #expect(abs(indicator(count).se! / expected - 1) < 1e-12)
  }

  @Test func deffComparesWithIndependentRespondents() throws {
    let clustered = indicator(try score(Self.yaml(design: Self.clustered), Self.rows(), lonely: .adjust))
    let plain = indicator(try score(Self.yaml(design: ""), Self.rows(), lonely: .fail))
    #expect(plain.design == nil)
    let deff = try #require(clustered.design?.deff)
    #expect(abs(deff - (clustered.se! * clustered.se!) / (plain.se! * plain.se!)) < 1e-12)
    #expect(abs(clustered.design!.nEff! - 9 / deff) < 1e-12)
  }

  @Test func oneClusterGivesNoStandardError() throws {
    // Commune V has one village: no variance within it, so no SE, df 0.
    let q = try questionnaire(Self.yaml(design: ", cluster: psu"))
    let rows = "id,unit,province,psu,w,y\n1,V,P,a,1,3\n2,V,P,a,1,5\n3,W,P,a,1,4\n4,W,P,b,1,9\n"
    let data = try ExportFiles(files: [try writeTemporary(rows)], questionnaire: q, options: ReadOptions()).read()
    let report = try ScoringStage.score(data, level: 0, wave: nil)
    let v = indicator(report)
    #expect(v.value == 0.4)
    #expect(v.se == nil && v.low == nil && v.design?.df == 0 && v.design?.clusters == 1)
    // "a" of V and "a" of W are two clusters: the province has three.
    let province = try ScoringStage.score(data, level: 1, wave: nil)
    #expect(indicator(province).design?.clusters == 3)
  }

  @Test func strataAndClustersMayBeTheParentAndUnitColumns() throws {
    // Strata by province (the parent column), each commune a cluster (the unit column).
    let q = try questionnaire(Self.yaml(design: ", cluster: unit, strata: province"))
    let rows = "id,unit,province,w,y\n1,A,P,1,3\n2,A,P,1,5\n3,B,P,1,4\n4,C,Q,1,9\n5,D,Q,1,2\n6,D,Q,1,7\n"
    let data = try ExportFiles(files: [try writeTemporary(rows)], questionnaire: q, options: ReadOptions()).read()
    #expect(data.table.design.strata.map(\.name) == ["P", "Q"])
    let provinces = try ScoringStage.score(data, level: 1, wave: nil)
    #expect(provinces.units.map { indicator(of: $0).design?.df } == [1, 1])
    #expect(provinces.units.map { indicator(of: $0).design?.clusters } == [2, 2])
  }

  @Test func validateSaysWhatDesignItRead() throws {
    let folder = try temporaryDirectory()
    let q = folder.appendingPathComponent("q.yaml").path
    try Self.yaml(design: Self.clustered).write(toFile: q, atomically: true, encoding: .utf8)
    let export = folder.appendingPathComponent("toy.csv").path
    try Self.rows().write(toFile: export, atomically: true, encoding: .utf8)
    let run = try runPapi(["validate", export, "-q", q, "--lang", "en"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "Sample design: 6 clusters (column `psu`) in 3 strata (column `stratum`); strata with one cluster: 2 "
          + "(scoring them needs --lonely-psu)."), "\(run.stdout)")
  }

  @Test func flagsNeverCountOnADesignEffectBelowOne() {
    // Two villages with nearly equal means: a design variance far below that of independent
    // respondents, which is the noise of two cluster totals. The estimate reports it; a flag
    // uses the larger, with the design's t.
    let independent = 10.0 / 9 * 0.1
    let estimate = Estimate(
      value: 0.5, n: 10, sumOfSquares: 0.1, complete: true,
      design: DesignVariance(variance: 0.0001, df: 1, clusters: 2))
    #expect(abs(estimate.se! - 0.01) < 1e-15)
    #expect(abs(estimate.design!.deff! - 0.0001 / independent) < 1e-15)
    #expect(abs(estimate.flagSE! - independent.squareRoot()) < 1e-15)
    #expect(abs(estimate.flagInterval!.upp - (0.5 + 12.706204736174694 * independent.squareRoot())) < 1e-12)
    // Above 1, the design's own SE.
    let clustered = Estimate(
      value: 0.5, n: 10, sumOfSquares: 0.1, complete: true, design: DesignVariance(variance: 0.5, df: 5, clusters: 6))
    #expect(clustered.flagSE == clustered.se)
  }

  @Test func studentQuantilesMatchR() {
    let r: [(Int, Double)] = [
      (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (5, 2.5705818356363146),
      (23, 2.0686576104190486), (100, 1.9839715185235518), (1000, 1.9623390808264083), (5000, 1.9604385517065073),
    ]
    for (df, value) in r { #expect(abs(StudentT.critical95(df: df) / value - 1) < 1e-12, "df \(df)") }
  }

  // MARK: Bad input

  func readErrors(_ yaml: String, _ rows: String) throws -> String {
    let result = ExportReader.read([try writeTemporary(rows)], questionnaire: try questionnaire(yaml))
    #expect(result.hasErrors)
    return result.diagnostics.map { $0.text(.en) }.joined(separator: "\n")
  }

  @Test func aClusterInTwoStrataIsNamedWithItsLine() throws {
    let rows = "id,unit,province,stratum,psu,w,y\n1,U,P,1,11,1,3\n2,U,P,2,11,1,4\n"
    let text = try readErrors(Self.yaml(design: Self.clustered), rows)
    #expect(text.contains("line 3, column 4 (stratum)"), "\(text)")
    #expect(text.contains("Value: \"2\""))
    #expect(text.contains("cluster `11` was in stratum `1` in an earlier row but is in `2` here"))
  }

  @Test func aStratumWithTwoCorrectionsIsAnError() throws {
    let rows = "id,unit,province,stratum,psu,w,y,N\n1,U,P,1,11,1,3,10\n2,U,P,1,12,1,4,12\n"
    let text = try readErrors(Self.yaml(design: Self.clustered + ", fpc: N"), rows)
    #expect(text.contains("stratum `1` has 12 in this row but 10 in an earlier row"), "\(text)")
  }

  @Test func anEmptyClusterOrABadCorrectionIsAnError() throws {
    let empty = try readErrors(
      Self.yaml(design: Self.clustered), "id,unit,province,stratum,psu,w,y\n1,U,P,1,,1,3\n")
    #expect(empty.contains("the respondent's cluster is empty"), "\(empty)")
    let bad = try readErrors(
      Self.yaml(design: Self.clustered + ", fpc: N"), "id,unit,province,stratum,psu,w,y,N\n1,U,P,1,11,1,3,nhiều\n")
    #expect(bad.contains("the finite population correction must be a positive number"), "\(bad)")
  }

  @Test func aDeclaredColumnTheExportLacksIsAnError() throws {
    let text = try readErrors(Self.yaml(design: ", cluster: village"), "id,unit,province,w,y\n1,U,P,1,3\n")
    #expect(text.contains("declares the sample design `respondent.cluster: village`"), "\(text)")
  }

  @Test func aPopulationSmallerThanItsSampleIsAnError() throws {
    #expect {
      try score(
        Self.yaml(design: Self.clustered + ", fpc: N"), Self.rows(extra: "N", value: { _ in "2" }), lonely: .adjust)
    } throws: { error in
      ((error as? PapiError)?.text(.en) ?? "").contains("stratum `3` has 3 clusters in the sample")
    }
  }

  @Test func readingInPartsGivesTheSameDesign() throws {
    // 3,000 rows in 60 villages of 20 communes in 4 strata, read whole and in parts.
    var text = "id,unit,province,stratum,psu,w,y\n"
    for row in 0..<3000 {
      let commune = row % 20
      text += "\(row),C\(commune),P,S\(commune % 4),v\(row % 3),1,\((row * 7) % 11)\n"
    }
    let q = try questionnaire(Self.yaml(design: Self.clustered))
    let path = try writeTemporary(text)
    var parts = ReadOptions(minimumPartBytes: 1024, parts: 4)
    parts.lonelyPSU = .fail
    let whole = try ExportFiles(files: [path], questionnaire: q, options: ReadOptions(parts: 1)).read()
    let split = try ExportFiles(files: [path], questionnaire: q, options: parts).read()
    #expect(split.table.design.clusters.count == 60)
    for level in 0...1 {
      let a = try ScoringStage.score(whole, level: level, wave: nil).units.map { indicator(of: $0) }
      let b = try ScoringStage.score(split, level: level, wave: nil).units.map { indicator(of: $0) }
      #expect(a == b)
    }
  }

  @Test func aStoredWaveKeepsItsDesign() throws {
    // The Kon Tum sample with its villages as clusters: imported, then scored from the store,
    // as from the file; the same file again changes nothing.
    let folder = try temporaryDirectory()
    let yaml = try String(contentsOfFile: repoPath("questionnaires/papi-2024.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "  weight: weight\n", with: "  weight: weight\n  cluster: village\n")
    let q = folder.appendingPathComponent("q.yaml").path
    try yaml.write(toFile: q, atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("papi.db").path
    let export = repoPath("samples/kobo-kontum-2024.csv")
    let imported = try runPapi(["import", export, "-q", q, "--wave", "2024", "--db", db])
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try runPapi(["import", export, "-q", q, "--wave", "2024", "--db", db, "--lang", "en"])
    #expect(again.status == 0 && (again.stdout + again.stderr).contains("already stored 436"))
    let stored = try runPapi(["score", "--wave", "2024", "--db", db, "--level", "province", "--format", "json"])
    let files = try runPapi([
      "score", export, "-q", q, "--wave", "2024", "--level", "province", "--format", "json",
    ])
    #expect(stored.status == 0 && files.status == 0, "\(stored.stderr)\(files.stderr)")
    #expect(stored.stdout.contains("\"df\": 23"))
    #expect(stored.stdout.contains("\"cluster\": \"village\""))
    #expect(stored.stdout == files.stdout)
  }

  func indicator(of unit: UnitScore) -> Estimate { unit.dimensions[0].subdimensions[0].indicators[0].estimate }
}
