/// Survey exports read with a questionnaire: any error in them stops the reading, unless
/// `ReadOptions.skipBadRows` leaves the rows with errors out (told once per file).
public struct ExportFiles: WaveSource {
  public var files: [String]
  public var questionnaire: Questionnaire
  public var options: ReadOptions

  public init(files: [String], questionnaire: Questionnaire, options: ReadOptions = ReadOptions()) {
    self.files = files
    self.questionnaire = questionnaire
    self.options = options
  }

  public func read() throws(PapiError) -> SurveyData {
    let result = ExportReader.read(files, questionnaire: questionnaire, options: options)
    if result.hasErrors { throw PapiError(SkippedRows.withHint(result.diagnostics)) }
    var data = SurveyData(
      questionnaire: questionnaire, table: result.table, levels: UnitLevels.names(for: questionnaire.respondent),
      warnings: SkippedRows.summarized(result), origin: files.joined(separator: ", "))
    data.reading = result.reading
    return data
  }
}
