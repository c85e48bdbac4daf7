import ArgumentParser
import PapiKit

struct Validate: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Kiểm tra tệp dữ liệu khảo sát theo bảng hỏi và liệt kê mọi lỗi; không ghi gì.",
    en: "Check survey exports against a questionnaire and list every problem; writes nothing.",
    examples: ["papi validate samples/kobo-kontum-2024.csv -q papi-2024"])

  @OptionGroup var input: ExportOptions
  @OptionGroup var errors: OnErrorOption
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func validate() throws {
    if input.files.isEmpty {
      throw ValidationError(
        tr("Hãy chỉ ít nhất một tệp dữ liệu để kiểm tra.", "Give at least one export file to validate."))
    }
    _ = try input.requiredQuestionnaire()
  }

  func run() throws {
    var notes: [Diagnostic] = []
    let questionnaire = input.questionnairePath(notes: &notes) ?? ""
    Console.report(notes, language)
    var read = input.readOptions
    read.skipBadRows = errors.skip
    let outcome = try ValidateCommand.run(
      files: input.files, questionnairePath: questionnaire, read: read, language: language)
    Console.report(outcome.diagnostics, language)
    try Console.print(outcome.summary)
    if !outcome.passed { throw ExitCode(1) }
  }
}
