import Foundation

/// One row per (unit, metric): score, se, low, upp, n, target, status, gap, change and the
/// other flags; the data as it is, or for Excel (`CSVCells`: headers, levels, statuses and
/// flags in words, a column with the metric's name, rounded numbers). Text cells that look
/// like formulas are neutralised.
struct ReportCSVRenderer: Renderer {
  var cells: CSVCells

  static let columns: [DataColumn] = [
    .init("unit_code", "Mã đơn vị", "Unit code", .code), .init("unit_name", "Đơn vị", "Unit"),
    .init("level", "Cấp", "Level"), .init("parent", "Đơn vị cấp trên", "Parent"), .init("wave", "Đợt", "Wave", .code),
    .init("metric", "Chỉ số", "Metric", .code), .init("metric_name", "Tên chỉ số", "Metric name"),
    .init("score", "Điểm", "Score", .number(decimals: 2)), .init("se", "Sai số chuẩn", "SE", .number(decimals: 3)),
    .init("low", "KTC 95% từ", "95% CI low", .number(decimals: 2)),
    .init("upp", "KTC 95% đến", "95% CI high", .number(decimals: 2)),
    .init("n", "Số người trả lời", "Respondents", .integer),
    .init("target", "Mục tiêu", "Target", .number(decimals: 2)), .init("status", "Đánh giá", "Status"),
    .init("gap", "Chênh lệch", "Gap", .number(decimals: 2)),
    .init("change", "Thay đổi so với đợt trước", "Change from the previous wave", .number(decimals: 2)),
    .init("flags", "Cảnh báo khác", "Other flags"),
  ]

  /// With stored feedback, a last column: how many items of the unit are about the metric's
  /// dimension.
  static let feedbackColumn = DataColumn("feedback_items", "Số ý kiến", "Feedback items", .integer)

  /// When weights were applied, the column they came from, on every row (CSV has no note).
  static let weightsColumn = DataColumn("weights", "Cột trọng số", "Weights column")

  /// Under a sample design: each estimate's degrees of freedom, design effect and effective n.
  static let designColumns: [DataColumn] = [
    .init("df", "Bậc tự do", "Degrees of freedom", .integer),
    .init("deff", "Hệ số thiết kế (deff)", "Design effect", .number(decimals: 2)),
    .init("n_eff", "Số người trả lời hiệu dụng", "Effective respondents", .number(decimals: 0)),
  ]

  /// The table's columns for `report`: the fixed ones, then weights, design and feedback
  /// columns when the report has them.
  static func columns(for report: WeaknessReport) -> [DataColumn] {
    columns + (report.scores.weights == nil ? [] : [weightsColumn])
      + (report.scores.design == nil ? [] : designColumns) + (report.feedback == nil ? [] : [feedbackColumn])
  }

  /// The values of one row, for CSV and for Excel (`ReportSheets`).
  struct Line {
    var metric: String
    var estimate: Estimate?
    /// The estimate's value, or the rank for `rank`.
    var score: Double?
    var assessment: UnitFlag?
    var change: Double?
    /// The unit's `declined` and `weakest` flags of the metric.
    var others: [UnitFlag]
    /// The unit's feedback items about the metric's dimension, nil without stored feedback
    /// or for a metric of no dimension.
    var feedbackItems: Int?
    var decimals: Int { metric == "rank" ? 0 : 2 }
  }

  /// Every metric of the questionnaire in its order, total first.
  static func metrics(_ questionnaire: Questionnaire) -> [String] {
    var metrics = ["total"]
    for dimension in questionnaire.dimensions {
      metrics.append(dimension.id)
      for subdimension in dimension.subdimensions {
        metrics.append(subdimension.id)
        metrics += subdimension.indicators.map(\.id)
      }
    }
    return metrics
  }

  /// A unit's rows: each metric of `metrics`, and its rank when it is flagged.
  static func lines(_ report: WeaknessReport, _ unit: UnitScore, metrics: [String]) -> [Line] {
    let flags = report.flags[unit.code] ?? []
    let dimensionOf = report.questionnaire.dimensionOfMetric
    return (metrics + (flags.contains { $0.metric == "rank" } ? ["rank"] : [])).map { metric in
      let estimate = metric == "rank" ? nil : MetricIndex.estimate(unit, metric)
      let assessment = report.assessment(unit.code, metric)
      var change: Double?
      if let now = estimate?.value, let then = report.previousEstimate(unit.code, metric)?.value {
        change = now - then
      }
      var feedbackItems: Int?
      if let feedback = report.feedback, let dimension = dimensionOf[metric] {
        feedbackItems = feedback.unit(unit.code)?.theme(dimension)?.count ?? 0
      }
      return Line(
        metric: metric, estimate: estimate, score: metric == "rank" ? assessment?.score : estimate?.value,
        assessment: assessment, change: change,
        others: flags.filter { $0.metric == metric && ($0.status == .declined || $0.status == .weakest) },
        feedbackItems: feedbackItems)
    }
  }

  func render(_ report: WeaknessReport, to sink: inout some OutputSink) {
    let language = cells.language
    let excel = cells.excel
    let columns = Self.columns(for: report).filter { excel || $0.key != "metric_name" }
    var out = cells.start + cells.header(columns)
    sink.write(out)
    let metrics = Self.metrics(report.questionnaire)
    for unit in report.scores.units {
      out = ""
      for line in Self.lines(report, unit, metrics: metrics) {
        let metric = line.metric
        let estimate = line.estimate
        let assessment = line.assessment
        func number(_ value: Double?) -> String { cells.number(value, decimals: line.decimals) }
        var fields =
          [
            cells.code(unit.code), cells.text(unit.name),
            cells.word(report.scores.level, levelLabel(report.scores.level, language)),
            cells.text(excel ? unit.parentLabel : unit.parent), cells.text(report.scores.wave), cells.text(metric),
          ] + (excel ? [cells.text(ReportRows.metricName(metric, report.questionnaire, language))] : [])
        fields += [
          number(line.score), cells.number(estimate?.se, decimals: 3), number(estimate?.low), number(estimate?.upp),
          report.published || estimate == nil ? "" : String(estimate?.n ?? 0), number(assessment?.target),
          assessment.map { cells.word($0.status.rawValue, $0.status.label(language)) } ?? "", number(assessment?.gap),
          number(line.change),
          cells.text(
            line.others.map { cells.excel ? $0.status.label(language) : $0.status.rawValue }.joined(
              separator: cells.excel ? " · " : " ")),
        ]
        if let column = report.scores.weights { fields.append(cells.text(column)) }
        if report.scores.design != nil {
          let design = estimate?.design
          fields += [
            design.map { String($0.df) } ?? "", cells.number(design?.deff, decimals: 2),
            cells.number(design?.nEff, decimals: 0),
          ]
        }
        if report.feedback != nil { fields.append(line.feedbackItems.map(String.init) ?? "") }
        out += cells.row(fields)
      }
      sink.write(out)
    }
  }
}
