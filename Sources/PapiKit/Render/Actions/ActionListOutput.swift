/// The action register (`papi actions list`, and `papi plan` in table, CSV, JSON or Excel)
/// in each format.
public enum ActionListOutput {
  public static func render(
    _ listing: ActionListing, as format: OutputFormat, options: RenderOptions, to sink: inout some OutputSink
  ) {
    switch format {
    case .table: ActionListTable(language: options.language).render(listing, to: &sink)
    case .csv:
      ActionListCSV(cells: CSVCells(excel: options.excel, language: options.language)).render(listing, to: &sink)
    case .json: ActionListJSON().render(listing, to: &sink)
    case .xlsx: XlsxWriter().render(ActionListSheet(language: options.language).workbook(listing), to: &sink)
    default:
      // Markdown, HTML and any other document format walk the list's document.
      DocumentFormat(format)?.render(
        ActionListDocument(listing: listing, language: options.language).document, to: &sink)
    }
  }
}
