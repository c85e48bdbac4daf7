import Foundation

/// What `papi plan` was asked to do.
public struct PlanRequest: Sendable {
  public var wave: String
  public var targetsPath: String
  /// The task catalogue; `questionnaires/papi-tasks.yaml` when not given.
  public var tasksPath: String?
  /// The day deadlines are counted from (default: today).
  public var start: CivilDate?
  /// The day overdue is judged on in the output (default: today).
  public var today: CivilDate?
  /// The previous wave for `previous` targets and `declined`; default: the stored wave
  /// just before `wave`.
  public var compareWave: String?
  public var level: String?
  public var format: ActionFormat = .table
  public var language: Language = .vi
  public var databasePath: String = Store.defaultPath
  public var author: String = PlanRequest.defaultAuthor
  public var excel = false

  /// Feedback lexicons (`--lexicon`), for the feedback linked to the tasks.
  public var lexicons: [String] = []

  public init(wave: String, targetsPath: String) {
    self.wave = wave
    self.targetsPath = targetsPath
  }

  /// Who made a change when `--by` is not given: the login name.
  public static var defaultAuthor: String { ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "papi" }
}

/// `papi plan`: flags become stored action items; running it again creates nothing new.
public enum PlanCommand {
  public static func run(_ request: PlanRequest) throws(PapiError) -> (text: String, warnings: [Diagnostic]) {
    let store = try Store.openExisting(path: request.databasePath)
    var compare = request.compareWave
    if compare == nil { compare = try previousWave(before: request.wave, in: store) }
    var reportRequest = ReportRequest()
    reportRequest.wave = request.wave
    reportRequest.compareWave = compare
    reportRequest.targetsPath = request.targetsPath
    reportRequest.level = request.level
    reportRequest.databasePath = request.databasePath
    reportRequest.language = request.language
    reportRequest.lexicons = request.lexicons
    let (report, reportWarnings) = try ReportCommand.build(reportRequest)
    var warnings = reportWarnings

    let cataloguePath = request.tasksPath ?? TaskCatalogue.defaultPath
    if request.tasksPath == nil && !FileManager.default.fileExists(atPath: cataloguePath) {
      throw PapiError(
        file: cataloguePath, message: L("không tìm thấy danh mục nhiệm vụ mặc định.", "the default task catalogue is not here."),
        fix: L("Chạy lệnh từ thư mục của papi, hoặc chỉ danh mục bằng --tasks FILE.", "Run from papi's folder, or give the catalogue with --tasks FILE."))
    }
    let catalogue = try TaskCatalogue.load(path: cataloguePath)
    try catalogue.check(questionnaire: report.questionnaire)
    let start = request.start ?? CivilDate.today()
    let proposal = try PlanBuilder.propose(report, catalogue: catalogue, wave: request.wave, start: start, created: Store.now())
    let names = Dictionary(report.scores.units.compactMap { unit in unit.name.map { (unit.code, $0) } }, uniquingKeysWith: { first, _ in first })
    for (unit, metric) in proposal.uncovered {
      warnings.append(
        Diagnostic(
          .warning, SourceLocation(file: catalogue.source), value: "\(unit) \(metric)",
          message: L("\(names[unit] ?? unit): `\(metric)` bị cảnh báo nhưng danh mục không có nhiệm vụ nào cho chỉ số này.",
                     "\(names[unit] ?? unit): `\(metric)` is flagged but the catalogue has no task for it."),
          fix: L("Thêm nhiệm vụ có `applies_to: [\(metric)]` vào danh mục của địa phương (`extends:`).",
                 "Add a task with `applies_to: [\(metric)]` to a local catalogue (`extends:`).")))
    }
    let outcome = try store.applyPlan(
      wave: request.wave, level: report.scores.level, actions: proposal.actions, offices: catalogue.offices, author: request.author)

    var filter = ActionFilter()
    filter.wave = request.wave
    filter.level = report.scores.level
    let actions = try store.actions(filter)
    let offices = try store.offices()
    let today = request.today ?? CivilDate.today()
    switch request.format {
    case .md, .html:
      let document = PlanDocument(
        wave: request.wave, compareWave: compare, level: report.scores.level, units: report.scores.units.count, start: start,
        targets: request.targetsPath, catalogue: catalogue, questionnaire: report.questionnaire, actions: actions,
        uncovered: proposal.uncovered.map { ($0.unit, names[$0.unit], $0.metric) }, offices: offices, today: today, feedback: report.feedback)
      return (request.format == .md ? document.markdown(request.language) : document.html(request.language), warnings)
    case .table, .csv, .json:
      let listing = ActionListRenderer.Listing(actions: actions, remeasured: [:], offices: offices, today: today)
      var text = ActionListRenderer.render(listing, format: request.format, language: request.language, excel: request.excel)
      if request.format == .table { text = summary(outcome, request, compare: compare, start: start) + text }
      return (text, warnings)
    }
  }

