import Foundation
import Yams

/// When a task is due: a fixed date, or counted from the plan's start date in calendar days
/// (`+90d`) or in working days (`+30wd`, skipping weekends and the calendar's holidays).
public enum Due: Sendable, Equatable, CustomStringConvertible {
  case date(CivilDate)
  case days(Int)
  case workingDays(Int)
  /// A day of the plan's year (`15/11`: 15 November), the next one when the plan starts after it.
  case yearly(day: Int, month: Int)

  /// The furthest deadlines a task may set: ten years of calendar or working days.
  public static let maximumDays = 3_660
  public static let maximumWorkingDays = 2_600

  /// A date from 1900 to 2199, `+Nd` up to `maximumDays`, or `+Nwd` up to
  /// `maximumWorkingDays`; nil for anything else.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let date = CivilDate(typed: trimmed) {
      guard CivilDate.plausible.contains(date.year) else { return nil }
      self = .date(date)
    } else if let yearly = Self.dayOfYear(trimmed) {
      self = yearly
    } else if trimmed.hasPrefix("+"), trimmed.hasSuffix("wd"), let count = Int(trimmed.dropFirst().dropLast(2)),
      (0...Self.maximumWorkingDays).contains(count)
    {
      self = .workingDays(count)
    } else if trimmed.hasPrefix("+"), trimmed.hasSuffix("d"), let count = Int(trimmed.dropFirst().dropLast()),
      (0...Self.maximumDays).contains(count)
    {
      self = .days(count)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .date(let date): return date.description
    case .days(let count): return "+\(count)d"
    case .workingDays(let count): return "+\(count)wd"
    case .yearly(let day, let month): return "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)"
    }
  }

  /// `15/11` or `15-11`: a day and month that exist in every year (not 29 February).
  private static func dayOfYear(_ text: String) -> Due? {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
    guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }), let day = Int(parts[0]),
      let month = Int(parts[1]), (1...12).contains(month), day >= 1,
      day <= CivilDate.days(in: month, of: 2001)
    else { return nil }
    return .yearly(day: day, month: month)
  }

  /// The due date of a task started on `start`.
  func date(from start: CivilDate, calendar: WorkingCalendar?, catalogue: String) throws(PapiError) -> CivilDate {
    switch self {
    case .date(let date): return date
    case .days(let count): return start.adding(days: count)
    case .workingDays(let count):
      guard let calendar else {
        throw PapiError(
          file: catalogue, value: description,
          message: L(
            "hạn theo ngày làm việc cần lịch ngày nghỉ, nhưng danh mục không có `calendar:`.",
            "a deadline in working days needs a holiday calendar, but the catalogue has no `calendar:`."),
          fix: L(
            "Thêm `calendar: holidays-vn.yaml` vào danh mục.", "Add `calendar: holidays-vn.yaml` to the catalogue."))
      }
      return try calendar.adding(workingDays: count, to: start)
    case .yearly(let day, let month):
      // Not 29 February (`dayOfYear`): the day exists in every year.
      let this = CivilDate(known: start.year, month, day)
      return this >= start ? this : CivilDate(known: start.year + 1, month, day)
    }
  }
}

/// How urgent a task is; high first.
public enum TaskPriority: String, Sendable, CaseIterable, Comparable {
  case high, medium, low

  var rank: Int { TaskPriority.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: TaskPriority, rhs: TaskPriority) -> Bool { lhs.rank < rhs.rank }

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.high, .vi): return "cao"
    case (.medium, .vi): return "trung bình"
    case (.low, .vi): return "thấp"
    default: return rawValue
    }
  }
}

/// An office that leads or supports tasks, with its English name and who holds the role
/// since the 2025 reorganisation (district offices no longer exist).
public struct Office: Sendable, Equatable {
  public var name: String
  public var en: String
  /// Who holds its duties since 1 July 2025, in words (for a reader).
  public var after2025: LocalizedText?
  /// The bodies that hold its duties since 1 July 2025, by the level of the plan; nil when
  /// the office still exists (or the catalogue does not say).
  public var successors: Successors?
  /// Other spellings documents use for it ("Văn phòng HĐND-UBND huyện"), `also:`.
  public var also: [String] = []

