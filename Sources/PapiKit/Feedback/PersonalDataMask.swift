import Foundation

/// Hides personal data in feedback text before it is stored or shown: phone numbers,
/// e-mail addresses, 9- and 12-digit identity numbers (CMND, CCCD) and house-number
/// addresses. Each becomes a bracketed label, so a reader still sees that something was
/// there ("gọi [số điện thoại]").
public enum PersonalDataMask {
  static let phone = "[số điện thoại]"
  static let email = "[email]"
  static let identity = "[số giấy tờ]"
  static let address = "[địa chỉ]"

  /// In order: a pattern must not see what an earlier one masked (a 12-digit CCCD number
  /// goes before phones, so its first digits are not taken for a phone number).
  private static let rules: [(NSRegularExpression, String)] = {
    let noWordBefore = #"(?<![\p{L}\p{N}])"#
    let noDigitAfter = #"(?![\p{N}])"#
    let houseNumber = #"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*"#
    // Street words in any case, with or without diacritics; a street name starts with a
    // capital letter.
    let streetWord = #"(?i:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\b"#
    let street = "(?:" + streetWord + #"|\p{Lu})"#
    let patterns: [(String, String)] = [
      (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, email),
      // CCCD: 12 digits, the first 0, maybe grouped ("001 203 004 567").
      (noWordBefore + #"0(?:[ .-]?\d){11}"# + noDigitAfter, identity),
      (noWordBefore + #"\d{12}"# + noDigitAfter, identity),
      // A landline with its area code in brackets: "(024) 3825 1234".
      (#"\(0\d{1,3}\)\s?\d{3,4}[ .-]?\d{3,4}"# + noDigitAfter, phone),
      // Mobile (10 digits from 0) and landline (11 from 02), or +84 / 84 and 9–10 digits,
      // grouped by spaces, dots or dashes as people write them, even glued to a label
      // ("sđt0905…"); the shortest reading that ends at a non-digit, so "0905 123 456 2
      // lần" keeps its "2 lần".
      (#"(?<![\p{N}+])(?:\+\s?84|\(\+84\)|84|0)(?:[ .-]?\d){9,10}?"# + noDigitAfter, phone),
      // CMND: 9 digits, together or in threes ("212 345 678").
      (noWordBefore + #"(?:\d{9}|\d{3} \d{3} \d{3})"# + noDigitAfter, identity),
      // "số nhà 12", "Số nhà: 12", "nhà số 7", "so nha 12", "SN 45B": always an address.
      (#"(?i:số\s+nhà|so\s+nha|nhà\s+số|nha\s+so|\bsn)\s*:?\s*"# + houseNumber, address),
      // "số 12 đường …", "số 12 ngõ 34 …", "số 45/2 Nguyễn Trãi": a number before a street.
      (#"(?i:số|so)\s+"# + houseNumber + #"(?=\s*,?\s*"# + street + ")", address),
      // Alleys: "hẻm 12", "ngõ 34/5", "kiệt 7".
      (#"(?i:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s+"# + houseNumber, address),
      // "45/2 Nguyễn Trãi", "12 đường Lê Lợi" (not a date such as "ngày 12/3 Ủy ban …").
      (
        #"(?<![Nn]gày\s)(?<![Tt]háng\s)"# + noWordBefore + #"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+(?=\s+"# + street + ")",
        address
      ),
      (noWordBefore + #"\d+[A-Za-z]?(?=\s+(?i:đường|duong|phố|pho)\s)"#, address),
    ]
    return patterns.map { pattern, label in
      // The patterns are constants of this file: a mistake in one is a programming error.
      (try! NSRegularExpression(pattern: pattern), NSRegularExpression.escapedTemplate(for: label))
    }
  }()

  /// The parts of a masked text between its labels.
  static func unmaskedPieces(_ text: String) -> [Substring] {
    guard text.contains("[") else { return [Substring(text)] }
    var pieces: [Substring] = []
    var rest = Substring(text)
    while let label = [phone, email, identity, address].compactMap({ rest.range(of: $0) }).min(by: {
      $0.lowerBound < $1.lowerBound
    }) {
      pieces.append(rest[..<label.lowerBound])
      let masked = rest[label]
      rest = rest[label.upperBound...]
      // "[địa chỉ] đường Lê Lợi" names a street, not a road in need of repair.
      if masked == address {
        let trimmed = rest.drop { $0 == " " }
        for street in ["đường ", "Đường ", "phố ", "Phố "] where trimmed.hasPrefix(street) {
          rest = trimmed.dropFirst(street.count)
        }
      }
    }
    pieces.append(rest)
    return pieces
  }

  /// `text` with personal data replaced by labels.
  public static func mask(_ text: String) -> String {
    // Most texts have no digit and no @: nothing to look for.
    guard text.contains(where: { $0.isNumber || $0 == "@" }) else { return text }
    var masked = text
    for (pattern, template) in rules {
      masked = pattern.stringByReplacingMatches(
        in: masked, range: NSRange(masked.startIndex..., in: masked), withTemplate: template)
    }
    return masked
  }
}
