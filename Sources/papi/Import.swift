import ArgumentParser
import PapiKit

struct Import: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Kiểm tra rồi lưu các tệp dữ liệu khảo sát thành một đợt: lưu tất cả hoặc không lưu tệp nào.",
    en: "Validate survey exports and store them as one wave, all files or none.",
    examples: [
      "papi import samples/kobo-kontum-2024.csv -q papi-2024 --wave 2024",
      "papi import a.csv -q papi-2024 --wave 2024 --on-error skip --rejects loai.csv",
    ])

  @OptionGroup var input: ExportOptions
  @Option(
    help: helpText(
      "Đợt khảo sát để lưu các dòng, ví dụ 2024.", "The wave to store the rows in, e.g. 2024.",
      valueName: tr("đợt", "wave")))
  var wave: String
  @OptionGroup var database: DatabaseOption
  @Flag(
    help: helpText(
      "Thay các dòng đã lưu khi mã người trả lời xuất hiện lại với câu trả lời khác.",
      "Replace stored rows whose respondent id comes again with different answers."))
  var replace = false
  @Option(
    help: helpText(
      "abort (mặc định): một dòng lỗi là dừng cả lần nhập; skip: nhập các dòng đúng, ghi dòng lỗi vào --rejects.",
      "abort (default): any bad row stops the import; skip: import the good rows and write the bad ones to --rejects.",
      valueName: tr("cách", "on-error")))
  var onError: OnError = .abort
  @Option(
    help: helpText(
      "Với --on-error skip: tệp CSV ghi các dòng bị loại, mỗi dòng kèm lý do.",
      "With --on-error skip: the CSV file for the rejected rows, each with its reason.", valueName: tr("tệp", "rejects")
    ))
  var rejects: String?
  @Option(
    help: helpText(
      "Đối chiếu mã đơn vị với bộ đơn vị đã nạp này (mặc định: mọi bộ đã nạp).",
      "Check unit codes against this loaded unit set (default: every loaded set).", valueName: tr("bộ", "units")))
  var units: String?
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func validate() throws {
    if input.files.isEmpty {
      throw ValidationError(tr("Hãy chỉ ít nhất một tệp dữ liệu để nhập.", "Give at least one export file to import."))
    }
    _ = try input.requiredQuestionnaire()
    if onError == .skip && rejects == nil {
      throw ValidationError(
        tr(
          "--on-error skip cần --rejects TỆP để ghi các dòng bị loại.",
          "--on-error skip needs --rejects FILE for the rejected rows."))
    }
    if onError == .abort && rejects != nil {
      throw ValidationError(tr("--rejects đi cùng --on-error skip.", "--rejects goes with --on-error skip."))
    }
  }

  func run() throws {
    var options = input.readOptions
    options.skipBadRows = onError == .skip
    var notes: [Diagnostic] = []
    let questionnaire = input.questionnairePath(notes: &notes) ?? ""
    Console.report(notes, language)
    let progress = ProgressLine()
    defer { progress.finish() }
    let vi = language == .vi
    let result = try ImportCommand.run(
      ImportRequest(
        files: input.files, questionnairePath: questionnaire, wave: wave, read: options, replace: replace,
        rejectsPath: rejects,
        unitSet: units),
      store: database.creatable,
      readProgress: { step in
        progress.update(
          vi ? "đọc" : "reading", rows: step.rows,
          fraction: step.totalBytes > 0 ? Double(step.bytes) / Double(step.totalBytes) : nil, language: language)
      },
      writeProgress: { rows, total in
        progress.update(
          vi ? "ghi" : "writing", rows: rows, fraction: total > 0 ? Double(rows) / Double(total) : nil,
          language: language)
      })
    progress.finish()
    Console.report(result.warnings, language)
    try Console.print(
      ImportReport.text(
        result.outcome, rejected: result.rejected, rejectsPath: rejects, database: database.path, language: language))
  }
}
