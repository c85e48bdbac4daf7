/// The action register as CSV, one row per action with its re-measurement; for Excel with
/// `excel` (BOM, `;`, decimal commas).
struct ActionListCSV: Renderer {
  var excel: Bool

  func render(_ listing: ActionListing, to sink: inout some OutputSink) {
    let delimiter: Character = excel ? ";" : ","
    func number(_ value: Double?) -> String { TextEscaping.csvNumber(value, excel: excel) }
    func text(_ value: String?) -> String { TextEscaping.csv(value ?? "", delimiter: delimiter) }
    let header = [
      "id", "wave", "level", "unit_code", "unit_name", "metric", "flag", "score", "low", "upp", "n", "target", "gap",
      "task", "title_vi",
      "title_en", "lead", "support", "due", "priority", "status", "flagged", "overdue", "remeasured_wave", "score_now",
      "low_now", "upp_now",
      "n_now", "outcome", "change", "significant_change",
    ]
    var out = excel ? "\u{FEFF}" : ""
    out += header.joined(separator: String(delimiter)) + "\r\n"
    for action in listing.actions {
      let result = listing.remeasured[action.id]
      let cells: [String] = [
        text(action.id), text(action.wave), text(action.level), text(action.unitCode), text(action.unitName),
        text(action.metric),
        action.flag.rawValue, number(action.baseline.value), number(action.baseline.low), number(action.baseline.upp),
        String(action.baseline.n),
        number(action.target), number(action.gap), text(action.task), text(action.title.vi), text(action.title.en),
        text(action.lead),
        text(action.support.joined(separator: "; ")), action.due.description, action.priority.rawValue,
        action.status.rawValue,
        action.flagged ? "true" : "false", action.isOverdue(on: listing.today) ? "true" : "false", text(result?.wave),
        number(result?.now.value), number(result?.now.low), number(result?.now.upp),
        result.map { String($0.now.n) } ?? "",
        result?.outcome.rawValue ?? "", number(result?.change),
        result?.significantChange.map { $0 ? "true" : "false" } ?? "",
      ]
      out += cells.joined(separator: String(delimiter)) + "\r\n"
    }
    sink.write(out)
  }
}
