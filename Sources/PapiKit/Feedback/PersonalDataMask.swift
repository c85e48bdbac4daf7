import Foundation

/// Hides personal data in feedback text before it is stored or shown: phone numbers,
/// e-mail addresses (also written "(at)", "a còng", "chấm com"), 9- and 12-digit identity
/// numbers (CMND, CCCD) and house-number addresses. Each becomes a bracketed label, so a
/// reader still sees that something was there ("gọi [số điện thoại]").
///
/// The patterns read a folded copy of the text in which full-width forms, unusual spaces and
/// dashes are their ASCII forms, one UTF-16 unit for one, so a range found in the copy is the
/// same range in the text, which keeps everything around the personal data as it was written.
public enum PersonalDataMask {
  static let phone = "[số điện thoại]"
  static let email = "[email]"
  static let identity = "[số giấy tờ]"
  static let address = "[địa chỉ]"

  /// `text` with personal data replaced by labels.
  public static func mask(_ text: String) -> String {
    guard mayHold(text) else { return text }
    let folded = fold(text) as NSString
    let whole = NSRange(location: 0, length: folded.length)
    // What each family needs before its patterns are worth running: a phone or an identity
    // number has at least 9 digits, an address one, an e-mail an at sign or a word for it.
    let digits = (folded as String).utf8.count { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    let atSign = mayHoldAtSign(folded as String)
    // Dates, amounts and document numbers are never personal data: what overlaps one is
    // not taken.
    var taken =
      digits == 0
      ? []
      : PersonalDataPatterns.lookAlikes.flatMap { pattern in
        pattern.matches(in: folded as String, range: whole).map(\.range)
      }
    var found: [(NSRange, String)] = []
    for rule in PersonalDataPatterns.rules {
      let worth =
        switch rule.label {
        case email: atSign
        case address: digits > 0
        default: digits >= 9
        }
      guard worth else { continue }
      var start = 0
      while start < folded.length,
        let match = rule.pattern.firstMatch(
          in: folded as String, options: [.withTransparentBounds, .withoutAnchoringBounds],
          range: NSRange(location: start, length: folded.length - start))
      {
        let range = match.range
        let free = !taken.contains { NSIntersectionRange($0, range).length > 0 }
        if free && range.length > 0 && rule.accepts(folded, range) {
          found.append((range, rule.label))
          taken.append(range)
          start = NSMaxRange(range)
        } else {
          // A later start may still hold a match the rejected one hid.
          start = range.location + 1
        }
      }
    }
    guard !found.isEmpty else { return text }
    let masked = NSMutableString(string: text)
    for (range, label) in found.sorted(by: { $0.0.location > $1.0.location }) {
      masked.replaceCharacters(in: range, with: label)
    }
    return masked as String
  }

  /// Whether `text` can hold anything the patterns look for: a digit, an at sign or a word
  /// standing for one. Most texts have none.
  static func mayHold(_ text: String) -> Bool {
    // ASCII digits, or full-width ones (EF BC 90…99 in UTF-8).
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if (0x30...0x39).contains(byte) || previous == 0xBC && (0x90...0x99).contains(byte) { return true }
      previous = byte
    }
    return mayHoldAtSign(text)
  }

  /// Whether `text` has an at sign or a word that may stand for one ("at", "a còng").
  static func mayHoldAtSign(_ text: String) -> Bool {
    // The last five UTF-8 bytes, ASCII letters in lower case: "@", "＠" (EF BC A0), "at",
    // "cong", "còng".
    var window: UInt64 = 0
    for byte in text.utf8 {
      window = window << 8 | UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
      if byte == 0x40 || window & 0xFF_FFFF == 0xEF_BCA0 || window & 0xFFFF == 0x6174
        || window & 0xFFFF_FFFF == 0x636F_6E67 || window & 0xFF_FFFF_FFFF == 0x63_C3B2_6E67
      {
        return true
      }
    }
    return false
  }

  /// `text` with full-width ASCII, spaces of every width and dashes as their ASCII forms;
  /// each scalar becomes one of the same UTF-16 length.
  static func fold(_ text: String) -> String {
    var folded = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: folded.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: folded.append(" ")
      case 0x2010...0x2015, 0x2212, 0xFE63: folded.append("-")
      case 0x3002, 0xFF61: folded.append(".")
      default: folded.append(scalar)
      }
    }
    return String(folded)
  }

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
}
