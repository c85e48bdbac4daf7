import Foundation
import Testing

@testable import PapiKit

/// Dates and working days (issue 5): `+30wd` means 30 working days on Vietnam's calendar.
@Suite("Dates and the working-day calendar")
struct CalendarTests {
  static let calendar = Result { try WorkingCalendar.load(path: repoPath("questionnaires/holidays-vn.yaml")) }

  func vn() throws -> WorkingCalendar { try Self.calendar.get() }

  func date(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

  @Test func datesParseStrictlyAndRoundTrip() throws {
    #expect(CivilDate("2024-02-29") != nil)
    #expect(CivilDate("2025-02-29") == nil)
    #expect(CivilDate("2025-2-3") == nil)
    #expect(CivilDate("2025-13-01") == nil)
    #expect(CivilDate("31/03/2025") == nil)
    #expect(CivilDate(" 2025-03-31") == nil)
    // Every day from 1900 to 2100 survives day number → date → day number.
    let first = try date("1900-01-01").dayNumber
    let last = try date("2100-12-31").dayNumber
    for number in stride(from: first, through: last, by: 1) {
      #expect(CivilDate(dayNumber: number).dayNumber == number)
    }
    #expect(try date("1970-01-01").dayNumber == 0)
    #expect(try date("2025-01-29").text(.vi) == "29/01/2025")
  }

  @Test func weekdaysAreRight() throws {
    #expect(try date("1970-01-01").weekday == 4)  // Thursday
    #expect(try date("2025-01-29").weekday == 3)  // mùng 1 Tết Ất Tỵ, a Wednesday
    #expect(try date("2024-09-02").weekday == 1)  // Quốc khánh 2024, a Monday
    #expect(try date("2026-04-26").weekday == 7)  // Giỗ Tổ 2026, a Sunday
  }

  @Test func tetAndHungKingsAreHolidays() throws {
    let calendar = try vn()
    // Tết Ất Tỵ: 25/1–2/2/2025; Tết Bính Ngọ: 14/2–22/2/2026; Giỗ Tổ 2025: 7/4 (10/3 âm lịch).
    for day in [
      "2025-01-27", "2025-01-31", "2026-02-16", "2026-02-20", "2025-04-07", "2024-04-18", "2026-04-27", "2025-09-01",
    ] {
      #expect(!calendar.isWorkingDay(try date(day)), "\(day) is a holiday")
    }
    #expect(calendar.isWorkingDay(try date("2025-02-03")))
    #expect(!calendar.isWorkingDay(try date("2025-02-08")))  // a Saturday
    #expect(calendar.isWorkingDay(try date("2024-05-04")))  // a Saturday worked for 29/4/2024
    #expect(calendar.holidays[try date("2025-01-29").dayNumber]?.vi.contains("Tết") == true)
  }

  @Test func workingDaysSkipTet() throws {
    let calendar = try vn()
    // From Monday 20/1/2025: 21–24/1 are 4 days; 25/1–2/2 is Tết; 3–7/2 and 10/2 are 5–10.
    #expect(try calendar.adding(workingDays: 10, to: date("2025-01-20")) == date("2025-02-10"))
    // The start day does not count; a weekend start counts from Monday.
    #expect(try calendar.adding(workingDays: 1, to: date("2025-01-24")) == date("2025-02-03"))
    #expect(try calendar.adding(workingDays: 1, to: date("2025-03-01")) == date("2025-03-03"))
    // Tết Bính Ngọ 2026: from Friday 13/2, the first working day is Monday 23/2.
    #expect(try calendar.adding(workingDays: 1, to: date("2026-02-13")) == date("2026-02-23"))
    // 30/4–1/5/2024 with Saturday 4/5 worked: from Friday 26/4, +3 is that Saturday.
    #expect(try calendar.adding(workingDays: 3, to: date("2024-04-26")) == date("2024-05-04"))
    #expect(try calendar.adding(workingDays: 0, to: date("2025-01-27")) == date("2025-01-27"))
  }

  @Test func thirtyWorkingDaysAcrossTetCountsEveryDay() throws {
    let calendar = try vn()
    let start = try date("2026-01-26")
    let due = try calendar.adding(workingDays: 30, to: start)
    // Counted independently: weekdays between, minus the weekdays of Tết (16–20/2/2026).
    var weekdays = 0
    for number in (start.dayNumber + 1)...due.dayNumber where CivilDate(dayNumber: number).weekday <= 5 {
      weekdays += 1
    }
    #expect(weekdays - 5 == 30)
    #expect(due == (try date("2026-03-16")))
  }

  @Test func calendarDaysAreCalendarDays() throws {
    let due = try Due("+90d")?.date(from: date("2025-01-01"), calendar: vn(), catalogue: "c.yaml")
    #expect(due == (try date("2025-04-01")))
    #expect(Due("+30wd") == .workingDays(30))
    #expect(Due("2025-03-31") == .date(try date("2025-03-31")))
    #expect(Due("30wd") == nil)
    #expect(Due("+3w") == nil)
    #expect(Due("+-3d") == nil)
  }

  @Test func countingPastTheCalendarIsRefused() throws {
    let calendar = try vn()
    let start = try date("2027-12-15")
    do {
      _ = try calendar.adding(workingDays: 30, to: start)
      Issue.record("expected a refusal")
    } catch {
      let text = error.text(.en)
      #expect(text.contains("holidays-vn.yaml"))
      #expect(text.contains("only covers 2024-01-01 to 2027-12-31"))
      #expect(text.contains("Add 2028's holidays"))
    }
  }

  @Test func malformedCalendarsAreRefusedWithTheirLines() throws {
    func problems(_ yaml: String) -> [String] {
      do {
        _ = try WorkingCalendar.parse(yaml: yaml, source: "h.yaml")
        return []
      } catch {
        return error.diagnostics.map { "\($0.location.line ?? 0): \($0.message.en)" }
      }
    }
    #expect(problems("holidays: []\n") == ["1: missing `covers: {from: …, to: …}`."])
    #expect(
      problems("covers: {from: 2024-01-01, to: 2024-12-31}\nholidays:\n  - {date: 2024-02-30}\n")
        == ["3: holidays: `2024-02-30` is not a date from 1900 to 2199."])
    #expect(
      problems("covers: {from: 01/01/2024, to: 31/12/2024}\nholidays:\n  - {date: 30/4/2024, name: {vi: a, en: b}}\n")
        .isEmpty, "dates written as every output prints them")
    #expect(
      problems("covers: {from: 2024-01-01, to: 2024-12-31}\nholidays:\n  - {from: 2024-02-14, to: 2024-02-08}\n")
        == ["3: holidays: `from` is after `to`."])
    #expect(
      problems("covers: {from: 2024-01-01, to: 2024-12-31}\nweekend: [sunday, caturday]\n") == [
        "2: weekend: `caturday` is not a day of the week."
      ])
  }
}

