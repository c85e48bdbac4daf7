import ArgumentParser
import PapiKit

struct Score: ParsableCommand, Localized {
  static let configuration = CommandConfiguration(
    abstract: "Score every unit on the questionnaire's dimensions, with n, SE and 95% CI (table or json).")

  @OptionGroup var input: ExportOptions
  @Option(help: "Level to score: commune, district or province (as the questionnaire defines).") var level: String?
  @Option(help: "Only this unit's code.") var unit: String?
  @Option(help: "The wave: read from the database when no files are given, else the label written into the output.")
  var wave: String?
  @Option(help: "Convert respondents to this loaded unit set through its crosswalk (derived scores).")
  var asOfUnits: String?
  @OptionGroup var output: OutputOptions
  @OptionGroup var lang: LanguageOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    if input.files.isEmpty && wave == nil {
      throw ValidationError("Give export files (with -q), or --wave to score a wave stored in the database.")
    }
    if !input.files.isEmpty && input.questionnaire == nil {
      throw ValidationError("Scoring export files needs -q QUESTIONNAIRE.")
    }
    try output.check(ScoreCommand.formats, command: "score")
  }

  func run() throws {
    var notes: [Diagnostic] = []
    let request = ScoreRequest(
      files: input.files, questionnairePath: input.questionnairePath(notes: &notes), read: input.readOptions,
      level: level,
      unit: unit, format: output.format, language: language, wave: wave, asOfUnits: asOfUnits)
    Console.report(notes, language)
    let store = input.files.isEmpty || asOfUnits != nil ? database.existing : nil
    var sink = output.sink()
    let warnings = try ScoreCommand.run(request, store: store, to: &sink)
    Console.report(warnings, language)
    try sink.finish()
  }
}
