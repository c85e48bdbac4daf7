/// The weakness report's stages assembled in one place, for `papi report` and `papi plan`:
/// scores of the wave and of the previous one → targets, benchmarks and flags → the tasks
/// the flags link to → (from a store) the actions planned, their re-measurement and the
/// citizen feedback beside the flags.
public struct WeaknessReportPipeline {
  public var targets: TargetSet
  /// The catalogue whose tasks flags link to (`--tasks`).
  public var catalogue: TaskCatalogue?
  /// Where published benchmarks come from; none without a store.
  public var reference: (any ReferenceRepository)?

  public init(targets: TargetSet, catalogue: TaskCatalogue? = nil, reference: (any ReferenceRepository)? = nil) {
    self.targets = targets
    self.catalogue = catalogue
    self.reference = reference
  }

  /// From respondents: the wave's scores at `level` against the previous wave's (scored
  /// with this wave's questionnaire), then the flags. Returns the warnings met.
  public func report(
    _ current: SurveyData, previous: SurveyData?, previousWave: String?, wave: String?, level: Int
  ) throws(PapiError) -> (WeaknessReport, [Diagnostic]) {
    let scores = try ScoringStage.score(current, level: level, wave: wave)
    var earlier: ScoreReport?
    if let previous { earlier = try ScoringStage.score(previous, like: current, level: level, wave: previousWave) }
    // Rules may name units of any level: a targets file serves communes and provinces.
    let everyUnit = Set(current.table.units.levels.flatMap { $0.map(\.code) })
    try targets.check(
      questionnaire: current.questionnaire, units: everyUnit, parents: everyUnit, levels: current.levels)
    var warnings = current.warnings
    let benchmarks = try AssessmentStage.benchmarks(
      targets, wave: wave, level: scores.level, reference: reference, warnings: &warnings)
    var report = AssessmentStage.assess(
      scores, previous: earlier, previousWave: previousWave, targets: targets, questionnaire: current.questionnaire,
      benchmarks: benchmarks)
    // Survey scores against published ones: another instrument, so the comparison is a caveat.
    report.otherInstrument = benchmarks.keys.sorted()
    for name in report.otherInstrument {
      warnings.append(
        Diagnostic(
          .warning, SourceLocation(file: targets.source), value: name,
          message: WeaknessReport.otherInstrumentNote(name, questionnaire: current.questionnaire.id),
          fix: L(
            "Chỉ so sánh điểm của cùng một bảng hỏi (mục tiêu previous, peer_mean, target), hoặc dùng --published.",
            "Compare scores of one questionnaire only (previous, peer_mean, target rules), or use --published.")))
    }
    try link(&report)
    return (report, warnings)
  }

  /// From published scores alone: the set's units in `wave`, ranked, with their change
  /// from the previous wave (`compare`, else the year before) and their published groups.
  public func report(_ published: PublishedScores, wave: String, compare: String?) throws(PapiError) -> WeaknessReport {
    let current = try published.units(wave: wave)
    if current.isEmpty {
      throw PapiError(
        .notFound, file: published.reference.location, value: "\(published.set) \(wave)",
        message: L(
          "bộ điểm công bố \(published.set) không có số liệu năm \(wave).",
          "published set \(published.set) has no scores for \(wave)."),
        fix: L(
          "Kiểm tra tên bộ (`papi benchmarks load … --name`) và năm.",
          "Check the set's name (`papi benchmarks load … --name`) and the year."))
    }
    let previousWave = compare ?? Int(wave).map { String($0 - 1) }
    let earlier = try previousWave.map { previous throws(PapiError) in try published.units(wave: previous) } ?? [:]
    let scores = published.report(current, wave: wave)
    let previous = earlier.isEmpty ? nil : published.report(earlier, wave: previousWave)
    try targets.check(
      questionnaire: published.questionnaire, units: Set(current.keys), parents: [], levels: [scores.level])
    var ignored: [Diagnostic] = []
    let benchmarks = try AssessmentStage.benchmarks(
      targets, wave: wave, level: scores.level, reference: published.reference, warnings: &ignored)
    var report = AssessmentStage.assess(
      scores, previous: previous, previousWave: previousWave, targets: targets, questionnaire: published.questionnaire,
      benchmarks: benchmarks, groups: current.compactMapValues(\.group), published: true)
    try link(&report)
    return report
  }

  /// Links the flags to the catalogue's tasks, if there is a catalogue.
  private func link(_ report: inout WeaknessReport) throws(PapiError) {
    guard let catalogue = catalogue?.scoped(to: report.questionnaire) else { return }
    try catalogue.check(questionnaire: report.questionnaire)
    report.linkTasks(catalogue)
  }

  /// The store's side of a report of a stored wave: the actions planned for these units up
  /// to this wave, how the earlier ones fared in it, the offices they name, and the
  /// wave's citizen feedback (kept by commune, so only at level 0), and the units' lost PAR
  /// INDEX criteria that bear on PAPI dimensions.
  public static func addRegister(
    _ report: inout WeaknessReport, wave: String, actions: any ActionRepository, waves: any WaveRepository,
    feedback: FeedbackSummary?, par: (any ParRepository)? = nil
  ) throws(PapiError) {
    let codes = Set(report.scores.units.map(\.code))
    let level = report.scores.level
    let planned = try actions.actions().filter {
      $0.level == level && codes.contains($0.unitCode) && !WaveOrder.before(wave, $0.wave)
    }
    report.actions = Dictionary(grouping: planned, by: \.unitCode)
    report.remeasured = try Remeasurement.remeasure(planned, waves: waves, upTo: wave, known: report.scores)
    report.offices = try actions.offices()
    report.feedback = feedback
    if let par { report.parLinks = try ParPapiLink.links(for: codes, wave: wave, years: par) }
  }
}
