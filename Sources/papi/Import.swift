import ArgumentParser
import PapiKit

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate survey exports and store them as one wave, all files or none.")

  enum OnError: String, ExpressibleByArgument { case abort, skip }

  @OptionGroup var input: ExportOptions
  @Option(help: "The wave to store the rows in, e.g. 2024.") var wave: String
  @OptionGroup var database: DatabaseOption
  @Flag(help: "Replace stored rows whose respondent id comes again with different answers.") var replace = false
  @Option(help: "abort (default): any bad row stops the import; skip: import the good rows and write the bad ones to --rejects.")
  var onError: OnError = .abort
  @Option(help: "With --on-error skip: the CSV file for the rejected rows, each with its reason.") var rejects: String?
  @Option(help: "Check unit codes against this loaded unit set (default: every loaded set).") var units: String?
  @Option(help: "Language: vi or en.") var lang: Language = .vi

  func validate() throws {
    if input.files.isEmpty { throw ValidationError("Give at least one export file to import.") }
    _ = try input.requiredQuestionnaire()
    if onError == .skip && rejects == nil { throw ValidationError("--on-error skip needs --rejects FILE for the rejected rows.") }
    if onError == .abort && rejects != nil { throw ValidationError("--rejects goes with --on-error skip.") }
  }

  func run() throws {
    var options = input.readOptions
    options.skipBadRows = onError == .skip
    let progress = ProgressLine()
    do {
      let result = try ImportCommand.run(
        ImportRequest(
          files: input.files, questionnairePath: try input.requiredQuestionnaire(), wave: wave, databasePath: database.path,
          read: options, replace: replace, rejectsPath: rejects, unitSet: units),
        readProgress: { step in
          progress.update(lang == .vi ? "đọc" : "reading", rows: step.rows, fraction: step.totalBytes > 0 ? Double(step.bytes) / Double(step.totalBytes) : nil)
        },
        writeProgress: { rows, total in
          progress.update(lang == .vi ? "ghi" : "writing", rows: rows, fraction: total > 0 ? Double(rows) / Double(total) : nil)
        })
      progress.finish()
      for warning in result.warnings { Console.error(warning.text(lang)) }
      try Console.output(ImportReport.text(result, rejectsPath: rejects, database: database.path, language: lang), to: nil)
    } catch let error as PapiError {
      progress.finish()
      throw Console.fail(error, lang)
    }
  }
}
