/// The weakness report as a workbook of two sheets: its table, one row per unit and metric
/// with the columns of the CSV for Excel (`ReportCSVRenderer.columns`), and its flags, one
/// row per flag that is not `met` with the sentence the report says and the catalogue's
/// tasks.
struct ReportSheets {
  var language: Language

  /// The columns of the flags' sheet: the table's, the action register's, and the sentence.
  static let flagColumns: [DataColumn] =
    ReportCSVRenderer.columns.filter { ["unit_code", "unit_name", "metric", "metric_name"].contains($0.key) }
    + ActionListCSV.columns.filter { $0.key == "flag" }
    + ReportCSVRenderer.columns.filter { ["score", "target", "gap"].contains($0.key) } + [
      DataColumn("explanation", "Diễn giải", "Explanation"),
      DataColumn("tasks", "Nhiệm vụ gợi ý", "Suggested tasks"),
    ]

  func workbook(_ report: WeaknessReport) -> Workbook {
    Workbook(title: ReportRows.title(report, language), language: language, sheets: [table(report), flags(report)])
  }

  func table(_ report: WeaknessReport) -> SheetTable {
    let metrics = ReportCSVRenderer.metrics(report.questionnaire)
    let level = levelLabel(report.scores.level, language)
    var rows: [[String: SheetCell]] = []
    for unit in report.scores.units {
      for line in ReportCSVRenderer.lines(report, unit, metrics: metrics) {
        func number(_ value: Double?) -> SheetCell { SheetCell(value, decimals: line.decimals) }
        var row: [String: SheetCell] = [
          "unit_code": SheetCell(unit.code), "unit_name": SheetCell(unit.name), "level": SheetCell(level),
          "parent": SheetCell(unit.parentLabel), "wave": SheetCell(report.scores.wave),
          "metric": SheetCell(line.metric),
          "metric_name": SheetCell(ReportRows.metricName(line.metric, report.questionnaire, language)),
          "score": number(line.score), "se": SheetCell(line.estimate?.se), "low": number(line.estimate?.low),
          "upp": number(line.estimate?.upp),
          "n": report.published || line.estimate == nil ? .empty : SheetCell(line.estimate?.n),
          "target": number(line.assessment?.target), "status": SheetCell(line.assessment?.status.label(language)),
          "gap": number(line.assessment?.gap), "change": number(line.change),
          "flags": SheetCell(line.others.map { $0.status.label(language) }.joined(separator: " · ")),
        ]
        if let column = report.scores.weights { row["weights"] = SheetCell(column) }
        if let design = line.estimate?.design {
          row["df"] = SheetCell(design.df)
          row["deff"] = SheetCell(design.deff, decimals: 2)
          row["n_eff"] = SheetCell(design.nEff, decimals: 0)
        }
        if report.feedback != nil { row["feedback_items"] = SheetCell(line.feedbackItems) }
        rows.append(row)
      }
    }
    let columns = ReportCSVRenderer.columns(for: report)
    return SheetTable(name: language == .vi ? "Điểm" : "Scores", columns: columns, language: language, rows: rows)
  }

  func flags(_ report: WeaknessReport) -> SheetTable {
    var rows: [[String: SheetCell]] = []
    for unit in report.scores.units {
      for flag in report.flags[unit.code] ?? [] where flag.status != .met {
        let decimals = flag.metric == "rank" ? 0 : 2
        rows.append([
          "unit_code": SheetCell(unit.code), "unit_name": SheetCell(unit.name), "metric": SheetCell(flag.metric),
          "metric_name": SheetCell(ReportRows.metricName(flag.metric, report.questionnaire, language)),
          "flag": SheetCell(flag.status.label(language)), "score": SheetCell(flag.score, decimals: decimals),
          "target": SheetCell(flag.target, decimals: decimals), "gap": SheetCell(flag.gap, decimals: decimals),
          "explanation": SheetCell(ReportRows.flagSentence(flag, report, language)),
          "tasks": SheetCell(flag.tasks.joined(separator: "; ")),
        ])
      }
    }
    return SheetTable(
      name: language == .vi ? "Cảnh báo" : "Flags", columns: Self.flagColumns, language: language, rows: rows)
  }
}
