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
    for ring in chart.rings {
      let polygon = (0..<count).map { coordinate(point($0, ring.value)) }.joined(separator: " ")
      svg += "<polygon points=\"\(polygon)\" fill=\"none\" stroke=\"#d5dbe1\"/>\n"
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
    // The scale: each ring's value beside the first axis (upwards), over the rings.
    for ring in chart.rings {
      let p = point(0, ring.value)
      svg +=
        String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" fill=\"#6b7480\" ", p.0 + 3, p.1 + 3)
        + "class=\"scale\">\(TextEscaping.html(ring.label))</text>\n"
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

  /// Each bar on its own scale, 0 to its maximum across the whole plot, with its 95% CI
  /// whiskers, its value out of that maximum and a red tick at its target; coloured by the
  /// target's status. The legend names the target only when some bar has one.
  static func bars(_ chart: BarChart) -> String {
    let rowHeight = 12.0
    let width = 400.0
    let left = 44.0
    let plot = width - left - 66
    let top = 22.0
    let height = Double(chart.bars.count) * rowHeight + top + 4
    let h = TextEscaping.html
    var svg = String(
      format:
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
        + "role=\"img\" aria-label=\"bars\">\n",
      width, height, width, height)
    // The legend: what the bars and numbers are, a whisker, a target tick.
    svg += "<text x=\"\(left)\" y=\"12\" font-size=\"10\" fill=\"#5a6570\">\(h(chart.caption))</text>\n"
    if !chart.intervalLabel.isEmpty {
      svg +=
        "<path d=\"M150 5v6M150 8h16M166 5v6\" stroke=\"#1d2733\" fill=\"none\"/>"
        + "<text x=\"170\" y=\"12\" font-size=\"10\" fill=\"#5a6570\">\(h(chart.intervalLabel))</text>\n"
    }
    if chart.hasTargets {
      svg +=
        "<line x1=\"250\" y1=\"3\" x2=\"250\" y2=\"13\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
        + "<text x=\"255\" y=\"12\" font-size=\"10\" fill=\"#5a6570\">\(h(chart.targetLabel))</text>\n"
    }
    for (index, item) in chart.bars.enumerated() {
      let y = top + Double(index) * rowHeight
      func x(_ value: Double) -> Double { left + plot * max(0, min(1, value / item.maximum)) }
      let baseline = y + rowHeight - 2
      let weight = item.strong ? " font-weight=\"700\"" : ""
      svg +=
        String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\"", left - 4, baseline)
        + "\(weight)>\(h(item.label))</text>\n"
      svg += String(
        format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#eef2f5\"/>\n", left, y + 2, plot,
        rowHeight - 3)
      let status = item.status
      let fill =
        status == .belowSignificant ? "#e57368" : status == .below ? "#f0c24b" : status == .met ? "#5fb872" : "#7aa6c8"
      if let value = item.value {
        svg +=
          String(
            format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ", left, y + 2, x(value) - left,
            rowHeight - 3) + "fill=\"\(fill)\"/>\n"
      }
      svg +=
        String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\"", left + plot + 4, baseline)
        + "\(weight)>\(h(item.valueText))</text>\n"
      let middle = y + 2 + (rowHeight - 3) / 2
      if let low = item.low, let upp = item.upp {
        svg += String(
          format: "<path d=\"M%.1f %.1fv6M%.1f %.1fH%.1fM%.1f %.1fv6\" stroke=\"#1d2733\" fill=\"none\"/>\n",
          x(low), middle - 3, x(low), middle, x(upp), x(upp), middle - 3)
      }
      if let target = item.target {
        svg += String(
          format:
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\" "
            + "class=\"target\"/>\n",
          x(target), y, x(target), y + rowHeight)
      }
    }
    return svg + "</svg>\n"
  }
}
