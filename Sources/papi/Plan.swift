import ArgumentParser
import Foundation
import PapiKit

extension ActionStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
}
extension CivilDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
}

/// `--only significant`: which flags a plan acts on.
enum OnlyFlags: String, ExpressibleByArgument, CaseIterable {
  case significant
}

struct Plan: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Biến các cảnh báo của một đợt đã lưu thành nhiệm vụ có cơ quan chủ trì và thời hạn (chạy lại không tạo "
      + "nhiệm vụ trùng).",
    en: "Turn a stored wave's flags into action items with a lead office and a deadline (running it twice creates "
      + "nothing new).",
    examples: [
      "papi plan --wave 2024 --targets chi-tieu.yaml --start 06/01/2025",
      "papi plan --wave 2024 --targets t.yaml --format docx --out kh.docx",
      "papi plan --wave 2024 --targets t.yaml --unit 23491 --issuer xa.yaml",
    ])

  @Option(
    help: helpText(
      "Đợt khảo sát đã lưu cần lập kế hoạch.", "The stored wave to plan for.", valueName: tr("đợt", "wave"))) var wave:
    String
  @Option(
    help:
      helpText(
        "Tệp chỉ tiêu (YAML, PRODUCT.md §3.3).", "Targets file (YAML, PRODUCT.md §3.3).",
        valueName: tr("tệp", "targets")))
  var targets: String
  @Option(
    help: helpText(
      "Danh mục nhiệm vụ (mặc định: papi-tasks.yaml có sẵn); danh mục riêng có thể `extends: papi-tasks.yaml`.",
      "Task catalogue (default: papi's papi-tasks.yaml); a local one may `extends: papi-tasks.yaml`.",
      valueName: tr("tệp", "tasks")))
  var tasks: String?
  @Option(
    help: helpText(
      "Ngày bắt đầu tính thời hạn, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay).",
      "The day deadlines are counted from, DD/MM/YYYY or YYYY-MM-DD (default: today).", valueName: tr("ngày", "start")))
  var start: CivilDate?
  @Option(help: todayHelp) var today: CivilDate?
  @Option(
    help: helpText(
      "Đợt trước, cho chỉ tiêu `previous` và cảnh báo `declined` (mặc định: đợt đã lưu liền trước --wave).",
      "The previous wave, for `previous` targets and `declined` (default: the stored wave before --wave).",
      valueName: tr("đợt", "compare")))
  var compare: String?
  @Option(help: levelHelp) var level: String?
  @Option(
    help: helpText(
      "Kế hoạch riêng của một đơn vị (mã xã): chỉ các cảnh báo của đơn vị đó, do đơn vị ban hành.",
      "One unit's own plan (its code): only that unit's flags, issued by it.", valueName: tr("mã", "unit")))
  var unit: String?
  @Option(
    help: helpText(
      "Lập kế hoạch từ người trả lời của đợt, chuyển sang bộ đơn vị đã nạp này (xã sau sáp nhập; điểm suy ra).",
      "Plan from the wave's respondents converted to this loaded unit set (merged communes; derived scores).",
      valueName: tr("bộ-đơn-vị", "as-of-units")))
  var asOfUnits: String?
  @Option(
    help: helpText(
      "Lập kế hoạch từ bộ điểm công bố đã nạp này (--wave là năm; kế hoạch của tỉnh: thêm --unit MÃ-TỈNH).",
      "Plan from this loaded published-scores set (--wave is the year; a province's plan: add --unit PROVINCE-CODE).",
      valueName: tr("bộ-điểm", "published")))
  var published: String?
  @Option(
    help: helpText(
      "significant: chỉ các nội dung thấp hơn rõ rệt so với mục tiêu hoặc giảm điểm rõ rệt.",
      "significant: only areas clearly below target or clearly declined.", valueName: tr("cảnh-báo", "only")))
  var only: OnlyFlags?
  @OptionGroup var issuerOption: IssuerOption
  @OptionGroup var lonelyPSU: LonelyPSUOption
  @OptionGroup var author: AuthorOption
  var issuer: String? { issuerOption.path }
  var by: String? { author.by }
  @OptionGroup var output: OutputOptions
  @OptionGroup var excel: ExcelOption
  @OptionGroup var lang: LanguageOption
  @OptionGroup var lexicon: LexiconOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    if published != nil && asOfUnits != nil {
      throw ValidationError(
        tr(
          "--published và --as-of-units không đi cùng nhau: điểm công bố không có người trả lời để chuyển đổi.",
          "--published and --as-of-units do not go together: published scores have no respondents to convert."))
    }
    // table: the new and existing actions; md or html: the plan document; csv, json or xlsx: the register.
    try output.check(
      OutputFormat.allCases, command: "plan", excel: excel.excel,
      keeping: lexicon.paths + [targets, tasks, issuer, database.path])
  }

  func run() throws {
    var request = PlanRequest(wave: wave, targetsPath: targets)
    request.lonelyPSU = lonelyPSU.value
    request.tasksPath = tasks
    request.lexicons = lexicon.paths
    request.start = start
    request.today = today
    request.compareWave = compare
    request.level = level
    request.unit = unit
    request.issuerPath = issuer
    request.asOfUnits = asOfUnits
    request.published = published
    request.onlySignificant = only == .significant
    request.format = output.format
    request.options = RenderOptions(language: language, excel: excel.excel)
    if let by { request.author = by }
    var sink = output.sink()
    let warnings = try PlanCommand.run(request, store: database.existing, to: &sink)
    Console.report(warnings, language)
    try output.finish(sink, language)
  }
}