  /// The bodies that took over an office abolished on 1 July 2025: in a commune's (or a
  /// ward's) own plan, and in a province's. Each names offices of the catalogue.
  public struct Successors: Sendable, Equatable {
    public var commune: [String]
    /// A ward's, where it differs (Phòng Kinh tế, Hạ tầng và Đô thị).
    public var ward: [String]?
    public var province: [String]
  }

  public init(name: String, en: String, after2025: LocalizedText?, successors: Successors? = nil) {
    self.name = name
    self.en = en
    self.after2025 = after2025
    self.successors = successors
  }

  public func text(_ language: Language) -> String { language == .vi || en.isEmpty ? name : en }
}

/// One remediation task of the catalogue (PRODUCT.md §3.4).
public struct RemediationTask: Sendable, Equatable {
  public var id: String
  /// Metric ids; a dimension covers its sub-dimensions and indicators.
  public var appliesTo: [String]
  public var title: LocalizedText
  public var lead: String
  public var support: [String]
  public var due: Due
  public var priority: TaskPriority
  /// Where the task comes from ("KH 164/KH-UBND Nam Đông 2024, II.2").
  public var source: String?
  /// Since 1 July 2025: the title that names current bodies (`since_2025: {title: …}`), or
  /// the task left out (`since_2025: none`); nil when the task stands as it is.
  public var since2025: Since2025?

  /// Which survey's flags the task answers (`survey: sipas`; PAPI when not said).
  public var survey: Survey = .papi
  /// For a PAR INDEX task (`survey: par`): the criteria set whose codes `applies_to` names;
  /// nil when the codes mean the same in every set (the national fields 1–8).
  public var criteriaSet: String?

  /// The surveys a catalogue's tasks are for: PAPI's dimensions, the five elements of a
  /// satisfaction survey (SIPAS, a `kind: percent` questionnaire), or the criteria of a PAR
  /// INDEX set (`par`, lost criteria rather than flags).
  public enum Survey: String, Sendable, Equatable {
    case papi, sipas, par

    public init(_ questionnaire: Questionnaire) {
      self = questionnaire.kind == .papi ? .papi : .sipas
    }
  }

  /// How a task reads in a plan dated on or after 1 July 2025: another title, or not at all.
  public enum Since2025: Sendable, Equatable {
    case title(LocalizedText)
    case none
  }
  /// The file and line that defined it.
  public var origin: SourceLocation
}

/// The task catalogue: tasks, the offices they name and the holiday calendar their
/// working-day deadlines use. A local catalogue may `extends:` another: its tasks replace
/// the ones with the same id and add new ones, and `remove:` drops tasks by id.
public struct TaskCatalogue: Sendable {

  public var id: String
  public var title: LocalizedText
  public var source: String
  public var offices: [Office]
  public var tasks: [RemediationTask]
  public var calendar: WorkingCalendar?

  /// The office of that name, or that the catalogue also knows it by (`also:`).
  public func office(_ name: String) -> Office? {
    offices.first { $0.name == name } ?? offices.first { $0.also.contains(name) }
  }

  /// The tasks for a lost criterion of `set`: those of the most specific level that has
  /// any (the criterion, its parent, its field), the set's own before the ones for every
  /// set at the same level, high priority first, then in catalogue order.
  public func parTasks(for criterion: String, set: String) -> [RemediationTask] {
    let par = tasks.filter { $0.survey == .par && ($0.criteriaSet == nil || $0.criteriaSet == set) }
    return Self.mostSpecific(criterion, among: par) { found in
      let own = found.filter { $0.criteriaSet == set }
      return own.isEmpty ? found : own
    }
  }

  /// The office's name in `language`.
  public func officeName(_ name: String, _ language: Language) -> String { office(name)?.text(language) ?? name }

  /// The tasks for a flagged metric: those of the most specific level that has any (the
  /// metric itself, else its sub-dimension, else its dimension), high priority first, then
  /// in catalogue order.
  public func tasks(for metric: String) -> [RemediationTask] {
    Self.mostSpecific(metric, among: tasks)
  }

  /// The tasks of `candidates` for the most specific level of `code` (itself, then the
  /// levels above it) at which `choose` keeps any, high priority first, then in catalogue
  /// order.
  private static func mostSpecific(
    _ code: String, among candidates: [RemediationTask], choose: ([RemediationTask]) -> [RemediationTask] = { $0 }
  ) -> [RemediationTask] {
    for level in coverage(of: code) {
      let chosen = choose(candidates.filter { $0.appliesTo.contains(level) })
      if !chosen.isEmpty {
        return chosen.enumerated().sorted { ($0.1.priority, $0.0) < ($1.1.priority, $1.0) }.map(\.1)
      }
    }
    return []
  }

