/// The weakness report in each format: its own terminal table, CSV and JSON renderers, its
/// sheets for Excel, and its document for Markdown and HTML.
public enum WeaknessReportOutput {
  public static func render(
    _ report: WeaknessReport, as format: OutputFormat, options: RenderOptions, to sink: inout some OutputSink
  ) {
    switch format {
    case .table: ReportTableRenderer(language: options.language, color: options.color).render(report, to: &sink)
    case .csv:
      ReportCSVRenderer(cells: CSVCells(excel: options.excel, language: options.language)).render(report, to: &sink)
    case .json: ReportJSONRenderer().render(report, to: &sink)
    case .xlsx: XlsxWriter().render(ReportSheets(language: options.language).workbook(report), to: &sink)
    default:
      // Markdown, HTML and any other document format walk the report's document.
      guard let writer = DocumentFormat(format) else { return }
      writer.render(
        WeaknessReportDocument(report, language: options.language, medium: writer.medium).document, to: &sink)
    }
  }
}
