import Foundation

/// The patterns `PersonalDataMask` looks for, in families (phones, identity numbers, e-mails,
/// addresses) rather than examples, and the look-alikes that must stay. They read the folded
/// text (see `PersonalDataMask.fold`): full-width digits, non-breaking spaces and en dashes are
/// already ASCII here.
enum PersonalDataPatterns {
  struct Rule: @unchecked Sendable {
    var pattern: NSRegularExpression
    var label: String
    /// A second look at a match, for what a pattern cannot say (how many digits, which word
    /// comes before).
    var accepts: @Sendable (NSString, NSRange) -> Bool = { _, _ in true }
  }

  /// The patterns are constants of this file: a mistake in one is a programming error.
  private static func regex(_ pattern: String) -> NSRegularExpression {
    try! NSRegularExpression(pattern: pattern)
  }

  // MARK: Pieces

  private static let noDigitBefore = #"(?<!\p{N})"#
  private static let noWordBefore = #"(?<![\p{L}\p{N}])"#
  private static let noNumberBefore = #"(?<![\p{L}\p{N}/.,+-])"#
  private static let wordEnd = #"(?![\p{L}\p{N}])"#
  /// What people put between digit groups: spaces, dots, dashes, slashes, underscores, the
  /// bracket after an area code; up to three of them ("0918 - 254", "(024)-3823").
  private static let digitGap = #"[ ._/)-]{0,3}"#
  private static let houseNumber = #"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*"# + wordEnd
  private static let streetWord = #"(?i:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)(?![\p{L}])"#
  /// A street's name: at least two capitalised syllables ("Lê Lợi", "Ông Ích Khiêm").
  private static let streetName = #"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+"#
  private static let dot =
    #"(?:\.|\s{1,2}\.\s{1,2}|\.\s{1,2}(?=(?i:com|net|org|vn|edu|gov|info|io)\b)"#
    + #"|\s*[(\[{]\s*(?i:dot|chấm|cham)\s*[)\]}]\s*|\s+(?:dot|DOT|Dot|chấm|cham)\s+)"#
  private static let domainLabel = #"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?"#
  private static let mailName = #"(?<![\p{L}\p{N}._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?"#

  // MARK: Look-alikes

  /// Not inside a longer chain of digit groups ("0779.30.52.81" is not a date).
  private static let dateStart = #"(?<!\p{N})(?<!\p{N}[/.-])"#
  private static let day = #"(?:0?[1-9]|[12]\d|3[01])"#
  private static let month = #"(?:0?[1-9]|1[0-2])"#

  /// Dates, amounts and document numbers: a personal-data match that overlaps one is not one.
  static let lookAlikes: [NSRegularExpression] = [
    // 12/03/2025, 01-7-2025, 8.3.25, 03/2025 (not the "12.34.56" inside a phone number).
    dateStart + day + #"[/.-]"# + month + #"[/.-](?:(?:19|20)\d{2}|\d{2})(?![\p{N}]|[/.-]\p{N})"#,
    dateStart + month + #"[/-](?:19|20)\d{2}(?![\p{N}]|[/.-]\p{N})"#,
    #"(?i:ngày|ngay|hôm|hom|mùng|mung|sáng|chiều|tối)\s+\d{1,2}/\d{1,2}"#,
    // 150/2025/NĐ-CP, 1234/QĐ-UBND, 104/2016/QH13.
    #"\d+/(?:\d{2,4}/)?\p{Lu}"#,
    // 1.500.000 đồng, 150 000 đ, 2.500.000đ/tháng, 12.345.678 VNĐ.
    #"\d{1,3}(?:[., ]\d{3})+(?:,\d+)?\s?"#
      + #"(?=(?i:đồng|đ(?!\p{L})|vnđ|vnd|dong|usd|triệu|trieu|tỷ|nghìn|ngàn|ngan|nghin))"#,
  ].map(regex)

  // MARK: Rules

