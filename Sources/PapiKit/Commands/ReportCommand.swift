import Foundation

/// Output formats of `papi report`.
public enum ReportFormat: String, Sendable, CaseIterable {
  case table, md, html, csv, json
}

/// What `papi report` was asked to do.
public struct ReportRequest: Sendable {
  /// Exports of the wave to report; when empty, `wave` is read from the database.
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
  public var format: ReportFormat = .table
  public var language: Language = .vi
  public var databasePath: String = Store.defaultPath
  /// Build the report from a published-scores set alone (`--published NAME`).
  public var published: String?
  public var read = ReadOptions()
  /// CSV for Excel: UTF-8 with BOM, `;`, decimal comma.
  public var excel = false
  /// ANSI colours in the table (only when stdout is a terminal).
  public var color = false
  /// Feedback lexicons (`--lexicon`), merged in order; the default lexicon when empty.
  public var lexicons: [String] = []

  public init() {}
}

/// `papi report`: scores, targets, flags and the comparison with the previous wave.
public enum ReportCommand {
  public static func run(_ request: ReportRequest) throws(PapiError) -> (text: String, warnings: [Diagnostic]) {
    let (report, warnings) = try build(request)
    return (render(report, request), warnings)
  }

  public static func render(_ report: WeaknessReport, _ request: ReportRequest) -> String {
    var shown = report
    if let unit = request.unit { shown.scores.units = shown.scores.units.filter { $0.code == unit } }
    switch request.format {
    case .table: return ReportTableRenderer.render(shown, language: request.language, color: request.color)
    case .md: return ReportMarkdownRenderer.render(shown, language: request.language)
    case .html: return ReportHTMLRenderer.render(shown, language: request.language)
    case .csv: return ReportCSVRenderer.render(shown, excel: request.excel)
    case .json: return JSONRenderer.render(shown)
    }
  }

  public static func build(_ request: ReportRequest) throws(PapiError) -> (WeaknessReport, [Diagnostic]) {
    let targets = try request.targetsPath.map { path throws(PapiError) in try TargetSet.load(path: path) } ?? TargetSet()
    if let name = request.published {
      var report = try publishedReport(request, set: name, targets: targets)
      try linkTasks(&report, request)
      return (report, [])
    }

    var scoreRequest = ScoreRequest(
      files: request.files, questionnairePath: request.questionnairePath, read: request.read, level: request.level,
      format: .json, language: request.language, wave: request.wave, databasePath: request.databasePath)
    let (questionnaire, table, readWarnings) = try ScoreCommand.respondents(scoreRequest)
    let levels = UnitLevels.names(for: questionnaire.respondent)
    let level = try levelIndex(request.level, levels: levels, source: request.questionnairePath ?? request.databasePath)
    let scorer = Scorer(questionnaire: questionnaire)
    let scores = scorer.score(table, level: level, wave: request.wave)

    var previous: ScoreReport?
    var previousWave = request.compareWave
    if !request.compareFiles.isEmpty {
      // The previous wave's exports; --compare, if given, is their label.
      scoreRequest.files = request.compareFiles
      let (_, earlier, _) = try ScoreCommand.respondents(scoreRequest)
      previousWave = request.compareWave ?? (request.language == .vi ? "trước" : "previous")
      previous = scorer.score(earlier, level: level, wave: previousWave)
    } else if let wave = request.compareWave {
      let (_, earlier) = try Store.openExisting(path: request.databasePath).loadWave(wave)
      previous = Scorer(questionnaire: questionnaire).score(earlier, level: level, wave: wave)
    }

    let codes = Set(scores.units.map(\.code))
    // Rules may name units of any level: a targets file serves communes and provinces.
    let everyUnit = Set(table.units.levels.flatMap { $0.map(\.code) })
    try targets.check(questionnaire: questionnaire, units: everyUnit, parents: everyUnit, levels: levels)
    var warnings = readWarnings
    let published = try benchmarks(targets, wave: request.wave, level: scores.level, database: request.databasePath, warnings: &warnings)
    var report = FlagEngine.evaluate(
      scores: scores, previous: previous, previousWave: previousWave, targets: targets, questionnaire: questionnaire,
      published: published, groups: [:], isPublished: false)
    try linkTasks(&report, request)
    if request.files.isEmpty, let wave = request.wave {
      // Read from the database: the actions planned for these units, up to this wave, and
      // how the earlier ones fared in it.
      let store = try Store.openExisting(path: request.databasePath)
      let actions = try store.actions().filter { $0.level == scores.level && codes.contains($0.unitCode) && !WaveOrder.before(wave, $0.wave) }
      report.actions = Dictionary(grouping: actions, by: \.unitCode)
      report.remeasured = try store.remeasure(actions, upTo: wave, known: scores)
      report.offices = try store.offices()
      // Feedback is kept by commune; other levels show none rather than zeros.
      if level == 0 { report.feedback = try feedback(store, wave: wave, request, warnings: &warnings) }
    }
    if let unit = request.unit, !codes.contains(unit) {
      throw PapiError(
        file: request.files.isEmpty ? request.databasePath : request.files.joined(separator: ", "), value: unit,
        message: L("không có đơn vị mã \(unit) ở cấp \(scores.level).", "there is no unit \(unit) at level \(scores.level)."),
        fix: L("Kiểm tra mã, hoặc chọn cấp bằng --level.", "Check the code, or choose the level with --level."))
    }
    return (report, warnings)
  }

