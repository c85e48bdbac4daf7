/// What `papi score` was asked to do.
public struct ScoreRequest: Sendable {
  /// Exports to score; when empty, the wave `wave` is read from the store.
  public var files: [String]
  /// The questionnaire for `files` (a stored wave carries its own).
  public var questionnairePath: String?
  public var read: ReadOptions
  public var level: String?
  public var unit: String?
  public var format: OutputFormat
  public var language: Language
  public var wave: String?
  /// Convert respondents to this unit set through the stored crosswalk (derived scores).
  public var asOfUnits: String?

  public init(
    files: [String], questionnairePath: String?, read: ReadOptions = ReadOptions(), level: String? = nil,
    unit: String? = nil, format: OutputFormat = .table, language: Language = .vi, wave: String? = nil,
    asOfUnits: String? = nil
  ) {
    self.files = files
    self.questionnairePath = questionnairePath
    self.read = read
    self.level = level
    self.unit = unit
    self.format = format
    self.language = language
    self.wave = wave
    self.asOfUnits = asOfUnits
  }
}

/// What a command wrote, as text, and its warnings (tests, small outputs).
public struct CommandOutput: Sendable {
  public var text: String
  public var warnings: [Diagnostic]
}

/// `papi score`: a source of respondents (exports, a stored wave, either through a
/// crosswalk) → scores at one level → a table or JSON.
public enum ScoreCommand {
  /// The formats `papi score` writes.
  public static let formats: [OutputFormat] = [.table, .json]

  /// Scores and renders into `sink`; returns the warnings. The respondents are released
  /// before the output is written. `store` is needed for a stored wave or a crosswalk.
  public static func run(
    _ request: ScoreRequest, store: (any PapiStore)?, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    let (questionnaire, report, warnings) = try scores(request, store: store)
    switch request.format {
    case .json:
      ScoreJSONRenderer().render(report, to: &sink)
    case .table, .md, .html, .csv, .docx, .xlsx:
      // Refused before: `score` writes a table or JSON.
      let detail = request.unit != nil || report.units.count == 1
      ScoreTableRenderer(questionnaire: questionnaire, language: request.language, detail: detail).render(
        report, to: &sink)
    }
    return warnings
  }

  /// The whole output as text.
  public static func run(_ request: ScoreRequest, store: (any PapiStore)? = nil) throws(PapiError) -> CommandOutput {
    var buffer = ByteBuffer()
    let warnings = try run(request, store: store, to: &buffer)
    return CommandOutput(text: buffer.text, warnings: warnings)
  }

  private static func scores(
    _ request: ScoreRequest, store: (any PapiStore)?
  ) throws(PapiError) -> (Questionnaire, ScoreReport, [Diagnostic]) {
    var source = try WaveSources.named(
      files: request.files, questionnairePath: request.questionnairePath, wave: request.wave, read: request.read,
      store: store)
    if let set = request.asOfUnits {
      source = CrosswalkedWave(source, to: set, reference: try WaveSources.required(store), level: request.level)
    }
    var data = try source.read()
    data.lonelyPSU = request.read.lonelyPSU
    var level = try data.level(request.level)
    if let unit = request.unit, data.table.units.find(unit, level: level) == nil {
      // A unit asked for without a level is found at whichever level has it.
      if request.level == nil,
        let other = (0..<data.levels.count).first(where: { data.table.units.find(unit, level: $0) != nil })
      {
        level = other
      } else {
        throw PapiError(
          .notFound, file: request.files.joined(separator: ", "), value: unit,
          message: L(
            "không có đơn vị mã \(unit) ở cấp \(data.levels[level]) trong dữ liệu.",
            "there is no unit with code \(unit) at level \(data.levels[level]) in the data."),
          fix: L(
            "Kiểm tra mã (giữ cả số 0 ở đầu), hoặc chọn cấp khác bằng --level.",
            "Check the code (keep leading zeros), or choose another level with --level."))
      }
    }
    var report = try ScoringStage.score(data, level: level, wave: request.wave)
    if let unit = request.unit { report.units = report.units.filter { $0.code == unit } }
    ParentNames.fill(&report.units, wave: request.wave, reference: store)
    return (data.questionnaire, report, data.warnings)
  }
}
