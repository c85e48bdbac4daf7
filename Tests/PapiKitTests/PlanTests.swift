import Foundation
import GRDB
import Testing

@testable import PapiKit

/// Improvement plans and the action register (issue 5): flags become actions with stable ids,
/// plans are idempotent, the history is append-only, and a later wave re-measures each action.
@Suite("Improvement plans and the action register")
struct PlanTests {
  // MARK: Typed as officers type them (issue 15)

  @Test func datesAreTypedAsOutputsPrintThem() {
    #expect(CivilDate(typed: "06/01/2025") == CivilDate(year: 2025, month: 1, day: 6))
    #expect(CivilDate(typed: "6/1/2025") == CivilDate(year: 2025, month: 1, day: 6))
    #expect(CivilDate(typed: "2025-01-06") == CivilDate(year: 2025, month: 1, day: 6))
    for wrong in ["31/02/2025", "2025/01/06", "06-01-2025", "6/1/25", "06/13/2025", "０６/01/2025", ""] {
      #expect(CivilDate(typed: wrong) == nil, "\(wrong)")
    }
    #expect(CivilDate("06/01/2025") == nil, "stored dates are ISO; CivilDate(typed:) reads what people write")
    // Configuration files take the same: a task's deadline, a calendar's holiday.
    #expect(Due("30/06/2025") == .date(CivilDate(year: 2025, month: 6, day: 30)!))
    #expect(Due("2025-06-30") == .date(CivilDate(year: 2025, month: 6, day: 30)!))
    #expect(Due("31/06/2025") == nil)
  }

