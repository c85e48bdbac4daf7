import Foundation

/// The current time as ISO 8601 (UTC), for the import log and the action history.
func timestampNow() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: Date())
}

/// A stored time (ISO 8601, UTC) as a person in Vietnam reads it: Hanoi time,
/// `28/02/2025 14:05` in Vietnamese and `2025-02-28 14:05` in English, both with `(UTC+7)`
/// left out since every time papi shows is local. JSON keeps the ISO text.
public enum LocalTime {
  /// Vietnam's time zone (UTC+7 all year, no daylight saving).
  static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

  public static func text(_ iso: String, _ language: Language) -> String {
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime]
    guard let date = parser.date(from: iso) else { return iso }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    let clock = two(parts.hour ?? 0) + ":" + two(parts.minute ?? 0)
    return language == .vi
      ? "\(two(day))/\(two(month))/\(year) \(clock)" : "\(year)-\(two(month))-\(two(day)) \(clock)"
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
