/// A wave's feedback as CSV: one row per unit and dimension with feedback, then one per
/// unit for the unclassified; the data as it is, or for Excel (`CSVCells`: headers and
/// dimension names in words, shares as percents with one decimal).
struct FeedbackReportCSV: Renderer {
  var cells: CSVCells
  var questionnaire: Questionnaire?

  static let columns: [DataColumn] = [
    .init("wave", "Đợt", "Wave", .code), .init("unit_code", "Mã đơn vị", "Unit code", .code),
    .init("unit_name", "Đơn vị", "Unit"),
    .init("dimension", "Chỉ số nội dung", "Dimension"), .init("items", "Số ý kiến", "Items", .integer),
    .init("unit_items", "Tổng số ý kiến của đơn vị", "The unit's items", .integer),
    .init("share", "Tỷ lệ (%)", "Share (%)", .percent(decimals: 1)),
    .init("previous_items", "Số ý kiến đợt trước", "Previous items", .integer),
    .init("previous_share", "Tỷ lệ đợt trước (%)", "Previous share (%)", .percent(decimals: 1)),
    .init("subdimensions", "Nội dung thành phần", "Sub-dimensions"), .init("terms", "Từ hay gặp", "Frequent terms"),
    .init("quote_1", "Trích dẫn 1", "Quote 1"), .init("quote_2", "Trích dẫn 2", "Quote 2"),
    .init("quote_3", "Trích dẫn 3", "Quote 3"), .init("acknowledged_1", "Ý kiến ghi nhận 1", "Acknowledged 1"),
    .init("acknowledged_2", "Ý kiến ghi nhận 2", "Acknowledged 2"),
    .init("acknowledged_3", "Ý kiến ghi nhận 3", "Acknowledged 3"),
  ]

  /// One row per (unit, dimension with feedback), then one per unit for the unclassified.
  func render(_ summary: FeedbackSummary, to sink: inout some OutputSink) {
    let language = cells.language
    var out = cells.start + cells.header(Self.columns)
    for unit in summary.units {
      var rows: [[String]] = unit.themes.map { theme in
        // Complaints and requests, then praise, three columns each.
        let quotes =
          theme.quotes.map(\.item.text) + Array(repeating: "", count: 3 - theme.quotes.count)
          + theme.acknowledged.map(\.item.text) + Array(repeating: "", count: 3 - theme.acknowledged.count)
        return [
          cells.text(summary.wave), cells.code(unit.code), cells.text(unit.name),
          cells.word(theme.dimension, FeedbackText.dimensionName(theme.dimension, questionnaire, language)),
          String(theme.count), String(unit.items), cells.percent(theme.share),
          theme.previousCount.map(String.init) ?? "", cells.percent(theme.previousShare),
          cells.text(theme.subdimensions.map { "\($0.id) \($0.count)" }.joined(separator: "; ")),
          cells.text(theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: "; ")),
        ] + quotes.map(cells.text)
      }
      if unit.unclassified > 0 {
        rows.append(
          [
            cells.text(summary.wave), cells.code(unit.code), cells.text(unit.name),
            cells.word("unclassified", FeedbackText.unclassified(language)),
            String(unit.unclassified), String(unit.items),
            cells.percent(Double(unit.unclassified) / Double(max(1, unit.items))),
          ] + Array(repeating: "", count: 10))
      }
      for row in rows { out += cells.row(row) }
    }
    sink.write(out)
  }
}
