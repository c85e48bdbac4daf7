/// Output formats of `papi feedback classify`.
public enum FeedbackClassifyFormat: String, Sendable, CaseIterable {
  case table, json, csv
}

/// What `papi feedback classify` was asked to do.
public struct FeedbackClassifyRequest: Sendable {
  public var file: String
  /// Lexicon files, merged in order; the default lexicon when empty.
  public var lexicons: [String]
  public var read: ReadOptions
  public var format: FeedbackClassifyFormat
  public var language: Language
  /// CSV for Excel: BOM, `;`.
  public var excel = false
  /// With a questionnaire, `file` is a survey export and its `feedback:` columns are read.
  public var questionnairePath: String?

  public init(file: String, lexicons: [String] = [], read: ReadOptions = ReadOptions(), format: FeedbackClassifyFormat = .table, language: Language = .vi) {
    self.file = file
    self.lexicons = lexicons
    self.read = read
    self.format = format
    self.language = language
  }
}

/// `papi feedback …`: citizen feedback classified by PAPI dimension.
public enum FeedbackCommand {
  /// `papi feedback classify FILE`: each item's dimensions and sub-dimensions; stores nothing.
  public static func classify(_ request: FeedbackClassifyRequest) throws(PapiError) -> CommandOutput {
    let classifier = FeedbackClassifier(lexicon: try FeedbackLexicon.load(request.lexicons))
    var items: [FeedbackItem]
    var warnings: [Diagnostic] = []
    if let path = request.questionnairePath {
      let questionnaire = try QuestionnaireLoader.load(path: path)
      guard !questionnaire.feedback.isEmpty else {
        throw PapiError(
          file: path, message: L("bảng hỏi không khai báo cột ý kiến nào (`feedback:`).", "the questionnaire declares no free-text columns (`feedback:`)."),
          fix: L("Thêm `feedback: [comment]` (tên cột ý kiến của tệp) vào bảng hỏi, hoặc bỏ -q nếu tệp là tệp ý kiến.",
                 "Add `feedback: [comment]` (the export's comment columns) to the questionnaire, or leave out -q for a feedback export."))
      }
      let survey = try FeedbackReader.readSurvey(request.file, questionnaire: questionnaire, respondents: nil, options: request.read)
      (items, warnings) = (survey.batch.items, survey.warnings)
    } else {
      items = try FeedbackReader.read(request.file, options: request.read).items
    }
    let classified = items.map { ($0, classifier.classify($0.text)) }
    let text: String
    switch request.format {
    case .json: text = FeedbackClassifyRenderer.json(classified)
    case .csv: text = FeedbackClassifyRenderer.csv(classified, excel: request.excel)
    case .table: text = FeedbackClassifyRenderer.table(classified, language: request.language)
    }
    return CommandOutput(text: text, warnings: warnings)
  }
}

/// What `papi feedback import` was asked to do.
public struct FeedbackImportRequest: Sendable {
  public var files: [String]
  public var wave: String
  public var databasePath: String
  public var read: ReadOptions
  public var replace: Bool

  public init(files: [String], wave: String, databasePath: String = Store.defaultPath, read: ReadOptions = ReadOptions(), replace: Bool = false) {
    self.files = files
    self.wave = wave
    self.databasePath = databasePath
    self.read = read
    self.replace = replace
  }
}

/// What `papi feedback report` was asked to do.
public struct FeedbackReportRequest: Sendable {
  public var wave: String
  /// The wave to compare with; the latest wave with feedback before `wave` (`WaveOrder`)
  /// when nil.
  public var compare: String?
  public var unit: String?
  public var lexicons: [String]
  public var format: ReportFormat
  public var language: Language
  public var databasePath: String
  public var excel = false

  public init(
    wave: String, compare: String? = nil, unit: String? = nil, lexicons: [String] = [], format: ReportFormat = .table,
    language: Language = .vi, databasePath: String = Store.defaultPath
  ) {
    self.wave = wave
    self.compare = compare
    self.unit = unit
    self.lexicons = lexicons
    self.format = format
    self.language = language
    self.databasePath = databasePath
  }
}