  /// A metric and the composites above it, most specific first: `d2.2.a` → d2.2.a, d2.2, d2.
  static func coverage(of metric: String) -> [String] {
    let parts = metric.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count > 1 else { return [metric] }
    return (1...parts.count).reversed().map { parts.prefix($0).joined(separator: ".") }
  }

  public static func load(path: String) throws(PapiError) -> TaskCatalogue {
    try load(path: path, seen: [])
  }

  private static func load(path: String, seen: [String]) throws(PapiError) -> TaskCatalogue {
    let text = try ConfigReader.text(path, kind: L("danh mục nhiệm vụ", "task catalogue"), option: "--tasks")
    let root = try ConfigReader.root(text, source: path, format: "questionnaires/papi-tasks.yaml")
    var reader = ConfigReader(source: path)
    guard
      reader.mapping(root, "catalogue", allowed: ["id", "title", "extends", "remove", "calendar", "offices", "tasks"])
    else { throw PapiError(reader.problems) }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    // Beside the catalogue, else papi's own copy of a shipped file (a local catalogue that
    // `extends: papi-tasks.yaml` from any folder).
    func resolve(_ name: String) -> String {
      if name.hasPrefix("/") { return name }
      let beside = folder.appendingPathComponent(name).path
      if FileManager.default.fileExists(atPath: beside) { return beside }
      return DefaultFiles.builtIn(name) ?? beside
    }

    var base: TaskCatalogue?
    if let extends = reader.string(root, "extends", context: "catalogue", required: false) {
      let basePath = resolve(extends)
      guard !seen.contains(basePath) else {
        throw PapiError(
          file: path, value: extends,
          message: L("danh mục kế thừa vòng tròn.", "the catalogues extend each other in a circle."),
          fix: L("Bỏ `extends:` ở một trong các tệp.", "Remove `extends:` from one of the files."))
      }
      base = try load(path: basePath, seen: seen + [path])
    }
    let own = reader.catalogueTasks(root)
    let offices = reader.offices(ConfigReader.value(root, "offices"))
    var removed: Set<String> = []
    let inherited = Set(base?.tasks.map(\.id) ?? [])
    for name in reader.names(ConfigReader.value(root, "remove"), context: "remove") {
      if inherited.contains(name) {
        removed.insert(name)
      } else {
        reader.problem(
          ConfigReader.value(root, "remove"),
          L(
            "remove: không có nhiệm vụ `\(name)` trong danh mục được kế thừa.",
            "remove: there is no task `\(name)` in the catalogue this one extends."),
          L("Kiểm tra mã nhiệm vụ.", "Check the task id."))
      }
    }
    let calendar: WorkingCalendar?
    if let name = reader.string(root, "calendar", context: "catalogue", required: false) {
      calendar = try WorkingCalendar.load(path: resolve(name))
    } else {
      calendar = base?.calendar
    }
    if !reader.problems.isEmpty { throw PapiError(reader.problems) }

    // A local task replaces the inherited one with its id, in its place; new ones follow.
    var tasks = (base?.tasks ?? []).filter { !removed.contains($0.id) }
    var taskIndex = Dictionary(tasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    for task in own {
      if let index = taskIndex[task.id] {
        tasks[index] = task
      } else {
        taskIndex[task.id] = tasks.count
        tasks.append(task)
      }
    }
    var allOffices = base?.offices ?? []
    var officeIndex = Dictionary(allOffices.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    for office in offices {
      if let index = officeIndex[office.name] {
        allOffices[index] = office
      } else {
        officeIndex[office.name] = allOffices.count
        allOffices.append(office)
      }
    }
    // The bodies that hold an abolished office's duties are offices of the catalogue.
    let known = Set(allOffices.map(\.name))
    for office in allOffices {
      guard let successors = office.successors else { continue }
      for holder in successors.commune + successors.province + (successors.ward ?? []) where !known.contains(holder) {
        throw PapiError(
          file: path, value: holder,
          message: L(
            "\(office.name): since_2025 nêu `\(holder)`, không có trong `offices:` của danh mục.",
            "\(office.name): since_2025 names `\(holder)`, which is not in the catalogue's `offices:`."),
          fix: L(
            "Thêm `\(holder)` vào `offices:` (với `since_2025: same`), hoặc sửa tên cho đúng.",
            "Add `\(holder)` to `offices:` (with `since_2025: same`), or correct the name."))
      }
    }
    return TaskCatalogue(
      id: reader.string(root, "id", context: "catalogue", required: false) ?? base?.id
        ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
      title: reader.localized(ConfigReader.value(root, "title"), context: "title") ?? base?.title
        ?? L("Danh mục nhiệm vụ", "Task catalogue"),
      source: path, offices: allOffices, tasks: tasks, calendar: calendar)
  }

  /// The tasks for the survey `questionnaire` is of (PAPI, or SIPAS).
  public func scoped(to questionnaire: Questionnaire) -> TaskCatalogue {
    var scoped = self
    let survey = RemediationTask.Survey(questionnaire)
    scoped.tasks = tasks.filter { $0.survey == survey }
    return scoped
  }

  /// Refuses tasks that name a metric the questionnaire does not have (after `scoped`).
  public func check(questionnaire: Questionnaire) throws(PapiError) {
    let metrics = questionnaire.metricIDs
    // Published scores have dimensions only: tasks for their sub-dimensions simply never apply.
    let bare = Set(questionnaire.dimensions.filter(\.subdimensions.isEmpty).map(\.id))
    var problems: [Diagnostic] = []
    for task in tasks {
      for metric in task.appliesTo
      where !metrics.contains(metric) && !bare.contains(Self.coverage(of: metric).last ?? metric) {
        problems.append(
          Diagnostic(
            .error, task.origin, value: metric,
            message: L(
              "nhiệm vụ \(task.id): chỉ số `\(metric)` không có trong bảng hỏi \(questionnaire.id).",
              "task \(task.id): metric `\(metric)` is not in questionnaire \(questionnaire.id)."),
            fix: L(
              "Dùng total, rank hoặc mã chỉ số như d2, d2.2, d2.2.a.",
              "Use total, rank or a metric id such as d2, d2.2, d2.2.a.")))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
  }
}

extension ConfigReader {
  static let taskKeys = [
    "id", "applies_to", "title", "lead", "support", "due", "priority", "source", "since_2025", "survey", "criteria",
  ]

  fileprivate mutating func catalogueTasks(_ root: Node) -> [RemediationTask] {
    var tasks: [RemediationTask] = []
    for item in sequence(Self.value(root, "tasks"), "tasks") {
      let line = item.mark?.line ?? 0
      let context = Context(vi: "nhiệm vụ dòng \(line)", en: "task on line \(line)")
      guard mapping(item, context, allowed: Self.taskKeys), let id = string(item, "id", context: context) else {
        continue
      }
      claim(id, item, what: L("nhiệm vụ", "task"))
      let appliesTo = names(Self.value(item, "applies_to"), context: Context(id))
      if appliesTo.isEmpty {
        problem(
          item, L("nhiệm vụ \(id): `applies_to` trống.", "task \(id): `applies_to` is empty."),
          L("Ví dụ: `applies_to: [d2.2]`.", "For example `applies_to: [d2.2]`."))
      }
      let title = localized(Self.value(item, "title"), context: Context(id))
      if title == nil || title?.vi.isEmpty == true {
        problem(
          item, L("nhiệm vụ \(id): thiếu `title: {vi: …, en: …}`.", "task \(id): missing `title: {vi: …, en: …}`."),
          L("", ""))
      }
      let lead = string(item, "lead", context: Context(id))
      let dueText = string(item, "due", context: Context(id))
      let due = dueText.flatMap(Due.init)
      if let dueText, due == nil {
        problem(
          Self.value(item, "due"),
          L("nhiệm vụ \(id): hạn `\(dueText)` không hợp lệ.", "task \(id): deadline `\(dueText)` is not valid."),
          L(
            "Viết một ngày từ 1900 đến 2199 (2025-03-31), `+90d` (ngày lịch, tối đa +\(Due.maximumDays)d) hoặc "
              + "`+30wd` (ngày làm việc, tối đa +\(Due.maximumWorkingDays)wd).",
            "Write a date from 1900 to 2199 (2025-03-31), `+90d` (calendar days, at most +\(Due.maximumDays)d) or "
              + "`+30wd` (working days, at most +\(Due.maximumWorkingDays)wd)."),
          value: dueText)
      }
      var priority = TaskPriority.medium
      if let text = string(item, "priority", context: Context(id), required: false) {
        if let value = TaskPriority(rawValue: text) {
          priority = value
        } else {
          problem(
            Self.value(item, "priority"),
            L("nhiệm vụ \(id): mức ưu tiên `\(text)` không hợp lệ.", "task \(id): priority `\(text)` is not valid."),
            L("Dùng high, medium hoặc low.", "Use high, medium or low."))
        }
      }
      var survey = RemediationTask.Survey.papi
      if let text = string(item, "survey", context: Context(id), required: false) {
        if let known = RemediationTask.Survey(rawValue: text) {
          survey = known
        } else {
          problem(
            Self.value(item, "survey"),
            L("nhiệm vụ \(id): khảo sát `\(text)` không hợp lệ.", "task \(id): survey `\(text)` is not valid."),
            L("Dùng papi, sipas hoặc par.", "Use papi, sipas or par."), value: text)
        }
      }
      guard let title, let lead, let due else { continue }
      var task = RemediationTask(
        id: id, appliesTo: appliesTo, title: title, lead: lead,
        support: names(Self.value(item, "support"), context: Context(id)),
        due: due, priority: priority,
        source: string(item, "source", context: Context(id), required: false),
        since2025: since2025(item, id: id), origin: SourceLocation(file: source, line: line))
      task.survey = survey
      task.criteriaSet = string(item, "criteria", context: Context(id), required: false)
      if task.criteriaSet != nil && survey != .par {
        problem(
          Self.value(item, "criteria"),
          L(
            "nhiệm vụ \(id): `criteria` chỉ dùng cho nhiệm vụ Chỉ số CCHC (`survey: par`).",
            "task \(id): `criteria` is for PAR INDEX tasks only (`survey: par`)."),
          L("Thêm `survey: par`, hoặc bỏ `criteria`.", "Add `survey: par`, or remove `criteria`."))
      }
      tasks.append(task)
    }
    return tasks
  }

  fileprivate mutating func offices(_ node: Node?) -> [Office] {
    var offices: [Office] = []
    for item in sequence(node, "offices") {
      guard mapping(item, "offices", allowed: ["name", "also", "en", "after_2025", "since_2025"]),
        let name = string(item, "name", context: "offices")
      else { continue }
      var successors: Office.Successors?
      if let since = Self.value(item, "since_2025"), since.scalar?.string != "same" {
        let context = Context(name).key("since_2025")
        if mapping(since, context, allowed: ["commune", "ward", "province"]) {
          let commune = names(Self.value(since, "commune"), context: context.key("commune"))
          let province = names(Self.value(since, "province"), context: context.key("province"))
          let ward = Self.value(since, "ward").map { names($0, context: context.key("ward")) }
          if commune.isEmpty || province.isEmpty {
            problem(
              since,
              L(
                "\(name): since_2025 cần cả `commune` và `province` (cơ quan nhận nhiệm vụ ở xã và ở tỉnh).",
                "\(name): since_2025 needs both `commune` and `province` (who holds the duties in the commune and in "
                  + "the province)."),
              L(
                "Ví dụ: since_2025: {commune: [Văn phòng HĐND và UBND xã], province: [Sở Tư pháp]}; `same` khi cơ quan "
                  + "vẫn còn.",
                "For example since_2025: {commune: [Văn phòng HĐND và UBND xã], province: [Sở Tư pháp]}; `same` when "
                  + "the office still exists."))
          }
          successors = Office.Successors(commune: commune, ward: ward, province: province)
        }
      }
      var office = Office(
        name: name, en: string(item, "en", context: Context(name), required: false) ?? "",
        after2025: localized(Self.value(item, "after_2025"), context: Context(name)), successors: successors)
      office.also = names(Self.value(item, "also"), context: Context(name))
      offices.append(office)
    }
    return offices
  }

  /// A task's `since_2025`: `none`, or `{title: …}`.
  fileprivate mutating func since2025(_ item: Node, id: String) -> RemediationTask.Since2025? {
    guard let node = Self.value(item, "since_2025") else { return nil }
    if node.scalar?.string == "none" { return RemediationTask.Since2025.none }
    guard mapping(node, Context(id).key("since_2025"), allowed: ["title"]),
      let title = localized(Self.value(node, "title"), context: Context(id).key("since_2025"))
    else { return nil }
    return .title(title)
  }
}
