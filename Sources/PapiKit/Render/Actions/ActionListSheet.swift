/// The action register as a workbook of one sheet: the columns of the CSV for Excel
/// (`ActionListCSV.columns`), one row per action with its re-measurement, scores as numbers
/// (a rank without decimals), the due date as a date, and statuses and offices in words.
struct ActionListSheet {
  var language: Language

  func workbook(_ listing: ActionListing) -> Workbook {
    let title = listing.title ?? (language == .vi ? "Sổ theo dõi nhiệm vụ" : "Action register")
    return Workbook(title: title, language: language, sheets: [sheet(listing)])
  }

  func sheet(_ listing: ActionListing) -> SheetTable {
    let words = ActionText(language: language, offices: listing.offices)
    let rows = listing.actions.map { action -> [String: SheetCell] in
      let result = listing.remeasured[action.id]
      let decimals = words.decimals(action)
      func number(_ value: Double?) -> SheetCell { SheetCell(value, decimals: decimals) }
      return [
        "id": SheetCell(action.id), "wave": SheetCell(action.wave),
        "level": SheetCell(levelLabel(action.level, language)), "unit_code": SheetCell(action.unitCode),
        "unit_name": SheetCell(action.unitName), "metric": SheetCell(action.metric),
        "metric_name": SheetCell(action.metricName.text(language)), "flag": SheetCell(action.flag.label(language)),
        "score": number(action.baseline.value), "low": number(action.baseline.low), "upp": number(action.baseline.upp),
        "n": SheetCell(action.baseline.n), "target": number(action.target), "gap": number(action.gap),
        "task": SheetCell(action.task), "title": SheetCell(action.title.text(language)),
        "lead": SheetCell(words.office(action.lead)),
        "support": SheetCell(action.support.map(words.office).joined(separator: "; ")), "due": SheetCell(action.due),
        "priority": SheetCell(action.priority.label(language)), "status": SheetCell(action.status.label(language)),
        "flagged": SheetCell(yes: action.flagged, language),
        "overdue": SheetCell(yes: action.isOverdue(on: listing.today), language),
        "remeasured_wave": SheetCell(result?.wave), "score_now": number(result?.now.value),
        "low_now": number(result?.now.low), "upp_now": number(result?.now.upp), "n_now": SheetCell(result?.now.n),
        "outcome": SheetCell(result?.outcome.label(language)), "change": number(result?.change),
        "significant_change": SheetCell(yes: result?.significantChange, language),
      ]
    }
    return SheetTable(
      name: language == .vi ? "Nhiệm vụ" : "Actions", columns: ActionListCSV.columns, language: language, rows: rows)
  }
}
