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
  @Option(help: "Wave label to write into the output (scores from the store need `papi import`, not implemented yet).")
  var wave: String?
  @Option(help: "Write the output to this file instead of stdout.") var out: String?

  func run() throws {
    if input.files.isEmpty {
      Console.error(
        lang == .vi
          ? "papi score: đọc từ cơ sở dữ liệu (--wave không kèm tệp) chưa được triển khai; hãy đưa tệp xuất khảo sát."
          : "papi score: scoring from the database (--wave without files) is not implemented yet; give export files.")
      throw ExitCode(1)
    }
    do {
      let request = ScoreRequest(
        files: input.files, questionnairePath: input.questionnaire, read: input.readOptions, level: level, unit: unit,
        format: format, language: lang, wave: wave)
      let output = Console.Output(path: out)
      let warnings = try ScoreCommand.run(request) { output.write($0) }
      for warning in warnings { Console.error(warning.text(lang)) }
      try output.finish()
    } catch let error as PapiError {
      throw Console.fail(error, lang)
    }
  }
}
