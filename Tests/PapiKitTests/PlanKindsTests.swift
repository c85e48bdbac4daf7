import Foundation
import Testing

@testable import PapiKit

/// Who plans what (issue 17): only the significant flags, a province's plan from published
/// scores alone, a SIPAS wave's plan from the SIPAS part of the catalogue, and a merged
/// commune's plan from an older wave re-expressed on the new units.
@Suite("Plans of every kind: significant flags, published scores, SIPAS, merged communes")
struct PlanKindsTests {
  let folder: URL
  let database: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("papi-plans-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    database = folder.appendingPathComponent("plans.db").path
  }

  func papi(_ arguments: [String]) throws -> PapiRun {
    let run = try runPapi(arguments + ["--db", database])
    return run
  }

  func importSamples() throws {
    for wave in ["2023", "2024"] {
      let run = try papi([
        "import", "samples/kobo-kontum-\(wave).csv", "-q", "questionnaires/papi-2024.yaml", "--wave", wave,
      ])
      try #require(run.status == 0, "\(run.stderr)")
    }
  }

  func actions(_ run: PapiRun) throws -> [[String: Any]] {
    try #require(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return try #require(object["actions"] as? [[String: Any]])
  }

  @Test func onlySignificantPlansTheFlagsWhoseIntervalLeavesNoDoubt() throws {
    try importSamples()
    let plan = ["plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--start", "06/01/2025"]
    let significant = try actions(try papi(plan + ["--only", "significant", "--format", "json"]))
    #expect(!significant.isEmpty)
    #expect(significant.allSatisfy { ["below_significant", "declined"].contains($0["flag"] as? String ?? "") })
    let all = try actions(try papi(plan + ["--format", "json"]))
    #expect(all.contains { $0["flag"] as? String == "below" })
    #expect(
      Set(significant.compactMap { $0["id"] as? String }).isSubset(of: Set(all.compactMap { $0["id"] as? String })))
  }

  @Test func aProvincePlansFromThePublishedScoresAlone() throws {
    // Two provinces' published dimension scores: Thừa Thiên Huế (46) loses points in
    // 2024 on D3 and on its total, and falls from first to second.
    var rows = ["unit_code,unit_name,level,parent_code,wave,metric,score"]
    let hue2023 = [5.4, 5.9, 5.6, 7.0, 7.6, 7.3, 4.1, 3.2]
    let hue2024 = [5.4, 5.9, 4.9, 7.0, 7.6, 7.3, 4.1, 3.2]
    let other = [5.6, 6.0, 5.5, 7.1, 7.7, 7.4, 4.2, 3.3]
    for (code, name, scores2023, scores2024) in [
      ("46", "Thừa Thiên Huế", hue2023, hue2024), ("48", "Đà Nẵng", other, other),
    ] {
      for (wave, scores) in [("2023", scores2023), ("2024", scores2024)] {
        for (index, score) in scores.enumerated() {
          rows.append("\(code),\(name),province,,\(wave),d\(index + 1),\(score)")
        }
        rows.append("\(code),\(name),province,,\(wave),total,\(scores.reduce(0, +))")
      }
    }
    let published = try writeTemporary(rows.joined(separator: "\n") + "\n", name: "published.csv")
    let loaded = try papi(["benchmarks", "load", published, "--name", "cong-bo"])
    try #require(loaded.status == 0, "\(loaded.stderr)")
    let targets = folder.appendingPathComponent("tinh.yaml").path
    let rules = [
      "min_n: 0", "rules:", "  - {metric: \"*\", level: province, previous: +0}",
      "  - {metric: rank, level: province, top: 1}",
    ]
    try (rules.joined(separator: "\n") + "\n").write(toFile: targets, atomically: true, encoding: .utf8)
    let plan = try papi([
      "plan", "--published", "cong-bo", "--wave", "2024", "--unit", "46", "--targets", targets, "--start", "05/01/2026",
      "--format", "md",
    ])
    try #require(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.contains("Kết quả Chỉ số PAPI năm 2024 đã công bố tại Thừa Thiên Huế cho thấy còn"))
    #expect(plan.stdout.contains("Trách nhiệm giải trình với người dân"))
    // A province's plan: its draft head is the province's, and it names provincial bodies.
    #expect(plan.stdout.contains("**TỈNH ………**"))
    #expect(plan.stdout.contains("Sở Nội vụ"))
    #expect(!plan.stdout.contains("huyện"))
  }

  @Test func aSipasWaveIsPlannedFromTheSipasPartOfTheCatalogue() throws {
    let imported = try papi([
      "import", "samples/sipas-limesurvey-2024.csv", "-q", "questionnaires/sipas-2024.yaml", "--wave", "sipas-2024",
    ])
    try #require(imported.status == 0, "\(imported.stderr)")
    let targets = folder.appendingPathComponent("sipas.yaml").path
    try "min_n: 0\nrules:\n  - {metric: \"*\", level: commune, target: 85}\n".write(
      toFile: targets, atomically: true, encoding: .utf8)
    let plan = ["plan", "--wave", "sipas-2024", "--targets", targets, "--start", "05/01/2026"]
    let planned = try actions(try papi(plan + ["--format", "json"]))
    #expect(!planned.isEmpty)
    #expect(planned.allSatisfy { ($0["task"] as? String ?? "").hasPrefix("t-s") })
    // Xã Nghĩa Thuận (00880) is weak in handling feedback (e5).
    #expect(planned.contains { $0["unit"] as? String == "00880" && $0["metric"] as? String == "e5" })
    let document = try papi(plan + ["--format", "md"])
    // The survey is named by its questionnaire's title, not as the official index it is modelled on.
    #expect(
      document.stdout.contains(
        "Kết quả khảo sát sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (theo mô hình "
          + "SIPAS), năm 2024 (đợt sipas-2024)"), "\(document.stdout.prefix(2000))")
    #expect(!document.stdout.contains("Kết quả khảo sát Chỉ số SIPAS"))
    #expect(document.stdout.contains("Với yếu tố “Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị”"))
  }

  @Test func aMergedCommunePlansFromTheOlderWaveOnItsNewUnits() throws {
    try importSamples()
    for arguments in [
      ["units", "load", "samples/units-2024.csv", "--set", "2024"],
      ["units", "load", "samples/units-2025.csv", "--set", "2025"],
      ["units", "crosswalk", "samples/crosswalk-2025.csv", "--to", "2025"],
    ] {
      let run = try papi(arguments)
      try #require(run.status == 0, "\(run.stderr)")
    }
    // Targets that hold on the old units and on the new ones alike.
    let targets = folder.appendingPathComponent("xa.yaml").path
    try "min_n: 30\nrules:\n  - {metric: \"*\", level: commune, peer_mean: +0}\n".write(
      toFile: targets, atomically: true, encoding: .utf8)
    let plan = ["plan", "--wave", "2024", "--targets", targets, "--start", "05/01/2026"]
    let own = try actions(try papi(plan + ["--format", "json"]))
    let merged = try actions(try papi(plan + ["--as-of-units", "2025", "--format", "json"]))
    #expect(!merged.isEmpty)
    let newCodes = Set(
      try String(contentsOfFile: repoPath("samples/units-2025.csv"), encoding: .utf8).split(separator: "\n")
        .dropFirst().map { String($0.split(separator: ",")[0]) })
    #expect(merged.allSatisfy { newCodes.contains($0["unit"] as? String ?? "") })
    // The plan on the new units leaves the register's actions on the old ones as they were.
    let after = try actions(try papi(["actions", "list", "--wave", "2024", "--format", "json"]))
    for action in own {
      let id = action["id"] as? String
      #expect(after.first { $0["id"] as? String == id }?["flagged"] as? Bool == true, "\(id ?? "")")
    }
    let document = try papi(plan + ["--as-of-units", "2025", "--format", "md"])
    #expect(document.stdout.contains("được quy đổi từ kết quả khảo sát theo địa giới cũ (bộ đơn vị 2025)"))
  }
}
