/// A wave's feedback as CSV: one row per unit and dimension with feedback, then one per
/// unit for the unclassified.
struct FeedbackReportCSV: Renderer {
  var excel: Bool

  /// One row per (unit, dimension with feedback), then one per unit for the unclassified.
  func render(_ summary: FeedbackSummary, to sink: inout some OutputSink) {
    let delimiter: Character = excel ? ";" : ","
    func number(_ value: Double?) -> String { TextEscaping.csvNumber(value, excel: excel) }
    var out = excel ? "\u{FEFF}" : ""
    let header = [
      "wave", "unit_code", "unit_name", "dimension", "items", "unit_items", "share", "previous_items", "previous_share",
      "subdimensions", "terms", "quote_1", "quote_2", "quote_3",
    ]
    out += header.joined(separator: String(delimiter)) + "\r\n"
    for unit in summary.units {
      var rows: [[String]] = unit.themes.map { theme in
        let quotes = theme.quotes.map(\.text) + Array(repeating: "", count: 3 - theme.quotes.count)
        return [
          summary.wave, unit.code, unit.name ?? "", theme.dimension, String(theme.count), String(unit.items),
          number(theme.share),
          theme.previousCount.map(String.init) ?? "", number(theme.previousShare),
          theme.subdimensions.map { "\($0.id) \($0.count)" }.joined(separator: "; "),
          theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: "; "),
        ] + quotes
      }
      if unit.unclassified > 0 {
        rows.append([
          summary.wave, unit.code, unit.name ?? "", "unclassified", String(unit.unclassified), String(unit.items),
          number(Double(unit.unclassified) / Double(max(1, unit.items))), "", "", "", "", "", "", "",
        ])
      }
      for row in rows {
        out += row.map { TextEscaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
      }
    }
    sink.write(out)
  }
}
