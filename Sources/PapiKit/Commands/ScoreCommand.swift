/// Output formats of `papi score`.
public enum ScoreFormat: String, Sendable, CaseIterable {
  case table, json
}

/// What `papi score` was asked to do.
public struct ScoreRequest: Sendable {
  public var files: [String]
  public var questionnairePath: String
  public var read: ReadOptions
  public var level: String?
  public var unit: String?
  public var format: ScoreFormat
  public var language: Language
  public var wave: String?

  public init(
    files: [String], questionnairePath: String, read: ReadOptions = ReadOptions(), level: String? = nil,
    unit: String? = nil, format: ScoreFormat = .table, language: Language = .vi, wave: String? = nil
  ) {
    self.files = files
    self.questionnairePath = questionnairePath
    self.read = read
    self.level = level
    self.unit = unit
    self.format = format
    self.language = language
    self.wave = wave
  }
}

/// The result of a command: what goes to stdout, and the warnings for stderr.
public struct CommandOutput: Sendable {
  public var text: String
  public var warnings: [Diagnostic]
}

/// `papi score FILE… -q Q`: reads the exports and scores every unit at one level.
public enum ScoreCommand {
  /// Runs the command and returns its whole output as text.
  public static func run(_ request: ScoreRequest) throws(PapiError) -> CommandOutput {
    var bytes: [UInt8] = []
    let warnings = try run(request) { bytes.append(contentsOf: $0) }
    return CommandOutput(text: String(decoding: bytes, as: UTF8.self), warnings: warnings)
  }

  /// Runs the command, handing the output to `write` in pieces; returns the warnings.
  /// The respondents are released before the output is written.
  public static func run(_ request: ScoreRequest, write: @escaping (UnsafeRawBufferPointer) -> Void) throws(PapiError) -> [Diagnostic] {
    let questionnaire = try QuestionnaireLoader.load(path: request.questionnairePath)
    let (report, warnings) = try scores(request, questionnaire)
    switch request.format {
    case .json:
      JSONRenderer.render(report, write: write)
    case .table:
      var text = TableRenderer.render(
        report, questionnaire: questionnaire, language: request.language, detail: request.unit != nil || report.units.count == 1)
      text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
    return warnings
  }

  private static func scores(_ request: ScoreRequest, _ questionnaire: Questionnaire) throws(PapiError) -> (ScoreReport, [Diagnostic]) {
    let result = ExportReader.read(request.files, questionnaire: questionnaire, options: request.read)
    if result.hasErrors { throw PapiError(result.diagnostics) }
    let levels = UnitLevels.names(for: questionnaire.respondent)
    var level = 0
    if let name = request.level {
      guard let index = levels.firstIndex(of: name) else {
        throw PapiError(
          file: request.questionnairePath, value: name,
          message: L("cấp `\(name)` không có trong bảng hỏi này (có: \(levels.joined(separator: ", "))).",
                     "level `\(name)` is not in this questionnaire (it has: \(levels.joined(separator: ", ")))."),
          fix: L("Dùng --level với một trong các cấp trên.", "Use --level with one of the levels above."))
      }
      level = index
    }
    if let unit = request.unit, result.table.units.find(unit, level: level) == nil {
      if request.level == nil, let other = (0..<levels.count).first(where: { result.table.units.find(unit, level: $0) != nil }) {
        level = other
      } else {
        throw PapiError(
          file: request.files.joined(separator: ", "), value: unit,
          message: L("không có đơn vị mã \(unit) ở cấp \(levels[level]) trong dữ liệu.",
                     "there is no unit with code \(unit) at level \(levels[level]) in the data."),
          fix: L("Kiểm tra mã (giữ cả số 0 ở đầu), hoặc chọn cấp khác bằng --level.",
                 "Check the code (keep leading zeros), or choose another level with --level."))
      }
    }
    var report = Scorer(questionnaire: questionnaire).score(result.table, level: level, wave: request.wave)
    if let unit = request.unit { report.units = report.units.filter { $0.code == unit } }
    return (report, result.diagnostics)
  }
}
