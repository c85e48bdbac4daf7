/// Output formats of `papi score`.
public enum ScoreFormat: String, Sendable, CaseIterable {
  case table, json
}

/// What `papi score` was asked to do.
public struct ScoreRequest: Sendable {
  /// Exports to score; when empty, the wave `wave` is read from the database.
  public var files: [String]
  /// The questionnaire for `files` (a stored wave carries its own).
  public var questionnairePath: String?
  public var read: ReadOptions
  public var level: String?
  public var unit: String?
  public var format: ScoreFormat
  public var language: Language
  public var wave: String?
  public var databasePath: String
  /// Convert respondents to this unit set through the stored crosswalk (derived scores).
  public var asOfUnits: String?

  public init(
    files: [String], questionnairePath: String?, read: ReadOptions = ReadOptions(), level: String? = nil,
    unit: String? = nil, format: ScoreFormat = .table, language: Language = .vi, wave: String? = nil,
    databasePath: String = Store.defaultPath, asOfUnits: String? = nil
  ) {
    self.databasePath = databasePath
    self.asOfUnits = asOfUnits
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
    let (questionnaire, report, warnings) = try scores(request)
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

  /// The respondents to score: from the exports, or from the stored wave.
  static func respondents(_ request: ScoreRequest) throws(PapiError) -> (Questionnaire, ResponseTable, [Diagnostic]) {
    if request.files.isEmpty {
      guard let wave = request.wave else {
        throw PapiError(
          file: request.databasePath,
          message: L("không có tệp xuất nào và không có --wave.", "no export files and no --wave."),
          fix: L("Đưa tệp xuất khảo sát, hoặc chọn một đợt đã nhập bằng --wave (xem `papi waves`).",
                 "Give export files, or choose an imported wave with --wave (see `papi waves`)."))
      }
      let (questionnaire, table) = try Store.openExisting(path: request.databasePath).loadWave(wave)
      return (questionnaire, table, [])
    }
    guard let path = request.questionnairePath else {
      throw PapiError(
        file: request.files.joined(separator: ", "),
        message: L("cần bảng hỏi để đọc tệp xuất.", "reading exports needs a questionnaire."),
        fix: L("Thêm -q questionnaires/papi-2024.yaml (hoặc bảng hỏi của bạn).", "Add -q questionnaires/papi-2024.yaml (or your own questionnaire)."))
    }
    let questionnaire = try QuestionnaireLoader.load(path: path)
    let result = ExportReader.read(request.files, questionnaire: questionnaire, options: request.read)
    if result.hasErrors { throw PapiError(result.diagnostics) }
    return (questionnaire, result.table, result.diagnostics)
  }

  private static func scores(_ request: ScoreRequest) throws(PapiError) -> (Questionnaire, ScoreReport, [Diagnostic]) {
    let (questionnaire, read, warnings) = try respondents(request)
    var table = read
    var levels = UnitLevels.names(for: questionnaire.respondent)
    if let set = request.asOfUnits {
      let store = try Store.openExisting(path: request.databasePath)
      let register = try store.registerUnits(set: set)
      if register.isEmpty {
        throw PapiError(
          file: request.databasePath, value: set,
          message: L("chưa nạp bộ đơn vị \(set).", "unit set \(set) is not loaded."),
          fix: L("Nạp sổ đơn vị và bảng chuyển đổi: `papi units load …`, `papi units crosswalk … --to \(set)`.",
                 "Load the register and the crosswalk: `papi units load …`, `papi units crosswalk … --to \(set)`."))
      }
      let crosswalk = try store.crosswalk(to: set)
      let source = request.files.isEmpty ? request.databasePath : request.files.joined(separator: ", ")
      let converted = try UnitConversion.convert(table, crosswalk: crosswalk, register: register, set: set, source: source)
      levels = converted.levelNames
      // Above the communes, convert again so a split commune's respondents count once per parent.
      if let name = request.level, let index = levels.firstIndex(of: name), index > 0 {
        table = try UnitConversion.convert(table, crosswalk: crosswalk, register: register, set: set, source: source, level: index).table
      } else {
        table = converted.table
      }
    }
    var level = try ReportCommand.levelIndex(request.level, levels: levels, source: request.questionnairePath ?? request.databasePath)
    if let unit = request.unit, table.units.find(unit, level: level) == nil {
      if request.level == nil, let other = (0..<levels.count).first(where: { table.units.find(unit, level: $0) != nil }) {
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
    var report = Scorer(questionnaire: questionnaire).score(table, level: level, wave: request.wave, levelNames: levels)
    report.unitsAsOf = request.asOfUnits
    if let unit = request.unit { report.units = report.units.filter { $0.code == unit } }
    return (questionnaire, report, warnings)
  }
}
