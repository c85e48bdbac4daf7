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
  /// Plan from the wave's respondents re-expressed on this unit set (`--as-of-units`, a
  /// merged commune's plan from older waves): the scores are derived, and the plan says so.
  public var asOfUnits: String?
  /// Plan from a published-scores set alone (`--published NAME --wave YEAR`): a province's
  /// plan from the published PAPI scores.
  public var published: String?
  /// What a stratum with one cluster adds to the variance (`--lonely-psu`).
  public var lonelyPSU = LonelyPSU.fail
  /// Only the flags that are clearly below target or declined (`--only significant`).
  public var onlySignificant = false

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
    var (report, compare, warnings) = try weaknessReport(request, store: store)

    // The tasks for this survey: PAPI's, or the SIPAS part of the catalogue.
    let catalogue = try TaskCatalogue.load(path: try DefaultInputs.catalogue(request.tasksPath, notes: &warnings))
      .scoped(to: report.questionnaire)
    try catalogue.check(questionnaire: report.questionnaire)
    let start = try CivilDate.checked(request.start, option: "--start") ?? CivilDate.today()
    let unit = try request.unit.map { code throws(PapiError) in try ownUnit(code, in: report) }
    let unitLevel = report.scores.level
    let issuer = try issuerProfile(request, unit: unit, level: unitLevel, warnings: &warnings)
    // Actions planned on units re-expressed on another set are kept apart from the wave's
    // own (a merged commune may keep an old commune's code): their level names the set.
    if let set = request.asOfUnits { report.scores.level = "\(unitLevel)@\(set)" }
    let holders = OfficeHolders(
      date: start, level: issuer.level, ward: issuer.isWard, offices: catalogue.offices)
    // A commune's own plan leaves the register's other actions of the wave as they are.
    let planned: Set<String>? = unit.map { [$0.code] }
    let proposal = try PlanBuilder.propose(
      report, catalogue: catalogue, wave: request.wave, start: start, created: timestampNow(), holders: holders,
      units: planned, statuses: request.onlySignificant ? PlanBuilder.significant : PlanBuilder.actionable)
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
    var outcome = PlanOutcome()
    var actions: [ActionItem]
    var offices: [String: Office]
    if request.published != nil {
      // Published scores are not a stored wave: the plan is written, its actions are not
      // kept in the register (there is no survey of the province's respondents to re-measure).
      actions = proposal.actions
      offices = Dictionary(catalogue.offices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
      warnings.append(
        Diagnostic(
          .note, SourceLocation(file: "--published"),
          message: L(
            "kế hoạch lập từ điểm công bố: các nhiệm vụ không được lưu vào sổ theo dõi.",
            "a plan from published scores: its actions are not kept in the register."),
          fix: L(
            "Để theo dõi nhiệm vụ, lập kế hoạch từ một đợt khảo sát đã nhập (--wave).",
            "To follow actions up, plan from an imported survey wave (--wave).")))
    } else {
      outcome = try store.applyPlan(
        wave: request.wave, level: report.scores.level, actions: proposal.actions, offices: catalogue.offices,
        author: request.author, units: planned)
      var filter = ActionFilter()
      filter.wave = request.wave
      filter.level = report.scores.level
      filter.unit = unit?.code
      actions = try store.actions(filter)
      offices = try store.offices()
    }
    if request.onlySignificant { actions = actions.filter { PlanBuilder.significant.contains($0.flag) } }
    let today = try CivilDate.checked(request.today, option: "--today") ?? CivilDate.today()
    let language = request.options.language
    if let writer = DocumentFormat(request.format) {
      // The plan document: the actions flagged now, named as a plan of its date names them.
      let current = actions.filter(\.flagged).compactMap { catalogue.named($0, holders: holders) }
      var offices = offices
      for office in catalogue.offices where offices[office.name] == nil { offices[office.name] = office }
      let document = PlanDocument(
        wave: request.wave, compareWave: compare, level: unitLevel, units: report.scores.units.count,
        ownUnit: unit.map { $0.name ?? $0.code }, date: start, issuer: issuer, catalogue: catalogue,
        questionnaire: report.questionnaire, actions: current, offices: offices, twoTier: holders != nil,
        feedback: report.feedback, unitsAsOf: request.asOfUnits, published: request.published)
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

  /// The weakness report the plan acts on: the stored wave against the previous one (or
  /// both re-expressed on `--as-of-units`), or a published-scores set; the compared wave.
  static func weaknessReport(
    _ request: PlanRequest, store: any PapiStore
  ) throws(PapiError) -> (WeaknessReport, String?, [Diagnostic]) {
    let targets = try TargetSet.load(path: request.targetsPath)
    let pipeline = WeaknessReportPipeline(targets: targets, reference: store)
    if let set = request.published {
      let published = PublishedScores(set: set, reference: store, questionnaire: PublishedPAPI.questionnaire)
      let report = try pipeline.report(published, wave: request.wave, compare: request.compareWave)
      return (report, request.compareWave ?? Int(request.wave).map { String($0 - 1) }, [])
    }
    var compare = request.compareWave
    if compare == nil { compare = try previousWave(before: request.wave, in: store) }
    func source(_ wave: String) -> any WaveSource {
      let stored = StoredWave(wave, in: store)
      return request.asOfUnits.map { CrosswalkedWave(stored, to: $0, reference: store, level: request.level) } ?? stored
    }
    var current = try source(request.wave).read()
    current.lonelyPSU = request.lonelyPSU
    let previous = try compare.map { wave throws(PapiError) in try source(wave).read() }
    let level = try current.level(request.level)
    var (report, warnings) = try pipeline.report(
      current, previous: previous, previousWave: compare, wave: request.wave, level: level)
    let feedback =
      level == 0 && request.asOfUnits == nil
      ? try FeedbackStage.besideFlags(
        wave: request.wave, compare: compare, lexicons: request.lexicons, store: store, warnings: &warnings)
      : nil
    try WeaknessReportPipeline.addRegister(
      &report, wave: request.wave, actions: store, waves: store, feedback: feedback, par: store)
    return (report, compare, warnings)
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
    _ request: PlanRequest, unit: UnitScore?, level: String, warnings: inout [Diagnostic]
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
    // A commune's own plan is its People's Committee's; any other, the province's.
    return unit != nil && level == "commune" ? .blank : .blankProvince
  }

  /// The stored wave just before `wave` (by name, numbers by value), if any.
  static func previousWave(before wave: String, in store: any WaveRepository) throws(PapiError) -> String? {
    try store.waveNames().filter { WaveOrder.before($0, wave) }.max(by: WaveOrder.before)
  }
}
