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
  public var format: OutputFormat = .table
  public var options = RenderOptions()
  public var author: String = PlanRequest.defaultAuthor

  /// Feedback lexicons (`--lexicon`), added to the default one, for the feedback linked to
  /// the tasks.
  public var lexicons: [String] = []

  public init(wave: String, targetsPath: String) {
    self.wave = wave
    self.targetsPath = targetsPath
  }

  /// Who made a change when `--by` is not given: the login name.
  public static var defaultAuthor: String {
    ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "papi"
  }
}

/// `papi plan`: the stored wave's weakness report (the same stages as `papi report`) →
/// the catalogue's tasks for its flags → stored action items (running it again creates
/// nothing new) → the plan document, or the action register.
public enum PlanCommand {
  /// Plans, stores the actions and renders into `sink`; returns the warnings and notes.
  public static func run(
    _ request: PlanRequest, store: any PapiStore, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    var compare = request.compareWave
    if compare == nil { compare = try previousWave(before: request.wave, in: store) }
    let current = try StoredWave(request.wave, in: store).read()
    let previous = try compare.map { wave throws(PapiError) in try StoredWave(wave, in: store).read() }
    let level = try current.level(request.level)
    let targets = try TargetSet.load(path: request.targetsPath)
    var (report, warnings) = try WeaknessReportPipeline(targets: targets, reference: store)
      .report(current, previous: previous, previousWave: compare, wave: request.wave, level: level)
    let feedback =
      level == 0
      ? try FeedbackStage.besideFlags(
        wave: request.wave, compare: compare, lexicons: request.lexicons, store: store, warnings: &warnings)
      : nil
    try WeaknessReportPipeline.addRegister(
      &report, wave: request.wave, actions: store, waves: store, feedback: feedback)

    let catalogue = try TaskCatalogue.load(path: try DefaultInputs.catalogue(request.tasksPath, notes: &warnings))
    try catalogue.check(questionnaire: report.questionnaire)
    let start = try CivilDate.checked(request.start, option: "--start") ?? CivilDate.today()
    let proposal = try PlanBuilder.propose(
      report, catalogue: catalogue, wave: request.wave, start: start, created: timestampNow())
    let names = Dictionary(
      report.scores.units.compactMap { unit in unit.name.map { (unit.code, $0) } },
      uniquingKeysWith: { first, _ in first })
    for (unit, metric) in proposal.uncovered {
      warnings.append(
        Diagnostic(
          .warning, SourceLocation(file: catalogue.source), value: "\(unit) \(metric)",
          message: L(
            "\(names[unit] ?? unit): `\(metric)` bị cảnh báo nhưng danh mục không có nhiệm vụ nào cho chỉ số này.",
            "\(names[unit] ?? unit): `\(metric)` is flagged but the catalogue has no task for it."),
          fix: L(
            "Thêm nhiệm vụ có `applies_to: [\(metric)]` vào danh mục của địa phương (`extends:`).",
            "Add a task with `applies_to: [\(metric)]` to a local catalogue (`extends:`).")))
    }
    let outcome = try store.applyPlan(
      wave: request.wave, level: report.scores.level, actions: proposal.actions, offices: catalogue.offices,
      author: request.author)

    var filter = ActionFilter()
    filter.wave = request.wave
    filter.level = report.scores.level
    let actions = try store.actions(filter)
    let offices = try store.offices()
    let today = try CivilDate.checked(request.today, option: "--today") ?? CivilDate.today()
    let language = request.options.language
    if let writer = DocumentFormat(request.format) {
      // The plan document, in Markdown, HTML or any other document format.
      let document = PlanDocument(
        wave: request.wave, compareWave: compare, level: report.scores.level, units: report.scores.units.count,
        start: start,
        targets: request.targetsPath, catalogue: catalogue, questionnaire: report.questionnaire, actions: actions,
        uncovered: proposal.uncovered.map { ($0.unit, names[$0.unit], $0.metric) }, offices: offices, today: today,
        feedback: report.feedback)
      writer.render(document.document(language), to: &sink)
    } else {
      // The register of the wave's actions as a table, CSV or JSON.
      if request.format == .table { sink.write(summary(outcome, request, compare: compare, start: start)) }
      let listing = ActionListing(actions: actions, remeasured: [:], offices: offices, today: today)
      ActionListOutput.render(listing, as: request.format, options: request.options, to: &sink)
    }
    return warnings
  }

  /// The whole output as text.
  public static func run(_ request: PlanRequest, store: any PapiStore) throws(PapiError) -> CommandOutput {
    var buffer = ByteBuffer()
    let warnings = try run(request, store: store, to: &buffer)
    return CommandOutput(text: buffer.text, warnings: warnings)
  }

  static func summary(_ outcome: PlanOutcome, _ request: PlanRequest, compare: String?, start: CivilDate) -> String {
    let vi = request.options.language == .vi
    var out =
      vi
      ? "Kế hoạch đợt \(request.wave)\(compare.map { " (so với đợt \($0))" } ?? ""), hạn tính từ \(start.vietnamese):"
      : "Plan for wave \(request.wave)\(compare.map { " (compared with wave \($0))" } ?? ""), deadlines from \(start):"
    out +=
      vi
      ? "\n  tạo mới \(outcome.created.count), đã có \(outcome.unchanged.count), không còn bị cảnh báo "
        + "\(outcome.unflagged.count), bị cảnh báo lại \(outcome.flaggedAgain.count).\n"
      : "\n  \(outcome.created.count) created, \(outcome.unchanged.count) already planned, \(outcome.unflagged.count) "
        + "no longer flagged, \(outcome.flaggedAgain.count) flagged again.\n"
    return out
  }

  /// The stored wave just before `wave` (by name, numbers by value), if any.
  static func previousWave(before wave: String, in store: any WaveRepository) throws(PapiError) -> String? {
    try store.waveNames().filter { WaveOrder.before($0, wave) }.max(by: WaveOrder.before)
  }
}
