/// What `papi feedback classify` was asked to do.
public struct FeedbackClassifyRequest: Sendable {
  public var file: String
  /// Lexicon files (`--lexicon`), added to the default one.
  public var lexicons: [String]
  public var read: ReadOptions
  public var format: OutputFormat
  public var options: RenderOptions
  /// With a questionnaire, `file` is a survey export and its `feedback:` columns are read.
  public var questionnairePath: String?

  public init(
    file: String, lexicons: [String] = [], read: ReadOptions = ReadOptions(), format: OutputFormat = .table,
    options: RenderOptions = RenderOptions()
  ) {
    self.file = file
    self.lexicons = lexicons
    self.read = read
    self.format = format
    self.options = options
  }
}

/// `papi feedback classify FILE`: a feedback export, or a survey export's comments (read
/// with its answers) → each item's dimensions and sub-dimensions; stores nothing.
public enum FeedbackClassifyCommand {
  public static func run(
    _ request: FeedbackClassifyRequest, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    let classifier = FeedbackClassifier(
      lexicon: try FeedbackLexicon.load(try DefaultInputs.lexicon(request.lexicons, notes: &warnings)))
    var items: [FeedbackItem]
    if let path = request.questionnairePath {
      let questionnaire = try QuestionnaireLoader.load(path: path)
      guard !questionnaire.feedback.isEmpty else {
        throw PapiError(
          file: path,
          message: L(
            "bảng hỏi không khai báo cột ý kiến nào (`feedback:`).",
            "the questionnaire declares no free-text columns (`feedback:`)."),
          fix: L(
            "Thêm `feedback: [comment]` (tên cột ý kiến của tệp) vào bảng hỏi, hoặc bỏ -q nếu tệp là tệp ý kiến.",
            "Add `feedback: [comment]` (the export's comment columns) to the questionnaire, or leave out -q for a "
              + "feedback export."
          ))
      }
      var read = request.read
      read.readComments = true
      let result = ExportReader.read([request.file], questionnaire: questionnaire, options: read)
      if result.hasErrors { throw PapiError(result.diagnostics) }
      items = result.comments.flatMap(\.items)
      warnings += result.commentWarnings
    } else {
      items = try FeedbackReader.read(request.file, options: request.read).items
    }
    let classified = items.map { (item: $0, found: classifier.classify($0.text)) }
    FeedbackClassifyOutput.render(classified, as: request.format, options: request.options, to: &sink)
    return warnings
  }

  /// The whole output as text.
  public static func run(_ request: FeedbackClassifyRequest) throws(PapiError) -> CommandOutput {
    var buffer = ByteBuffer()
    let warnings = try run(request, to: &buffer)
    return CommandOutput(text: buffer.text, warnings: warnings)
  }
}
