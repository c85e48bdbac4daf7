/// A wave's feedback for an 80-column terminal: per unit, each dimension's count, share,
/// change, terms and quotes.
struct FeedbackReportTable: Renderer {
  var questionnaire: Questionnaire?
  var language: Language

  func render(_ summary: FeedbackSummary, to sink: inout some OutputSink) {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    let head = FeedbackText.heading(summary, language)
    // 80 columns, like every table: long lines wrap under their first word.
    func lines(_ text: String, indent: Int, hanging: Int) -> String {
      let pad = String(repeating: " ", count: indent)
      return wrap(printable(text), width: 80 - indent, indent: hanging).map { (pad + $0).trimmingTrailingSpaces() }
        .joined(separator: "\n") + "\n"
    }
    var out = lines(head.title, indent: 0, hanging: 0) + lines(head.note, indent: 0, hanging: 0)
    for unit in summary.units {
      var title = FeedbackText.unitTitle(unit) + " — " + (vi ? "\(unit.items) ý kiến" : "\(unit.items) items")
      if unit.unclassified > 0 {
        title += vi ? ", \(unit.unclassified) chưa phân loại" : ", \(unit.unclassified) unclassified"
      }
      out += "\n" + lines(title, indent: 0, hanging: 2)
      for theme in unit.themes {
        var line =
          FeedbackText.dimensionName(theme.dimension, questionnaire, language)
          + ": \(theme.count) (\(FeedbackText.percent(theme.share, format)))"
        let delta = FeedbackText.change(theme, format, language)
        if !delta.isEmpty { line += "  " + delta }
        out += lines(line, indent: 2, hanging: 2)
        if !theme.terms.isEmpty {
          out += lines(
            (vi ? "từ khóa: " : "terms: ") + theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: ", "),
            indent: 4, hanging: 2)
        }
        for quote in theme.quotes { out += lines(FeedbackText.quote(quote, language), indent: 4, hanging: 1) }
        if !theme.acknowledged.isEmpty {
          out += lines(FeedbackText.acknowledged(language) + ":", indent: 4, hanging: 2)
        }
        for quote in theme.acknowledged { out += lines(FeedbackText.quote(quote, language), indent: 6, hanging: 1) }
      }
    }
    sink.write(out)
  }
}
