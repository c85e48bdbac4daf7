import Foundation

/// A calendar date without a time or a time zone, as deadlines are written in Vietnamese
/// plans ("trước ngày 15/11"). Arithmetic goes through a day number (days since
/// 1970-01-01 in the proleptic Gregorian calendar), so it never depends on the machine's
/// time zone or locale.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), (1...CivilDate.days(in: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// A date known to exist (a constant, or a day checked against its month).
  init(known year: Int, _ month: Int, _ day: Int) {
    precondition((1...12).contains(month) && (1...CivilDate.days(in: month, of: year)).contains(day))
    self.year = year
    self.month = month
    self.day = day
  }

  /// The years a plan, a deadline or a holiday calendar may be about; dates given by the
  /// user (`--start`, `--today`, deadlines, calendars) must fall in them.
  public static let plausible = 1900...2199

  /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date).
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Parses a date as an officer types it: `YYYY-MM-DD`, or `DD/MM/YYYY` as every output
  /// prints dates (`6/1/2025` too): on the command line and in configuration files.
  public init?(typed text: String) {
    if let iso = CivilDate(text) {
      self = iso
      return
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Today in Vietnam (UTC+7), the offices' calendar.
  public static func today() -> CivilDate {
    CivilDate(dayNumber: Int((Date().timeIntervalSince1970 + 7 * 3600) / 86400))
  }

  public init(dayNumber: Int) {
    // Howard Hinnant's civil_from_days.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
  public var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// As Vietnamese documents write dates: 15/11/2024.
  public var vietnamese: String { String(format: "%02d/%02d/%04d", day, month, year) }

  /// "6 January 2026".
  public var english: String {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ]
    return "\(day) \(months[month - 1]) \(year)"
  }

  public func text(_ language: Language) -> String { language == .vi ? vietnamese : description }

  /// The date given for a command-line option, refused unless it falls in `plausible`.
  static func checked(_ date: CivilDate?, option: String) throws(PapiError) -> CivilDate? {
    guard let date, !plausible.contains(date.year) else { return date }
    throw PapiError(
      .invalidInput, file: option, value: date.description,
      message: L(
        "năm \(date.year) nằm ngoài khoảng \(plausible.lowerBound)–\(plausible.upperBound).",
        "the year \(date.year) is outside \(plausible.lowerBound)–\(plausible.upperBound)."),
      fix: L(
        "Viết một ngày DD/MM/YYYY hoặc YYYY-MM-DD từ năm 1900 đến 2199.",
        "Give a DD/MM/YYYY or YYYY-MM-DD date from 1900 to 2199."))
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
