/// The formats written from a document, each with the medium it is read in: a new document
/// format is one case here and one writer walking `Document`.
public enum DocumentFormat: Sendable {
  case markdown, html, docx

  /// The document format of an output format, if it is one.
  public init?(_ format: OutputFormat) {
    switch format {
    case .md: self = .markdown
    case .html: self = .html
    case .docx: self = .docx
    case .table, .csv, .json, .xlsx: return nil
    }
  }

  /// Who reads it: Markdown is text to paste; HTML is the page that is printed or opened.
  public var medium: DocumentMedium {
    switch self {
    case .markdown: .text
    case .html, .docx: .print
    }
  }

  /// Writes `document` with this format's writer.
  public func render(_ document: Document, to sink: inout some OutputSink) {
    switch self {
    case .markdown: MarkdownWriter().render(document, to: &sink)
    case .html: HTMLWriter().render(document, to: &sink)
    case .docx: DocxWriter().render(document, to: &sink)
    }
  }
}
