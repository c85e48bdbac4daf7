/// Renders one kind of value in one format, writing bytes to a sink as they are produced.
/// Each document and format has its own small renderer (`ReportCSVRenderer`,
/// `MarkdownWriter` for every document…); a new format is one more type conforming here.
public protocol Renderer {
  associatedtype Subject
  func render(_ subject: Subject, to sink: inout some OutputSink)
}

extension Renderer {
  /// The whole output as text (tests, small outputs).
  public func text(_ subject: Subject) -> String {
    var buffer = ByteBuffer()
    render(subject, to: &buffer)
    return buffer.text
  }
}
