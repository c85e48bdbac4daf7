/// Writes a document as one self-contained HTML page (`HTMLPage`): inline CSS chosen by
/// the document's kind (`HTMLStyles`), figures as inline SVG (`SVGFigures`), no script, no
/// network; it prints on A4. Every text is escaped with all five entities.
public struct HTMLWriter: Renderer {
  public init() {}

  public func render(_ document: Document, to sink: inout some OutputSink) {
    sink.write(HTMLPage.head(title: document.title, language: document.language, css: HTMLStyles.css(document.kind)))
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
      return self.table(table, attribute: "")
    case .figures(let figures):
      return "<div class=\"charts\">\n" + figures.map(figure).joined() + "</div>\n"
    case .figure(let content):
      return figure(content)
    case .section(let blocks):
      return "<section class=\"unit\">\n" + blocks.map(html).joined() + "</section>\n"
    }
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

  private static func table(_ table: Table, attribute: String) -> String {
    let h = TextEscaping.html
    var out = "<table\(attribute)>\n<tr>"
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
    return out + "</table>\n"
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
