/// What `papi report` was asked to do.
public struct ReportRequest: Sendable {
  /// Exports of the wave to report; when empty, `wave` is read from the store.
  public var files: [String] = []
  public var questionnairePath: String?
  public var wave: String?
  /// The previous wave: stored (`--compare W0`) …
  public var compareWave: String?
  /// … or its exports (`--compare-files`), read with the same questionnaire (then
  /// `compareWave` is only their label).
  public var compareFiles: [String] = []
  public var targetsPath: String?
  /// The task catalogue whose tasks the flags link to (`--tasks`).
  public var tasksPath: String?
  public var unit: String?
  public var level: String?
  public var format: OutputFormat = .table
  public var options = RenderOptions()
  /// Build the report from a published-scores set alone (`--published NAME`).
  public var published: String?
  public var read = ReadOptions()
  /// Feedback lexicons (`--lexicon`), added to the default one.
  public var lexicons: [String] = []

  public init() {}
}

/// `papi report`: sources (the wave and the previous one, or published scores) → scores →
/// targets and flags → the store's actions and feedback beside them → a renderer.
public enum ReportCommand {
  /// Builds the report and renders it into `sink`; returns the warnings and notes.
  /// `store` is needed for stored waves and published scores; with export files it
  /// serves the published benchmarks of the targets, if it is there.
  public static func run(
    _ request: ReportRequest, store: (any PapiStore)?, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    var (report, warnings) = try build(request, store: store)
    if let unit = request.unit { report.scores.units = report.scores.units.filter { $0.code == unit } }
    ParentNames.fill(&report.scores.units, wave: report.scores.wave ?? request.wave, reference: store)
    WeaknessReportOutput.render(report, as: request.format, options: request.options, to: &sink)
    return warnings
  }

  /// The whole output as text.
  public static func run(_ request: ReportRequest, store: (any PapiStore)?) throws(PapiError) -> CommandOutput {
    var buffer = ByteBuffer()
    let warnings = try run(request, store: store, to: &buffer)
    return CommandOutput(text: buffer.text, warnings: warnings)
  }

  /// The weakness report the request asks for, and the warnings met.
  public static func build(
    _ request: ReportRequest, store: (any PapiStore)?
  ) throws(PapiError) -> (WeaknessReport, [Diagnostic]) {
    let targets =
      try request.targetsPath.map { path throws(PapiError) in try TargetSet.load(path: path) } ?? TargetSet()
    let catalogue = try request.tasksPath.map { path throws(PapiError) in try TaskCatalogue.load(path: path) }
    var pipeline = WeaknessReportPipeline(targets: targets, catalogue: catalogue, reference: store)
    if let name = request.published {
      guard let wave = request.wave else {
        throw PapiError(
          file: store?.location ?? "--db",
          message: L(
            "báo cáo từ điểm công bố cần --wave (năm).", "a report from published scores needs --wave (the year)."),
          fix: L("Thêm --wave 2024.", "Add --wave 2024."))
      }
      let store = try WaveSources.required(store)
      pipeline.reference = store
      let questionnaire = try request.questionnairePath.map { path throws(PapiError) in
        try QuestionnaireLoader.load(path: path)
      }
      let published = PublishedScores(
        set: name, reference: store, questionnaire: questionnaire ?? PublishedPAPI.questionnaire)
      return (try pipeline.report(published, wave: request.wave ?? wave, compare: request.compareWave), [])
    }

    var current = try WaveSources.named(
      files: request.files, questionnairePath: request.questionnairePath, wave: request.wave, read: request.read,
      store: store
    ).read()
    current.lonelyPSU = request.read.lonelyPSU
    var previous: SurveyData?
    var previousWave = request.compareWave
    if !request.compareFiles.isEmpty {
      // The previous wave's exports; --compare, if given, is their label.
      previous = try ExportFiles(
        files: request.compareFiles, questionnaire: current.questionnaire, options: request.read
      ).read()
      previousWave = request.compareWave ?? (request.options.language == .vi ? "trước" : "previous")
    } else if let wave = request.compareWave {
      previous = try StoredWave(wave, in: try WaveSources.required(store)).read()
    }
    let level = try current.level(request.level)
    var (report, warnings) = try pipeline.report(
      current, previous: previous, previousWave: previousWave, wave: request.wave, level: level)
    if request.files.isEmpty, let wave = request.wave, let store {
      // Feedback is kept by commune; other levels show none rather than zeros.
      let feedback =
        level == 0
        ? try FeedbackStage.besideFlags(
          wave: wave, compare: request.compareWave, lexicons: request.lexicons, store: store, warnings: &warnings)
        : nil
      try WeaknessReportPipeline.addRegister(
        &report, wave: wave, actions: store, waves: store, feedback: feedback, par: store)
    }
    if let unit = request.unit, !report.scores.units.contains(where: { $0.code == unit }) {
      throw PapiError(
        .notFound, file: request.files.isEmpty ? store?.location ?? "" : request.files.joined(separator: ", "),
        value: unit,
        message: L(
          "không có đơn vị mã \(unit) ở cấp \(report.scores.level).",
          "there is no unit \(unit) at level \(report.scores.level)."),
        fix: L("Kiểm tra mã, hoặc chọn cấp bằng --level.", "Check the code, or choose the level with --level."))
    }
    return (report, warnings)
  }
}
