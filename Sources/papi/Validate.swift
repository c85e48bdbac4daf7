import ArgumentParser
import PapiKit

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check survey exports against a questionnaire and list every problem; writes nothing.")

  @OptionGroup var input: ExportOptions
  @Option(help: "Language of messages: vi or en.") var lang: Language = .vi

  func validate() throws {
    if input.files.isEmpty { throw ValidationError("Give at least one export file to validate.") }
  }

  func run() throws {
    do {
      let outcome = try ValidateCommand.run(
        files: input.files, questionnairePath: try input.requiredQuestionnaire(), read: input.readOptions, language: lang)
      for diagnostic in outcome.diagnostics { Console.error(diagnostic.text(lang)) }
      try Console.output(outcome.summary, to: nil)
      if !outcome.passed { throw ExitCode(1) }
    } catch let error as PapiError {
      throw Console.fail(error, lang)
    }
  }
}
