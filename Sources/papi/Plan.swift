import ArgumentParser
import Foundation
import PapiKit

extension ActionStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
}
extension CivilDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
}

struct Plan: ParsableCommand, Localized {
  static let configuration = CommandConfiguration(
    abstract:
      "Turn a stored wave's flags into action items with a lead office and a deadline (running it twice creates "
      + "nothing new)."
  )

  @Option(help: "The stored wave to plan for.") var wave: String
  @Option(help: "Targets file (YAML, PRODUCT.md §3.3).") var targets: String
  @Option(help: "Task catalogue (default: papi's papi-tasks.yaml); a local one may `extends: papi-tasks.yaml`.")
  var tasks: String?
  @Option(help: "The day deadlines are counted from, DD/MM/YYYY or YYYY-MM-DD (default: today).") var start: CivilDate?
  @Option(help: "The day overdue is judged on in the output, DD/MM/YYYY or YYYY-MM-DD (default: today).") var today:
    CivilDate?
  @Option(help: "The previous wave, for `previous` targets and `declined` (default: the stored wave before --wave).")
  var compare: String?
  @Option(help: "Level: commune, district or province.") var level: String?
  @Option(help: "Who makes the plan, for the actions' history (default: the login name).") var by: String?
  @OptionGroup var output: OutputOptions
  @OptionGroup var excel: ExcelOption
  @OptionGroup var lang: LanguageOption
  @OptionGroup var lexicon: LexiconOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    // table: the new and existing actions; md or html: the plan document; csv or json.
    try output.check(OutputFormat.allCases, command: "plan", excel: excel.excel)
  }

  func run() throws {
    var request = PlanRequest(wave: wave, targetsPath: targets)
    request.tasksPath = tasks
    request.lexicons = lexicon.paths
    request.start = start
    request.today = today
    request.compareWave = compare
    request.level = level
    request.format = output.format
    request.options = RenderOptions(language: language, excel: excel.excel)
    if let by { request.author = by }
    var sink = output.sink()
    let warnings = try PlanCommand.run(request, store: database.existing, to: &sink)
    Console.report(warnings, language)
    try sink.finish()
  }
}

struct Actions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The action register: list, update and the history of every change.",
    subcommands: [List.self, Update.self, History.self])

  struct List: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract: "List actions, with their re-measurement in a later wave when there is one.")
    @Option(
      parsing: .upToNextOption,
      help: "Only these statuses: open, in_progress, done, dropped (or chưa thực hiện, đang thực hiện, xong, hủy).")
    var status: [ActionStatus] = []
    @Flag(help: "Only actions past their due date and not finished.") var overdue = false
    @Option(help: "Only this unit's code.") var unit: String?
    @Option(help: "Only actions this office leads or supports (accents and case do not matter).") var agency: String?
    @Option(help: "Only actions planned for this wave.") var wave: String?
    @Option(help: "The day overdue is judged on, DD/MM/YYYY or YYYY-MM-DD (default: today).") var today: CivilDate?
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      try output.check(OutputFormat.allCases, command: "actions list", excel: excel.excel)
    }

    func run() throws {
      var request = ActionListRequest()
      request.filter.statuses = status
      request.filter.unit = unit
      request.filter.agency = agency
      request.filter.wave = wave
      request.today = today
      request.overdue = overdue
      request.format = output.format
      request.options = RenderOptions(language: language, excel: excel.excel)
      var sink = output.sink()
      try ActionsCommand.list(request, store: database.existing, to: &sink)
      try sink.finish()
    }
  }

  struct Update: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract: "Change an action's status and/or add a note; the change is kept in its history.")
    @Argument(help: "The action's id (see `papi actions list`).") var id: String
    @Option(help: "New status: open, in_progress, done or dropped (or chưa thực hiện, đang thực hiện, xong, hủy).")
    var status: ActionStatus?
    @Option(help: "A note: what was done, or why the action is dropped.") var note: String?
    @Option(help: "Who makes the change (default: the login name).") var by: String?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      if status == nil && note == nil { throw ValidationError("Give --status, --note or both.") }
    }

    func run() throws {
      try Console.print(
        try ActionsCommand.update(
          id: id, status: status, note: note, author: by ?? PlanRequest.defaultAuthor, store: database.existing,
          language: language))
    }
  }

  struct History: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract: "Every change of an action, oldest first, with time and author.")
    @Argument(help: "The action's id.") var id: String
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func run() throws {
      try Console.print(try ActionsCommand.history(id: id, store: database.existing, language: language))
    }
  }
}
