/// A wave's feedback as a workbook of one sheet: the rows and columns of the CSV for Excel
/// (`FeedbackReportCSV.columns`), counts as numbers and shares as percents.
struct FeedbackReportSheet {
  var questionnaire: Questionnaire?
  var language: Language

  func workbook(_ summary: FeedbackSummary) -> Workbook {
    Workbook(
      title: FeedbackText.heading(summary, language).title, language: language, sheets: [sheet(summary)])
  }

  func sheet(_ summary: FeedbackSummary) -> SheetTable {
    var rows: [[String: SheetCell]] = []
    for unit in summary.units {
      let common: [String: SheetCell] = [
        "wave": SheetCell(summary.wave), "unit_code": SheetCell(unit.code), "unit_name": SheetCell(unit.name),
        "unit_items": SheetCell(unit.items),
      ]
      for theme in unit.themes {
        var row = common.merging([
          "dimension": SheetCell(FeedbackText.dimensionName(theme.dimension, questionnaire, language)),
          "items": SheetCell(theme.count), "share": SheetCell(theme.share),
          "previous_items": SheetCell(theme.previousCount), "previous_share": SheetCell(theme.previousShare),
          "subdimensions": SheetCell(theme.subdimensions.map { "\($0.id) \($0.count)" }.joined(separator: "; ")),
          "terms": SheetCell(theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: "; ")),
        ]) { $1 }
        for (index, quote) in theme.quotes.prefix(3).enumerated() {
          row["quote_\(index + 1)"] = SheetCell(quote.item.text)
        }
        for (index, quote) in theme.acknowledged.prefix(3).enumerated() {
          row["acknowledged_\(index + 1)"] = SheetCell(quote.item.text)
        }
        rows.append(row)
      }
      if unit.unclassified > 0 {
        rows.append(
          common.merging([
            "dimension": SheetCell(FeedbackText.unclassified(language)),
            "items": SheetCell(unit.unclassified),
            "share": SheetCell(Double(unit.unclassified) / Double(max(1, unit.items))),
          ]) { $1 })
      }
    }
    return SheetTable(
      name: language == .vi ? "Ý kiến" : "Feedback", columns: FeedbackReportCSV.columns, language: language,
      rows: rows)
  }
}
