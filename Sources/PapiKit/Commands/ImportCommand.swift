/// What `papi import` was asked to do.
public struct ImportRequest: Sendable {
  public var files: [String]
  public var questionnairePath: String
  public var wave: String
  public var read: ReadOptions
  public var replace: Bool
  /// Where `--on-error skip` writes the rejected rows.
  public var rejectsPath: String?
  /// The unit set to check codes against (`--units`); every loaded set when nil.
  public var unitSet: String?

  public init(
    files: [String], questionnairePath: String, wave: String, read: ReadOptions = ReadOptions(), replace: Bool = false,
    rejectsPath: String? = nil, unitSet: String? = nil
  ) {
    self.files = files
    self.questionnairePath = questionnairePath
    self.wave = wave
    self.read = read
    self.replace = replace
    self.rejectsPath = rejectsPath
    self.unitSet = unitSet
  }
}

/// `papi import FILE… -q Q --wave W`: the exports read and checked (answers and comments in
/// one pass) → checked against the unit register → stored as one wave, all or nothing.
public enum ImportCommand {
  /// What an import stored, its warnings, and how many rows it set aside.
  public struct Result: Sendable {
    public var outcome: ImportOutcome
    public var warnings: [Diagnostic]
    public var rejected: Int
  }

  public static func run(
    _ request: ImportRequest, store: any WaveRepository & ReferenceRepository,
    readProgress: ((ReadProgress) -> Void)? = nil,
    writeProgress: ((Int, Int) -> Void)? = nil
  ) throws(PapiError) -> Result {
    let text = try QuestionnaireText.read(request.questionnairePath)
    let questionnaire = try QuestionnaireLoader.parse(yaml: text.text, source: request.questionnairePath)
    var read = request.read
    read.fileHashes = true  // the import log keeps each file's SHA-256
    read.readComments = true
    let result = ExportReader.read(request.files, questionnaire: questionnaire, options: read, progress: readProgress)
    if result.hasErrors { throw PapiError(SkippedRows.withHint(result.diagnostics, rejects: true)) }
    var warnings = result.diagnostics + result.commentWarnings
    if let rejectsPath = request.rejectsPath, !result.rejected.isEmpty {
      try RejectsWriter.write(result.rejected, files: result.files, to: rejectsPath)
      if result.table.count == 0 {
        throw PapiError(
          file: request.files.joined(separator: ", "), value: rejectsPath,
          message: L(
            "cả \(result.rejected.count) dòng dữ liệu đều bị loại; không có gì được lưu.",
            "all \(result.rejected.count) data rows were rejected; nothing was stored."),
          fix: L(
            "Xem lý do của từng dòng trong tệp các dòng bị loại, sửa tệp xuất rồi nhập lại.",
            "See each row's reason in the rejects file, correct the export and import it again."))
      }
    }
    warnings += try UnitRegisterCheck.check(result.table, set: request.unitSet, files: request.files, reference: store)
    let outcome = try store.store(
      WaveImport(
        wave: request.wave, read: result, questionnaire: questionnaire, questionnaireText: text,
        replace: request.replace,
        comments: questionnaire.feedback.isEmpty ? [] : result.comments),
      progress: writeProgress)
    return Result(outcome: outcome, warnings: warnings, rejected: result.rejected.count)
  }
}
