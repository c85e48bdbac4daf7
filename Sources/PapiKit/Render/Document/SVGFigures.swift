import Foundation

/// Figures as inline SVG for HTML pages: a radar of scores against targets, and bars with
/// CI whiskers and target marks.
enum SVGFigures {
  /// The axes on a radar: the scores (blue) against their targets (dashed red; dots when
  /// only some axes have one). No drawing below three axes.
  static func radar(_ chart: RadarChart) -> String {
    let count = chart.axes.count
    guard count >= 3 else { return "" }
    let maximum = chart.maximum
    let center = 150.0
    let radius = 100.0
    func point(_ index: Int, _ value: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
      let r = radius * max(0, min(value, maximum)) / maximum
      return (center + r * cos(angle), center + r * sin(angle))
    }
    func coordinate(_ p: (Double, Double)) -> String { String(format: "%.1f,%.1f", p.0, p.1) }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"300\" viewBox=\"0 0 300 300\" role=\"img\" "
      + "aria-label=\"radar\">\n"
    for step in 1...5 {
      let ring = (0..<count).map { coordinate(point($0, maximum * Double(step) / 5)) }.joined(separator: " ")
      svg += "<polygon points=\"\(ring)\" fill=\"none\" stroke=\"#d5dbe1\"/>\n"
    }
    for (index, axis) in chart.axes.enumerated() {
      let end = point(index, maximum)
      let label = point(index, maximum * 1.16)
      svg +=
        "<line x1=\"\(center)\" y1=\"\(center)\" x2=\(String(format: "\"%.1f\" y2=\"%.1f\"", end.0, end.1)) "
        + "stroke=\"#d5dbe1\"/>\n"
      svg +=
        String(
          format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" dominant-baseline=\"middle\">",
          label.0, label.1)
        + TextEscaping.html(axis) + "</text>\n"
    }
    let scores = chart.values.enumerated().map { coordinate(point($0.offset, $0.element ?? 0)) }.joined(separator: " ")
    svg += "<polygon points=\"\(scores)\" fill=\"rgba(31,119,180,0.25)\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
    if chart.targets.allSatisfy({ $0 != nil }) {
      let polygon = chart.targets.enumerated().map { coordinate(point($0.offset, $0.element ?? 0)) }.joined(
        separator: " ")
      svg +=
        "<polygon points=\"\(polygon)\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"4 "
        + "3\"/>\n"
    } else {
      for (index, target) in chart.targets.enumerated() {
        guard let target else { continue }
        let p = point(index, target)
        svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#c0392b\"/>\n", p.0, p.1)
      }
    }
    svg += "<text x=\"4\" y=\"296\" font-size=\"10\" fill=\"#1f77b4\">\(TextEscaping.html(chart.valueLabel))</text>"
    svg +=
      "<text x=\"60\" y=\"296\" font-size=\"10\" "
      + "fill=\"#c0392b\">\(TextEscaping.html(chart.targetLabel))</text>\n</svg>\n"
    return svg
  }

  /// Each bar on its own scale, with its 95% CI whiskers, its value and its target mark;
  /// coloured by the target's status.
  static func bars(_ chart: BarChart) -> String {
    let rowHeight = 16.0
    let width = 380.0
    let left = 44.0
    let plot = width - left - 50
    let height = Double(chart.bars.count) * rowHeight + 24
    var svg = String(
      format:
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
        + "role=\"img\" aria-label=\"bars\">\n",
      width, height, width, height)
    svg += "<text x=\"\(left)\" y=\"12\" font-size=\"10\" fill=\"#5a6570\">\(TextEscaping.html(chart.caption))</text>\n"
    for (index, item) in chart.bars.enumerated() {
      let y = 20 + Double(index) * rowHeight
      func x(_ value: Double) -> Double { left + plot * max(0, min(1, value / item.maximum)) }
      svg +=
        String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">", left - 4, y + 11)
        + TextEscaping.html(item.label) + "</text>\n"
      svg += String(
        format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#eef2f5\"/>\n", left, y + 2, plot,
        rowHeight - 5)
      let status = item.status
      let fill =
        status == .belowSignificant ? "#e57368" : status == .below ? "#f0c24b" : status == .met ? "#5fb872" : "#7aa6c8"
      if let value = item.value {
        svg +=
          String(
            format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ", left, y + 2, x(value) - left,
            rowHeight - 5) + "fill=\"\(fill)\"/>\n"
        svg +=
          String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">", left + plot + 4, y + 11)
          + TextEscaping.html(item.valueText) + "</text>\n"
      }
      if let low = item.low, let upp = item.upp {
        let middle = y + rowHeight / 2 - 1.5
        svg += String(
          format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(low), middle,
          x(upp), middle)
        svg += String(
          format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(low), middle - 3,
          x(low), middle + 3)
        svg += String(
          format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n", x(upp), middle - 3,
          x(upp), middle + 3)
      }
      if let target = item.target {
        let tx = x(target)
        let middle = y + rowHeight / 2 - 1.5
        svg += String(
          format: "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#c0392b\"/>\n", tx, middle - 5,
          tx + 4, middle, tx, middle + 5, tx - 4, middle)
      }
    }
    return svg + "</svg>\n"
  }
}
