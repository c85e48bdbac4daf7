/// A document as a list of blocks, written once and emitted as Markdown or HTML, so both
/// formats say the same thing.
enum DocumentBlock {
  case heading(Int, String)
  case paragraph(String)
  case bullets([String])
  case table([String], [[String]])

  static func markdown(_ blocks: [DocumentBlock]) -> String {
    let e = TextEscaping.markdown
    var out = ""
    for block in blocks {
      switch block {
      case .heading(let level, let text): out += String(repeating: "#", count: level) + " " + e(text) + "\n\n"
      case .paragraph(let text): out += e(text) + "\n\n"
      case .bullets(let items): out += items.map { "- " + e($0) + "\n" }.joined() + "\n"
      case .table(let header, let rows):
        out += "| " + header.map(e).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { out += "| " + row.map(e).joined(separator: " | ") + " |\n" }
        out += "\n"
      }
    }
    return out
  }

  /// The blocks after the page's `<h1>` (see `HTMLPage`).
  static func html(_ blocks: [DocumentBlock]) -> String {
    let h = TextEscaping.html
    var out = ""
    for block in blocks {
      switch block {
      case .heading(let level, let text): out += "<h\(level)>\(h(text))</h\(level)>\n"
      case .paragraph(let text): out += "<p>\(h(text))</p>\n"
      case .bullets(let items): out += "<ul>\n" + items.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
      case .table(let header, let rows):
        out += "<table>\n<tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\(h($0))</td>" }.joined() + "</tr>\n" }
        out += "</table>\n"
      }
    }
    return out
  }
}
