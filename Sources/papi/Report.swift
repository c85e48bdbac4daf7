import ArgumentParser
import Foundation
import PapiKit

extension ReportFormat: ExpressibleByArgument {}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The weakness report: scores against targets, flags and the change from the previous wave.")

  @OptionGroup var input: ExportOptions
  @Option(help: "The wave: read from the database when no files are given, else the label of the files' wave.") var wave: String?
  @Option(help: "The previous wave, from the database, for the change column and `declined` (with --compare-files: their label).")
  var compare: String?
  @Option(parsing: .upToNextOption, help: "Or the previous wave's export files.") var compareFiles: [String] = []
  @Option(help: "Targets file (YAML, PRODUCT.md §3.3).") var targets: String?
  @Option(help: "Task catalogue (PRODUCT.md §3.4) whose tasks each flag links to, e.g. \(TaskCatalogue.defaultPath).") var tasks: String?
  @Option(help: "Build the report from this loaded published-scores set alone (no respondent data).") var published: String?
  @Option(help: "Only this unit's code.") var unit: String?
  @Option(help: "Level: commune, district or province.") var level: String?
  @Option(help: "Format: table, md, html, csv or json.") var format: ReportFormat = .table
  @Flag(help: "CSV for Excel: UTF-8 with BOM, ';' and decimal commas.") var excel = false
  @Option(help: "Language: vi or en.") var lang: Language = .vi
  @OptionGroup var lexicon: Feedback.LexiconOption
  @OptionGroup var database: DatabaseOption
  @Option(help: "Write the report to this file instead of stdout.") var out: String?

  func validate() throws {
    if published == nil && input.files.isEmpty && wave == nil {
      throw ValidationError("Give export files (with -q), --wave to report a stored wave, or --published NAME --wave YEAR.")
    }
    if !input.files.isEmpty && input.questionnaire == nil { throw ValidationError("Reporting export files needs -q QUESTIONNAIRE.") }
    if excel && format != .csv { throw ValidationError("--excel goes with --format csv.") }
  }

  func run() throws {
    var request = ReportRequest()
    request.files = input.files
    request.questionnairePath = input.questionnaire
    request.wave = wave
    request.compareWave = compare
    request.compareFiles = compareFiles
    request.targetsPath = targets
    request.tasksPath = tasks
    request.unit = unit
    request.level = level
    request.format = format
    request.language = lang
    request.databasePath = database.path
    request.published = published
    request.read = input.readOptions
    request.excel = excel
    request.lexicons = lexicon.files
    request.color = format == .table && out == nil && isatty(STDOUT_FILENO) == 1
    try Console.attempt(lang) {
      let (text, warnings) = try ReportCommand.run(request)
      for warning in warnings { Console.error(warning.text(lang)) }
      try Console.output(text, to: out)
    }
  }
}

struct Benchmarks: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Published scores for targets and province reports.", subcommands: [Load.self])

  struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load published scores: the long form (unit_code, unit_name, level, parent_code, wave, metric, score) or the wide official PAPI form.")
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The set's name, used by `benchmark:` targets and `--published`.") var name: String
    @OptionGroup var database: DatabaseOption
    @Option(help: "Language: vi or en.") var lang: Language = .vi

    func run() throws {
      try Console.attempt(lang) {
        let count = try Store.open(path: database.path).loadBenchmarks(file: file, name: name)
        try Console.output(lang == .vi ? "Đã nạp \(count) điểm công bố vào bộ \(name).\n" : "Loaded \(count) published scores as set \(name).\n", to: nil)
      }
    }
  }
}
