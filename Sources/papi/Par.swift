import ArgumentParser
import PapiKit

/// `papi par`: the PAR INDEX (Chỉ số cải cách hành chính), PRODUCT.md §8.
struct Par: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Chỉ số cải cách hành chính (PAR INDEX): điểm mất theo tiêu chí, lý do và cơ quan chịu trách nhiệm.",
    en: "The PAR INDEX: lost points by criterion, their reasons and the offices responsible.",
    subcommands: [Validate.self, Import.self, Imports.self, Report.self, Plan.self])

  struct Validate: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Kiểm tra kết quả chấm điểm theo bộ tiêu chí: liệt kê mọi lỗi; tính điểm, chỉ số, xếp loại, thứ hạng và "
        + "báo các số liệu không khớp.",
      en: "Check results against a criteria set: list every problem; compute points, index, band and rank, and "
        + "warn about figures that do not add up.",
      examples: [
        "papi par validate ket-qua-2023.csv -c par-kontum-huyen-2023.yaml"
      ])
    @Argument(
      help: helpText("Tệp kết quả (CSV hoặc .xlsx).", "Results files (CSV or .xlsx).", valueName: tr("tệp", "file")))
    var files: [String]
    @OptionGroup var criteriaOption: CriteriaOption
    var criteria: String { criteriaOption.path }
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      var sink = FileOutput(path: nil)
      let warnings = try ParValidateCommand.run(
        files: files, criteriaPath: criteria, language: language, to: &sink)
      Console.report(warnings, language)
      try sink.finish()
    }
  }

  struct Import: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Lưu kết quả Chỉ số CCHC của một năm cùng bộ tiêu chí: kiểm tra cả năm trước khi lưu, tất cả hoặc không; "
        + "nhập lại cùng tệp không thay đổi gì.",
      en: "Store a year's PAR INDEX results with their criteria set: the whole year is checked before anything is "
        + "stored, all or nothing; importing the same files again changes nothing.",
      examples: [
        "papi par import ket-qua-2023.csv -c par-kontum-huyen-2023.yaml --year 2023"
      ])
    @Argument(
      help: helpText("Tệp kết quả (CSV hoặc .xlsx).", "Results files (CSV or .xlsx).", valueName: tr("tệp", "file")))
    var files: [String]
    @OptionGroup var criteriaOption: CriteriaOption
    var criteria: String { criteriaOption.path }
    @Option(help: helpText("Năm của kết quả.", "The results' year.", valueName: tr("năm", "year"))) var year: String
    @Flag(
      help: helpText(
        "Thay số liệu đã lưu khi tệp mới ghi khác (kết quả đã điều chỉnh), hoặc chấm lại cả năm theo bộ tiêu chí mới.",
        "Replace stored figures the new file gives differently (corrected results), or score the whole year by a new "
          + "criteria set."))
    var replace = false
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let (entries, warnings) = try ParImportCommand.run(
        ParImportRequest(files: files, criteriaPath: criteria, year: year, replace: replace), store: database.creatable)
      Console.report(warnings, language)
      try Console.print(ParImportText.text(entries, year: year, database: database.path, language: language))
    }
  }

  struct Report: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Báo cáo Chỉ số CCHC của một năm: chỉ số, xếp loại, thứ hạng, so với năm trước; từng tiêu chí mất điểm với "
        + "lý do và cơ quan chịu trách nhiệm; bảng theo cơ quan; số liệu không khớp.",
      en: "A year's PAR INDEX report: index, band, rank, change from last year; every lost criterion with its reason "
        + "and the offices responsible; the table by office; the figures that do not add up.",
      examples: [
        "papi par report --year 2023 --unit 614",
        "papi par report --year 2023 --format docx --out bao-cao-cchc-2023.docx",
      ])
    @Option(help: helpText("Năm của kết quả.", "The results' year.", valueName: tr("năm", "year"))) var year: String
    @Option(
      help: helpText(
        "So với năm này (mặc định: năm đã lưu liền trước).",
        "Compare with this year (default: the stored year before).",
        valueName: tr("năm", "year")))
    var compare: String?
    @Option(help: unitHelp) var unit: String?
    @Option(
      name: .customLong("target-rank"),
      help: helpText(
        "Số điểm cần để đạt thứ hạng này trong các đơn vị cùng cấp trên.",
        "The points needed to reach this rank among the units of the same parent.", valueName: tr("hạng", "rank")))
    var targetRank: Int?
    @OptionGroup var issuerOption: IssuerOption
    var issuer: String? { issuerOption.path }
    @Option(
      help: helpText(
        "Ngày của báo cáo (mặc định: hôm nay).", "The report's date (default: today).", valueName: tr("ngày", "date")))
    var date: CivilDate?
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      if let targetRank, targetRank < 1 {
        throw ValidationError(tr("--target-rank phải từ 1 trở lên.", "--target-rank must be 1 or more."))
      }
      try output.check(
        OutputFormat.allCases, command: "par report", excel: excel.excel, keeping: [issuer, database.path])
    }

    func run() throws {
      var request = ParReportRequest(
        year: year, compare: compare, unit: unit, targetRank: targetRank, format: output.format,
        options: RenderOptions(language: language, excel: excel.excel))
      request.issuerPath = issuer
      request.date = date
      var sink = output.sink()
      let warnings = try ParReportCommand.run(request, store: database.existing, to: &sink)
      Console.report(warnings, language)
      try output.finish(sink, language)
    }
  }

  struct Plan: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Lập nhiệm vụ khắc phục cho mọi tiêu chí mất điểm của một năm, vào cùng sổ theo dõi nhiệm vụ với PAPI: cơ "
        + "quan chịu trách nhiệm chủ trì; kết quả năm sau đo lại (papi actions list).",
      en: "Plan remedial actions for every lost criterion of a year, in the same register as the PAPI actions: the "
        + "responsible office leads; next year's results re-measure them (papi actions list).",
      examples: [
        "papi par plan --year 2023 --start 06/01/2026",
        "papi par plan --year 2023 --unit 614 --format xlsx --out nhiem-vu-cchc.xlsx",
      ])
    @Option(help: helpText("Năm của kết quả.", "The results' year.", valueName: tr("năm", "year"))) var year: String
    @Option(
      help: helpText(
        "Danh mục nhiệm vụ (mặc định: papi-tasks.yaml đi kèm).", "The task catalogue (default: the bundled one).",
        valueName: tr("tệp", "tasks")))
    var tasks: String?
    @Option(
      help: helpText(
        "Ngày bắt đầu tính hạn, DD/MM/YYYY hoặc YYYY-MM-DD (mặc định: hôm nay).",
        "The day deadlines are counted from, DD/MM/YYYY or YYYY-MM-DD (default: today).", valueName: tr("ngày", "start")
      ))
    var start: CivilDate?
    @Option(help: todayHelp) var today: CivilDate?
    @Option(help: unitHelp) var unit: String?
    @OptionGroup var issuerOption: IssuerOption
    @OptionGroup var author: AuthorOption
    var issuer: String? { issuerOption.path }
    var by: String? { author.by }
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      try output.check(
        OutputFormat.allCases, command: "par plan", excel: excel.excel, keeping: [tasks, issuer, database.path])
    }

    func run() throws {
      var request = ParPlanRequest(year: year)
      request.tasksPath = tasks
      request.start = start
      request.today = today
      request.unit = unit
      request.issuerPath = issuer
      request.format = output.format
      request.options = RenderOptions(language: language, excel: excel.excel)
      if let by { request.author = by }
      var sink = output.sink()
      let warnings = try ParPlanCommand.run(request, store: database.existing, to: &sink)
      Console.report(warnings, language)
      try output.finish(sink, language)
    }
  }

  struct Imports: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Nhật ký nhập kết quả Chỉ số CCHC: tệp, SHA-256, số dòng, năm, bộ tiêu chí và thời gian của mỗi lần nhập.",
      en: "The PAR INDEX import log: file, SHA-256, rows, year, criteria set and time of every import.",
      examples: ["papi par imports --year 2023"])
    @Option(help: helpText("Chỉ năm này.", "Only this year.", valueName: tr("năm", "year"))) var year: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let entries = try database.existing.parImportLog().filter { year == nil || $0.year == year }
      try Console.print(ParImportLogReport.text(entries, language: language))
    }
  }
}
