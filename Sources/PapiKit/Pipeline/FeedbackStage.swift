/// A wave's stored feedback summarised by unit and dimension against the previous wave
/// with feedback: what `papi feedback report` shows, and what `papi report` and `papi plan`
/// put beside the flags.
public enum FeedbackStage {
  /// The summary of `wave` (only `unit`'s items when given), compared with `compare` or
  /// else the latest earlier wave with feedback; nil when the wave has none.
  public static func summary(
    wave: String, compare: String?, lexicon: FeedbackLexicon, unit: String? = nil, feedback: any FeedbackRepository,
    waves: any WaveRepository
  ) throws(PapiError) -> FeedbackSummary? {
    let stored = try feedback.feedback(wave: wave)
    guard !stored.isEmpty else { return nil }
    let classifier = FeedbackClassifier(lexicon: lexicon)
    var previousWave = compare
    if previousWave == nil {
      previousWave = try feedback.feedbackWaves().filter { WaveOrder.before($0, wave) }.max { WaveOrder.before($0, $1) }
    }
    var previous: [FeedbackItem] = []
    if let previousWave { previous = try feedback.feedback(wave: previousWave).map(\.item) }
    let items = stored.map(\.item).filter { unit == nil || $0.unit == unit }
    return FeedbackSummary.build(
      wave: wave, items: items, previousWave: previousWave, previous: previous, classifier: classifier,
      unitNames: try waves.unitNames(wave: wave))
  }

  /// The wave's stored feedback to show beside a report's flags, against `compare` (else
  /// the previous wave with feedback), classified with the default lexicon and `lexicons`.
  /// Without a lexicon (no default found, none given) the report goes on without feedback
  /// and a warning says why.
  public static func besideFlags(
    wave: String, compare: String?, lexicons given: [String], store: any FeedbackRepository & WaveRepository,
    warnings: inout [Diagnostic]
  ) throws(PapiError) -> FeedbackSummary? {
    guard !(try store.feedback(wave: wave)).isEmpty else { return nil }
    var notes: [Diagnostic] = []
    let lexicons: [String]
    do {
      lexicons = try DefaultInputs.lexicon(given, notes: &notes)
    } catch {
      warnings.append(
        Diagnostic(
          .warning, error.diagnostics.first?.location ?? SourceLocation(file: DefaultFile.feedbackLexicon.rawValue),
          message: L(
            "không tìm thấy từ điển ý kiến: báo cáo không kèm ý kiến người dân.",
            "no feedback lexicon here: the report leaves citizen feedback out."),
          fix: L("Chỉ từ điển bằng --lexicon.", "Give the lexicon with --lexicon.")))
      return nil
    }
    warnings += notes
    return try summary(
      wave: wave, compare: compare, lexicon: try FeedbackLexicon.load(lexicons), feedback: store, waves: store)
  }
}
