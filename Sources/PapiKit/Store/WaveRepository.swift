/// Survey waves: each wave's questionnaire, units and respondents, and the import log.
public protocol WaveRepository: Repository {
  /// The stored waves' names, without counting their rows.
  func waveNames() throws(PapiError) -> [String]
  /// The stored waves with their respondent and commune counts.
  func waves() throws(PapiError) -> [WaveSummary]
  /// A wave's questionnaire and respondents, in import order: exactly what `ExportReader`
  /// gives for the files of the wave. An unknown wave is an error naming the known ones.
  func wave(_ name: String) throws(PapiError) -> (questionnaire: Questionnaire, table: ResponseTable)
  /// The questionnaire a wave was imported with, or nil when the wave is not stored.
  func questionnaire(wave: String) throws(PapiError) -> Questionnaire?
  /// Names of the wave's communes (level 0), by code.
  func unitNames(wave: String) throws(PapiError) -> [String: String]
  /// Codes of the wave's communes, empty when the wave has no survey.
  func unitCodes(wave: String) throws(PapiError) -> Set<String>
  /// Every import of `wave` (every wave when nil), oldest first.
  func importLog(wave: String?) throws(PapiError) -> [ImportLogEntry]
  /// Stores an import as part of its wave, all of it or none: rows already stored
  /// unchanged are left alone; a stored id with other answers is a conflict unless
  /// `replace`. The survey's comments go in the same transaction.
  func store(_ wave: WaveImport, progress: ((Int, Int) -> Void)?) throws(PapiError) -> ImportOutcome
}

/// What one `papi import` hands the store.
public struct WaveImport: Sendable {
  public var wave: String
  public var read: ReadResult
  public var questionnaire: Questionnaire
  /// The questionnaire's text, kept with the wave, and its SHA-256.
  public var questionnaireText: QuestionnaireText
  public var replace: Bool
  /// The comments of the questionnaire's free-text columns, per file.
  public var comments: [FeedbackBatch]
}

/// A stored wave, as listed by `papi waves`.
public struct WaveSummary: Sendable {
  public var name: String
  public var questionnaireID: String
  public var questionnaireHash: String
  public var respondents: Int
  public var units: Int
  public var created: String
}

/// One row of the import log (`papi imports`).
public struct ImportLogEntry: Sendable {
  public var id: Int64
  public var wave: String
  public var file: String
  public var sha256: String
  public var rowsRead: Int
  public var imported: Int
  public var replaced: Int
  public var unchanged: Int
  public var skipped: Int
  public var rejected: Int
  public var questionnaireID: String
  public var questionnaireHash: String
  public var time: String
  public var toolVersion: String
}

/// What an import changed, per file and in all.
public struct ImportOutcome: Sendable {
  /// What an import did with one file's rows.
  public struct FileCounts: Sendable {
    public var path: String
    public var sha256: String
    public var rowsRead: Int
    public var imported = 0
    public var replaced = 0
    public var unchanged = 0
    public var skipped = 0
    public var rejected = 0
  }

  public var wave: String
  public var files: [FileCounts]
  /// The comments read from the questionnaire's free-text columns, per file.
  public var feedback: [FeedbackCounts] = []
  /// True when every row was already stored: nothing was written.
  public var noOp: Bool {
    files.allSatisfy { $0.imported == 0 && $0.replaced == 0 }
      && feedback.allSatisfy { $0.imported == 0 && $0.replaced == 0 && $0.removed == 0 }
  }
}

extension WaveRepository {
  /// The whole import log.
  public func importLog() throws(PapiError) -> [ImportLogEntry] { try importLog(wave: nil) }
}
