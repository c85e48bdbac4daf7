import Foundation
import Testing

@testable import PapiKit

/// The weakness report read by people (issue 17, item 7): the summary at the top, the
/// dimensions' names, charts that draw what their legends say, a page that scrolls on a
/// phone, and "no target" kept apart from "insufficient data".
@Suite("A readable weakness report")
struct ReadableReportTests {
  let tests: ReportTests

  init() throws { tests = try ReportTests() }

  /// 2024 alone (no compared wave): the total's `previous: +0` rule has nothing to set its
  /// target from; the communes of 30 and 31 respondents are below the fixture's min_n 32.
  func report(_ format: OutputFormat, unit: String) throws -> Data {
    var request = tests.request(format)
    request.compareFiles = []
    request.compareWave = nil
    request.unit = unit
    var buffer = ByteBuffer()
    _ = try ReportCommand.run(request, store: tests.store, to: &buffer)
    return Data(buffer.bytes)
  }

  /// A commune with enough respondents, and one with too few.
  func twoCommunes() throws -> (enough: String, few: String) {
    var request = tests.request()
    request.compareFiles = []
    request.compareWave = nil
    let (report, _) = try ReportCommand.build(request, store: tests.store)
    let enough = try #require(report.scores.units.first { $0.total.n >= 32 })
    let few = try #require(report.scores.units.first { $0.total.n < 32 })
    #expect(report.assessment(enough.code, "total")?.status == .noTarget)
    #expect(report.assessment(few.code, "total")?.status == .insufficient)
    return (enough.code, few.code)
  }

