/// A wave's feedback report (`papi feedback report`) in each format.
public enum FeedbackReportOutput {
  /// `questionnaire` names the dimensions (PAPI's when nil); `lexicon` lists the files the
  /// items were classified with, for the JSON.
  public static func render(
    _ summary: FeedbackSummary, questionnaire: Questionnaire?, lexicon: [String], as format: OutputFormat,
    options: RenderOptions, to sink: inout some OutputSink
  ) {
    let language = options.language
    switch format {
    case .table: FeedbackReportTable(questionnaire: questionnaire, language: language).render(summary, to: &sink)
    case .csv:
      FeedbackReportCSV(cells: CSVCells(excel: options.excel, language: language), questionnaire: questionnaire).render(
        summary, to: &sink)
    case .json: FeedbackReportJSON(lexicon: lexicon).render(summary, to: &sink)
    case .xlsx:
      XlsxWriter().render(
        FeedbackReportSheet(questionnaire: questionnaire, language: language).workbook(summary), to: &sink)
    default:
      // Markdown, HTML and any other document format walk the report's document.
      let document = FeedbackReportDocument(summary: summary, questionnaire: questionnaire, language: language).document
      DocumentFormat(format)?.render(document, to: &sink)
    }
  }
}
