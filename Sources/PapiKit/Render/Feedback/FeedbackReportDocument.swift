/// A wave's feedback as a document, for Markdown and HTML.
struct FeedbackReportDocument {
  var summary: FeedbackSummary
  var questionnaire: Questionnaire?
  var language: Language

  var document: Document {
    let summary = self.summary
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    var blocks: [Block] = [.paragraph(FeedbackText.heading(summary, language).note)]
    for unit in summary.units {
      blocks.append(.heading(2, FeedbackText.unitTitle(unit)))
      blocks.append(
        .paragraph(
          vi
            ? "\(unit.items) ý kiến, \(unit.unclassified) chưa phân loại."
            : "\(unit.items) items, \(unit.unclassified) unclassified."))
      guard !unit.themes.isEmpty else { continue }
      blocks.append(
        .table(
          vi
            ? ["Chỉ số nội dung", "Số ý kiến", "Tỷ lệ", "Thay đổi", "Từ khóa thường gặp"]
            : ["Dimension", "Items", "Share", "Change", "Frequent terms"],
          unit.themes.map { theme in
            [
              FeedbackText.dimensionName(theme.dimension, questionnaire, language), String(theme.count),
              FeedbackText.percent(theme.share, format),
              FeedbackText.change(theme, format, language),
              theme.terms.map { "\($0.term) (\($0.count))" }.joined(separator: ", "),
            ]
          }))
      for theme in unit.themes where !theme.quotes.isEmpty || !theme.acknowledged.isEmpty {
        blocks.append(.paragraph(FeedbackText.dimensionName(theme.dimension, questionnaire, language) + ":"))
        if !theme.quotes.isEmpty { blocks.append(.bullets(theme.quotes.map { FeedbackText.quote($0, language) })) }
        if !theme.acknowledged.isEmpty {
          blocks.append(.paragraph(FeedbackText.acknowledged(language) + ":"))
          blocks.append(.bullets(theme.acknowledged.map { FeedbackText.quote($0, language) }))
        }
      }
    }
    return Document(
      kind: .feedbackReport, language: language, title: FeedbackText.heading(summary, language).title, blocks: blocks)
  }
}