  @Test func statusesAreTypedInVietnameseOrByCode() {
    let typed: [(String, ActionStatus)] = [
      ("xong", .done), ("Đã hoàn thành", .done), ("hoan thanh", .done), ("done", .done),
      ("đang thực hiện", .inProgress), ("Đang làm", .inProgress), ("in_progress", .inProgress),
      ("in-progress", .inProgress), ("chưa thực hiện", .open), ("open", .open), ("Hủy", .dropped),
      ("đã hủy", .dropped), ("dropped", .dropped),
    ]
    for (text, status) in typed { #expect(ActionStatus(typed: text) == status, "\(text)") }
    for wrong in ["finished", "xong rồi", ""] { #expect(ActionStatus(typed: wrong) == nil, "\(wrong)") }
  }

  /// One dimension, one sub-dimension, one yes/no indicator, so every score is worked by
  /// hand: d1 = d1.1 = 1 + 9·p.
  static let questionnaire = """
    id: plan-fixture
    kind: papi
    title: {vi: "Khảo sát thử", en: "Test survey"}
    respondent: {id: [id], unit: commune_code, unit_name: commune_name, parent: province_code}
    dimensions:
      - id: d1
        name: {vi: "Tham gia của người dân ở cấp cơ sở", en: "Participation at Local Levels"}
        subdimensions:
          - id: d1.1
            name: {vi: "Tri thức công dân", en: "Civic knowledge"}
            indicators:
              - {id: d1.1.a, column: q1, type: binary, yes: ["1"], no: ["0"], text: {vi: "Biết về Pháp lệnh dân\
     chủ", en: "Knows the grassroots democracy ordinance"}}
    """

  static let catalogue = """
    id: fixture-tasks
    title: {vi: "Danh mục thử", en: "Test catalogue"}
    calendar: CALENDAR
    offices:
      - {name: "Phòng Tư pháp", en: "Justice Office", after_2025: {vi: "Sở Tư pháp", en: "Department of Justice"}}
    tasks:
      - {id: t-d1-02, applies_to: [d1], title: {vi: "Họp dân định kỳ", en: "Hold regular village meetings"}, lead:\
     "UBND xã", due: +20wd, priority: low}
      - {id: t-d1-01, applies_to: [d1], title: {vi: "Phổ biến pháp luật tại thôn", en: "Teach the law in villages"},\
     lead: "Phòng Tư pháp", support: ["UBND xã"], due: +10wd, priority: high}
      - {id: t-d11-01, applies_to: [d1.1], title: {vi: "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", en: "Explain\
     the Grassroots Democracy Law"}, lead: "UBND xã", due: +90d}
    """

  static let targets =
    "min_n: 30\nrules:\n  - {metric: d1, level: commune, target: 5.0}\n  - {metric: d1.1, level: commune, target: "
    + "5.0}\n  - {metric: d1.1.a, level: commune, target: 0.9}\n"

  let folder: URL
  let database: String
  let catalogue: String
  let targets: String

  /// Three communes of 40 respondents. 2023: 10 yes each. 2024: 38 (gap closed, clearly),
  /// 12 (still open), 19 (closed, but not clearly).
  init() throws {
    folder = try temporaryDirectory()
    database = folder.appendingPathComponent("papi.db").path
    let questionnairePath = folder.appendingPathComponent("q.yaml").path
    try Self.questionnaire.write(toFile: questionnairePath, atomically: true, encoding: .utf8)
    catalogue = folder.appendingPathComponent("tasks.yaml").path
    try Self.catalogue.replacingOccurrences(of: "CALENDAR", with: repoPath("questionnaires/holidays-vn.yaml"))
      .write(toFile: catalogue, atomically: true, encoding: .utf8)
    targets = folder.appendingPathComponent("targets.yaml").path
    try Self.targets.write(toFile: targets, atomically: true, encoding: .utf8)
    let communes = [("10001", "Xã Đắk Pnê"), ("10002", "Xã Ia Grai"), ("10003", "Phường Hòa Bình")]
    for (wave, yes) in [("2023", [10, 10, 10]), ("2024", [38, 12, 19])] {
      var records = [["id", "commune_code", "commune_name", "province_code", "q1"]]
      for (index, (code, name)) in communes.enumerated() {
        for respondent in 0..<40 {
          records.append(["\(wave)-\(code)-\(respondent)", code, name, "62", respondent < yes[index] ? "1" : "0"])
        }
      }
      let file = folder.appendingPathComponent("\(wave).csv").path
      try csv(records).write(toFile: file, atomically: true, encoding: .utf8)
      _ = try ImportCommand.run(
        ImportRequest(files: [file], questionnairePath: questionnairePath, wave: wave),
        store: SQLiteStore(path: database, mode: .createIfMissing))
    }
  }

  func plan(
    _ wave: String = "2023", targets: String? = nil, format: OutputFormat = .table, author: String = "cán bộ A"
  ) throws -> String {
    var request = PlanRequest(wave: wave, targetsPath: targets ?? self.targets)
    request.tasksPath = catalogue
    request.start = CivilDate("2024-01-08")
    request.today = CivilDate("2024-03-01")
    request.format = format
    request.author = author
    return try PlanCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
  }

  func store() throws -> SQLiteStore { try SQLiteStore.openExisting(path: database) }

  // MARK: Catalogue

  @Test func theMostSpecificTasksAreChosenHighPriorityFirst() throws {
    let tasks = try TaskCatalogue.load(path: catalogue)
    #expect(tasks.tasks(for: "d1").map(\.id) == ["t-d1-01", "t-d1-02"])
    #expect(tasks.tasks(for: "d1.1").map(\.id) == ["t-d11-01"])
    // No task names the indicator: its sub-dimension's tasks apply.
    #expect(tasks.tasks(for: "d1.1.a").map(\.id) == ["t-d11-01"])
    #expect(tasks.tasks(for: "d2.1").isEmpty)
    #expect(TaskCatalogue.coverage(of: "d2.2.a") == ["d2.2.a", "d2.2", "d2"])
  }

  @Test func aLocalCatalogueReplacesRemovesAndAdds() throws {
    let local = folder.appendingPathComponent("local.yaml").path
    try """
    extends: tasks.yaml
    remove: [t-d1-02]
    tasks:
      - {id: t-d1-01, applies_to: [d1], title: {vi: "Phổ biến pháp luật qua loa truyền thanh", en: "Teach the law\
     over village loudspeakers"}, lead: "UBND xã", due: 2024-06-30}
      - {id: t-local-01, applies_to: [d1.1.a], title: {vi: "Thi tìm hiểu pháp luật", en: "A law quiz"}, lead: "Đoàn\
     Thanh niên xã", due: +15wd, priority: high}
    """.write(toFile: local, atomically: true, encoding: .utf8)
    let merged = try TaskCatalogue.load(path: local)
    #expect(merged.tasks.map(\.id) == ["t-d1-01", "t-d11-01", "t-local-01"])
    #expect(merged.tasks.first?.lead == "UBND xã")
    #expect(merged.tasks.first?.due == .date(try #require(CivilDate("2024-06-30"))))
    #expect(merged.tasks(for: "d1.1.a").map(\.id) == ["t-local-01"])
    #expect(merged.calendar != nil)
    #expect(merged.office("Phòng Tư pháp")?.en == "Justice Office")
  }

  @Test func badCataloguesAreRefusedWithLineAndFix() throws {
    func problems(_ yaml: String) throws -> [String] {
      let path = folder.appendingPathComponent("bad-\(UUID().uuidString).yaml").path
      try yaml.write(toFile: path, atomically: true, encoding: .utf8)
      do {
        _ = try TaskCatalogue.load(path: path)
        return []
      } catch {
        return error.diagnostics.map { "\($0.location.line ?? 0): \($0.message.en)" }
      }
    }
    let task = "{id: t1, applies_to: [d1], title: {vi: \"Việc\", en: \"Work\"}, lead: \"UBND xã\", due: +10d}"
    #expect(
      try problems("tasks:\n  - \(task)\n  - \(task)\n") == ["3: duplicate id `t1` (already used on line 2)."])
    #expect(
      try problems(
        "tasks:\n  - {id: t1, applies_to: [d1], title: {vi: \"Việc\"}, lead: \"UBND xã\", due: next month}\n")
        == ["2: task t1: deadline `next month` is not valid."])
    #expect(
      try problems(
        "tasks:\n  - {id: t1, applies_to: [d1], title: {vi: \"Việc\"}, lead: \"UBND xã\", due: +1d, owner: me}\n")
        == ["2: task on line 2: unknown key `owner`."])
    #expect(
      try problems("tasks:\n  - {id: t1, applies_to: [d1], title: {vi: \"Việc\"}, due: +1d, priority: urgent}\n")
        == ["2: t1: missing key `lead`.", "2: task t1: priority `urgent` is not valid."])
    #expect(try problems("extends: nowhere.yaml\n").first?.contains("cannot read the task catalogue file") == true)
    // A metric the questionnaire lacks is refused when the plan checks the catalogue.
    let unknown = folder.appendingPathComponent("unknown.yaml").path
    try "tasks:\n  - {id: t9, applies_to: [d9.1], title: {vi: \"Việc\"}, lead: \"UBND xã\", due: +1d}\n".write(
      toFile: unknown, atomically: true, encoding: .utf8)
    do {
      try TaskCatalogue.load(path: unknown).check(
        questionnaire: try QuestionnaireLoader.parse(yaml: Self.questionnaire, source: "q.yaml"))
      Issue.record("expected a refusal")
    } catch {
      #expect(
        error.text(.en).contains(
          "unknown.yaml, line 2: error: task t9: metric `d9.1` is not in questionnaire plan-fixture."))
    }
  }

  // MARK: Plan

  @Test func flagsBecomeActionsWithStableIdsAndDeadlines() throws {
    let output = try plan()
    #expect(output.contains("12 created, 0 already planned") || output.contains("tạo mới 12, đã có 0"))
    let actions = try store().actions()
    // Per commune: d1 → its two tasks; d1.1 → its own task; d1.1.a → its sub-dimension's task.
    #expect(actions.count == 12)
    let first = try #require(actions.first)
    #expect(
      first.unitCode == "10001" && first.metric == "d1" && first.task == "t-d1-01" && first.flag == .belowSignificant)
    #expect(first.id == ActionItem.id(wave: "2023", level: "commune", unit: "10001", metric: "d1", task: "t-d1-01"))
    // SHA-256 of "2023␟commune␟10001␟d1␟t-d1-01", computed with Python's hashlib.
    #expect(first.id == "c6f607e50d")
    #expect(first.lead == "Phòng Tư pháp" && first.support == ["UBND xã"] && first.priority == .high)
    // +10 working days from Monday 8/1/2024 is Monday 22/1; +90 calendar days is 7/4/2024.
    #expect(first.due == CivilDate("2024-01-22"))
    #expect(actions.first { $0.task == "t-d1-02" }?.due == CivilDate("2024-02-05"))
    #expect(actions.first { $0.task == "t-d11-01" }?.due == CivilDate("2024-04-07"))
    // The baseline is the 2023 score: 1 + 9 × 10/40, with its CI.
    #expect(abs((first.baseline.value ?? 0) - 3.25) < 1e-12)
    #expect(first.baseline.n == 40 && first.target == 5.0)
    #expect(Set(actions.map(\.metric)) == ["d1", "d1.1", "d1.1.a"])
    #expect(actions.allSatisfy { $0.status == .open && $0.flagged })
  }

  @Test func runningThePlanTwiceCreatesNothingNew() throws {
    _ = try plan()
    let before = try store().actions()
    let again = try plan(author: "cán bộ B")
    #expect(again.contains("tạo mới 0, đã có 12, không còn bị cảnh báo 0"))
    #expect(try store().actions() == before)
    #expect(try store().history(id: before[0].id).count == 1)
  }

  @Test func aFlagThatDisappearsLeavesItsActionMarked() throws {
    _ = try plan()
    let looser = folder.appendingPathComponent("looser.yaml").path
    let rules =
      "min_n: 30\nrules:\n  - {metric: d1, level: commune, target: 5.0}\n"
      + "  - {metric: d1.1, level: commune, target: 5.0}\n"
    try rules.write(toFile: looser, atomically: true, encoding: .utf8)
    let output = try plan(targets: looser)
    #expect(output.contains("không còn bị cảnh báo 3"))
    let actions = try store().actions()
    #expect(actions.count == 12)
    let gone = actions.filter { !$0.flagged }
    #expect(gone.map(\.metric) == ["d1.1.a", "d1.1.a", "d1.1.a"])
    #expect(try store().history(id: gone[0].id).map(\.kind) == [.created, .unflagged])
    #expect(try plan().contains("bị cảnh báo lại 3"))
    #expect(try store().history(id: gone[0].id).map(\.kind) == [.created, .unflagged, .flaggedAgain])
  }

  // MARK: Register

  @Test func statusChangesFollowTheRulesAndAreKept() throws {
    _ = try plan()
    let store = try store()
    let id = try #require(store.actions().first?.id)
    _ = try store.updateAction(id: id, status: .inProgress, note: "Đã họp 3 thôn", author: "Nguyễn Văn A")
    _ = try store.updateAction(id: id, status: nil, note: "Thôn 4 họp tuần sau", author: "Trần Thị B")
    let done = try store.updateAction(id: id, status: .done, note: nil, author: "Nguyễn Văn A")
    #expect(done.status == .done)
    func refusal(_ status: ActionStatus?, _ note: String?, id: String = id) -> String {
      do {
        _ = try store.updateAction(id: id, status: status, note: note, author: "x")
        return ""
      } catch {
        return error.text(.en)
      }
    }
    #expect(
      refusal(.dropped, "thừa").contains("action \(id) cannot go from done to dropped. Value: \"done → dropped\"."))
    #expect(refusal(.dropped, "thừa").contains("Fix: From done it can go to: in_progress."))
    #expect(refusal(.done, nil).contains("action \(id) is already done."))
    do {
      _ = try store.updateAction(id: id, status: .done, note: nil, author: "x")
    } catch {
      #expect(error.text(.vi).contains("nhiệm vụ \(id) đã ở trạng thái đã hoàn thành."), "statuses in words")
    }
    _ = try store.updateAction(id: id, status: .inProgress, note: "Mở lại: thôn 4 chưa họp", author: "Trần Thị B")
    #expect(refusal(.dropped, nil).contains("dropping an action needs a reason."))
    #expect(refusal(.done, nil, id: "c6f607e5XX").contains("there is no action c6f607e5XX in the register."))
    #expect(refusal(.done, nil, id: "c6f607e5XX").contains("Did you mean: c6f607e50d?"))
    let history = try store.history(id: id)
    #expect(history.map(\.kind) == [.created, .status, .note, .status, .status])
    #expect(history.map(\.author) == ["cán bộ A", "Nguyễn Văn A", "Trần Thị B", "Nguyễn Văn A", "Trần Thị B"])
    #expect(history[1].from == .open && history[1].to == .inProgress && history[1].note == "Đã họp 3 thôn")
    #expect(history[4].from == .done && history[4].to == .inProgress)
    let text = try ActionsCommand.history(id: id, store: store, language: .vi)
    #expect(text.contains("Nguyễn Văn A  chưa thực hiện → đang thực hiện: Đã họp 3 thôn"))
  }

  @Test func oneActionIsShownInFullWithinEightyColumns() throws {
    _ = try plan()
    let id = "c6f607e50d"
    let store = try store()
    _ = try store.updateAction(id: id, status: .inProgress, note: "Đã họp 3 thôn", author: "Nguyễn Văn A")
    let text = try ActionsCommand.show(id: id, store: store, today: CivilDate("2024-03-01"), language: .vi)
    for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    for expected in [
      "Nhiệm vụ c6f607e50d", "Đơn vị:       Xã Đắk Pnê (10001)", "Đợt:          2023 · cấp xã",
      "Chỉ số:       d1 Tham gia của người dân ở cấp cơ sở", "Ban đầu:      3,25 (2,03–4,47), đợt 2023",
      "Mục tiêu:     5,00", "Cảnh báo:     thấp hơn rõ rệt", "Việc cần làm: Phổ biến pháp luật tại thôn. (t-d1-01)",
      "Chủ trì:      Phòng Tư pháp", "Phối hợp:     UBND xã", "Hạn:          22/01/2024", "Ưu tiên:      cao",
      "Trạng thái:   đang thực hiện · QUÁ HẠN", "Đo lại:       Đo lại đợt 2024: 9,55 (8,93–10,17)", "Lịch sử:",
      "Nguyễn Văn A  chưa thực hiện → đang thực hiện: Đã họp 3 thôn",
    ] {
      #expect(text.contains(expected), "\(expected)\n\(text)")
    }
    let english = try ActionsCommand.show(id: id, store: store, today: CivilDate("2024-03-01"), language: .en)
    #expect(english.contains("Task:         Teach the law in villages. (t-d1-01)"), "\(english)")
    #expect(english.contains("Lead:         Justice Office"))
    #expect(english.contains("Status:       in progress · OVERDUE"))
    // Every time in the history is Hanoi time: dd/mm/yyyy hh:mm in Vietnamese.
    #expect(
      text.range(
        of: #"\n  \d{2}/\d{2}/\d{4} \d{2}:\d{2}  cán bộ A  tạo từ kế hoạch đợt 2023"#, options: .regularExpression)
        != nil)
    let run = try runPapi(["actions", "show", id, "--db", database, "--today", "01/03/2024"])
    #expect(run.status == 0)
    #expect(run.stdout == text)
  }

  @Test func theRegisterForExcelSpeaksTheOfficersLanguage() throws {
    _ = try plan()
    var request = ActionListRequest()
    request.today = CivilDate("2024-03-01")
    request.format = .csv
    request.options = RenderOptions(language: .vi, excel: true)
    let text = try ActionsCommand.list(request, store: try store())
    let rows = text.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
    #expect(text.hasPrefix("\u{FEFF}Mã;Đợt;Cấp;Mã đơn vị;Đơn vị;Chỉ số;Tên chỉ số;Cảnh báo;Điểm;"))
    let header = rows[0].map(String.init)
    // Ids and unit codes are text formulas, which Excel does not read as numbers.
    let row = try #require(rows.first { $0.first == "=\"c6f607e50d\"" }).map(String.init)
    func cell(_ name: String) -> String { row[header.firstIndex(of: name)!] }
    #expect(cell("Mã đơn vị") == "=\"10001\"")
    #expect(cell("Cấp") == "xã")
    #expect(cell("Cảnh báo") == "thấp hơn rõ rệt")
    #expect(cell("Điểm") == "3,25")
    #expect(cell("Mục tiêu") == "5,00")
    #expect(cell("Hạn") == "22/01/2024")
    #expect(cell("Trạng thái") == "chưa thực hiện")
    #expect(cell("Ưu tiên") == "cao")
    #expect(cell("Quá hạn") == "có")
    #expect(cell("Chủ trì") == "Phòng Tư pháp")
    #expect(cell("Nhiệm vụ") == "Phổ biến pháp luật tại thôn")
    #expect(cell("Kết quả") == "đã đạt, rõ rệt")
    request.options.language = .en
    let english = try ActionsCommand.list(request, store: try store())
    #expect(english.hasPrefix("\u{FEFF}Id;Wave;Level;Unit code;Unit;Metric;Metric name;Flag;Score;"))
    #expect(english.contains(";clearly below;3,25;"))
    #expect(english.contains(";Teach the law in villages;Justice Office;"))
    #expect(english.contains(";22/01/2024;high;open;yes;yes;"))
    request.options.excel = false
    let data = try ActionsCommand.list(request, store: try store())
    #expect(data.hasPrefix("id,wave,level,unit_code,unit_name,metric,flag,score,"))
    #expect(data.contains(",below_significant,3.25"))
    #expect(data.contains(",2024-01-22,high,open,true,true,"))
  }

  @Test func storedTimesAreShownInHanoiTime() {
    #expect(LocalTime.text("2025-02-28T17:05:00Z", .vi) == "01/03/2025 00:05")
    #expect(LocalTime.text("2025-02-28T07:05:00Z", .en) == "2025-02-28 14:05")
    #expect(LocalTime.text("not a time", .vi) == "not a time")
  }

  @Test func theHistoryCannotBeRewritten() throws {
    _ = try plan()
    let queue = try DatabaseQueue(path: database)
    #expect(throws: (any Error).self) {
      try queue.write { try $0.execute(sql: "UPDATE action_event SET author = 'someone else'") }
    }
    #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM action_event") } }
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM action_event") } == 12)
  }

  @Test func overdueDependsOnTheDayAndTheStatus() throws {
    _ = try plan()
    var request = ActionListRequest()
    request.format = .csv
    func ids(_ today: String, agency: String? = nil) throws -> [String] {
      request.today = CivilDate(today)
      request.overdue = true
      request.filter.agency = agency
      return try ActionsCommand.list(request, store: SQLiteStore(path: database, mode: .existing)).split(
        separator: "\r\n"
      ).dropFirst().map { String($0.prefix(10)) }
    }
    #expect(try ids("2024-01-22").isEmpty)  // due that day: not yet overdue
    #expect(try ids("2024-01-23").count == 3)  // the three t-d1-01 actions
    #expect(try ids("2024-04-08").count == 12)
    let first = try #require(try ids("2024-01-23").first)
    _ = try store().updateAction(id: first, status: .done, note: nil, author: "x")
    #expect(try ids("2024-04-08").count == 11)
    // The office filter ignores accents and case and finds supporting offices too.
    #expect(try ids("2024-04-08", agency: "phong tu phap").count == 2)
    #expect(try ids("2024-04-08", agency: "ubnd XÃ").count == 11)
    #expect(try ids("2024-04-08", agency: "Công an").isEmpty)
  }

  // MARK: Re-measurement

  @Test func aLaterWaveReMeasuresEveryAction() throws {
    _ = try plan()
    let store = try store()
    let actions = try store.actions()
    let results = try Remeasurement.remeasure(actions, waves: store)
    #expect(results.count == 12)
    func result(_ unit: String, _ metric: String) throws -> Remeasurement {
      try #require(actions.first { $0.unitCode == unit && $0.metric == metric }.flatMap { results[$0.id] })
    }
    // 38/40 yes: 1 + 9 × 0.95 = 9.55, SE = 9 √(0.95 × 0.05 / 39) → CI far above 5.
    let closed = try result("10001", "d1")
    #expect(closed.wave == "2024")
    #expect(abs((closed.now.value ?? 0) - 9.55) < 1e-12)
    #expect(abs((closed.now.se ?? 0) - 9 * (0.95 * 0.05 / 39).squareRoot()) < 1e-12)
    #expect(closed.outcome == .closedSignificant)
    #expect(abs((closed.change ?? 0) - 6.3) < 1e-12 && closed.significantChange == true)
    // 12/40: 1 + 9 × 0.3 = 3.7 < 5; +0.45 against SE of the difference 0.91: not significant.
    let open = try result("10002", "d1")
    #expect(abs((open.now.value ?? 0) - 3.7) < 1e-12)
    #expect(open.outcome == .open && open.significantChange == false)
    // 19/40: 1 + 9 × 0.475 = 5.275 ≥ 5, but the CI reaches down to 3.86.
    let barely = try result("10003", "d1")
    #expect(abs((barely.now.value ?? 0) - 5.275) < 1e-12)
    #expect(barely.outcome == .closed)
    // The indicator: 0.95 ≥ 0.9 but its lower bound 0.88 is not.
    #expect(try result("10001", "d1.1.a").outcome == .closed)
    // Nothing after 2024: a plan of 2024 has no re-measurement yet.
    #expect(try Remeasurement.remeasure(actions, waves: store, upTo: "2023").isEmpty)
  }

  @Test func theReportListsEachCommunesActionsAndOutcomes() throws {
    _ = try plan()
    var request = ReportRequest()
    request.wave = "2024"
    request.compareWave = "2023"
    request.targetsPath = targets
    request.tasksPath = catalogue
    request.format = .json
    let json = try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let units = try #require(root["units"] as? [[String: Any]])
    let first = try #require(units.first { $0["code"] as? String == "10001" })
    let actions = try #require(first["actions"] as? [[String: Any]])
    #expect(actions.count == 4)
    let d1 = try #require(actions.first { $0["task"] as? String == "t-d1-01" })
    #expect(
      d1["lead"] as? String == "Phòng Tư pháp" && d1["due"] as? String == "2024-01-22"
        && d1["status"] as? String == "open")
    #expect(d1["overdue"] == nil)
    let remeasured = try #require(d1["remeasurement"] as? [String: Any])
    #expect(remeasured["outcome"] as? String == "closed_significant" && remeasured["wave"] as? String == "2024")
    // Ia Grai is still below in 2024: its flag links the catalogue's tasks.
    let second = try #require(units.first { $0["code"] as? String == "10002" })
    let flags = try #require(second["flags"] as? [[String: Any]])
    #expect(flags.first { $0["metric"] as? String == "d1" }?["tasks"] as? [String] == ["t-d1-01", "t-d1-02"])
    request.format = .table
    request.options.language = .en
    // Words as they read, whatever the line wrapping.
    let table = try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text.split(
      whereSeparator: \.isWhitespace
    ).joined(separator: " ")
    #expect(table.contains("Actions:"))
    #expect(table.contains("Re-measured in 2024: 3.70 (2.41–4.99); still open; +0.45, not a significant change."))
    // Printed, a commune's actions are counted by wave, status and re-measurement (its two
    // pages would not hold them all; the register does).
    request.format = .html
    request.options.language = .vi
    let html = try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
    #expect(html.contains("<tr><th>Đợt</th><th>Nhiệm vụ</th><th>Chưa thực hiện</th>"))
    #expect(html.contains("<tr><td>2023</td><td>4</td><td>4</td><td>0</td><td>0</td><td>0</td><td>4/4</td></tr>"))
    #expect(html.contains("papi actions list --unit 10001"))
  }

  // MARK: Documents

  @Test func planDocumentsMatchTheirGoldenFiles() throws {
    _ = try plan()
    _ = try store().updateAction(id: "c6f607e50d", status: .inProgress, note: nil, author: "x")
    func stable(_ text: String) -> String { text.replacingOccurrences(of: folder.path, with: "FIXTURE") }
    try assertReportGolden(stable(try plan(format: .md)), "plan.md")
    try assertReportGolden(stable(try plan(format: .html)), "plan.html")
    var request = ActionListRequest()
    request.today = CivilDate("2024-03-01")
    for format in [OutputFormat.table, .csv, .json, .md] {
      request.format = format
      request.options.language = format == .md ? .en : .vi
      try assertReportGolden(
        stable(try ActionsCommand.list(request, store: SQLiteStore(path: database, mode: .existing))),
        "actions.\(format.rawValue)")
    }
  }

  @Test func officeNamesAreShownInEnglishWhenAsked() throws {
    let english = try plan(format: .md).replacingOccurrences(of: "\\", with: "")
    #expect(english.contains("## III. TỔ CHỨC THỰC HIỆN"))
    var request = PlanRequest(wave: "2023", targetsPath: targets)
    request.tasksPath = catalogue
    request.start = CivilDate("2024-01-08")
    request.options.language = .en
    request.format = .md
    let text = try PlanCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
    #expect(text.contains("**1. Justice Office:** leads tasks 1.a of section II; finishes by 22 January 2024."))
    #expect(text.contains("Lead: Justice Office; support: UBND xã; due by 22 January 2024 (3 communes)."))
  }

  // MARK: The samples, through the executable

  @Test func theSamplePlanCoversEveryActionableFlagOfTheReport() throws {
    let db = folder.appendingPathComponent("samples.db").path
    let papi = "questionnaires/papi-2024.yaml"
    #expect(
      try runPapi(["import", "samples/kobo-kontum-2023.csv", "-q", papi, "--wave", "2023", "--db", db]).status == 0)
    #expect(
      try runPapi(["import", "samples/kobo-kontum-2024.csv", "-q", papi, "--wave", "2024", "--db", db]).status == 0)
    let planned = try runPapi([
      "plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--start", "2025-01-06", "--format", "json",
      "--db", db,
    ])
    #expect(planned.status == 0)
    let report = try runPapi([
      "report", "--wave", "2024", "--compare", "2023", "--targets", "samples/targets.yaml", "--tasks",
      repoPath("questionnaires/papi-tasks.yaml"), "--format", "json", "--db", db,
    ])
    #expect(report.status == 0)
    // Every (unit, metric, task) the report links to a below, below_significant or declined
    // flag is exactly one stored action, and nothing else is.
    func object(_ text: String) throws -> [String: Any] {
      try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
    var linked: Set<String> = []
    var declined = 0
    for unit in try #require(try object(report.stdout)["units"] as? [[String: Any]]) {
      for flag in unit["flags"] as? [[String: Any]] ?? [] {
        guard let status = flag["status"] as? String, ["below", "below_significant", "declined"].contains(status) else {
          continue
        }
        if status == "declined" { declined += 1 }
        for task in flag["tasks"] as? [String] ?? [] {
          linked.insert("\(unit["code"] ?? "") \(flag["metric"] ?? "") \(task)")
        }
      }
    }
    let actions = try #require(try object(planned.stdout)["actions"] as? [[String: Any]])
    let stored = actions.map { "\($0["unit"] ?? "") \($0["metric"] ?? "") \($0["task"] ?? "")" }
    #expect(stored.count == Set(stored).count)
    #expect(Set(stored) == linked)
    #expect(declined > 0 && actions.contains { $0["flag"] as? String == "declined" })
    // Ids are the SHA-256 of the key, so a second database planned the same way agrees.
    let id = try #require(actions.first?["id"] as? String)
    let first = try #require(actions.first)
    #expect(
      id
        == ActionItem.id(
          wave: "2024", level: "commune", unit: first["unit"] as? String ?? "",
          metric: first["metric"] as? String ?? "",
          task: first["task"] as? String ?? ""))
    // The plan document names every lead office in section III.
    let document = try runPapi([
      "plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--start", "2025-01-06", "--format", "md", "--db",
      db,
    ])
    #expect(document.stdout.contains("## III. TỔ CHỨC THỰC HIỆN"))
    for lead in Set(actions.compactMap { $0["lead"] as? String }) {
      #expect(document.stdout.contains("### ") && document.stdout.contains(lead))
    }
  }

  @Test func aDimensionWithoutTasksTakesItsWeakestSubdimensionsTasks() throws {
    var request = ReportRequest()
    request.files = [repoPath("samples/kobo-kontum-2024.csv")]
    request.questionnairePath = repoPath("questionnaires/papi-2024.yaml")
    let (report, _) = try ReportCommand.build(request, store: SQLiteStore(path: database, mode: .existing))
    let catalogue = try TaskCatalogue.load(path: repoPath("questionnaires/papi-tasks.yaml"))
    #expect(catalogue.tasks(for: "d7").isEmpty)  // the default has no task naming d7 itself
    for unit in report.scores.units {
      let d7 = try #require(unit.dimensions.first { $0.id == "d7" })
      // Worked out here: the sub-dimensions by score relative to 10/3, weakest first.
      let weakest = d7.subdimensions.filter { $0.score.value != nil }.min {
        ($0.score.value ?? 0) < ($1.score.value ?? 0)
      }
      let expected = catalogue.tasks(for: try #require(weakest).id).map(\.id)
      #expect(!expected.isEmpty)
      #expect(
        PlanBuilder.tasks(for: "d7", of: unit, catalogue, scheme: report.questionnaire.scheme).map(\.id) == expected,
        "\(unit.code)")
    }
  }

  @Test func commandLineMistakesAreClear() throws {
    _ = try plan()
    let missing = try runPapi(["actions", "update", "c6f607e50d", "--db", database, "--lang", "en"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("Give --status, --note or both."))
    let unknown = try runPapi(["actions", "update", "nope", "--status", "done", "--db", database, "--lang", "en"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("there is no action nope in the register."))
    let badStatus = try runPapi(["actions", "update", "c6f607e50d", "--status", "finished", "--db", database])
    #expect(badStatus.status == 64)
    let noDatabase = try runPapi([
      "plan", "--wave", "2024", "--targets", targets, "--db", folder.appendingPathComponent("none.db").path, "--lang",
      "en",
    ])
    #expect(noDatabase.status == 1)
    #expect(noDatabase.stderr.contains("there is no database here yet."))
    let badDate = try runPapi([
      "plan", "--wave", "2023", "--targets", targets, "--start", "2024-13-01", "--db", database,
    ])
    #expect(badDate.status == 64)
    let history = try runPapi(["actions", "history", "c6f607e50d", "--db", database])
    #expect(history.status == 0 && history.stdout.contains("cán bộ A  tạo từ kế hoạch đợt 2023"))
  }
}
