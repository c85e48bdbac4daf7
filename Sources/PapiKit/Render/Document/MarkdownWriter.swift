/// Writes a document as Markdown: `#` headings, paragraphs, `-` lists, pipe tables; blocks
/// are separated by a blank line, and a document ends with one unless it ends with a
/// section. Figures have no text form and are left out. Every text is escaped
/// (`TextEscaping.markdown`) except `Inline.literal`.
public struct MarkdownWriter: Renderer {
  public init() {}

  public func render(_ document: Document, to sink: inout some OutputSink) {
    var first = true
    var lastWasSection = false
    let title: [Block] = document.blocks.contains(where: \.isLetterhead) ? [] : [.heading(1, document.title)]
    for block in title + document.blocks {
      guard let text = Self.text(block) else { continue }
      if !first { sink.write("\n") }
      sink.write(text)
      first = false
      switch block {
      case .section, .landscape: lastWasSection = true
      default: lastWasSection = false
      }
    }
    if !lastWasSection { sink.write("\n") }
  }

  /// A block's text, ending with a newline; nil for what Markdown leaves out.
  static func text(_ block: Block) -> String? {
    switch block {
    case .heading(let level, let content):
      return String(repeating: "#", count: level) + " " + inline(content) + "\n"
    case .paragraph(let content, _):
      return inline(content) + "\n"
    case .list(let items, _):
      return items.map { item($0, depth: 0) }.joined()
    case .table(let table):
      var out = "| " + table.columns.map { TextEscaping.markdown($0.title) }.joined(separator: " | ") + " |\n"
      out += "|" + table.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
      for row in table.rows { out += "| " + row.map { inline($0.content) }.joined(separator: " | ") + " |\n" }
      return out
    case .figure, .figures:
      return nil
    case .section(let blocks), .landscape(let blocks):
      let parts = blocks.compactMap(text)
      return parts.isEmpty ? nil : parts.joined(separator: "\n")
    case .letterhead(let head):
      let m = TextEscaping.markdown
      let left = (head.parent.map { [m($0)] } ?? []) + head.issuer.map { "**\(m($0))**" } + [m(head.number)]
      let right = ["**\(Letterhead.nationalTitle)**", "**\(Letterhead.motto)**", "*\(m(head.placeAndDate))*"]
      return left.joined(separator: "  \n") + "\n\n" + right.joined(separator: "  \n") + "\n\n# " + m(head.kind)
        + "\n\n" + head.summary.map { "**\(m($0))**" }.joined(separator: "  \n") + "\n"
    case .signature(let signature):
      let m = TextEscaping.markdown
      return "***\(m(signature.recipientsLabel))***\n\n"
        + signature.recipients.map { "- \(m($0))\n" }.joined() + "\n"
        + signature.authority.map { "**\(m($0))**" }.joined(separator: "  \n") + "\n\n**\(m(signature.name))**\n"
    }
  }

  private static func item(_ item: ListItem, depth: Int) -> String {
    String(repeating: "  ", count: depth) + "- " + inline(item.content) + "\n"
      + item.children.map { self.item($0, depth: depth + 1) }.joined()
  }

  static func inline(_ content: [Inline]) -> String {
    var out = ""
    for run in content {
      switch run {
      case .text(let text), .small(let text), .highlighted(let text, _): out += TextEscaping.markdown(text)
      case .strong(let text): out += "**" + TextEscaping.markdown(text) + "**"
      case .indent: out += "  "
      case .literal(let text): out += text
      }
    }
    return out
  }
}
