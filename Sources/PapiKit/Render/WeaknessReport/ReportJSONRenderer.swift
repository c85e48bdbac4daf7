/// The weakness report as JSON: the scores' shape (PRODUCT.md §6) with each unit's flags,
/// actions and citizen feedback, and the numbers of the report's summary (`summary`).
struct ReportJSONRenderer: Renderer {
  func render(_ report: WeaknessReport, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { json in
      ScoresJSON.write(
        report.scores, flags: report.flags, published: report.published, actions: report.actions,
        remeasured: report.remeasured, feedback: report.feedback,
        summary: ReportSummary(report), parLinks: report.parLinks, otherInstrument: report.otherInstrument,
        into: &json)
    }
  }
}
