import Foundation

/// Feedback items with what the classifier found in each.
public typealias ClassifiedFeedback = [(item: FeedbackItem, found: FeedbackClass)]

/// `papi feedback classify` output: each item's id with the dimensions and sub-dimensions it
/// matched, in the file's order, as a table, JSON or CSV.
public enum FeedbackClassifyOutput {
  /// The formats `papi feedback classify` writes.
  public static let formats: [OutputFormat] = [.table, .json, .csv]

  public static func render(
    _ items: ClassifiedFeedback, as format: OutputFormat, options: RenderOptions, to sink: inout some OutputSink
  ) {
    switch format {
    case .json: FeedbackClassifyJSON().render(items, to: &sink)
    case .csv:
      FeedbackClassifyCSV(cells: CSVCells(excel: options.excel, language: options.language)).render(items, to: &sink)
    case .table, .md, .html, .docx, .xlsx: FeedbackClassifyTable(language: options.language).render(items, to: &sink)
    }
  }
}
