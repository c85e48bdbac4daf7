import Foundation

/// Escaping for each output format, so that any text from an export (a commune name, a
/// comment) comes out inert.
enum TextEscaping {
  /// Whether a scalar could change how the text around it is shown rather than be shown:
  /// C0 and C1 controls (an ESC sequence recolours or rewrites a terminal), DEL, the line
  /// and paragraph separators and the bidirectional formatting characters (U+202E shows
  /// "exe.txt" as "txt.exe").
  static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `text` with every invisible control written as `\u` and four hex digits (`\u202E`),
  /// so a reader sees that it is there and it cannot act; `kept` are controls the format
  /// itself gives a meaning (a newline in a paragraph or a quoted CSV field).
  static func visible(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
    guard text.unicodeScalars.contains(where: { isInvisibleControl($0) && !kept.contains($0) }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isInvisibleControl(scalar) && !kept.contains(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// HTML text and attribute values: all five entities, `&` first.
  static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in visible(text, keeping: ["\n"]) {
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
    for character in visible(text, keeping: ["\n", "\r"]) {
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
    var cell = visible(text, keeping: ["\n", "\r", "\t"])
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
