/// The action register as CSV, one row per action with its re-measurement: the data as it
/// is, or for Excel (`CSVCells`: headers, statuses and offices in words, rounded numbers,
/// dd/mm/yyyy).
struct ActionListCSV: Renderer {
  var cells: CSVCells

  static let columns: [DataColumn] = [
    .init("id", "Mã", "Id", .code), .init("wave", "Đợt", "Wave", .code), .init("level", "Cấp", "Level"),
    .init("unit_code", "Mã đơn vị", "Unit code", .code), .init("unit_name", "Đơn vị", "Unit"),
    .init("metric", "Chỉ số", "Metric", .code), .init("metric_name", "Tên chỉ số", "Metric name"),
    .init("flag", "Cảnh báo", "Flag"), .init("score", "Điểm", "Score", .number(decimals: 2)),
    .init("low", "KTC 95% từ", "95% CI low", .number(decimals: 2)),
    .init("upp", "KTC 95% đến", "95% CI high", .number(decimals: 2)),
    .init("n", "Số người trả lời", "Respondents", .integer),
    .init("target", "Mục tiêu", "Target", .number(decimals: 2)),
    .init("gap", "Chênh lệch", "Gap", .number(decimals: 2)), .init("task", "Mã nhiệm vụ", "Task", .code),
    .init("title", "Nhiệm vụ", "Action"), .init("lead", "Chủ trì", "Lead"), .init("support", "Phối hợp", "Support"),
    .init("due", "Hạn", "Due", .date), .init("priority", "Ưu tiên", "Priority"),
    .init("status", "Trạng thái", "Status"),
    .init("flagged", "Còn bị cảnh báo", "Still flagged"), .init("overdue", "Quá hạn", "Overdue"),
    .init("remeasured_wave", "Đợt đo lại", "Re-measured in", .code),
    .init("score_now", "Điểm đo lại", "Score now", .number(decimals: 2)),
    .init("low_now", "KTC 95% từ (đo lại)", "95% CI low now", .number(decimals: 2)),
    .init("upp_now", "KTC 95% đến (đo lại)", "95% CI high now", .number(decimals: 2)),
    .init("n_now", "Số người trả lời (đo lại)", "Respondents now", .integer), .init("outcome", "Kết quả", "Outcome"),
    .init("change", "Thay đổi", "Change", .number(decimals: 2)),
    .init("significant_change", "Thay đổi rõ rệt", "Significant change"),
  ]

  /// The columns for programs, which keep both titles (`title_vi`, `title_en`) and no metric
  /// name, as before `--excel` became a table for people.
  static let dataColumns: [DataColumn] = columns.flatMap { column -> [DataColumn] in
    switch column.key {
    case "metric_name": return []
    case "title": return [.init("title_vi", "", ""), .init("title_en", "", "")]
    default: return [column]
    }
  }

  func render(_ listing: ActionListing, to sink: inout some OutputSink) {
    let language = cells.language
    let words = ActionText(language: language, offices: listing.offices)
    var out = cells.start + cells.header(cells.excel ? Self.columns : Self.dataColumns)
    for action in listing.actions {
      let result = listing.remeasured[action.id]
      let decimals = words.decimals(action)
      func number(_ value: Double?) -> String { cells.number(value, decimals: decimals) }
      let titles =
        cells.excel
        ? [cells.text(action.title.text(language))] : [cells.text(action.title.vi), cells.text(action.title.en)]
      let row: [String] =
        [
          cells.code(action.id), cells.text(action.wave),
          cells.word(action.level, levelLabel(action.level, language)), cells.code(action.unitCode),
          cells.text(action.unitName), cells.text(action.metric),
        ] + (cells.excel ? [cells.text(action.metricName.text(language))] : [])
        + [
          cells.word(action.flag.rawValue, action.flag.label(language)), number(action.baseline.value),
          number(action.baseline.low), number(action.baseline.upp), String(action.baseline.n), number(action.target),
          number(action.gap), cells.text(action.task),
        ] + titles
        + [
          cells.text(cells.excel ? words.office(action.lead) : action.lead),
          cells.text((cells.excel ? action.support.map(words.office) : action.support).joined(separator: "; ")),
          cells.date(action.due), cells.word(action.priority.rawValue, action.priority.label(language)),
          cells.word(action.status.rawValue, action.status.label(language)), cells.yesNo(action.flagged),
          cells.yesNo(action.isOverdue(on: listing.today)), cells.text(result?.wave), number(result?.now.value),
          number(result?.now.low), number(result?.now.upp), result.map { String($0.now.n) } ?? "",
          result.map { cells.word($0.outcome.rawValue, $0.outcome.label(language)) } ?? "", number(result?.change),
          result?.significantChange.map(cells.yesNo) ?? "",
        ]
      out += cells.row(row)
    }
    sink.write(out)
  }
}
