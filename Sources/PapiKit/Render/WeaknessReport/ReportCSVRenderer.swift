import Foundation

/// One row per (unit, metric): score, se, low, upp, n, target, status, gap, change and the
/// other flags; the data as it is, or for Excel (`CSVCells`: headers, levels, statuses and
/// flags in words, a column with the metric's name, rounded numbers). Text cells that look
/// like formulas are neutralised.
struct ReportCSVRenderer: Renderer {
  var cells: CSVCells

  static let columns: [CSVCells.Column] = [
    .init("unit_code", "Mã đơn vị", "Unit code"), .init("unit_name", "Đơn vị", "Unit"),
    .init("level", "Cấp", "Level"), .init("parent", "Đơn vị cấp trên", "Parent"), .init("wave", "Đợt", "Wave"),
    .init("metric", "Chỉ số", "Metric"), .init("metric_name", "Tên chỉ số", "Metric name"),
    .init("score", "Điểm", "Score"), .init("se", "Sai số chuẩn", "SE"), .init("low", "KTC 95% từ", "95% CI low"),
    .init("upp", "KTC 95% đến", "95% CI high"), .init("n", "Số người trả lời", "Respondents"),
    .init("target", "Mục tiêu", "Target"), .init("status", "Đánh giá", "Status"), .init("gap", "Chênh lệch", "Gap"),
    .init("change", "Thay đổi so với đợt trước", "Change from the previous wave"),
    .init("flags", "Cảnh báo khác", "Other flags"),
  ]

  func render(_ report: WeaknessReport, to sink: inout some OutputSink) {
    let language = cells.language
    let excel = cells.excel
    var columns = Self.columns.filter { excel || $0.key != "metric_name" }
    // With stored feedback: how many items of the unit are about the metric's dimension.
    if report.feedback != nil { columns.append(.init("feedback_items", "Số ý kiến", "Feedback items")) }
    var out = cells.start + cells.header(columns)
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
        let others = flags.filter { $0.metric == metric && ($0.status == .declined || $0.status == .weakest) }
        var change: Double?
        if let now = estimate?.value, let then = report.previousEstimate(unit.code, metric)?.value {
          change = now - then
        }
        let decimals = metric == "rank" ? 0 : 2
        func number(_ value: Double?) -> String { cells.number(value, decimals: decimals) }
        let score = metric == "rank" ? assessment?.score : estimate?.value
        var fields =
          [
            cells.code(unit.code), cells.text(unit.name),
            cells.word(report.scores.level, levelLabel(report.scores.level, language)),
            cells.text(excel ? unit.parentLabel : unit.parent), cells.text(report.scores.wave), cells.text(metric),
          ] + (excel ? [cells.text(ReportRows.metricName(metric, report.questionnaire, language))] : [])
        fields += [
          number(score), cells.number(estimate?.se, decimals: 3), number(estimate?.low), number(estimate?.upp),
          report.published || estimate == nil ? "" : String(estimate?.n ?? 0), number(assessment?.target),
          assessment.map { cells.word($0.status.rawValue, $0.status.label(language)) } ?? "", number(assessment?.gap),
          number(change),
          cells.text(
            others.map { cells.excel ? $0.status.label(language) : $0.status.rawValue }.joined(
              separator: cells.excel ? " · " : " ")),
        ]
        if let feedback = report.feedback {
          let theme = dimensionOf[metric].flatMap { feedback.unit(unit.code)?.theme($0) }
          fields.append(dimensionOf[metric] == nil ? "" : String(theme?.count ?? 0))
        }
        out += cells.row(fields)
      }
      sink.write(out)
    }
  }
}