struct Actions: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Sổ theo dõi nhiệm vụ: liệt kê, xem, cập nhật và lịch sử mọi thay đổi.",
    en: "The action register: list, show, update and the history of every change.",
    subcommands: [List.self, Show.self, Update.self, History.self])

  struct List: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Liệt kê nhiệm vụ, kèm kết quả đo lại ở đợt sau khi có.",
      en: "List actions, with their re-measurement in a later wave when there is one.",
      examples: [
        "papi actions list --wave 2024 --agency \"tư pháp\"", "papi actions list --overdue --today 28/02/2025",
        "papi actions list --status \"đang thực hiện\" --format csv --excel --out a.csv",
        "papi actions list --wave 2024 --format xlsx --out nhiem-vu.xlsx",
      ])
    @Option(
      parsing: .upToNextOption,
      help: helpText(
        "Chỉ các trạng thái này: chưa thực hiện, đang thực hiện, hoàn thành (xong), dừng (hoặc open, in_progress, "
          + "done, dropped).",
        "Only these statuses: open, in_progress, done, dropped (or chưa thực hiện, đang thực hiện, hoàn thành, dừng).",
        valueName: tr("trạng-thái", "status")))
    var status: [ActionStatus] = []
    @Flag(help: helpText("Chỉ nhiệm vụ quá hạn mà chưa xong.", "Only actions past their due date and not finished."))
    var overdue = false
    @Option(help: unitHelp) var unit: String?
    @Option(
      help: helpText(
        "Chỉ nhiệm vụ cơ quan này chủ trì hoặc phối hợp (không phân biệt dấu, hoa thường).",
        "Only actions this office leads or supports (accents and case do not matter).",
        valueName: tr("cơ-quan", "agency")))
    var agency: String?
    @Option(
      help: helpText(
        "Chỉ nhiệm vụ lập cho đợt này.", "Only actions planned for this wave.", valueName: tr("đợt", "wave"))) var wave:
      String?
    @Option(help: todayHelp) var today: CivilDate?
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      try output.check(OutputFormat.allCases, command: "actions list", excel: excel.excel, keeping: [database.path])
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
      try output.finish(sink, language)
    }
  }

  struct Show: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Xem đầy đủ một nhiệm vụ: việc cần làm, cơ quan chủ trì và phối hợp, điểm ban đầu, mục tiêu, lịch sử.",
      en: "One action in full: the task, lead and support offices, baseline, target and history.",
      examples: ["papi actions show 3f2a9c81d0"])
    @Argument(help: actionIdHelp) var id: String
    @Option(help: todayHelp) var today: CivilDate?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func run() throws {
      try Console.print(try ActionsCommand.show(id: id, store: database.existing, today: today, language: language))
    }
  }

  struct Update: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Đổi trạng thái một nhiệm vụ và/hoặc thêm ghi chú; thay đổi được giữ trong lịch sử.",
      en: "Change an action's status and/or add a note; the change is kept in its history.",
      examples: [
        "papi actions update 3f2a9c81d0 --status \"đang thực hiện\" --note \"Đã họp dân\"",
        "papi actions update 3f2a9c81d0 --status xong --by \"UBND xã Đắk Pnê\"",
      ])
    @Argument(help: actionIdHelp) var id: String
    @Option(
      help: helpText(
        "Trạng thái mới: chưa thực hiện, đang thực hiện, hoàn thành (xong) hoặc dừng (hoặc open, in_progress, done, "
          + "dropped).",
        "New status: open, in_progress, done or dropped (or chưa thực hiện, đang thực hiện, hoàn thành, dừng).",
        valueName: tr("trạng-thái", "status")))
    var status: ActionStatus?
    @Option(
      help: helpText(
        "Ghi chú: đã làm gì, hoặc vì sao dừng nhiệm vụ.", "A note: what was done, or why the action is dropped.",
        valueName: tr("ghi-chú", "note")))
    var note: String?
    @Option(
      help: helpText(
        "Người thay đổi (mặc định: tên đăng nhập).", "Who makes the change (default: the login name).",
        valueName: tr("người", "by")))
    var by: String?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      if status == nil && note == nil {
        throw ValidationError(tr("Hãy cho --status, --note hoặc cả hai.", "Give --status, --note or both."))
      }
    }

    func run() throws {
      try Console.print(
        try ActionsCommand.update(
          id: id, status: status, note: note, author: by ?? PlanRequest.defaultAuthor, store: database.existing,
          language: language))
    }
  }

  struct History: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Mọi thay đổi của một nhiệm vụ, cũ nhất trước, kèm thời gian và người thay đổi.",
      en: "Every change of an action, oldest first, with time and author.",
      examples: ["papi actions history 3f2a9c81d0"])
    @Argument(help: actionIdHelp) var id: String
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func run() throws {
      try Console.print(try ActionsCommand.history(id: id, store: database.existing, language: language))
    }
  }
}
