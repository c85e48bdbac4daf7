import ArgumentParser
import PapiKit

struct Score: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Tính điểm từng đơn vị theo các chỉ số nội dung của bảng hỏi, kèm n, sai số chuẩn và khoảng tin cậy 95%.",
    en: "Score every unit on the questionnaire's dimensions, with n, SE and 95% CI (table or json).",
    examples: [
      "papi score samples/kobo-kontum-2024.csv -q papi-2024", "papi score --wave 2024 --level province",
      "papi score --wave 2024 --unit 23491 --format json",
    ])

  @OptionGroup var input: ExportOptions
  @OptionGroup var errors: OnErrorOption
  @OptionGroup var lonelyPSU: LonelyPSUOption
  @Option(
    help: helpText(
      "Cấp tính điểm: commune (xã), district (huyện) hoặc province (tỉnh), theo bảng hỏi.",
      "Level to score: commune, district or province (as the questionnaire defines).", valueName: tr("cấp", "level")))
  var level: String?
  @Option(help: unitHelp) var unit: String?
  @Option(
    help: helpText(
      "Đợt khảo sát: đọc từ cơ sở dữ liệu khi không có tệp, hoặc nhãn ghi vào kết quả.",
      "The wave: read from the database when no files are given, else the label written into the output.",
      valueName: tr("đợt", "wave")))
  var wave: String?
  @Option(
    help: helpText(
      "Chuyển người trả lời sang bộ đơn vị đã nạp này qua bảng chuyển đổi (điểm suy ra).",
      "Convert respondents to this loaded unit set through its crosswalk (derived scores).",
      valueName: tr("bộ-đơn-vị", "as-of-units")))
  var asOfUnits: String?
  @OptionGroup var output: OutputOptions
  @OptionGroup var lang: LanguageOption
  @OptionGroup var database: DatabaseOption
  var language: Language { lang.value }

  func validate() throws {
    if input.files.isEmpty && wave == nil {
      throw ValidationError(
        tr(
          "Hãy chỉ tệp dữ liệu (với -q), hoặc --wave để tính điểm một đợt đã lưu.",
          "Give export files (with -q), or --wave to score a wave stored in the database."))
    }
    if !input.files.isEmpty && input.questionnaire == nil {
      throw ValidationError(
        tr(
          "Tính điểm từ tệp dữ liệu cần -q BẢNG-HỎI (ví dụ -q papi-2024).",
          "Scoring export files needs -q QUESTIONNAIRE."))
    }
    try output.check(
      ScoreCommand.formats, command: "score", keeping: input.files + [input.questionnaire, database.path])
  }

  func run() throws {
    var notes: [Diagnostic] = []
    var read = input.readOptions
    read.skipBadRows = errors.skip
    read.lonelyPSU = lonelyPSU.value
    let request = ScoreRequest(
      files: input.files, questionnairePath: input.questionnairePath(notes: &notes), read: read,
      level: level,
      unit: unit, format: output.format, language: language, wave: wave, asOfUnits: asOfUnits)
    Console.report(notes, language)
    let store = input.files.isEmpty || asOfUnits != nil ? database.existing : nil
    var sink = output.sink()
    let warnings = try ScoreCommand.run(request, store: store, to: &sink)
    Console.report(warnings, language)
    try output.finish(sink, language)
  }
}