  /// The wave's stored feedback for the report, against the compared wave. Without a
  /// lexicon file at hand (the default one is looked up from the working folder) the report
  /// goes on without feedback and says why.
  static func feedback(_ store: Store, wave: String, _ request: ReportRequest, warnings: inout [Diagnostic]) throws(PapiError) -> FeedbackSummary? {
    if request.lexicons.isEmpty && !FileManager.default.fileExists(atPath: FeedbackLexicon.defaultPath) {
      if !(try store.feedback(wave: wave)).isEmpty {
        warnings.append(
          Diagnostic(
            .warning, SourceLocation(file: FeedbackLexicon.defaultPath), message: L(
              "không tìm thấy từ điển ý kiến: báo cáo không kèm ý kiến người dân.", "no feedback lexicon here: the report leaves citizen feedback out."),
            fix: L("Chạy lệnh trong thư mục của papi, hoặc chỉ từ điển bằng --lexicon.", "Run from papi's folder, or give the lexicon with --lexicon.")))
      }
      return nil
    }
    return try FeedbackCommand.summary(store: store, wave: wave, compare: request.compareWave, lexicons: request.lexicons)
  }

  /// Links the flags to the tasks of the catalogue given with `--tasks`, if any.
  static func linkTasks(_ report: inout WeaknessReport, _ request: ReportRequest) throws(PapiError) {
    guard let path = request.tasksPath else { return }
    let catalogue = try TaskCatalogue.load(path: path)
    try catalogue.check(questionnaire: report.questionnaire)
    report.linkTasks(catalogue)
  }

  /// The published scores that `benchmark:` rules of this level use. A set that is not
  /// loaded leaves those rules without a target (flagged `insufficient`) and says so.
  static func benchmarks(
    _ targets: TargetSet, wave: String?, level: String, database: String, warnings: inout [Diagnostic]
  ) throws(PapiError) -> [String: [String: PublishedUnit]] {
    let names = Set(targets.rules.compactMap { rule -> String? in
      guard case .benchmark(let name) = rule.kind else { return nil }
      if case .level(let scope) = rule.scope, scope != level { return nil }
      return name
    })
    var published: [String: [String: PublishedUnit]] = [:]
    guard !names.isEmpty else { return published }
    let store = FileManager.default.fileExists(atPath: database) ? try Store.open(path: database) : nil
    let loaded = try store?.benchmarkSets() ?? []
    for name in names.sorted() {
      guard let store, loaded.contains(name), let wave else {
        warnings.append(
          Diagnostic(
            .warning, SourceLocation(file: targets.source), value: name,
            message: wave == nil
              ? L("mục tiêu theo điểm công bố `\(name)` cần --wave (năm); các mục tiêu này để trống.", "targets from published set `\(name)` need --wave (the year); they are left empty.")
              : L("chưa nạp bộ điểm công bố `\(name)`; các mục tiêu theo bộ này để trống.", "published set `\(name)` is not loaded; its targets are left empty."),
            fix: L("Nạp bằng `papi benchmarks load FILE --name \(name)`.", "Load it with `papi benchmarks load FILE --name \(name)`.")))
        continue
      }
      published[name] = try store.publishedUnits(set: name, wave: wave)
    }
    return published
  }

  static func levelIndex(_ name: String?, levels: [String], source: String) throws(PapiError) -> Int {
    guard let name else { return 0 }
    guard let index = levels.firstIndex(of: name) else {
      throw PapiError(
        file: source, value: name,
        message: L("cấp `\(name)` không có (có: \(levels.joined(separator: ", "))).", "level `\(name)` does not exist (there are: \(levels.joined(separator: ", ")))."),
        fix: L("Dùng --level với một trong các cấp trên.", "Use --level with one of the levels above."))
    }
    return index
  }

