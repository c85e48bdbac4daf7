/// What `papi feedback report` was asked to do.
public struct FeedbackReportRequest: Sendable {
  public var wave: String
  /// The wave to compare with; the latest wave with feedback before `wave` (`WaveOrder`)
  /// when nil.
  public var compare: String?
  public var unit: String?
  /// Lexicon files (`--lexicon`), added to the default one.
  public var lexicons: [String]
  public var format: OutputFormat
  public var options: RenderOptions

  public init(
    wave: String, compare: String? = nil, unit: String? = nil, lexicons: [String] = [], format: OutputFormat = .table,
    options: RenderOptions = RenderOptions()
  ) {
    self.wave = wave
    self.compare = compare
    self.unit = unit
    self.lexicons = lexicons
    self.format = format
    self.options = options
  }
}

/// `papi feedback report --wave W`: the wave's stored feedback → classified and summarised
/// by unit and dimension against the previous wave → a renderer.
public enum FeedbackReportCommand {
  /// `papi feedback report --wave W`: the full view of a wave's feedback.
  public static func run(
    _ request: FeedbackReportRequest, store: any FeedbackRepository & WaveRepository, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    var notes: [Diagnostic] = []
    let lexicon = try DefaultInputs.lexicon(request.lexicons, notes: &notes)
    let summary = try FeedbackStage.summary(
      wave: request.wave, compare: request.compare, lexicon: try FeedbackLexicon.load(lexicon), unit: request.unit,
      feedback: store,
      waves: store)
    guard let summary else {
      let known = (try? store.feedbackWaves()) ?? []
      throw PapiError(
        .notFound, file: store.location, value: request.wave,
        message: L(
          "đợt \(request.wave) chưa có ý kiến nào (có ý kiến: "
            + "\(known.isEmpty ? "chưa đợt nào" : known.joined(separator: ", "))).",
          "wave \(request.wave) has no feedback (waves with feedback: "
            + "\(known.isEmpty ? "none yet" : known.joined(separator: ", ")))."
        ),
        fix: L(
          "Nhập ý kiến bằng `papi feedback import FILE --wave \(request.wave)`, hoặc khai báo `feedback:` trong bảng "
            + "hỏi rồi nhập khảo sát.",
          "Import feedback with `papi feedback import FILE --wave \(request.wave)`, or declare `feedback:` in the "
            + "questionnaire and import the survey."
        ))
    }
    let questionnaire = try? store.questionnaire(wave: request.wave)
    FeedbackReportOutput.render(
      summary, questionnaire: questionnaire, lexicon: lexicon, as: request.format, options: request.options, to: &sink)
    return notes
  }

  /// The whole output as text.
  public static func run(
    _ request: FeedbackReportRequest, store: any FeedbackRepository & WaveRepository
  ) throws(PapiError) -> CommandOutput {
    var buffer = ByteBuffer()
    let warnings = try run(request, store: store, to: &buffer)
    return CommandOutput(text: buffer.text, warnings: warnings)
  }
}
