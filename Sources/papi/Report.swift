import ArgumentParser
import Foundation
import PapiKit

struct Report: ParsableCommand, Localized {
  static let configuration = CommandConfiguration(
    abstract: "The weakness report: scores against targets, flags and the change from the previous wave.")

  @OptionGroup var input: ExportOptions
  @Option(help: "The wave: read from the database when no files are given, else the label of the files' wave.")
  var wave: String?
  @Option(
    help:
      "The previous wave, from the database, for the change column and `declined` (with --compare-files: their label).")
  var compare: String?
  @Option(parsing: .upToNextOption, help: "Or the previous wave's export files.") var compareFiles: [String] = []
  @Option(help: "Targets file (YAML, PRODUCT.md §3.3).") var targets: String?
  @Option(help: "Task catalogue (PRODUCT.md §3.4) whose tasks each flag links to, e.g. questionnaires/papi-tasks.yaml.")
  var tasks: String?
  @Option(help: "Build the report from this loaded published-scores set alone (no respondent data).") var published:
    String?
  @Option(help: "Only this unit's code.") var unit: String?
  @Option(help: "Level: commune, district or province.") var level: String?
  @OptionGroup var output: OutputOptions
  @OptionGroup var excel: ExcelOption
  @OptionGroup var lang: LanguageOption
  @OptionGroup var lexicon: LexiconOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    if published == nil && input.files.isEmpty && wave == nil {
      throw ValidationError(
        "Give export files (with -q), --wave to report a stored wave, or --published NAME --wave YEAR.")
    }
    if !input.files.isEmpty && input.questionnaire == nil {
      throw ValidationError("Reporting export files needs -q QUESTIONNAIRE.")
    }
    try output.check(OutputFormat.allCases, command: "report", excel: excel.excel)
  }

  func run() throws {
    var notes: [Diagnostic] = []
    var request = ReportRequest()
    request.files = input.files
    request.questionnairePath = input.questionnairePath(notes: &notes)
    request.wave = wave
    request.compareWave = compare
    request.compareFiles = compareFiles
    request.targetsPath = targets
    request.tasksPath = tasks
    request.unit = unit
    request.level = level
    request.format = output.format
    request.options = RenderOptions(
      language: language, excel: excel.excel,
      color: output.format == .table && output.out == nil && isatty(STDOUT_FILENO) == 1)
    request.published = published
    request.read = input.readOptions
    request.lexicons = lexicon.paths
    Console.report(notes, language)
    // Exports need the store only for published benchmarks, and only when it is there.
    let store = input.files.isEmpty ? database.existing : database.ifPresent
    var sink = output.sink()
    let warnings = try ReportCommand.run(request, store: store, to: &sink)
    Console.report(warnings, language)
    try sink.finish()
  }
}

struct Benchmarks: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Published scores for targets and province reports.", subcommands: [Load.self])

  struct Load: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract:
        "Load published scores: the long form (unit_code, unit_name, level, parent_code, wave, metric, score) or the "
        + "wide official PAPI form."
    )
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The set's name, used by `benchmark:` targets and `--published`.") var name: String
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let count = try ReferenceCommands.loadPublished(file, as: name, store: database.creatable)
      try Console.print(
        language == .vi
          ? "Đã nạp \(count) điểm công bố vào bộ \(name).\n" : "Loaded \(count) published scores as set \(name).\n")
    }
  }
}
