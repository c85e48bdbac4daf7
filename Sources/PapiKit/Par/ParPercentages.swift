import Foundation

/// The percentages a result's reason writes as the rate of its own counts ("692/835 hồ sơ,
/// đạt 82,87%"), to check against numerator ÷ denominator (PRODUCT.md §8.3).
///
/// Not every percentage in a reason is that rate: a bound or a target ("chỉ tiêu là trên
/// 98%", "chưa đạt 100%") is not, and neither is the rate of another fraction written
/// just before it ("51.740 triệu đồng/94.561 triệu đồng, đạt 54,7%" on a row counting
/// something else). Dates (30/11/2023) are not fractions.
enum ParPercentages {
  /// A percentage found: as written, its value, and how far the rate may be from it (0.05
  /// points, or half a unit of its last digit when that is more: "92%" stands for 91,5–92,5).
  struct Written: Equatable {
    var text: String
    var value: Double
    var tolerance: Double
  }

  /// Words that make the percentage after them a bound or a target, within three words.
  static let boundWords = [
    "dưới", "trên", "chưa đạt", "không đạt", "vượt", "tối thiểu", "tối đa", "ít nhất", "below", "above", "under",
    "over", "at least", "less than", "more than", "<", ">", "≤", "≥",
  ]

  nonisolated(unsafe) private static let date = try! NSRegularExpression(
    pattern: #"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"#)
  nonisolated(unsafe) private static let fraction = try! NSRegularExpression(
    pattern: #"(?<![\d.,])(\d(?:[\d.,]*\d)?)(?:\s+[^\W\d_]+){0,3}\s*/\s*(\d(?:[\d.,]*\d)?)(?![\d])"#)
  nonisolated(unsafe) private static let percent = try! NSRegularExpression(
    pattern: #"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%"#)

  /// The percentages of `reason` that state `numerator`/`denominator`.
  static func checked(in reason: String, numerator: Double, denominator: Double) -> [Written] {
    // Dates blanked, keeping every other character where it was.
    let text = NSMutableString(string: reason)
    for match in date.matches(in: reason, range: NSRange(location: 0, length: text.length)).reversed() {
      text.replaceCharacters(in: match.range, with: String(repeating: " ", count: match.range.length))
    }
    let blanked = text as String
    let whole = NSRange(location: 0, length: text.length)
    let fractions = fraction.matches(in: blanked, range: whole).compactMap {
      match -> (end: Int, a: Double, b: Double)? in
      guard let a = count(text.substring(with: match.range(at: 1))),
        let b = count(text.substring(with: match.range(at: 2)))
      else { return nil }
      return (match.range.location + match.range.length, a, b)
    }
    var found: [Written] = []
    for match in percent.matches(in: blanked, range: whole) {
      let before = text.substring(to: match.range.location)
      let window = before.split(whereSeparator: \.isWhitespace).suffix(3).joined(separator: " ").lowercased()
      if boundWords.contains(where: { contains(window, word: $0) }) { continue }
      if let prior = fractions.last(where: { $0.end <= match.range.location }),
        abs(prior.a - numerator) > 1e-9 || abs(prior.b - denominator) > 1e-9
      {
        continue
      }
      let number = text.substring(with: match.range(at: 1))
      guard let value = Double(number.replacingOccurrences(of: ",", with: ".")) else { continue }
      let decimals =
        number.firstIndex { $0 == "," || $0 == "." }.map { number.distance(from: $0, to: number.endIndex) - 1 } ?? 0
      let tolerance = max(0.05, 0.5 * pow(10, -Double(decimals)))
      found.append(Written(text: text.substring(with: match.range), value: value, tolerance: tolerance))
    }
    return found
  }

  /// Whether `word` stands in `text` as a word (not inside another).
  private static func contains(_ text: String, word: String) -> Bool {
    var start = text.startIndex
    while let range = text.range(of: word, range: start..<text.endIndex) {
      let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      let letter = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
      if word.first?.isLetter != true || (!letter(before) && !letter(after)) { return true }
      start = range.upperBound
    }
    return false
  }

  /// A count as Vietnamese documents write it: a dot followed by groups of three digits
  /// separates thousands ("1.224" is 1224, "51.740" is 51740); a comma is the decimal mark
  /// ("3,5"); with both, the last one is the decimal mark.
  static func count(_ text: String) -> Double? {
    let digits = text.filter { !$0.isWhitespace }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
      return nil
    }
    let dot = digits.lastIndex(of: ".")
    let comma = digits.lastIndex(of: ",")
    switch (dot, comma) {
    case (let dot?, let comma?):
      let decimalIsComma = comma > dot
      let cleaned = digits.filter { $0 != (decimalIsComma ? "." : ",") }
      return Double(decimalIsComma ? cleaned.replacingOccurrences(of: ",", with: ".") : cleaned)
    case (_?, nil):
      let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
      if groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
        return Double(groups.joined())
      }
      return groups.count == 2 ? Double(digits) : nil
    case (nil, _?):
      let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
      if groups.count > 2 { return groups.dropFirst().allSatisfy({ $0.count == 3 }) ? Double(groups.joined()) : nil }
      return Double(digits.replacingOccurrences(of: ",", with: "."))
    case (nil, nil):
      return Double(digits)
    }
  }
}