extension FeedbackCommand {
  /// `papi feedback import FILE… --wave W`: every file is read and checked first; then all
  /// items are stored in one transaction, or none.
  public static func importFiles(
    _ request: FeedbackImportRequest
  ) throws(PapiError) -> (counts: [FeedbackCounts], repeats: Int, warnings: [Diagnostic]) {
    var batches: [FeedbackBatch] = []
    var problems: [Diagnostic] = []
    var repeats = 0
    for path in request.files {
      do {
        let file = try FeedbackReader.read(path, options: request.read)
        repeats += file.repeats
        batches.append(
          FeedbackBatch(
            file: path, sha256: file.sha256, rowsRead: file.items.count + file.repeats, source: .export, items: file.items))
      } catch {
        problems += error.diagnostics
      }
    }
    // The same id in two files of one import is two items, not a change of one: an error
    // naming both places (two systems numbering their items 1, 2, 3… need a prefix).
    var first: [String: (file: String, line: Int)] = [:]
    for batch in batches {
      for item in batch.items {
        if let earlier = first[item.id], earlier.file != batch.file {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: batch.file, line: item.line), value: item.id,
              message: L("mã \(item.id) đã có trong \(earlier.file), dòng \(earlier.line).", "id \(item.id) is also in \(earlier.file), line \(earlier.line)."),
              fix: L("Mỗi ý kiến cần một mã riêng trong một đợt: thêm tiền tố theo kênh vào mã của một tệp (ví dụ 1022-15).",
                     "Each item needs its own id within a wave: prefix one file's ids with its channel (for example 1022-15).")))
        } else if first[item.id] == nil {
          first[item.id] = (batch.file, item.line)
        }
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    let store = try Store.open(path: request.databasePath)
    let counts = try store.importFeedback(batches, wave: request.wave, replace: request.replace)
    // Units the wave's survey does not know: stored all the same (a petition may come from
    // a commune outside the sample), but said, as a mistyped code would never show beside
    // any scores.
    var warnings: [Diagnostic] = []
    let known = try store.unitCodes(wave: request.wave)
    if !known.isEmpty {
      for batch in batches {
        let unknown = batch.items.filter { !known.contains($0.unit) }
        guard let first = unknown.first else { continue }
        let codes = Array(Set(unknown.map(\.unit))).sorted()
        warnings.append(
          Diagnostic(
            .warning, SourceLocation(file: batch.file, line: first.line), value: codes.prefix(10).joined(separator: ", ") + (codes.count > 10 ? ", …" : ""),
            message: L("\(unknown.count) ý kiến thuộc \(codes.count) đơn vị không có trong khảo sát đợt \(request.wave): đã lưu, có trong `papi feedback report` nhưng không nằm cạnh điểm số nào.",
                       "\(unknown.count) items concern \(codes.count) units that wave \(request.wave)'s survey does not have: stored, in `papi feedback report`, but beside no scores."),
            fix: L("Nếu là mã gõ sai, sửa trong tệp rồi nhập lại với --replace.", "If a code is mistyped, correct it in the file and import again with --replace.")))
      }
    }
    return (counts, repeats, warnings)
  }

  /// The summary `papi feedback report` and `papi report` show: the wave's stored feedback
  /// by unit and dimension, against the previous wave with feedback. Nil when the wave has
  /// none.
  static func summary(
    store: Store, wave: String, compare: String?, lexicons: [String], unit: String? = nil
  ) throws(PapiError) -> FeedbackSummary? {
    let stored = try store.feedback(wave: wave)
    guard !stored.isEmpty else { return nil }
    let classifier = FeedbackClassifier(lexicon: try FeedbackLexicon.load(lexicons))
    var previousWave = compare
    if previousWave == nil { previousWave = try store.feedbackWaves().filter { WaveOrder.before($0, wave) }.max { WaveOrder.before($0, $1) } }
    var previous: [FeedbackItem] = []
    if let previousWave { previous = try store.feedback(wave: previousWave).map(\.item) }
    let items = stored.map(\.item).filter { unit == nil || $0.unit == unit }
    return FeedbackSummary.build(
      wave: wave, items: items, previousWave: previousWave, previous: previous, classifier: classifier,
      unitNames: try store.unitNames(wave: wave))
  }

  /// `papi feedback report --wave W`: the full view of a wave's feedback.
  public static func report(_ request: FeedbackReportRequest) throws(PapiError) -> String {
    let store = try Store.openExisting(path: request.databasePath)
    guard let summary = try summary(store: store, wave: request.wave, compare: request.compare, lexicons: request.lexicons, unit: request.unit) else {
      let known = (try? store.feedbackWaves()) ?? []
      throw PapiError(
        file: request.databasePath, value: request.wave,
        message: L("đợt \(request.wave) chưa có ý kiến nào (có ý kiến: \(known.isEmpty ? "chưa đợt nào" : known.joined(separator: ", "))).",
                   "wave \(request.wave) has no feedback (waves with feedback: \(known.isEmpty ? "none yet" : known.joined(separator: ", ")))."),
        fix: L("Nhập ý kiến bằng `papi feedback import FILE --wave \(request.wave)`, hoặc khai báo `feedback:` trong bảng hỏi rồi nhập khảo sát.",
               "Import feedback with `papi feedback import FILE --wave \(request.wave)`, or declare `feedback:` in the questionnaire and import the survey."))
    }
    let questionnaire = try? store.questionnaire(wave: request.wave)
    let lexicon = request.lexicons.isEmpty ? [FeedbackLexicon.defaultPath] : request.lexicons
    switch request.format {
    case .table: return FeedbackReportRenderer.table(summary, questionnaire: questionnaire, language: request.language)
    case .json: return FeedbackReportRenderer.json(summary, lexicon: lexicon)
    case .csv: return FeedbackReportRenderer.csv(summary, excel: request.excel)
    case .md: return FeedbackReportRenderer.markdown(summary, questionnaire: questionnaire, language: request.language)
    case .html: return FeedbackReportRenderer.html(summary, questionnaire: questionnaire, language: request.language)
    }
  }
}
