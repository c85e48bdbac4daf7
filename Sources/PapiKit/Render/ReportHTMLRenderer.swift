import Foundation

/// The weakness report as one self-contained HTML file: inline CSS and SVG, no script, no
/// network. An overview heat table of units × dimensions coloured by status, then for each
/// unit a radar chart of the dimensions against their targets, a bar chart of the
/// sub-dimensions with CI whiskers and target marks, and the flags. Prints on A4.
enum ReportHTMLRenderer {
  static func render(_ report: WeaknessReport, language: Language) -> String {
    let vi = language == .vi
    let h = TextEscaping.html
    let format = NumberFormatting(language: language)
    let decimals = report.questionnaire.kind == .percent ? 1 : 2
    let title = ReportTableRenderer.header(report, language).split(separator: "\n").first.map(String.init) ?? ""
    var out = HTMLPage.head(
      title: title, language: language,
      css: """
        .met { background: #d8f0dc; } .below { background: #fdf0c4; } .below_significant { background: #f7c9c5; }
        .insufficient { background: #e4e6e8; color: #6b7480; } .none { background: #ffffff; }
        .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #d5dbe1; }
        section.unit { page-break-before: always; break-before: page; padding-top: 6px; }
        .charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
        ul.flags { padding-left: 18px; margin: 6px 0 10px; } ul.flags li { margin: 2px 0; }
        .flag-below_significant { color: #a8261b; font-weight: 600; } .flag-declined { color: #7a2a8c; font-weight: 600; }
        .flag-below { color: #8a6300; } .flag-weakest { color: #1f5f7a; } .flag-insufficient { color: #6b7480; }
        svg text { font-family: inherit; }
        ul.feedback { padding-left: 18px; margin: 6px 0 10px; } ul.feedback li { margin: 2px 0; } li.quote { color: #3d4a57; font-style: italic; }
        """)
    for line in ReportTableRenderer.header(report, language).split(separator: "\n").dropFirst() { out += "<p class=\"note\">\(h(String(line)))</p>\n" }
    // Overview heat table.
    out += "<table class=\"overview\">\n<tr><th>\(vi ? "Đơn vị" : "Unit")</th><th>n</th><th>\(vi ? "Tổng" : "Total")</th>"
    for dimension in report.questionnaire.dimensions {
      out += "<th title=\"\(h(dimension.name.text(language)))\">\(h(dimension.id.uppercased()))</th>"
    }
    out += "</tr>\n"
    for unit in report.scores.units {
      out += "<tr><td>\(h(unit.name ?? unit.code)) <small>(\(h(unit.code)))</small></td><td>\(report.published ? "—" : String(unit.total.n))</td>"
      out += cell(report, unit, "total", unit.total, format, decimals)
      for dimension in unit.dimensions { out += cell(report, unit, dimension.id, dimension.score, format, decimals) }
      out += "</tr>\n"
    }
    out += "</table>\n<p class=\"legend\">"
    for status in [FlagStatus.met, .below, .belowSignificant, .insufficient] { out += "<span class=\"\(status.rawValue)\">\(h(status.label(language)))</span>" }
    out += "<span class=\"none\">\(vi ? "không có mục tiêu" : "no target")</span></p>\n"

    for unit in report.scores.units {
      out += "<section class=\"unit\">\n<h2>\(h(unit.name.map { "\($0) (\(unit.code))" } ?? unit.code))</h2>\n"
      var facts: [String] = []
      if let parent = unit.parent { facts.append((vi ? "Thuộc " : "In ") + parent) }
      if !report.published { facts.append(vi ? "\(unit.respondents) người trả lời" : "\(unit.respondents) respondents") }
      if let rank = report.ranks[unit.code] { facts.append((vi ? "hạng " : "rank ") + String(rank)) }
      if let group = report.groups[unit.code] { facts.append((vi ? "nhóm " : "group ") + group) }
      out += "<p class=\"note\">\(h(facts.joined(separator: " · ")))</p>\n"
      if !report.published && unit.total.n < report.minN {
        out += "<p class=\"flag-insufficient\">\(h(vi ? "Không đủ dữ liệu (n = \(unit.total.n) < \(report.minN)): không đánh giá." : "Insufficient data (n = \(unit.total.n) < \(report.minN)): not assessed."))</p>\n"
      }
      let flags = (report.flags[unit.code] ?? []).filter { $0.status != .met }
      if !flags.isEmpty {
        out += "<ul class=\"flags\">\n"
        for flag in flags { out += "<li class=\"flag-\(flag.status.rawValue)\">\(h(ReportRows.flagSentence(flag, report, language)))</li>\n" }
        out += "</ul>\n"
      }
      let actions = report.actionLines(unit.code, language)
      if !actions.isEmpty {
        out += "<h3>\(vi ? "Nhiệm vụ" : "Actions")</h3>\n<ul class=\"flags\">\n" + actions.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
      }
      let notes = report.feedbackNotes(unit.code, language)
      if !notes.isEmpty {
        out += "<h3>\(vi ? "Ý kiến người dân về các chỉ số bị cảnh báo" : "Citizen feedback on the flagged dimensions")</h3>\n<ul class=\"feedback\">\n"
        for note in notes {
          out += "<li>\(h(note.heading))"
          if !note.quotes.isEmpty { out += "<ul>" + note.quotes.map { "<li class=\"quote\">\(h($0))</li>" }.joined() + "</ul>" }
          out += "</li>\n"
        }
        out += "</ul>\n"
      }
      out += "<div class=\"charts\">\n" + radar(report, unit, language) + bars(report, unit, language, format, decimals) + "</div>\n"
      out += "<table>\n<tr><th>\(vi ? "Chỉ số" : "Measure")</th><th>\(vi ? "Điểm" : "Score")</th><th>\(vi ? "KTC 95%" : "95% CI")</th><th>n</th><th>\(vi ? "Mục tiêu" : "Target")</th><th>\(vi ? "Trạng thái" : "Status")</th><th>\(vi ? "Thay đổi" : "Change")</th></tr>\n"
      for row in ReportRows.rows(report, unit, language: language, subdimensions: true) {
        let interval = row.estimate?.low.map { "\(format.fixed($0, decimals))–\(format.fixed(row.estimate?.upp, decimals))" } ?? "—"
        let label = row.depth > 0 ? "&nbsp;&nbsp;" + h(row.label) : "<b>\(h(row.label))</b>"
        let n = report.published ? "—" : row.estimate.map { String($0.n) } ?? "—"
        out += "<tr><td>\(label)</td><td>\(format.fixed(row.estimate?.value, decimals))</td><td>\(interval)</td><td>\(n)</td>"
        out += "<td>\(row.target.map { format.fixed($0, decimals) } ?? "")</td><td class=\"\(row.status?.rawValue ?? "none")\">\(h(row.status?.label(language) ?? ""))</td>"
        out += "<td>\(ReportRows.signed(row.change, format, decimals))</td></tr>\n"
      }
      out += "</table>\n</section>\n"
    }
    out += "</body>\n</html>\n"
    return out
  }

