import Foundation

/// One row per (unit, metric): score, se, low, upp, n, target, status, gap, change and the
/// other flags. For Excel (`--excel`): UTF-8 with BOM, `;` and decimal commas. Text cells
/// that look like formulas are neutralised.
struct ReportCSVRenderer: Renderer {
  var excel: Bool

  func render(_ report: WeaknessReport, to sink: inout some OutputSink) {
    let delimiter: Character = excel ? ";" : ","
    func number(_ value: Double?) -> String { TextEscaping.csvNumber(value, excel: excel) }
    func text(_ value: String) -> String { TextEscaping.csv(value, delimiter: delimiter) }
    var out = excel ? "\u{FEFF}" : ""
    let header = [
      "unit_code", "unit_name", "level", "parent", "wave", "metric", "score", "se", "low", "upp", "n", "target",
      "status", "gap", "change", "flags",
    ]
    // With stored feedback: how many items of the unit are about the metric's dimension.
    let feedbackColumn = report.feedback != nil ? ["feedback_items"] : []
    out += (header + feedbackColumn).joined(separator: String(delimiter)) + "\r\n"
    sink.write(out)
    let dimensionOf = report.questionnaire.dimensionOfMetric
    var metrics = ["total"]
    for dimension in report.questionnaire.dimensions {
      metrics.append(dimension.id)
      for subdimension in dimension.subdimensions {
        metrics.append(subdimension.id)
        metrics += subdimension.indicators.map(\.id)
      }
    }
    for unit in report.scores.units {
      out = ""
      let flags = report.flags[unit.code] ?? []
      for metric in metrics + (flags.contains { $0.metric == "rank" } ? ["rank"] : []) {
        let estimate = metric == "rank" ? nil : MetricIndex.estimate(unit, metric)
        let assessment = report.assessment(unit.code, metric)
        let others = flags.filter { $0.metric == metric && ($0.status == .declined || $0.status == .weakest) }.map(
          \.status.rawValue)
        var change: Double?
        if let now = estimate?.value, let then = report.previousEstimate(unit.code, metric)?.value {
          change = now - then
        }
        let score = metric == "rank" ? assessment?.score : estimate?.value
        let fields = [
          text(unit.code), text(unit.name ?? ""), text(report.scores.level), text(unit.parent ?? ""),
          text(report.scores.wave ?? ""), text(metric),
          number(score), number(estimate?.se), number(estimate?.low), number(estimate?.upp),
          report.published || estimate == nil ? "" : String(estimate?.n ?? 0),
          number(assessment?.target), assessment?.status.rawValue ?? "", number(assessment?.gap), number(change),
          others.joined(separator: " "),
        ]
        var feedbackCell: [String] = []
        if let feedback = report.feedback {
          let theme = dimensionOf[metric].flatMap { feedback.unit(unit.code)?.theme($0) }
          feedbackCell = [dimensionOf[metric] == nil ? "" : String(theme?.count ?? 0)]
        }
        out += (fields + feedbackCell).joined(separator: String(delimiter)) + "\r\n"
      }
      sink.write(out)
    }
  }
}
