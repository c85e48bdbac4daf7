import Foundation

/// Escaping for each output format, so that any text from an export (a commune name, a
/// comment) comes out inert.
enum TextEscaping {
  /// HTML text and attribute values: all five entities, `&` first.
  static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// A Markdown table cell or line: pipes, HTML and Markdown punctuation escaped, newlines
  /// turned into spaces.
  static func markdown(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "|", "\\", "`", "*", "_", "[", "]", "#": out += "\\" + String(character)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r", "\r\n": out += " "
      default: out.append(character)
      }
    }
    return out
  }

  /// A CSV text cell: formula-looking text neutralised with a leading apostrophe (OWASP),
  /// then quoted when it holds the delimiter, a quote, CR or LF (RFC 4180).
  static func csv(_ text: String, delimiter: Character, neutralise: Bool = true) -> String {
    var cell = text
    if neutralise, let first = cell.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
    if cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") {
      return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return cell
  }

  /// A CSV number: unrounded, empty when unknown, with a decimal comma for Excel.
  static func csvNumber(_ value: Double?, excel: Bool) -> String {
    guard let value else { return "" }
    let text = value.description
    return excel ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}
