/// Pads or cuts text to a display width (NFC Vietnamese letters are one column each).
func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
  let count = text.count
  if count > width { return String(text.prefix(max(0, width - 1))) + "…" }
  let pad = String(repeating: " ", count: width - count)
  return right ? pad + text : text + pad
}

/// Text from an export as a terminal may show it: control characters and bidirectional
/// overrides (an escape sequence in a commune's name could recolour or rewrite the screen)
/// written out as `\u001B`, `\u202E`.
func printable(_ text: String) -> String {
  TextEscaping.visible(text)
}

/// Splits text into lines of at most `width` characters at spaces; lines after the first are
/// indented by `indent`.
func wrap(_ text: String, width: Int, indent: Int) -> [String] {
  var lines: [String] = []
  var current = ""
  for word in text.split(separator: " ", omittingEmptySubsequences: false) {
    let limit = lines.isEmpty ? width : width - indent
    if !current.isEmpty && current.count + 1 + word.count > limit {
      lines.append(current)
      current = String(word)
    } else {
      current += current.isEmpty ? String(word) : " " + word
    }
  }
  if !current.isEmpty { lines.append(current) }
  return lines.enumerated().map { $0.offset == 0 ? $0.element : String(repeating: " ", count: indent) + $0.element }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}

/// What the command line prints besides rendered outputs (messages, short answers).
public enum ConsoleText {
  /// `text` with control characters and bidirectional overrides escaped (`\u001B`,
  /// `\u202E`); its own line breaks kept.
  public static func safe(_ text: String) -> String {
    TextEscaping.visible(text, keeping: ["\n"])
  }
}
