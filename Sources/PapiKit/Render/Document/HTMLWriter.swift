/// Writes a document as one self-contained HTML page (`HTMLPage`): inline CSS chosen by
/// the document's kind (`HTMLStyles`), figures as inline SVG (`SVGFigures`), no script, no
/// network; it prints on A4. Every text is escaped with all five entities.
public struct HTMLWriter: Renderer {
  public init() {}

  public func render(_ document: Document, to sink: inout some OutputSink) {
    sink.write(
      HTMLPage.head(
        title: document.title, language: document.language, css: HTMLStyles.css(document.kind),
        heading: !document.blocks.contains(where: \.isLetterhead)))
    for block in document.blocks { sink.write(Self.html(block)) }
    sink.write("</body>\n</html>\n")
  }

  static func html(_ block: Block) -> String {
    switch block {
    case .heading(let level, let content):
      return "<h\(level)>\(inline(content))</h\(level)>\n"
    case .paragraph(let content, let role):
      let attribute: String
      switch role {
      case .body: attribute = ""
      case .note: attribute = " class=\"note\""
      case .status(let status): attribute = " class=\"flag-\(status.rawValue)\""
      case .basis: attribute = " class=\"basis\""
      case .caption: attribute = " class=\"caption\""
      }
      return "<p\(attribute)>\(inline(content))</p>\n"
    case .list(let items, let role):
      let attribute: String
      switch role {
      case .plain: attribute = ""
      case .flags: attribute = " class=\"flags\""
      case .feedback: attribute = " class=\"feedback\""
      }
      return "<ul\(attribute)>\n" + items.map { item($0) + "\n" }.joined() + "</ul>\n"
    case .table(let table):
      return self.table(table, attribute: table.compact ? " class=\"compact\"" : "")
    case .figures(let figures):
      return "<div class=\"charts\">\n" + figures.map(figure).joined() + "</div>\n"
    case .figure(let content):
      return figure(content)
    case .section(let blocks):
      return "<section class=\"unit\">\n" + blocks.map(html).joined() + "</section>\n"
    case .landscape(let blocks):
      return "<section class=\"landscape\">\n" + blocks.map(html).joined() + "</section>\n"
    case .letterhead(let head):
      return letterhead(head)
    case .signature(let signature):
      return self.signature(signature)
    }
  }

  /// The official head: issuer and number on the left, national title, motto, place and
  /// date on the right; then the kind and summary, centred.
  private static func letterhead(_ head: Letterhead) -> String {
    let h = TextEscaping.html
    var left = head.parent.map { "<div>\(h($0))</div>" } ?? ""
    left += head.issuer.map { "<div><b>\(h($0))</b></div>" }.joined() + "<hr>"
    let right =
      "<div><b>\(h(Letterhead.nationalTitle))</b></div><div class=\"motto\"><b>\(h(Letterhead.motto))</b></div><hr>"
    return "<div class=\"letterhead\">\n<div>\(left)</div><div>\(right)</div>\n"
      + "<div>\(h(head.number))</div><div><i>\(h(head.placeAndDate))</i></div>\n</div>\n"
      + "<p class=\"kind\">\(h(head.kind))</p>\n"
      + head.summary.map { "<p class=\"summary\">\(h($0))</p>\n" }.joined() + "<hr class=\"summary\">\n"
  }

  /// The recipients on the left, the signer on the right.
  private static func signature(_ signature: SignatureBlock) -> String {
    let h = TextEscaping.html
    let recipients = signature.recipients.map { "<div>- \(h($0))</div>" }.joined()
    let signer = signature.authority.map { "<div><b>\(h($0))</b></div>" }.joined()
    return "<div class=\"signature\">\n<div class=\"recipients\"><div><b><i>\(h(signature.recipientsLabel))"
      + "</i></b></div>\(recipients)</div>\n<div class=\"signer\">\(signer)<div class=\"seal\"></div><div><b>"
      + "\(h(signature.name))</b></div></div>\n</div>\n"
  }

  private static func item(_ item: ListItem) -> String {
    var attribute = ""
    switch item.mark {
    case .status(let status): attribute = " class=\"flag-\(status.rawValue)\""
    case .quote: attribute = " class=\"quote\""
    case nil: break
    }
    var out = "<li\(attribute)>" + inline(item.content)
    if !item.children.isEmpty { out += "<ul>" + item.children.map(self.item).joined() + "</ul>" }
    return out + "</li>"
  }

  /// A table inside a box that scrolls sideways when the table is wider than the screen (a
  /// phone), so that no column is cut.
  private static func table(_ table: Table, attribute: String) -> String {
    let h = TextEscaping.html
    var out = "<div class=\"scroll\">\n<table\(attribute)>\n<tr>"
    for column in table.columns {
      out += "<th" + (column.explanation.map { " title=\"\(h($0))\"" } ?? "") + ">" + h(column.title) + "</th>"
    }
    out += "</tr>\n"
    for row in table.rows {
      out +=
        "<tr>"
        + row.map { cell in "<td" + highlightClass(cell.highlight) + ">" + inline(cell.content) + "</td>" }.joined()
        + "</tr>\n"
    }
    return out + "</table>\n</div>\n"
  }

  private static func figure(_ figure: Figure) -> String {
    switch figure {
    case .heatMap(let table, let legend):
      var out = self.table(table, attribute: " class=\"overview\"") + "<p class=\"legend\">"
      for (text, highlight) in legend { out += "<span\(highlightClass(highlight))>\(TextEscaping.html(text))</span>" }
      return out + "</p>\n"
    case .radar(let chart): return SVGFigures.radar(chart)
    case .bars(let chart): return SVGFigures.bars(chart)
    }
  }

  private static func highlightClass(_ highlight: Highlight?) -> String {
    switch highlight {
    case .status(let status): return " class=\"\(status.rawValue)\""
    case .noTarget?: return " class=\"none\""
    case nil: return ""
    }
  }

  static func inline(_ content: [Inline]) -> String {
    let h = TextEscaping.html
    var out = ""
    for run in content {
      switch run {
      case .text(let text), .literal(let text): out += h(text)
      case .strong(let text): out += "<b>\(h(text))</b>"
      case .small(let text): out += "<small>\(h(text))</small>"
      case .highlighted(let text, let highlight): out += "<span\(highlightClass(highlight))>\(h(text))</span>"
      case .indent: out += "&nbsp;&nbsp;"
      }
    }
    return out
  }
}