  /// A report from published scores alone: the units of the set in the wave, ranked, with
  /// their change from the previous wave and their published groups. No respondents, so no
  /// n, SE or confidence interval.
  static func publishedReport(_ request: ReportRequest, set name: String, targets: TargetSet) throws(PapiError) -> WeaknessReport {
    guard let wave = request.wave else {
      throw PapiError(
        file: request.databasePath, message: L("báo cáo từ điểm công bố cần --wave (năm).", "a report from published scores needs --wave (the year)."),
        fix: L("Thêm --wave 2024.", "Add --wave 2024."))
    }
    let store = try Store.openExisting(path: request.databasePath)
    let questionnaire = try request.questionnairePath.map { path throws(PapiError) in try QuestionnaireLoader.load(path: path) } ?? PublishedPAPI.questionnaire
    let current = try store.publishedUnits(set: name, wave: wave)
    if current.isEmpty {
      throw PapiError(
        file: request.databasePath, value: "\(name) \(wave)",
        message: L("bộ điểm công bố \(name) không có số liệu năm \(wave).", "published set \(name) has no scores for \(wave)."),
        fix: L("Kiểm tra tên bộ (`papi benchmarks load … --name`) và năm.", "Check the set's name (`papi benchmarks load … --name`) and the year."))
    }
    let previousWave = request.compareWave ?? Int(wave).map { String($0 - 1) }
    let earlier = try previousWave.map { previous throws(PapiError) in try store.publishedUnits(set: name, wave: previous) } ?? [:]
    let scores = PublishedPAPI.report(current, questionnaire: questionnaire, wave: wave)
    let previous = earlier.isEmpty ? nil : PublishedPAPI.report(earlier, questionnaire: questionnaire, wave: previousWave)
    let levels = [scores.level]
    try targets.check(questionnaire: questionnaire, units: Set(current.keys), parents: [], levels: levels)
    var ignored: [Diagnostic] = []
    let published = try benchmarks(targets, wave: wave, level: scores.level, database: request.databasePath, warnings: &ignored)
    return FlagEngine.evaluate(
      scores: scores, previous: previous, previousWave: previousWave, targets: targets, questionnaire: questionnaire,
      published: published, groups: current.compactMapValues(\.group), isPublished: true)
  }
}

/// Published PAPI scores as a score report: the eight dimensions and the total, nothing below.
enum PublishedPAPI {
  static let questionnaire = Questionnaire(
    id: "papi-published", kind: .papi,
    title: LocalizedText(vi: "PAPI — điểm công bố", en: "PAPI — published scores"),
    respondent: RespondentColumns(id: [], unit: "unit_code", unitName: nil, parents: [], weight: nil, pii: [], aliases: [:]),
    missing: [],
    dimensions: [
      ("d1", "Tham gia của người dân ở cấp cơ sở", "Participation at Local Levels", "Tham gia", "Participation"),
      ("d2", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "Transparency in Local Decision-making", "Công khai", "Transparency"),
      ("d3", "Trách nhiệm giải trình với người dân", "Vertical Accountability Towards Citizens", "Giải trình", "Accountability"),
      ("d4", "Kiểm soát tham nhũng trong khu vực công", "Control of Corruption in the Public Sector", "Tham nhũng", "Corruption"),
      ("d5", "Thủ tục hành chính công", "Public Administrative Procedures", "Thủ tục HC", "Procedures"),
      ("d6", "Cung ứng dịch vụ công", "Public Service Delivery", "Dịch vụ công", "Services"),
      ("d7", "Quản trị môi trường", "Environmental Governance", "Môi trường", "Environment"),
      ("d8", "Quản trị điện tử", "E-Governance", "Quản trị ĐT", "E-governance"),
    ].map { id, vi, en, shortVi, shortEn in
      Dimension(id: id, name: LocalizedText(vi: vi, en: en), short: LocalizedText(vi: shortVi, en: shortEn), weight: 1, subdimensions: [])
    },
    source: "published")

  static func report(_ units: [String: PublishedUnit], questionnaire: Questionnaire, wave: String?) -> ScoreReport {
    func estimate(_ value: Double?) -> Estimate { Estimate(value: value, se: nil, low: nil, upp: nil, n: 0, complete: value != nil) }
    let scored = units.values.sorted { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }.map { unit in
      UnitScore(
        code: unit.code, name: unit.name, parent: unit.parent, respondents: 0, total: estimate(unit.scores["total"]),
        dimensions: questionnaire.dimensions.map { DimensionScore(id: $0.id, score: estimate(unit.scores[$0.id]), subdimensions: []) })
    }
    return ScoreReport(
      tool: "papi", version: PapiVersion.current, questionnaireID: questionnaire.id, kind: questionnaire.kind, wave: wave,
      level: units.values.first?.level ?? "province", units: scored, unitsAsOf: nil)
  }
}
