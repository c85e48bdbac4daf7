import Foundation
import Testing

@testable import PapiKit

/// `papi par plan` (issue 18): every lost criterion becomes actions in the same register
/// as the PAPI actions, led by its responsible office (named as it is since 1 July 2025),
/// and the next year's results re-measure them.
@Suite("PAR INDEX: the plan and its re-measurement")
struct ParPlanTests {
  let database: String

  init() throws {
    database = try temporaryDirectory().appendingPathComponent("papi.db").path
  }

  func papi(_ arguments: [String]) throws -> PapiRun {
    let run = try runPapi(arguments + ["--db", database])
    try #require(run.status == 0, "\(arguments): \(run.stderr)")
    return run
  }

  func actions() throws -> [[String: Any]] {
    let run = try papi(["actions", "list", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return try #require(json["actions"] as? [[String: Any]])
  }

  func importKonTum() throws {
    _ = try papi(
      [
        "par", "import", "samples/par-kontum-2023.csv", "-c", "questionnaires/par-kontum-huyen-2023.yaml", "--year",
        "2023",
      ])
  }

  @Test func everyLostCriterionBecomesActionsLedByItsResponsibleOffice() throws {
    try importKonTum()
    let first = try papi(["par", "plan", "--year", "2023", "--start", "06/01/2026", "--today", "06/01/2026"])
    #expect(first.stdout.contains("nhiệm vụ, 0 đã hoàn thành"), "\(first.stdout)")
    let actions = try actions()
    #expect(actions.allSatisfy { $0["source"] as? String == "par" && $0["wave"] as? String == "2023" })
    // Every criterion that lost points in each district has at least one action.
    let set = try ParCriteriaLoader.load(path: repoPath("questionnaires/par-kontum-huyen-2023.yaml"))
    let (results, stated) = try ParResultsReader.read(repoPath("samples/par-kontum-2023.csv"))
    let lost = try ParIndex.score(set, results: results, stated: stated).flatMap { unit in
      unit.lost.map { "\(unit.code) \($0.criterion)" }
    }
    let planned = Set(actions.map { "\($0["unit"] as? String ?? "") \($0["metric"] as? String ?? "")" })
    #expect(Set(lost) == planned, "\(Set(lost).symmetricDifference(planned))")
    // 2.2.2 of Đắk Glei falls to Phòng Tư pháp, whose duties the Sở Tư pháp holds in a
    // province's plan dated after 1 July 2025; its task is the catalogue's for 2.2.2.
    let legal = try #require(actions.first { $0["unit"] as? String == "610" && $0["metric"] as? String == "2.2.2" })
    #expect(legal["lead"] as? String == "Sở Tư pháp")
    #expect((legal["title"] as? [String: String])?["vi"]?.isEmpty == false)
    // Running it again creates nothing new.
    _ = try papi(["par", "plan", "--year", "2023", "--start", "06/01/2026"])
    #expect(try self.actions().count == actions.count)
  }

  @Test func aPlanDatedBeforeTheReorganisationNamesTheOfficesAsTheResultsDo() throws {
    try importKonTum()
    _ = try papi(["par", "plan", "--year", "2023", "--start", "06/01/2024", "--unit", "610"])
    let actions = try actions()
    #expect(actions.allSatisfy { $0["unit"] as? String == "610" })
    let legal = try #require(actions.first { $0["metric"] as? String == "2.2.2" })
    #expect(legal["lead"] as? String == "Phòng Tư pháp")
  }

  @Test func theNextYearReMeasuresTheActionsThroughReplaces() throws {
    _ = try papi(
      [
        "par", "import", "Tests/Independent/tiny-par-2024.csv", "-c", "Tests/Independent/tiny-par-2024.yaml", "--year",
        "2024",
      ])
    _ = try papi(["par", "plan", "--year", "2024", "--start", "06/01/2025"])
    #expect(try actions().allSatisfy { $0["remeasurement"] is NSNull }, "no later year yet")
    _ = try papi(
      [
        "par", "import", "Tests/Independent/tiny-par-2025.csv", "-c", "Tests/Independent/tiny-par.yaml", "--year",
        "2025",
      ])
    let actions = try actions()
    func outcome(_ unit: String, _ criterion: String) -> (String?, Double?, Double?) {
      let action = actions.first { $0["unit"] as? String == unit && $0["metric"] as? String == criterion }
      let result = action?["remeasurement"] as? [String: Any]
      return (
        result?["outcome"] as? String, (result?["now"] as? [String: Any])?["score"] as? Double,
        result?["change"] as? Double
      )
    }
    // 10003 recovered 1.1 (1 → 2 of 2): closed. Its 1.3 is 1.2.1 in 2025 (2 → 2 of 4): open.
    #expect(outcome("10003", "1.1").0 == "closed")
    #expect(outcome("10003", "1.3").0 == "open" && outcome("10003", "1.3").1 == 2)
    // 10001's 1.3 (3,2) is 3,6 in 2025: open, 0,4 better.
    let better = outcome("10001", "1.3")
    #expect(better.0 == "open" && abs((better.2 ?? 0) - 0.4) < 1e-9)
  }

  @Test func initCopiesTheCommuneSetOf2026ForAProvinceToEdit() throws {
    let folder = try temporaryDirectory().appendingPathComponent("ho-so").path
    let run = try runPapi(["init", folder, "--par", "par-xa-2026"])
    #expect(run.status == 0 && run.stdout.contains("bo-tieu-chi-par-xa-2026.yaml"), "\(run.stdout)")
    let set = try ParCriteriaLoader.load(path: folder + "/bo-tieu-chi-par-xa-2026.yaml")
    #expect(set.id == "par-xa-2026" && set.fields.count == 8)
    #expect(abs(set.fields.reduce(0) { $0 + $1.maximum } - 100) < 1e-9)
    // Its default offices are the commune's bodies since 1 July 2025, not abolished district offices.
    let offices = Set(set.leaves.flatMap(\.offices))
    #expect(offices.contains("Văn phòng HĐND và UBND xã") && !offices.contains { $0.hasSuffix("huyện") })
    let unknown = try runPapi(["init", folder, "--par", "par-2030"])
    #expect(unknown.status == 1 && unknown.stderr.contains("Chọn một trong: par-xa-2026, par-kontum-huyen-2023"))
  }

  @Test func aCommunesLostCriteriaLinkedToPapiShowBesideItsPapiFlags() throws {
    // Xã 23491's PAR INDEX 2024 on the commune set: every criterion full but 3.2.1 (papi: [d5, d8]).
    let set = try ParCriteriaLoader.load(path: repoPath("questionnaires/par-xa-2026.yaml"))
    var csv = "unit_code,unit_name,year,criterion,score,reason,offices\n"
    for leaf in set.leaves {
      let lost = leaf.code == "3.2.1"
      csv +=
        "23491,Xã Đắk Pnê,2024,\(leaf.code),\(lost ? 1 : leaf.maximum),\(lost ? "Chưa đủ hồ sơ qua hệ thống" : ""),"
        + "\(lost ? "Trung tâm Phục vụ hành chính công xã" : "")\n"
    }
    let results = try writeTemporary(csv, name: "cchc-xa-2024.csv")
    _ = try papi(["import", "samples/kobo-kontum-2024.csv", "-q", "questionnaires/papi-2024.yaml", "--wave", "2024"])
    _ = try papi(["par", "import", results, "-c", "questionnaires/par-xa-2026.yaml", "--year", "2024"])
    let report = try papi(["report", "--wave", "2024", "--unit", "23491"])
    #expect(report.stdout.contains("Tiêu chí Chỉ số CCHC mất điểm liên quan đến các chỉ số PAPI:"), "\(report.stdout)")
    #expect(report.stdout.contains("Chỉ số CCHC 2024, tiêu chí 3.2.1"))
    #expect(report.stdout.contains("Trung tâm Phục vụ hành chính công xã"))
    let json = try papi(["report", "--wave", "2024", "--unit", "23491", "--format", "json"])
    let compact = json.stdout.filter { !$0.isWhitespace }
    #expect(compact.contains(#""par_links""#) && compact.contains(#""dimensions":["d5","d8"]"#))
    // Another commune has no PAR results: nothing is said.
    let other = try papi(["report", "--wave", "2024", "--unit", "23494"])
    #expect(!other.stdout.contains("Chỉ số CCHC"))
  }
}
