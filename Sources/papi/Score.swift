import ArgumentParser
import PapiKit

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score every unit on the questionnaire's dimensions, with n, SE and 95% CI.")

  @OptionGroup var input: ExportOptions
  @Option(help: "Level to score: commune, district or province (as the questionnaire defines).") var level: String?
  @Option(help: "Only this unit's code.") var unit: String?
  @Option(help: "Output format: table or json.") var format: ScoreFormat = .table
  @Option(help: "Language: vi or en.") var lang: Language = .vi
  @Option(help: "The wave: read from the database when no files are given, else the label written into the output.")
  var wave: String?
  @Option(help: "Convert respondents to this loaded unit set through its crosswalk (derived scores).")
  var asOfUnits: String?
  @OptionGroup var database: DatabaseOption
  @Option(help: "Write the output to this file instead of stdout.") var out: String?

  func validate() throws {
    if input.files.isEmpty && wave == nil {
      throw ValidationError("Give export files (with -q), or --wave to score a wave stored in the database.")
    }
    if !input.files.isEmpty && input.questionnaire == nil {
      throw ValidationError("Scoring export files needs -q QUESTIONNAIRE.")
    }
  }

  func run() throws {
    do {
      let request = ScoreRequest(
        files: input.files, questionnairePath: input.questionnaire, read: input.readOptions, level: level, unit: unit,
        format: format, language: lang, wave: wave, databasePath: database.path, asOfUnits: asOfUnits)
      let output = Console.Output(path: out)
      let warnings = try ScoreCommand.run(request) { output.write($0) }
      for warning in warnings { Console.error(warning.text(lang)) }
      try output.finish()
    } catch let error as PapiError {
      throw Console.fail(error, lang)
    }
  }
}
