/// A select-multiple cell holding the chosen options: KoboToolbox and ODK write their codes
/// separated by spaces (`yte dien`), Google Forms the chosen labels joined by ", "
/// (`Đăng ký khai sinh, Đất đai, nhà ở`). Options are matched whole, the longest declared
/// one first, so that a label containing the separator is still one option.
struct SelectColumn {
  /// The indicators read from this column, each with the option it scores.
  var targets: [SelectTarget]
  /// The declared options (NFC, trimmed), longest first: those the targets score and the
  /// question's other options (`Indicator.options`).
  let options: [String]
  /// What joins the chosen options; nil: any white space.
  let separator: String?
  private let declared: Set<String>
  /// What stands between options, white space around it aside (`,` for ", "); nil for white
  /// space alone.
  private let mark: [Character]?
  /// Whether some option contains the separator: then a cell cannot simply be split.
  private let optionsContainSeparator: Bool

  init(targets: [SelectTarget], others: [String] = [], separator: String?) {
    self.targets = targets
    let options = Set(targets.map(\.option) + others).subtracting([""])
    self.declared = options
    self.options = options.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    let trimmed = separator?.trimmedNFC ?? ""
    self.separator = trimmed.isEmpty ? nil : separator
    self.mark = trimmed.isEmpty ? nil : Array(trimmed)
    optionsContainSeparator = options.contains { option in
      trimmed.isEmpty ? option.contains { $0.isWhitespace } : option.contains(trimmed)
    }
  }

  /// The declared options chosen in a cell (NFC, trimmed, not empty), and the parts of it
  /// that are none of them.
  func match(_ text: String) -> (chosen: Set<String>, unknown: [String]) {
    if !optionsContainSeparator {
      let parts = split(text)
      let unknown = parts.filter { !declared.contains($0) }
      if unknown.isEmpty { return (Set(parts), []) }
      // A label with white space inside, between commas: matched whole below.
      if mark == nil { return (Set(parts.filter(declared.contains)), unknown) }
    }
    var rest = Array(text)
    var chosen = Set<String>()
    for option in options {
      let wanted = Array(option)
      var start = 0
      while start + wanted.count <= rest.count {
        let end = start + wanted.count
        if rest[start..<end].elementsEqual(wanted) && isBoundary(rest, before: start) && isBoundary(rest, after: end) {
          chosen.insert(option)
          rest.replaceSubrange(start..<end, with: [Self.taken])
          start += 1
        } else {
          start += 1
        }
      }
    }
    let unknown = split(String(rest.flatMap { $0 == Self.taken ? (mark ?? [" "]) : [$0] }))
    return (chosen, unknown)
  }

  /// Stands in for an option already matched.
  private static let taken: Character = "\u{1}"

  private func split(_ text: String) -> [String] {
    let parts =
      mark.map { mark in text.split(separator: String(mark)).map { String($0).trimmedNFC } }
      ?? text.split(whereSeparator: \.isWhitespace).map(String.init)
    return parts.filter { !$0.isEmpty }
  }

  /// Whether an option may end just before `index`: the cell's start, or a separator
  /// (white space around it aside), or an option already matched.
  private func isBoundary(_ text: [Character], before index: Int) -> Bool {
    var position = index - 1
    if let mark {
      while position >= 0 && text[position].isWhitespace { position -= 1 }
      return position < 0 || text[position] == Self.taken
        || (position + 1 >= mark.count && text[(position + 1 - mark.count)...position].elementsEqual(mark))
    }
    return position < 0 || text[position].isWhitespace || text[position] == Self.taken
  }

  private func isBoundary(_ text: [Character], after index: Int) -> Bool {
    var position = index
    if let mark {
      while position < text.count && text[position].isWhitespace { position += 1 }
      return position == text.count || text[position] == Self.taken
        || (position + mark.count <= text.count && text[position..<(position + mark.count)].elementsEqual(mark))
    }
    return position == text.count || text[position].isWhitespace || text[position] == Self.taken
  }
}