  /// In order: a later rule does not take what an earlier one took (an e-mail's digits are
  /// not a phone, a 12-digit CCCD is not a phone and two digits).
  static let rules: [Rule] = [
    // name@domain.vn, x@localhost, "x @ gmail . com", "x(@)gmail.com", full-width ＠ and ．.
    Rule(
      pattern: regex(mailName + #"(?:\s{0,2}@\s{0,2}|\s*\(@\)\s*)"# + domainLabel + "(?:" + dot + domainLabel + ")*"),
      label: PersonalDataMask.email),
    // "x(at)gmail(dot)com", "x [at] gmail.com", "x at gmail dot com", "x a còng gmail chấm com":
    // a word for the at sign needs a dotted domain after it.
    Rule(
      pattern: regex(
        mailName + #"(?:\s*[(\[{]\s*(?i:at|a còng|a cong)\s*[)\]}]\s*|\s+(?:at|AT|At|a còng|a cong|A CÒNG|A CONG)\s+)"#
          + domainLabel + "(?:" + dot + domainLabel + ")+"),
      label: PersonalDataMask.email),
    // CCCD: 12 digits from 0, grouped or not, even glued to its name ("cccd001089…").
    Rule(
      pattern: regex(noDigitBefore + #"0\d{2}(?:[ ._-]{0,2}\d){9}(?!\p{N})"#), label: PersonalDataMask.identity),
    Rule(pattern: regex(noWordBefore + #"\d{12}(?!\p{N})"#), label: PersonalDataMask.identity),
    // Phones: a mobile (10 digits from 0), a landline (11 from 02, the area code maybe in
    // brackets), or +84 / 84 / 0084 and 9–10 digits; in any grouping; the shortest reading
    // that ends at a non-digit, so "0905 123 456 2 lần" keeps its "2 lần".
    Rule(
      pattern: regex(
        #"(?<![\p{N}+])(?:\(\+84\)|\(?\+\s?84|\(?0084|84|\(?0)(?:"# + digitGap + #"\d){9,10}?(?!\p{N})"#),
      label: PersonalDataMask.phone, accepts: isPhoneNumber),
    // CMND: 9 digits, together or in threes ("212 345 678", "191.482.657"), even glued to
    // its name ("cmnd201583746").
    Rule(
      pattern: regex(
        #"(?:(?<=(?i:cmnd|cmt|cccd))|(?<![\p{L}\p{N}]))(?:\d{9}|\d{3}([ ._-]{1,2})\d{3}\1\d{3})(?![\p{N}]|[.,]\d)"#),
      label: PersonalDataMask.identity, accepts: { text, range in !text.substring(with: range).hasSuffix("000") }),
    // "số nhà 12", "Số nhà: 12", "nhà số 7", "so nha 12", "SN 45B", "căn hộ số 1506".
    Rule(
      pattern: regex(
        #"(?i:số\s+nhà|so\s+nha|nhà\s+số|nha\s+so|căn\s+hộ(?:\s+số)?|can\s+ho(?:\s+so)?|(?<!\p{L})sn)\s*:?\s*"#
          + houseNumber),
      label: PersonalDataMask.address),
    // "số 12 đường …", "số 12 ngõ 34 …", "số 45/2 Nguyễn Trãi": a number before a street.
    Rule(
      pattern: regex(
        #"(?<!\p{L})(?i:số|so)\s+"# + houseNumber + #"(?=\s*,?\s*"# + streetWord + #"|\s+"# + streetName + ")"),
      label: PersonalDataMask.address, accepts: { !follows(notAHouse, $0, $1) }),
    // Alleys: "hẻm 12", "ngõ 34/5", "kiệt 7", and Đà Nẵng's "K25/14".
    Rule(
      pattern: regex(#"(?<!\p{L})(?i:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s+"# + houseNumber),
      label: PersonalDataMask.address),
    Rule(pattern: regex(noWordBefore + #"K\d+(?:/\d+)+[A-Za-z]?"# + wordEnd), label: PersonalDataMask.address),
    // "45/2 Nguyễn Trãi", "12 đường Lê Lợi" (not "năm 2025 đường ống").
    Rule(
      pattern: regex(noNumberBefore + #"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+"# + wordEnd + #"(?=\s+"# + streetName + ")"),
      label: PersonalDataMask.address, accepts: { !follows(notAHouse, $0, $1) }),
    Rule(
      pattern: regex(noNumberBefore + houseNumber + #"(?=\s+(?i:đường|duong|phố|pho)\s+[\p{Lu}\p{N}])"#),
      label: PersonalDataMask.address, accepts: { !follows(notAHouse, $0, $1) }),
    // "Địa chỉ: 24 Lý Tự Trọng", "cạnh 99 Nguyễn Chí Thanh": a bare number before a
    // street's name, unless a word before it makes it a date, a ward, a route or a rank.
    Rule(
      pattern: regex(noNumberBefore + houseNumber + #"(?=\s+"# + streetName + ")"),
      label: PersonalDataMask.address, accepts: { !follows(notAHouse, $0, $1) }),
  ]

  // MARK: Second looks

  /// A phone number has 10 or 11 digits from a 0 (not 00), or 9 or 10 after the country
  /// code.
  static func isPhoneNumber(_ text: NSString, _ range: NSRange) -> Bool {
    let match = text.substring(with: range)
    let digits = match.unicodeScalars.filter { ("0"..."9").contains($0) }.map { Int($0.value) - 48 }
    let international =
      match.hasPrefix("+") || match.hasPrefix("(+") || !match.hasPrefix("0") && !match.hasPrefix("(0")
      || match.hasPrefix("0084") || match.hasPrefix("(0084")
    if international {
      let local = digits.dropFirst(match.contains("0084") ? 4 : 2)
      return (9...10).contains(local.count) && local.first != 0
    }
    return (10...11).contains(digits.count) && digits[1] != 0
  }

  /// Words after which a number is not a house: dates, routes, plots, rooms, ranks.
  static let notAHouse: Set<String> = [
    "năm", "nam", "ngày", "ngay", "tháng", "thang", "lúc", "luc", "tuyến", "tuyen", "buýt", "buyt", "thửa", "thua",
    "tờ", "phòng", "phong", "tầng", "tang", "lớp", "lop", "km", "điều", "dieu", "khoản", "khoan", "lần", "lan",
    "phường", "phuong", "quận", "quan", "tổ", "khu", "ấp", "thôn", "thon", "xóm", "xom", "lô", "thứ", "hạng",
    "kỳ", "đợt", "mã", "ma", "hiệu", "định", "văn", "quyết", "bản", "đồ", "đường", "duong", "phố", "lộ", "khóa",
    "chương", "mục", "giờ", "độ", "cấp", "đoạn", "hơn", "gần", "khoảng", "có", "được", "với",
  ]

  /// Whether the word (or colon) just before `range` is one of `words`, in lower case.
  static func follows(_ words: Set<String>, _ text: NSString, _ range: NSRange) -> Bool {
    let before = text.substring(to: range.location).trimmingCharacters(in: .whitespaces)
    if before.hasSuffix(":") { return words.contains(":") }
    let word = before.reversed().prefix { $0.isLetter }
    return words.contains(String(word.reversed()).lowercased())
  }
}
