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
  /// Who issues the plan (`--issuer`); a draft with blanks when nil.
  public var issuerPath: String?
  /// One unit's own plan (`--unit`): its flags only, issued by it.
  public var unit: String?

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
    let unit = try request.unit.map { code throws(PapiError) in try ownUnit(code, in: report) }
    let issuer = try issuerProfile(request, unit: unit, warnings: &warnings)
    let holders = OfficeHolders(
      date: start, level: issuer.level, ward: issuer.body.joined(separator: " ").uppercased().contains("PHƯỜNG"),
      offices: catalogue.offices)
    let proposal = try PlanBuilder.propose(
      report, catalogue: catalogue, wave: request.wave, start: start, created: timestampNow(), holders: holders,
      units: unit.map { [$0.code] })
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
      author: request.author, units: unit.map { [$0.code] })

    var filter = ActionFilter()
    filter.wave = request.wave
    filter.level = report.scores.level
    filter.unit = unit?.code
    let actions = try store.actions(filter)
    let offices = try store.offices()
    let today = try CivilDate.checked(request.today, option: "--today") ?? CivilDate.today()
    let language = request.options.language
    if let writer = DocumentFormat(request.format) {
      // The plan document: the actions flagged now, named as a plan of its date names them.
      let current = actions.filter(\.flagged).compactMap { catalogue.named($0, holders: holders) }
      var offices = offices
      for office in catalogue.offices where offices[office.name] == nil { offices[office.name] = office }
      let document = PlanDocument(
        wave: request.wave, compareWave: compare, units: report.scores.units.count,
        ownUnit: unit.map { $0.name ?? $0.code }, date: start, issuer: issuer, catalogue: catalogue,
        questionnaire: report.questionnaire, actions: current, offices: offices, twoTier: holders != nil,
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

  /// The unit a commune's own plan is for, as the report scored it.
  static func ownUnit(_ code: String, in report: WeaknessReport) throws(PapiError) -> UnitScore {
    if let unit = report.scores.units.first(where: { $0.code == code }) { return unit }
    let codes = report.scores.units.map(\.code)
    throw PapiError(
      .notFound, file: "--unit", value: code,
      message: L(
        "đợt này không có đơn vị mã \(code) ở cấp đang lập kế hoạch.",
        "this wave has no unit with code \(code) at the level being planned."),
      fix: L(
        "Các mã có: \(codes.prefix(12).joined(separator: ", "))\(codes.count > 12 ? ", …" : "").",
        "The codes are: \(codes.prefix(12).joined(separator: ", "))\(codes.count > 12 ? ", …" : "")."))
  }

  /// The issuer profile, else a draft's: a commune's for its own plan, the province's for a
  /// plan of many units.
  static func issuerProfile(
    _ request: PlanRequest, unit: UnitScore?, warnings: inout [Diagnostic]
  ) throws(PapiError) -> IssuerProfile {
    if let path = request.issuerPath { return try IssuerProfile.load(path: path) }
    if DocumentFormat(request.format) != nil {
      warnings.append(
        Diagnostic(
          .note, SourceLocation(file: "--issuer"),
          message: L(
            "chưa có hồ sơ cơ quan ban hành: phần đầu và chữ ký của kế hoạch để trống (…) cho văn thư điền.",
            "no issuer profile: the plan's head and signature are left blank (…) for the records office to fill in."),
          fix: L(
            "papi init viết tệp mẫu co-quan-ban-hanh.yaml; dùng --issuer co-quan-ban-hanh.yaml.",
            "papi init writes a co-quan-ban-hanh.yaml template; pass --issuer co-quan-ban-hanh.yaml.")))
    }
    return unit == nil ? .blankProvince : .blank
  }

  /// The stored wave just before `wave` (by name, numbers by value), if any.
  static func previousWave(before wave: String, in store: any WaveRepository) throws(PapiError) -> String? {
    try store.waveNames().filter { WaveOrder.before($0, wave) }.max(by: WaveOrder.before)
  }
}
