/// What `papi par plan` was asked to do.
public struct ParPlanRequest: Sendable {
  public var year: String
  /// The task catalogue; `questionnaires/papi-tasks.yaml` when not given.
  public var tasksPath: String?
  /// The day deadlines are counted from (default: today).
  public var start: CivilDate?
  /// The day overdue is judged on in the output (default: today).
  public var today: CivilDate?
  /// One unit's lost criteria only.
  public var unit: String?
  /// Who issues the plan: its level decides which bodies hold an abolished office's
  /// duties since 1 July 2025 (a commune's own for `--unit`, else the province's).
  public var issuerPath: String?
  public var format: OutputFormat = .table
  public var options = RenderOptions()
  public var author: String = PlanRequest.defaultAuthor

  public init(year: String) {
    self.year = year
  }
}

/// `papi par plan --year Y`: the stored year's lost criteria → the catalogue's PAR tasks →
/// action items in the same register as the survey's (source `par`; running it again
/// creates nothing new) → the register of the year's PAR actions. The next year's results
/// re-measure them (`papi actions list`).
public enum ParPlanCommand {
  public static func run(
    _ request: ParPlanRequest, store: any PapiStore, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    var notes: [Diagnostic] = []
    let year = try ParReportCommand.stored(request.year, store: store)
    let set = try year.criteria()
    let all = try ParIndex.score(set, results: year.results, stated: year.stated)
    let units = all.filter { request.unit == nil || $0.code == request.unit }
    if let unit = request.unit, units.isEmpty {
      throw ParReportCommand.unitNotFound(unit, year: year, store: store)
    }
    let catalogue = try TaskCatalogue.load(path: try DefaultInputs.catalogue(request.tasksPath, notes: &notes))
    let start = try CivilDate.checked(request.start, option: "--start") ?? CivilDate.today()
    let today = try CivilDate.checked(request.today, option: "--today") ?? CivilDate.today()
    let issuer =
      try request.issuerPath.map { path throws(PapiError) in try IssuerProfile.load(path: path) }
      ?? (request.unit == nil ? .blankProvince : .blank)
    let holders = OfficeHolders(date: start, level: issuer.level, ward: issuer.isWard, offices: catalogue.offices)
    let builder = ParPlanBuilder(
      set: set, year: request.year, catalogue: catalogue, start: start, created: timestampNow(), holders: holders)
    let (actions, uncovered) = try builder.actions(units)
    if !uncovered.isEmpty {
      notes.append(
        Diagnostic(
          .warning, SourceLocation(file: catalogue.source), value: uncovered.joined(separator: ", "),
          message: L(
            "\(uncovered.count) tiêu chí mất điểm không có nhiệm vụ nào trong danh mục (kể cả của lĩnh vực).",
            "\(uncovered.count) lost criteria have no task in the catalogue (not even their field's)."),
          fix: L(
            "Thêm nhiệm vụ `survey: par` cho tiêu chí hoặc lĩnh vực đó vào danh mục của tỉnh (--tasks).",
            "Add a `survey: par` task for the criterion or its field to the province's catalogue (--tasks).")))
    }
    _ = try store.applyPlan(
      wave: request.year, level: ParPlanBuilder.level, actions: actions, offices: catalogue.offices,
      author: request.author, units: request.unit.map { [$0] }, source: .par)
    var filter = ActionFilter()
    filter.wave = request.year
    let stored = try store.actions(filter).filter {
      $0.source == .par && (request.unit == nil || $0.unitCode == request.unit)
    }
    let listing = ActionListing(
      actions: stored, remeasured: try Remeasurement.remeasurePar(stored, years: store), offices: try store.offices(),
      today: today)
    ActionListOutput.render(listing, as: request.format, options: request.options, to: &sink)
    return notes
  }
}
