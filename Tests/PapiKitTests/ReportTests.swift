import Foundation
import Testing

@testable import PapiKit

/// `papi report` (issue 4): targets, flags, formats, escaping, published scores.
@Suite("The weakness report")
struct ReportTests {
  static let targets = "\(fixtures)/report/targets.yaml"
  let database: String

  init() throws {
    database = try temporaryDirectory().appendingPathComponent("papi.db").path
    _ = try ReferenceCommands.loadPublished(
      "\(fixtures)/report/published.csv", as: "official", store: SQLiteStore.open(path: database))
  }

  var store: SQLiteStore { SQLiteStore(path: database, mode: .existing) }

  /// The sample communes, 2024 against 2023 (both read from their files), with the fixture targets.
  func request(_ format: OutputFormat = .table, level: String? = nil, language: Language = .vi) -> ReportRequest {
    var request = ReportRequest()
    request.files = [repoPath("samples/kobo-kontum-2024.csv")]
    request.compareFiles = [repoPath("samples/kobo-kontum-2023.csv")]
    request.compareWave = "2023"
    request.questionnairePath = repoPath("questionnaires/papi-2024.yaml")
    request.wave = "2024"
    request.targetsPath = Self.targets
    request.format = format
    request.level = level
    request.options.language = language
    return request
  }

  // MARK: Targets

