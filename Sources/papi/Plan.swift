import ArgumentParser
import Foundation
import PapiKit

extension ActionFormat: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}
extension CivilDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn a stored wave's flags into action items with a lead office and a deadline (running it twice creates nothing new).")

  @Option(help: "The stored wave to plan for.") var wave: String
  @Option(help: "Targets file (YAML, PRODUCT.md §3.3).") var targets: String
  @Option(help: "Task catalogue (default: \(TaskCatalogue.defaultPath)); a local one may `extends:` it.") var tasks: String?
  @Option(help: "The day deadlines are counted from, YYYY-MM-DD (default: today).") var start: CivilDate?
  @Option(help: "The day overdue is judged on in the output, YYYY-MM-DD (default: today).") var today: CivilDate?
  @Option(help: "The previous wave, for `previous` targets and `declined` (default: the stored wave before --wave).") var compare: String?
  @Option(help: "Level: commune, district or province.") var level: String?
  @Option(help: "Format: table (the new and existing actions), md or html (the plan document), csv or json.") var format: ActionFormat = .table
  @Flag(help: "CSV for Excel: UTF-8 with BOM, ';' and decimal commas.") var excel = false
  @Option(help: "Who makes the plan, for the actions' history (default: the login name).") var by: String?
  @Option(help: "Language: vi or en.") var lang: Language = .vi
  @OptionGroup var lexicon: Feedback.LexiconOption
  @OptionGroup var database: DatabaseOption
  @Option(help: "Write the output to this file instead of stdout.") var out: String?

  func run() throws {
    var request = PlanRequest(wave: wave, targetsPath: targets)
    request.tasksPath = tasks
    request.lexicons = lexicon.files
    request.start = start
    request.today = today
    request.compareWave = compare
    request.level = level
    request.format = format
    request.language = lang
    request.databasePath = database.path
    request.excel = excel
    if let by { request.author = by }
    try Console.attempt(lang) {
      let (text, warnings) = try PlanCommand.run(request)
      for warning in warnings { Console.error(warning.text(lang)) }
      try Console.output(text, to: out)
    }
  }
}

struct Actions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The action register: list, update and the history of every change.", subcommands: [List.self, Update.self, History.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actions, with their re-measurement in a later wave when there is one.")
    @Option(parsing: .upToNextOption, help: "Only these statuses: open, in_progress, done, dropped.") var status: [ActionStatus] = []
    @Flag(help: "Only actions past their due date and not finished.") var overdue = false
    @Option(help: "Only this unit's code.") var unit: String?
    @Option(help: "Only actions this office leads or supports (accents and case do not matter).") var agency: String?
    @Option(help: "Only actions planned for this wave.") var wave: String?
    @Option(help: "The day overdue is judged on, YYYY-MM-DD (default: today).") var today: CivilDate?
    @Option(help: "Format: table, md, html, csv or json.") var format: ActionFormat = .table
    @Flag(help: "CSV for Excel: UTF-8 with BOM, ';' and decimal commas.") var excel = false
    @Option(help: "Language: vi or en.") var lang: Language = .vi
    @OptionGroup var database: DatabaseOption
    @Option(help: "Write the list to this file instead of stdout.") var out: String?

    func validate() throws {
      if excel && format != .csv { throw ValidationError("--excel goes with --format csv.") }
    }

    func run() throws {
      var request = ActionListRequest()
      request.filter.statuses = status
      request.filter.unit = unit
      request.filter.agency = agency
      request.filter.wave = wave
      request.today = today
      request.overdue = overdue
      request.format = format
      request.language = lang
      request.databasePath = database.path
      request.excel = excel
      try Console.attempt(lang) { try Console.output(try ActionsCommand.list(request), to: out) }
    }
  }

  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change an action's status and/or add a note; the change is kept in its history.")
    @Argument(help: "The action's id (see `papi actions list`).") var id: String
    @Option(help: "New status: open, in_progress, done or dropped.") var status: ActionStatus?
    @Option(help: "A note: what was done, or why the action is dropped.") var note: String?
    @Option(help: "Who makes the change (default: the login name).") var by: String?
    @Option(help: "Language: vi or en.") var lang: Language = .vi
    @OptionGroup var database: DatabaseOption

    func validate() throws {
      if status == nil && note == nil { throw ValidationError("Give --status, --note or both.") }
    }

    func run() throws {
      try Console.attempt(lang) {
        let text = try ActionsCommand.update(
          id: id, status: status, note: note, author: by ?? PlanRequest.defaultAuthor, database: database.path, language: lang)
        try Console.output(text, to: nil)
      }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every change of an action, oldest first, with time and author.")
    @Argument(help: "The action's id.") var id: String
    @Option(help: "Language: vi or en.") var lang: Language = .vi
    @OptionGroup var database: DatabaseOption

    func run() throws {
      try Console.attempt(lang) { try Console.output(try ActionsCommand.history(id: id, database: database.path, language: lang), to: nil) }
    }
  }
}
