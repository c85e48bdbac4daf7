import Foundation

/// LimeSurvey's export headings: besides the bare question code (`G01Q01`, `Q[SQ001]`), it
/// writes "code. text" (`G01Q01. How satisfied …`) and "text [code]" (`How satisfied …
/// [G01Q01]`, `Which … [Label] [G01Q02[SQ001]]`). Both are matched by their code.
enum LimeSurveyHeading {
  /// The code a heading carries, when it is written in one of the two styles.
  static func code(_ heading: String) -> String? {
    if let dot = heading.range(of: ". ") {
      let code = heading[..<dot.lowerBound]
      if isCode(code) { return String(code) }
    }
    if let (code, _) = lastBracket(heading), isCode(code) { return String(code) }
    return nil
  }

  /// The text in a heading's last brackets, and the heading before them: `Which … [Khác]`
  /// gives `Khác`. Brackets inside the brackets are kept (`G01Q02[SQ001]`).
  static func lastBracket(_ heading: String) -> (inside: Substring, before: Substring)? {
    guard heading.hasSuffix("]") else { return nil }
    var depth = 0
    var index = heading.endIndex
    while index > heading.startIndex {
      index = heading.index(before: index)
      if heading[index] == "]" { depth += 1 }
      if heading[index] == "[" {
        depth -= 1
        if depth == 0 {
          let inside = heading[heading.index(after: index)..<heading.index(before: heading.endIndex)]
          return (inside, heading[..<index])
        }
      }
    }
    return nil
  }

  /// The label of a checkbox option in a heading (`… [Đăng ký khai sinh]` in either style),
  /// which LimeSurvey may write in the cell instead of `Y`.
  static func optionLabel(_ heading: String) -> String? {
    var text = Substring(heading)
    if let dot = heading.range(of: ". "), isCode(heading[..<dot.lowerBound]) {
      text = heading[dot.upperBound...]
    } else if let (code, before) = lastBracket(heading), isCode(code) {
      text = before
    }
    let trimmed = String(text).trimmedNFC
    return lastBracket(trimmed).map { String($0.inside).trimmedNFC }
  }

  /// A question or answer code: letters, digits, `_` and brackets, no spaces.
  private static func isCode(_ text: Substring) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "[" || $0 == "]" }
      && text.first != "["
  }

  /// Whether a header is a LimeSurvey export headed by full question texts, without codes
  /// (its English `Response ID` and `Date submitted`).
  static func isFullText(_ header: [String]) -> Bool {
    Set(header.map { $0.lowercased() }).isSuperset(of: ["response id", "date submitted"])
  }

  /// Whether a header is a LimeSurvey response export: its `id`, `submitdate` and `lastpage`.
  static func isLayout(_ header: [String]) -> Bool {
    let codes = Set(header.map { (code($0) ?? $0).lowercased() })
    return codes.isSuperset(of: ["id", "submitdate", "lastpage"])
  }
}