  func refusal(_ yaml: String) -> [Diagnostic] {
    do {
      _ = try TargetSet.parse(yaml: yaml, source: "t.yaml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test func twoEquallySpecificRulesAreRefusedNamingBoth() {
    let problems = refusal(
      "rules:\n  - {metric: d1, level: commune, target: 5}\n  - {metric: d1, level: commune, previous: +0}\n")
    #expect(problems.count == 1)
    #expect(problems.first?.message.en == "two equally specific rules for the same metric (lines 2 and 3).")
    #expect(problems.first?.value == "t.yaml:2 d1 level=commune target=5 | t.yaml:3 d1 level=commune previous=+0")
  }

  @Test func malformedRulesAreRefused() {
    #expect(
      refusal("rules:\n  - {metric: d1, level: commune}\n").first?.message.en.contains("exactly one scope") == true)
    #expect(
      refusal("rules:\n  - {metric: d1, level: commune, top: 3}\n").first?.message.en.contains(
        "`top` goes with `metric: rank`") == true)
    #expect(
      refusal("rules:\n  - {metric: d1, level: commune, target: high}\n").first?.message.en.contains(
        "rule on line 2: target: `high` is not a number") == true)
    #expect(
      refusal("rules:\n  - {metric: d1, county: x, target: 1}\n").first?.message.en.contains("unknown key `county`")
        == true)
  }

  @Test func unknownMetricsAndUnitsAreRefused() throws {
    let path = try writeTemporary(
      "rules:\n  - {metric: d9, level: commune, target: 5}\n  - {metric: d1, unit: \"99999\", target: 5}\n",
      name: "t.yaml")
    var bad = request()
    bad.targetsPath = path
    let error = try #require(throws: PapiError.self) { try ReportCommand.build(bad, store: store) }
    #expect(
      error.diagnostics.map(\.message.en) == [
        "metric `d9` is not in questionnaire papi-2024.", "unit `99999` is not in the data.",
      ])
    #expect(error.diagnostics.map(\.location.line) == [2, 3])
  }

  // MARK: Flags

  @Test func theMostSpecificRuleWinsAndTargetsAreSetAsTheRulesSay() throws {
    let (report, _) = try ReportCommand.build(request(), store: store)
    let units = Dictionary(uniqueKeysWithValues: report.scores.units.map { ($0.code, $0) })
    // d5 of 23362: its own rule (unit) over "*" peer mean (level).
    #expect(report.assessment("23362", "d5")?.target == 6.5)
    #expect(report.assessment("23362", "d5")?.rule?.contains("unit=23362") == true)
    // d2 in province 62: the parent rule over the level rules.
    #expect(report.assessment("23491", "d2")?.target == 5.5)
    // d7: a named metric over "*" at the same scope.
    #expect(report.assessment("23491", "d7")?.target == 5.0)
    // d1: the mean of the province's communes.
    let mean =
      report.scores.units.compactMap { $0.dimensions[0].score.value }.reduce(0, +) / Double(report.scores.units.count)
    #expect(report.assessment("23491", "d1")?.target == mean)
    // total: no lower than the commune's 2023 total.
    let previous = try #require(report.previousEstimate("23491", "total")?.value)
    #expect(report.assessment("23491", "total")?.target == previous)
    #expect(report.assessment("23491", "total")?.gap == (units["23491"]?.total.value).map { $0 - previous })
  }

  @Test func statusesFollowScoreTargetAndConfidenceInterval() throws {
    let (report, _) = try ReportCommand.build(request(), store: store)
    var seen: Set<FlagStatus> = []
    for unit in report.scores.units {
      for flag in report.flags[unit.code] ?? [] where flag.metric != "rank" {
        seen.insert(flag.status)
        let estimate = MetricIndex.estimate(unit, flag.metric)
        switch flag.status {
        case .met: #expect(flag.score! >= flag.target!)
        case .below: #expect(flag.score! < flag.target! && estimate!.upp! >= flag.target!)
        case .belowSignificant: #expect(estimate!.upp! < flag.target!)
        case .insufficient: #expect(estimate!.n < 32 || flag.score == nil)
        case .noTarget: #expect(estimate!.n >= 32 && flag.score != nil && flag.target == nil)
        case .declined:
          let before = try #require(report.previousEstimate(unit.code, flag.metric))
          let drop = before.value! - estimate!.value!
          #expect(drop > 1.959964 * (estimate!.se! * estimate!.se! + before.se! * before.se!).squareRoot())
        case .weakest:
          let dimension = try #require(unit.dimensions.first { $0.id == flag.rule })
          let k = Double(dimension.subdimensions.count)
          let lowest = dimension.subdimensions.compactMap { $0.score.value.map { $0 / (10 / k) } }.min()
          #expect(flag.score.map { $0 / (10 / k) } == lowest)
        }
      }
    }
    // Every commune has a 2023 score here; `no_target` is shown by ReadableReportTests.
    #expect(seen == Set(FlagStatus.allCases).subtracting([.noTarget]), "the fixture shows every other status")
  }

  @Test func unitsBelowMinNAreInsufficientAndSaySo() throws {
    let (report, _) = try ReportCommand.build(request(), store: store)
    let small = try #require(report.scores.units.first { $0.total.n < 32 })
    let flags = report.flags[small.code] ?? []
    #expect(
      flags.filter { $0.status != .insufficient && $0.status != .declined && $0.metric != "rank" }.allSatisfy {
        $0.status != .met && $0.status != .below
      })
    #expect(report.assessment(small.code, "total")?.status == .insufficient)
    #expect(!flags.contains { $0.status == .weakest })
    var one = request()
    one.unit = small.code
    var shown = report
    shown.scores.units = shown.scores.units.filter { $0.code == one.unit }
    var buffer = ByteBuffer()
    WeaknessReportOutput.render(shown, as: .table, options: one.options, to: &buffer)
    let table = buffer.text
    #expect(table.contains("không đủ dữ liệu"))
    #expect(table.contains("n = \(small.total.n) < 32"))
  }

  @Test func rankIsAmongTheUnitsOfTheSameParent() throws {
    let (report, _) = try ReportCommand.build(request(), store: store)
    let sorted = report.scores.units.sorted { ($0.total.value ?? 0) > ($1.total.value ?? 0) }
    #expect(report.ranks[sorted[0].code] == 1)
    #expect(report.ranks[sorted[11].code] == 12)
    #expect(report.assessment(sorted[5].code, "rank")?.status == .met)
    #expect(report.assessment(sorted[6].code, "rank")?.status == .below)
  }

  @Test func provinceTargetsComeFromPublishedScores() throws {
    let (report, _) = try ReportCommand.build(request(level: "province"), store: store)
    let kontum = try #require(report.assessment("62", "total"))
    #expect(kontum.target == 40.30826)
    #expect(kontum.rule == "targets.yaml:12 total level=province benchmark=official")
  }

  @Test func surveyScoresAgainstPublishedOnesSayTheyComeFromAnotherInstrument() throws {
    let (report, warnings) = try ReportCommand.build(request(level: "province"), store: store)
    #expect(report.otherInstrument == ["official"])
    #expect(
      warnings.contains {
        $0.text(.vi).contains("so điểm tính từ khảo sát (bảng hỏi papi-2024) với điểm của một công cụ khác")
      })
    let table = try ReportCommand.run(request(.table, level: "province"), store: store).text
    let words = table.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Mục tiêu theo điểm công bố `official` so điểm tính từ khảo sát"), "\(table.prefix(600))")
    // Commune targets name no published set: nothing to say.
    let (communes, _) = try ReportCommand.build(request(), store: store)
    #expect(communes.otherInstrument.isEmpty)
  }

  // MARK: Formats

  /// Every text format; the workbook's parts have their golden files in XlsxOutputTests.
  @Test(arguments: OutputFormat.allCases.filter { !$0.binary })
  func goldenFiles(_ format: OutputFormat) throws {
    let ext = format == .table ? "txt" : format.rawValue
    let text = try ReportCommand.run(request(format), store: store).text
    try assertReportGolden(text, "report-commune.\(ext)")
  }

  @Test func goldenProvinceJSONAndEnglishTable() throws {
    try assertReportGolden(
      try ReportCommand.run(request(.json, level: "province"), store: store).text, "report-province.json")
    var english = request(.table, language: .en)
    english.unit = "23494"
    try assertReportGolden(try ReportCommand.run(english, store: store).text, "report-23494.en.txt")
  }

  @Test func excelCSVHasABOMSemicolonsAndDecimalCommas() throws {
    var excel = request(.csv)
    excel.options.excel = true
    let text = try ReportCommand.run(excel, store: store).text
    // For a person: Vietnamese headers, words for codes, scores with 2 decimals and a comma.
    #expect(text.hasPrefix("\u{FEFF}Mã đơn vị;Đơn vị;Cấp;Đơn vị cấp trên;Đợt;Chỉ số;Tên chỉ số;Điểm;"))
    #expect(text.contains(";d7;D7 Quản trị môi trường;"))
    let rows = text.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
    let total = try #require(rows.first { $0.first == "=\"23491\"" && $0[5] == "total" })
    #expect(total[2] == "xã")
    #expect(total[3] == "Kon Tum (62)")
    #expect(total[7].range(of: #"^\d+,\d{2}$"#, options: .regularExpression) != nil, "\(total[7])")
    let statuses = Set(rows.dropFirst().map { String($0[13]) })
    #expect(statuses.isSubset(of: ["", "đạt", "dưới mục tiêu", "thấp hơn rõ rệt", "không đủ dữ liệu"]), "\(statuses)")
    #expect(!text.contains("below_significant") && !text.contains(";met;") && !text.contains("commune"))
    for row in rows.dropFirst() {
      for cell in row where cell.contains(",") && cell.allSatisfy({ "0123456789,-".contains($0) }) {
        #expect(cell.split(separator: ",").last!.count <= 3, "rounded as the human formats: \(cell)")
      }
    }
    excel.options.language = .en
    let english = try ReportCommand.run(excel, store: store).text
    #expect(english.hasPrefix("\u{FEFF}Unit code;Unit;Level;Parent;Wave;Metric;Metric name;Score;"))
    #expect(english.contains(";commune;Kon Tum (62);"))
    // Without --excel, the data as it is, for programs.
    let data = try ReportCommand.run(request(.csv), store: store).text
    #expect(data.hasPrefix("unit_code,unit_name,level,parent,wave,metric,score,se,"))
    #expect(data.contains(",commune,62,"))
  }

  // MARK: Escaping

  @Test func hostileNamesComeOutInertInEveryFormat() throws {
    let yaml = oneIndicatorQuestionnaire
    let names = [
      "<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "| pipe |", "bell\u{07}\u{1B}[31mred",
      "Xã \u{202E}nông\u{2066}\u{85}",
    ]
    var rows = "id,commune,name,province,a\n"
    for (index, name) in names.enumerated() {
      let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      rows += "r\(index)a,C\(index),\(quoted),P,1\nr\(index)b,C\(index),\(quoted),P,0\n"
    }
    var request = ReportRequest()
    request.files = [try writeTemporary(rows)]
    request.questionnairePath = try writeTemporary(yaml, name: "q.yaml")
    request.targetsPath = try writeTemporary(
      "min_n: 1\nrules:\n  - {metric: total, level: commune, target: 5}\n", name: "t.yaml")
    var outputs: [OutputFormat: String] = [:]
    for format in OutputFormat.allCases where !format.binary {
      request.format = format
      outputs[format] = try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
    }
    let html = try #require(outputs[.html])
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
    let markdown = try #require(outputs[.md])
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("\\| pipe \\|"))
    let csv = try #require(outputs[.csv])
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
    #expect(!csv.contains(",=HYPERLINK"))
    #expect(csv.contains("| pipe |"))
    let json = try #require(outputs[.json])
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let units = try #require(parsed["units"] as? [[String: Any]])
    #expect(Set(units.compactMap { $0["name"] as? String }) == Set(names), "JSON keeps the text, as data")
    #expect(json.contains("\\u001b[31m"), "JSON escapes controls as JSON does")
    let table = try #require(outputs[.table])
    #expect(!table.contains("\u{1B}"), "no escape sequence reaches the terminal")
    #expect(!table.contains("\u{07}"))
    // Controls and bidirectional overrides are shown, escaped, in every format for people.
    for format in [OutputFormat.table, .md, .html, .csv] {
      let text = try #require(outputs[format])
      let raw = text.unicodeScalars.filter { [0x07, 0x1B, 0x85, 0x202E, 0x2066].contains($0.value) }
      #expect(raw.isEmpty, "\(format): \(raw.map { String($0.value, radix: 16) })")
      #expect(text.contains(#"\u001B"#) && text.contains(#"\u202E"#), "\(format)")
    }
  }

  // MARK: Published scores

  static let official = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/data/papi-provincial-2011-2024.csv"
  ).path

  @Test(.enabled(if: FileManager.default.fileExists(atPath: official), "needs ../shared/data"))
  func provinceReportFromTheOfficialScoresAlone() throws {
    let count = try ReferenceCommands.loadPublished(
      Self.official, as: "papi-official", store: SQLiteStore.open(path: database))
    #expect(count > 5_000)
    var request = ReportRequest()
    request.published = "papi-official"
    request.wave = "2024"
    request.targetsPath = repoPath("samples/targets-provinces.yaml")
    let (report, _) = try ReportCommand.build(request, store: SQLiteStore(path: database, mode: .existing))
    #expect(report.scores.units.count == 61, "Vĩnh Phúc and Tiền Giang have no 2024 scores")
    // Quảng Ninh (22): first in 2024; not scored in 2023, so "no lower than last year" has no target.
    #expect(report.ranks["22"] == 1)
    #expect(report.assessment("22", "rank")?.status == .met)
    #expect(report.assessment("22", "total")?.status == .noTarget)
    // Thừa Thiên Huế (46): 45.095 in 2024, down from 46.0415 (first in 2023), and 11th.
    #expect(report.assessment("46", "total")?.target == 46.041542)
    #expect(report.assessment("46", "total")?.status == .below)
    #expect(report.ranks["46"] == 11 && report.assessment("46", "rank")?.status == .below)
    // Sóc Trăng (94): 10th, in the top 10, but 45.186 is lower than its 45.620 of 2023.
    #expect(report.ranks["94"] == 10 && report.assessment("94", "rank")?.status == .met)
    #expect(report.assessment("94", "total")?.status == .below)
    #expect(report.assessment("94", "total")?.target == 45.619614)
    // Tây Ninh (72): second, and far above its 39.236 of 2023: both targets met.
    #expect(report.ranks["72"] == 2)
    #expect(report.assessment("72", "total")?.status == .met && report.assessment("72", "rank")?.status == .met)
    // Kon Tum (62): 40.308 ≥ 39.961 in 2023, but 60th.
    #expect(report.assessment("62", "total")?.status == .met)
    #expect(report.ranks["62"] == 60)
    #expect(report.groups["62"] == "Thấp nhất")
    let json = ReportJSONRenderer().text(report)
    #expect(json.contains("\"n\": null"), "published scores have no n")
  }
}
