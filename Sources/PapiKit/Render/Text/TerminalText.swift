/// Pads or cuts text to a display width (NFC Vietnamese letters are one column each).
func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
  let count = text.count
  if count > width { return String(text.prefix(max(0, width - 1))) + "…" }
  let pad = String(repeating: " ", count: width - count)
  return right ? pad + text : text + pad
}

/// Text from an export as a terminal may show it: control characters (an escape sequence in
/// a commune's name could recolour or rewrite the screen) become U+FFFD.
func printable(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 }))
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
