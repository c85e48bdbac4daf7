/// A PAR INDEX report (`papi par report`) in each format.
public enum ParReportOutput {
  public static func render(
    _ report: ParReport, as format: OutputFormat, options: RenderOptions, issuer: IssuerProfile = .blankReport,
    date: CivilDate = CivilDate.today(), to sink: inout some OutputSink
  ) {
    let language = options.language
    switch format {
    case .table: ParReportTable(language: language).render(report, to: &sink)
    case .csv: ParReportCSV(cells: CSVCells(excel: options.excel, language: language)).render(report, to: &sink)
    case .json: ParReportJSON().render(report, to: &sink)
    case .xlsx: XlsxWriter().render(ParReportSheet(language: language).workbook(report), to: &sink)
    default:
      // Markdown, HTML, Word: the report as a document, in the seeds' words.
      let document = ParReportDocument(report: report, language: language, issuer: issuer, date: date).document
      DocumentFormat(format)?.render(document, to: &sink)
    }
  }
}