  @Test func noTargetAndInsufficientDataAreApartInEveryFormat() throws {
    let (enough, few) = try twoCommunes()
    for (code, vi, raw) in [(enough, "không có mục tiêu", "no_target"), (few, "không đủ dữ liệu", "insufficient")] {
      let other = code == enough ? "không đủ dữ liệu" : "không có mục tiêu"
      func text(_ format: OutputFormat) throws -> String {
        String(decoding: try report(format, unit: code), as: UTF8.self)
      }
      // Terminal: the total's line.
      let total = try #require(try text(.table).split(separator: "\n").first { $0.hasPrefix("Tổng ") })
      #expect(total.contains(vi) && !total.contains(other), "\(total)")
      // CSV: the total's status.
      let csv = try #require(try text(.csv).split(whereSeparator: \.isNewline).first { $0.contains(",total,") })
      #expect(csv.split(separator: ",", omittingEmptySubsequences: false)[12] == raw[...], "\(csv)")
      // JSON: the total's flag.
      let json = try #require(
        try JSONSerialization.jsonObject(with: try report(.json, unit: code)) as? [String: Any])
      let units = try #require(json["units"] as? [[String: Any]])
      let flags = try #require(units.first?["flags"] as? [[String: Any]])
      #expect(flags.first { $0["metric"] as? String == "total" }?["status"] as? String == raw)
      // Markdown and HTML: the total's row of the scores' table.
      let markdown = try #require(try text(.md).split(separator: "\n").first { $0.hasPrefix("| **Tổng** |") })
      #expect(markdown.contains(vi) && !markdown.contains(other), "\(markdown)")
      let html = try #require(try text(.html).split(separator: "\n").first { $0.hasPrefix("<tr><td><b>Tổng</b>") })
      #expect(html.contains(code == enough ? "class=\"none\">\(vi)" : "class=\"insufficient\">\(vi)"), "\(html)")
      // Word: the total's row; Excel: the total's status.
      let word = try DocxOutputTests.pythonDocx(
        try writeTemporary(Array(try report(.docx, unit: code)), name: "r.docx"))
      let row = try #require(word.tables.flatMap(\.rows).first { $0.first == "Tổng" })
      #expect(row.contains(vi) && !row.contains(other), "\(row)")
      let book = try XlsxOutputTests.openpyxl(try report(.xlsx, unit: code), name: "r.xlsx")
      let sheet = try #require(book.sheets.first)
      let metrics = try sheet.column("Chỉ số").map { $0.value?.text }
      let statuses = try sheet.column("Đánh giá").map { $0.value?.text }
      let index = try #require(metrics.firstIndex(of: "total"))
      #expect(statuses[index] == vi)
    }
  }

  // MARK: The summary

  /// Three communes of the sample with hand-set scores, flags and a previous wave: the
  /// summary's numbers can be checked by eye.
  func handMade() throws -> WeaknessReport {
    var report = try ReportCommand.build(tests.request(), store: tests.store).0
    report.scores.units = Array(report.scores.units.prefix(3))
    let dimensions: [[Double]] = [[5, 6, 7, 8, 4, 6, 3, 5], [5, 6, 7, 8, 6, 6, 5, 3], [1, 1, 1, 1, 1, 1, 1, 1]]
    func estimate(_ value: Double, n: Int) -> Estimate {
      Estimate(value: value, se: 0.1, low: value - 0.2, upp: value + 0.2, n: n, complete: true)
    }
    for index in 0..<3 {
      let n = index == 2 ? 5 : 40
      report.scores.units[index].total = estimate(dimensions[index].reduce(0, +), n: n)
      for (d, value) in dimensions[index].enumerated() {
        report.scores.units[index].dimensions[d].score = estimate(value, n: n)
      }
    }
    var previous = report.scores
    // Before: commune 0's total was 5 lower (a rise now) and its D1 1 higher (a drop now).
    previous.units[0].total = estimate(report.scores.units[0].total.value! - 5, n: 40)
    previous.units[0].dimensions[0].score = estimate(6, n: 40)
    report.previous = previous
    report.previousWave = "2023"
    let codes = report.scores.units.map(\.code)
    func flag(_ metric: String, _ status: FlagStatus) -> UnitFlag {
      UnitFlag(metric: metric, status: status, score: 1, target: 2, gap: -1, complete: true, rule: nil, tasks: [])
    }
    report.flags = [
      codes[0]: [flag("d1", .belowSignificant), flag("d2", .belowSignificant), flag("d3", .below)],
      codes[1]: [flag("d4", .below), flag("d4.1", .weakest)], codes[2]: [flag("total", .insufficient)],
    ]
    return report
  }

  @Test func theSummaryCountsWhatTheReportShows() throws {
    let report = try handMade()
    let summary = ReportSummary(report)
    #expect(summary.units == 3 && summary.assessed == 2, "the commune of 5 respondents is not assessed")
    #expect(summary.belowSignificant == ReportSummary.Count(flags: 2, units: 1))
    #expect(summary.below == ReportSummary.Count(flags: 2, units: 2))
    // Means over the two assessed communes: D7 4, D8 4, then D1 and D5 5 (questionnaire order breaks ties).
    #expect(summary.weakest.map(\.id) == ["d7", "d8", "d1"])
    #expect(summary.weakest.map(\.mean) == [4, 4, 5])
    let change = try #require(summary.change)
    #expect(change.totalsCompared == 2 && change.totalsImproved == 1 && change.totalsDeclined == 0)
    #expect(change.dimensionsCompared == 16 && change.dimensionsDeclined == 1 && change.dimensionsImproved == 0)
    let vi = summary.sentences(report, .vi).joined(separator: " ")
    #expect(vi.hasPrefix("Đánh giá 2/3 xã (1 xã dưới 32 người trả lời: không đủ dữ liệu)."))
    #expect(vi.contains("2 nội dung thấp hơn rõ rệt so với mục tiêu (ở 1 xã), 2 nội dung dưới mục tiêu (ở 2 xã)."))
    #expect(vi.contains("Ba chỉ số nội dung yếu nhất"))
    #expect(vi.contains("D7 Quản trị môi trường 4,00/10; D8 Quản trị điện tử 4,00/10"))
    #expect(vi.contains("So với đợt 2023: tổng điểm giảm rõ rệt ở 0 xã, tăng rõ rệt ở 1 xã"))
    let en = summary.sentences(report, .en).joined(separator: " ")
    #expect(en.hasPrefix("2 of 3 communes assessed (1 with fewer than 32 respondents: insufficient data)."))
    #expect(en.contains("D7 Environmental Governance 4.00/10"))
    // The same numbers in JSON.
    var buffer = ByteBuffer()
    ReportJSONRenderer().render(report, to: &buffer)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? [String: Any])
    let object = try #require(json["summary"] as? [String: Any])
    #expect(object["units"] as? Int == 3 && object["assessed"] as? Int == 2)
    #expect((object["below_significant"] as? [String: Int]) == ["flags": 2, "units": 1])
    #expect(
      (object["weakest_dimensions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["d7", "d8", "d1"])
    #expect((object["change"] as? [String: Any])?["dimensions_declined"] as? Int == 1)
  }

  @Test func theSummaryOpensEveryDocument() throws {
    let report = try handMade()
    let text = ReportSummary(report).sentences(report, .vi).joined(separator: " ")
    for medium in [DocumentMedium.text, .print] {
      let document = WeaknessReportDocument(report, language: .vi, medium: medium).document
      guard case .paragraph(let content, _) = document.blocks[1] else {
        Issue.record("the summary is the second block, after the note")
        continue
      }
      #expect(content == [.strong("Tóm tắt."), .text(" " + text)])
    }
  }

  // MARK: Names, charts and the page

  func html() throws -> String {
    var request = tests.request(.html)
    request.unit = "23494"
    var buffer = ByteBuffer()
    _ = try ReportCommand.run(request, store: tests.store, to: &buffer)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  @Test func theDimensionsAreNamedUnderTheHeatMap() throws {
    let html = try html()
    #expect(html.contains("D1 Tham gia của người dân ở cấp cơ sở · D2 Công khai, minh bạch"))
    #expect(html.contains("· D8 Quản trị điện tử</p>"))
  }

  @Test func theBarsDrawTheirTargetsAndWriteTheirScale() throws {
    let html = try html()
    let svg = try #require(html.components(separatedBy: "aria-label=\"bars\">").dropFirst().first)
    let bars = svg.components(separatedBy: "</svg>")[0]
    // A bar for each dimension and sub-dimension; a target tick on each with a target:
    // every dimension has one (peer mean, D7 and D2 their own), and so has 2.3.
    #expect(bars.components(separatedBy: "class=\"target\"").count - 1 == 8 + 1)
    #expect(bars.contains(">mục tiêu</text>"), "the legend names the tick it draws")
    #expect(bars.contains(" / 10</text>") && bars.contains(" / 2,5</text>") && bars.contains(" / 3,33</text>"))
    let chart = BarChart(
      caption: "c", intervalLabel: "i", targetLabel: "TARGET",
      bars: [BarChart.Bar(label: "1.1", value: 1, valueText: "1", low: nil, upp: nil, maximum: 2.5, target: nil)])
    #expect(!SVGFigures.bars(chart).contains("TARGET"), "no target in the legend when none is drawn")
  }

  @Test func theRadarHasAScale() throws {
    let html = try html()
    let radar = try #require(html.components(separatedBy: "aria-label=\"radar\">").dropFirst().first)
    let labels = radar.components(separatedBy: "class=\"scale\">").dropFirst().map { $0.prefix { $0 != "<" } }
    #expect(labels == ["2,5", "5", "7,5", "10"])
  }

  @Test func wideTablesScrollSidewaysOnAPhone() throws {
    let html = try html()
    #expect(html.contains(".scroll { overflow-x: auto;"))
    let tables = html.components(separatedBy: "<table").count - 1
    #expect(tables > 1)
    #expect(html.components(separatedBy: "<div class=\"scroll\">\n<table").count - 1 == tables)
  }
}