  private static func cell(_ report: WeaknessReport, _ unit: UnitScore, _ metric: String, _ estimate: Estimate, _ format: NumberFormatting, _ decimals: Int) -> String {
    let status = report.assessment(unit.code, metric)?.status
    return "<td class=\"\(status?.rawValue ?? "none")\">\(format.fixed(estimate.value, decimals))</td>"
  }

  /// The dimensions on a radar: the unit's scores (blue) against their targets (dashed red).
  private static func radar(_ report: WeaknessReport, _ unit: UnitScore, _ language: Language) -> String {
    let dimensions = report.questionnaire.dimensions
    let count = dimensions.count
    guard count >= 3 else { return "" }
    let maximum = report.questionnaire.kind == .percent ? 100.0 : 10.0
    let center = 150.0
    let radius = 100.0
    func point(_ index: Int, _ value: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
      let r = radius * max(0, min(value, maximum)) / maximum
      return (center + r * cos(angle), center + r * sin(angle))
    }
    func coordinate(_ p: (Double, Double)) -> String { String(format: "%.1f,%.1f", p.0, p.1) }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"300\" viewBox=\"0 0 300 300\" role=\"img\" aria-label=\"radar\">\n"
    for step in 1...5 {
      let ring = (0..<count).map { coordinate(point($0, maximum * Double(step) / 5)) }.joined(separator: " ")
      svg += "<polygon points=\"\(ring)\" fill=\"none\" stroke=\"#d5dbe1\"/>\n"
    }
    for (index, dimension) in dimensions.enumerated() {
      let end = point(index, maximum)
      let label = point(index, maximum * 1.16)
      svg += "<line x1=\"\(center)\" y1=\"\(center)\" x2=\(String(format: "\"%.1f\" y2=\"%.1f\"", end.0, end.1)) stroke=\"#d5dbe1\"/>\n"
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" dominant-baseline=\"middle\">", label.0, label.1)
        + TextEscaping.html(dimension.id.uppercased()) + "</text>\n"
    }
    let scores = unit.dimensions.enumerated().map { coordinate(point($0.offset, $0.element.score.value ?? 0)) }.joined(separator: " ")
    svg += "<polygon points=\"\(scores)\" fill=\"rgba(31,119,180,0.25)\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
    let targets = dimensions.enumerated().map { index, dimension in (index, report.assessment(unit.code, dimension.id)?.target) }
    if targets.allSatisfy({ $0.1 != nil }) {
      let polygon = targets.map { coordinate(point($0.0, $0.1 ?? 0)) }.joined(separator: " ")
      svg += "<polygon points=\"\(polygon)\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
    } else {
      for (index, target) in targets {
        guard let target else { continue }
        let p = point(index, target)
        svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#c0392b\"/>\n", p.0, p.1)
      }
    }
    svg += "<text x=\"4\" y=\"296\" font-size=\"10\" fill=\"#1f77b4\">\(language == .vi ? "■ điểm" : "■ score")</text>"
    svg += "<text x=\"60\" y=\"296\" font-size=\"10\" fill=\"#c0392b\">\(language == .vi ? "- - mục tiêu" : "- - target")</text>\n</svg>\n"
    return svg
  }

  /// Sub-dimension scores as bars on their 1/k–10/k scale, with 95% CI whiskers and target
  /// marks; dimensions when there are no sub-dimensions (published scores).
  private static func bars(_ report: WeaknessReport, _ unit: UnitScore, _ language: Language, _ format: NumberFormatting, _ decimals: Int) -> String {
    var items: [(label: String, metric: String, estimate: Estimate, maximum: Double)] = []
    let percent = report.questionnaire.kind == .percent
    for (dimension, scored) in zip(report.questionnaire.dimensions, unit.dimensions) {
      if scored.subdimensions.isEmpty {
        items.append((dimension.id.uppercased(), dimension.id, scored.score, percent ? 100 : 10))
      } else {
        let k = Double(scored.subdimensions.count)
        for (subdimension, sub) in zip(dimension.subdimensions, scored.subdimensions) {
          items.append((String(subdimension.id.dropFirst()), subdimension.id, sub.score, percent ? 100 : 10 / k))
        }
      }
    }
    let rowHeight = 16.0
    let width = 380.0
    let left = 44.0
    let plot = width - left - 50
    let height = Double(items.count) * rowHeight + 24
    var svg = String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"bars\">\n", width, height, width, height)
    svg += "<text x=\"\(left)\" y=\"12\" font-size=\"10\" fill=\"#5a6570\">\(language == .vi ? "điểm / tối đa, KTC 95%, mục tiêu ◆" : "score / maximum, 95% CI, target ◆")</text>\n"
    for (index, item) in items.enumerated() {
      let y = 20 + Double(index) * rowHeight
      func x(_ value: Double) -> Double { left + plot * max(0, min(1, value / item.maximum)) }
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">", left - 4, y + 11) + TextEscaping.html(item.label) + "</text>\n"
      svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#eef2f5\"/>\n", left, y + 2, plot, rowHeight - 5)
      let status = report.assessment(unit.code, item.metric)?.status
      let fill = status == .belowSignificant ? "#e57368" : status == .below ? "#f0c24b" : status == .met ? "#5fb872" : "#7aa6c8"
      if let value = item.estimate.value {
        svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ", left, y + 2, x(value) - left, rowHeight - 5) + "fill=\"\(fill)\"/>\n"
        svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">", left + plot + 4, y + 11) + format.fixed(value, decimals) + "</text>\n"
      }
      if let low = item.estimate.low, let upp = item.estimate.upp {
        let middle = y + rowHeight / 2 - 1.5
        svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(low), middle, x(upp), middle)
        svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(low), middle - 3, x(low), middle + 3)
        svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(upp), middle - 3, x(upp), middle + 3)
      }
      if let target = report.assessment(unit.code, item.metric)?.target {
        let tx = x(target)
        let middle = y + rowHeight / 2 - 1.5
        svg += String(format: "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#c0392b\"/>\n", tx, middle - 5, tx + 4, middle, tx, middle + 5, tx - 4, middle)
      }
    }
    return svg + "</svg>\n"
  }
}
