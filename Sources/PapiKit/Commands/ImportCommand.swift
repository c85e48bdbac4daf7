import Crypto
import Foundation

/// What `papi import` was asked to do.
public struct ImportRequest: Sendable {
  public var files: [String]
  public var questionnairePath: String
  public var wave: String
  public var databasePath: String
  public var read: ReadOptions
  public var replace: Bool
  /// Where `--on-error skip` writes the rejected rows.
  public var rejectsPath: String?
  /// The unit set to check codes against (`--units`); every loaded set when nil.
  public var unitSet: String?

  public init(
    files: [String], questionnairePath: String, wave: String, databasePath: String = Store.defaultPath,
    read: ReadOptions = ReadOptions(), replace: Bool = false, rejectsPath: String? = nil, unitSet: String? = nil
  ) {
    self.files = files
    self.questionnairePath = questionnairePath
    self.wave = wave
    self.databasePath = databasePath
    self.read = read
    self.replace = replace
    self.rejectsPath = rejectsPath
    self.unitSet = unitSet
  }
}

/// `papi import FILE… -q Q --wave W`: validates the exports and stores them as one wave, in
/// one transaction.
public enum ImportCommand {
  public struct Result: Sendable {
    public var outcome: ImportOutcome
    public var warnings: [Diagnostic]
    public var rejected: Int
  }

  public static func run(
    _ request: ImportRequest, readProgress: ((ReadProgress) -> Void)? = nil, writeProgress: ((Int, Int) -> Void)? = nil
  ) throws(PapiError) -> Result {
    let yaml = try QuestionnaireText.read(request.questionnairePath)
    let questionnaire = try QuestionnaireLoader.parse(yaml: yaml, source: request.questionnairePath)
    var read = request.read
    read.fileHashes = true  // the import log keeps each file's SHA-256
    let result = ExportReader.read(request.files, questionnaire: questionnaire, options: read, progress: readProgress)
    if result.hasErrors { throw PapiError(result.diagnostics) }
    var warnings = result.diagnostics
    if let rejectsPath = request.rejectsPath, !result.rejected.isEmpty {
      try RejectsWriter.write(result.rejected, files: result.files, to: rejectsPath)
    }
    // The questionnaire's free-text columns, read again from each file (only when it
    // declares some), for the respondents the survey import keeps.
    var feedback: [FeedbackBatch] = []
    if !questionnaire.feedback.isEmpty {
      let kept = Set((0..<result.table.count).map(result.table.respondentID))
      for path in request.files {
        let (batch, problems) = try FeedbackReader.readSurvey(path, questionnaire: questionnaire, respondents: kept, options: request.read)
        feedback.append(batch)
        warnings += problems
      }
    }
    let store = try Store.open(path: request.databasePath)
    warnings += try store.checkUnits(result.table, set: request.unitSet, files: request.files)
    let outcome = try store.write(
      result, questionnaire: questionnaire, yaml: yaml, hash: QuestionnaireText.hash(yaml), wave: request.wave,
      replace: request.replace, feedback: feedback, progress: writeProgress)
    return Result(outcome: outcome, warnings: warnings, rejected: result.rejected.count)
  }
}

/// The questionnaire file as stored with each wave, and its fingerprint.
enum QuestionnaireText {
  static func read(_ path: String) throws(PapiError) -> String {
    try YAMLReader.text(path, kind: L("bảng hỏi", "questionnaire"), option: "-q")
  }

  static func hash(_ text: String) -> String {
    hexadecimal(SHA256.hash(data: Data(text.utf8)))
  }
}
