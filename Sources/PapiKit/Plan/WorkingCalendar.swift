import Foundation
import Yams

/// The working days of state agencies: weekdays minus public holidays, plus the weekend days
/// worked to make up for a swapped day (`questionnaires/holidays-vn.yaml`). Deadlines in
/// working days (`+30wd`) are counted on it; a date outside the years the file covers is
/// refused, never guessed.
public struct WorkingCalendar: Sendable {
  public var source: String
  public var covers: ClosedRange<CivilDate>
  /// ISO weekdays that are rest days (6 = Saturday, 7 = Sunday).
  public var weekend: Set<Int>
  /// Day numbers of holidays, with their names.
  public var holidays: [Int: LocalizedText]
  /// Day numbers of weekend days that are working days.
  public var workdays: Set<Int>

  public func isWorkingDay(_ date: CivilDate) -> Bool {
    let number = date.dayNumber
    if workdays.contains(number) { return true }
    return !weekend.contains(date.weekday) && holidays[number] == nil
  }

  /// The `count`-th working day after `start` (the start day itself is not counted).
  public func adding(workingDays count: Int, to start: CivilDate) throws(PapiError) -> CivilDate {
    var date = start
    var left = count
    while left > 0 {
      date = date.adding(days: 1)
      guard covers.contains(date) else {
        throw PapiError(
          file: source, value: date.description,
          message: L(
            "lịch ngày nghỉ chỉ có từ \(covers.lowerBound.vietnamese) đến \(covers.upperBound.vietnamese); không "
              + "tính được \(count) ngày làm việc từ \(start.vietnamese).",
            "the holiday calendar only covers \(covers.lowerBound) to \(covers.upperBound); cannot count \(count) "
              + "working days from \(start)."
          ),
          fix: L(
            "Thêm các ngày nghỉ của năm \(date.year) vào tệp lịch (holidays:, workdays:, covers:), hoặc chọn --start "
              + "sớm hơn.",
            "Add \(date.year)'s holidays to the calendar file (holidays:, workdays:, covers:), or choose an earlier "
              + "--start."
          ))
      }
      if isWorkingDay(date) { left -= 1 }
    }
    return date
  }

  public static func load(path: String) throws(PapiError) -> WorkingCalendar {
    try parse(
      yaml: try ConfigReader.text(path, kind: L("lịch ngày nghỉ", "holiday calendar"), option: "calendar:"),
      source: path)
  }

  public static func parse(yaml: String, source: String) throws(PapiError) -> WorkingCalendar {
    let root = try ConfigReader.root(yaml, source: source, format: "questionnaires/holidays-vn.yaml")
    var reader = ConfigReader(source: source)
    guard reader.mapping(root, "calendar", allowed: ["id", "title", "covers", "weekend", "holidays", "workdays"]) else {
      throw PapiError(reader.problems)
    }
    _ = reader.string(root, "id", context: "calendar", required: false)
    _ = reader.localized(ConfigReader.value(root, "title"), context: "title")
    let covers = ConfigReader.value(root, "covers")
    reader.mapping(covers, "covers", allowed: ["from", "to"])
    let from = reader.date(ConfigReader.value(covers, "from"), context: "covers.from")
    let to = reader.date(ConfigReader.value(covers, "to"), context: "covers.to")
    if covers == nil {
      reader.problem(
        root, L("thiếu `covers: {from: …, to: …}`.", "missing `covers: {from: …, to: …}`."),
        L(
          "Ghi khoảng ngày mà tệp liệt kê đủ ngày nghỉ.",
          "Give the range of dates whose holidays the file lists in full."))
    }
    var weekend: Set<Int> = []
    let dayNames = ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7]
    for name in reader.names(ConfigReader.value(root, "weekend"), context: "weekend") {
      if let day = dayNames[name.lowercased()] {
        weekend.insert(day)
      } else {
        reader.problem(
          ConfigReader.value(root, "weekend"),
          L("weekend: `\(name)` không phải tên ngày trong tuần.", "weekend: `\(name)` is not a day of the week."),
          L("Dùng saturday, sunday….", "Use saturday, sunday…."))
      }
    }
    if ConfigReader.value(root, "weekend") == nil { weekend = [6, 7] }
    var holidays: [Int: LocalizedText] = [:]
    var workdays: Set<Int> = []
    for (key, isHoliday) in [("holidays", true), ("workdays", false)] {
      let context = ConfigReader.Context(key)
      for item in reader.sequence(ConfigReader.value(root, key), context) {
        guard reader.mapping(item, context, allowed: ["date", "from", "to", "name", "status"]) else { continue }
        let name = reader.localized(ConfigReader.value(item, "name"), context: context) ?? L("", "")
        _ = reader.string(item, "status", context: context, required: false)
        let single = ConfigReader.value(item, "date")
        let first =
          single != nil
          ? reader.date(single, context: context)
          : reader.date(ConfigReader.value(item, "from"), context: "\(key).from")
        let last = single != nil ? first : reader.date(ConfigReader.value(item, "to"), context: "\(key).to")
        guard let first, let last, first <= last else {
          if single == nil && ConfigReader.value(item, "from") == nil {
            reader.problem(
              item,
              L(
                "\(key): mỗi mục cần `date:` hoặc `from:`/`to:`.",
                "\(key): each entry needs `date:` or `from:`/`to:`."),
              L("", ""))
          } else if let first, let last, first > last {
            reader.problem(
              item, L("\(key): `from` sau `to`.", "\(key): `from` is after `to`."),
              L("Đổi chỗ hai ngày.", "Swap the two dates."))
          }
          continue
        }
        for number in first.dayNumber...last.dayNumber {
          if isHoliday { holidays[number] = name } else { workdays.insert(number) }
        }
      }
    }
    guard reader.problems.isEmpty, let from, let to, from <= to else {
      if reader.problems.isEmpty {
        reader.problem(
          covers, L("covers: `from` phải trước `to`.", "covers: `from` must come before `to`."), L("", ""))
      }
      throw PapiError(reader.problems)
    }
    return WorkingCalendar(source: source, covers: from...to, weekend: weekend, holidays: holidays, workdays: workdays)
  }
}