/// The default task catalogue built from the seed documents (issue 5).
@Suite("The default task catalogue")
struct DefaultCatalogueTests {
  static let loaded = Result { try TaskCatalogue.load(path: repoPath("questionnaires/papi-tasks.yaml")) }

  @Test func itCoversEveryDimensionAndChecksAgainstTheQuestionnaire() throws {
    let catalogue = try Self.loaded.get()
    let papi = try QuestionnaireLoader.load(path: repoPath("questionnaires/papi-2024.yaml"))
    try catalogue.scoped(to: papi).check(questionnaire: papi)
    // The SIPAS part: every element of the satisfaction survey and its total have tasks.
    let sipas = try QuestionnaireLoader.load(path: repoPath("questionnaires/sipas-2024.yaml"))
    let satisfaction = catalogue.scoped(to: sipas)
    try satisfaction.check(questionnaire: sipas)
    for element in sipas.dimensions.map(\.id) + ["total"] {
      #expect(!satisfaction.tasks(for: element).isEmpty, "no SIPAS task for \(element)")
    }
    #expect(satisfaction.tasks.allSatisfy { $0.survey == .sipas })
    #expect(!catalogue.scoped(to: papi).tasks.contains { $0.survey == .sipas })
    for dimension in papi.dimensions {
      let own = catalogue.tasks.filter { task in
        task.appliesTo.contains { TaskCatalogue.coverage(of: $0).contains(dimension.id) }
      }
      #expect(own.count >= 3, "\(dimension.id) has \(own.count) tasks")
      // Every sub-dimension gets tasks: its own, or its dimension's.
      for subdimension in dimension.subdimensions {
        #expect(!catalogue.tasks(for: subdimension.id).isEmpty, "\(subdimension.id)")
      }
    }
    #expect(!catalogue.tasks(for: "total").isEmpty && !catalogue.tasks(for: "rank").isEmpty)
    #expect(catalogue.calendar?.source.hasSuffix("holidays-vn.yaml") == true)
  }

  @Test func itsTextIsBilingualNFCAndItsOfficesAreKnown() throws {
    let catalogue = try Self.loaded.get()
    for task in catalogue.tasks {
      #expect(!task.title.vi.isEmpty && !task.title.en.isEmpty, "\(task.id)")
      #expect(task.title.vi == task.title.vi.precomposedStringWithCanonicalMapping, "\(task.id) is not NFC")
      for office in [task.lead] + task.support {
        #expect(catalogue.office(office) != nil, "\(task.id): office \(office) is not in `offices:`")
      }
      #expect(task.source?.isEmpty == false, "\(task.id) has no source")
    }
    // District offices no longer exist: each says who holds the role since 1 July 2025, in
    // words and by name, in a commune's plan and in a province's; the bodies named are
    // offices of the catalogue that still exist.
    #expect(catalogue.office("Phòng Tư pháp")?.after2025?.vi.contains("Sở Tư pháp") == true)
    #expect(catalogue.office("Phòng Tư pháp")?.successors?.commune == ["Văn phòng HĐND và UBND xã"])
    #expect(catalogue.offices.allSatisfy { !$0.en.isEmpty })
    for office in catalogue.offices {
      guard let successors = office.successors else { continue }
      #expect(office.after2025 != nil, "\(office.name)")
      for holder in successors.commune + successors.province + (successors.ward ?? []) {
        #expect(catalogue.office(holder)?.successors == nil, "\(office.name) → \(holder) is not a current office")
      }
    }
    // A task whose text names an abolished body says how it reads since then.
    let abolished = catalogue.offices.filter { $0.successors != nil }.map(\.name)
    for task in catalogue.tasks
    where abolished.contains(where: { task.title.vi.contains($0) }) || task.title.vi.contains("huyện") {
      #expect(task.since2025 != nil, "\(task.id) names an abolished body but has no since_2025")
    }
    // Every office of the file says which it is: `same`, or its successors.
    let yaml = try String(contentsOfFile: repoPath("questionnaires/papi-tasks.yaml"), encoding: .utf8)
    let offices = yaml.components(separatedBy: "\ntasks:")[0].components(separatedBy: "\n  - name: ").dropFirst()
    #expect(offices.count == catalogue.offices.count)
    for office in offices { #expect(office.contains("since_2025: "), "\(office.prefix(40))") }
  }
}
