import ArgumentParser
import Foundation
import PapiKit

struct Report: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Báo cáo điểm yếu: điểm so với chỉ tiêu, cảnh báo và thay đổi so với đợt trước.",
    en: "The weakness report: scores against targets, flags and the change from the previous wave.",
    examples: [
      "papi report --wave 2024 --compare 2023 --targets chi-tieu.yaml",
      "papi report --wave 2024 --targets chi-tieu.yaml --format html --out bc.html",
      "papi report --wave 2024 --targets chi-tieu.yaml --format xlsx --out bc.xlsx",
      "papi report samples/kobo-kontum-2024.csv -q papi-2024 --targets chi-tieu.yaml",
    ])

  @OptionGroup var input: ExportOptions
  @OptionGroup var errors: OnErrorOption
  @OptionGroup var lonelyPSU: LonelyPSUOption
  @Option(
    help: helpText(
      "Đợt khảo sát: đọc từ cơ sở dữ liệu khi không có tệp, hoặc nhãn của đợt trong các tệp.",
      "The wave: read from the database when no files are given, else the label of the files' wave.",
      valueName: tr("đợt", "wave")))
  var wave: String?
  @Option(
    help: helpText(
      "Đợt trước, từ cơ sở dữ liệu, cho cột thay đổi và cảnh báo `declined` (với --compare-files: nhãn của chúng).",
      "The previous wave, from the database, for the change column and `declined` (with --compare-files: their label).",
      valueName: tr("đợt", "compare")))
  var compare: String?
  @Option(
    parsing: .upToNextOption,
    help: helpText(
      "Hoặc các tệp dữ liệu của đợt trước.", "Or the previous wave's export files.",
      valueName: tr("tệp", "compare-files")))
  var compareFiles: [String] = []
  @Option(
    help:
      helpText(
        "Tệp chỉ tiêu (YAML, PRODUCT.md §3.3).", "Targets file (YAML, PRODUCT.md §3.3).",
        valueName: tr("tệp", "targets")))
  var targets: String?
  @Option(
    help: helpText(
      "Danh mục nhiệm vụ (PRODUCT.md §3.4) mà mỗi cảnh báo dẫn tới, ví dụ nhiem-vu.yaml.",
      "Task catalogue (PRODUCT.md §3.4) whose tasks each flag links to, e.g. tasks.yaml.", valueName: tr("tệp", "tasks")
    ))
  var tasks: String?
  @Option(
    help: helpText(
      "Lập báo cáo chỉ từ bộ điểm công bố đã nạp này (không cần dữ liệu người trả lời).",
      "Build the report from this loaded published-scores set alone (no respondent data).",
      valueName: tr("bộ-điểm", "published")))
  var published: String?
  @Option(help: unitHelp) var unit: String?
  @Option(help: levelHelp) var level: String?
  @OptionGroup var output: OutputOptions
  @OptionGroup var excel: ExcelOption
  @OptionGroup var lang: LanguageOption
  @OptionGroup var lexicon: LexiconOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    if published == nil && input.files.isEmpty && wave == nil {
      throw ValidationError(
        tr(
          "Hãy chỉ tệp dữ liệu (với -q), --wave để báo cáo một đợt đã lưu, hoặc --published TÊN --wave NĂM.",
          "Give export files (with -q), --wave to report a stored wave, or --published NAME --wave YEAR."))
    }
    if !input.files.isEmpty && input.questionnaire == nil {
      throw ValidationError(
        tr(
          "Báo cáo từ tệp dữ liệu cần -q BẢNG-HỎI (ví dụ -q papi-2024).",
          "Reporting export files needs -q QUESTIONNAIRE."))
    }
    try output.check(
      OutputFormat.allCases, command: "report", excel: excel.excel,
      keeping: input.files + compareFiles + lexicon.paths + [input.questionnaire, targets, tasks, database.path])
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
    request.read.lonelyPSU = lonelyPSU.value
    request.read.skipBadRows = errors.skip
    request.lexicons = lexicon.paths
    Console.report(notes, language)
    // Exports need the store only for published benchmarks, and only when it is there.
    let store = input.files.isEmpty ? database.existing : database.ifPresent
    var sink = output.sink()
    let warnings = try ReportCommand.run(request, store: store, to: &sink)
    Console.report(warnings, language)
    try output.finish(sink, language)
  }
}

struct Benchmarks: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Điểm đã công bố, cho chỉ tiêu và báo cáo cấp tỉnh.", en: "Published scores for targets and province reports.",
    subcommands: [Load.self])

  struct Load: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Nạp điểm công bố: dạng dọc (unit_code, unit_name, level, parent_code, wave, metric, score) hoặc dạng "
        + "bảng chính thức của PAPI.",
      en: "Load published scores: the long form (unit_code, unit_name, level, parent_code, wave, metric, score) or the "
        + "wide official PAPI form.",
      examples: ["papi benchmarks load papi-provincial-2011-2024.csv --name papi-official"])
    @Argument(help: helpText("Tệp CSV.", "The CSV file.", valueName: tr("tệp", "file"))) var file: String
    @Option(
      help: helpText(
        "Tên bộ điểm, dùng trong chỉ tiêu `benchmark:` và `--published`.",
        "The set's name, used by `benchmark:` targets and `--published`.", valueName: tr("tên", "name")))
    var name: String
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