  static func summary(_ outcome: PlanOutcome, _ request: PlanRequest, compare: String?, start: CivilDate) -> String {
    let vi = request.language == .vi
    var out = vi
      ? "Kế hoạch đợt \(request.wave)\(compare.map { " (so với đợt \($0))" } ?? ""), hạn tính từ \(start.vietnamese):"
      : "Plan for wave \(request.wave)\(compare.map { " (compared with wave \($0))" } ?? ""), deadlines from \(start):"
    out += vi
      ? " tạo mới \(outcome.created.count), đã có \(outcome.unchanged.count), không còn bị cảnh báo \(outcome.unflagged.count), bị cảnh báo lại \(outcome.flaggedAgain.count).\n"
      : " \(outcome.created.count) created, \(outcome.unchanged.count) already planned, \(outcome.unflagged.count) no longer flagged, \(outcome.flaggedAgain.count) flagged again.\n"
    return out
  }

  /// The stored wave just before `wave` (by name, numbers by value), if any.
  static func previousWave(before wave: String, in store: Store) throws(PapiError) -> String? {
    try store.waveNames().filter { WaveOrder.before($0, wave) }.max(by: WaveOrder.before)
  }
}

/// What `papi actions list` was asked to show.
public struct ActionListRequest: Sendable {
  public var filter = ActionFilter()
  /// Only actions overdue on `today`.
  public var overdue = false
  public var today: CivilDate?
  public var format: ActionFormat = .table
  public var language: Language = .vi
  public var databasePath: String = Store.defaultPath
  public var excel = false

  public init() {}
}

/// `papi actions list|update|history`.
public enum ActionsCommand {
  public static func list(_ request: ActionListRequest) throws(PapiError) -> String {
    let store = try Store.openExisting(path: request.databasePath)
    let today = request.today ?? CivilDate.today()
    var filter = request.filter
    if request.overdue { filter.overdueOn = today }
    let actions = try store.actions(filter)
    let listing = ActionListRenderer.Listing(
      actions: actions, remeasured: try store.remeasure(actions), offices: try store.offices(), today: today)
    return ActionListRenderer.render(listing, format: request.format, language: request.language, excel: request.excel)
  }

  public static func update(
    id: String, status: ActionStatus?, note: String?, author: String, database: String, language: Language
  ) throws(PapiError) -> String {
    let store = try Store.openExisting(path: database)
    let before = try store.action(id: id)
    let after = try store.updateAction(id: id, status: status, note: note, author: author)
    if let status {
      return language == .vi
        ? "\(id): \(before.status.label(.vi)) → \(status.label(.vi)) (\(author)).\n"
        : "\(id): \(before.status.label(.en)) → \(status.label(.en)) (\(author)).\n"
    }
    return language == .vi ? "\(id): đã ghi chú (\(author)); trạng thái \(after.status.label(.vi)).\n" : "\(id): note added (\(author)); status \(after.status.label(.en)).\n"
  }

  public static func history(id: String, database: String, language: Language) throws(PapiError) -> String {
    let store = try Store.openExisting(path: database)
    let action = try store.action(id: id)
    let vi = language == .vi
    let text = ActionText(language: language, offices: try store.offices())
    var out = "\(action.id) · \(text.unit(action)) · \(action.metric) · \(action.task)\n\(action.title.text(language))\n"
    for event in try store.history(id: id) {
      var line = "\(event.time)  \(event.author)  "
      switch event.kind {
      case .created: line += vi ? "tạo từ kế hoạch đợt \(action.wave)" : "created by the plan of wave \(action.wave)"
      case .status: line += "\(event.from?.label(language) ?? "?") → \(event.to?.label(language) ?? "?")"
      case .note: line += vi ? "ghi chú" : "note"
      case .unflagged: line += vi ? "không còn bị cảnh báo trong lần lập kế hoạch mới" : "no longer flagged by a new plan run"
      case .flaggedAgain: line += vi ? "bị cảnh báo lại" : "flagged again"
      }
      if let note = event.note, !note.isEmpty { line += ": " + note }
      out += printable(line) + "\n"
    }
    return out
  }
}
