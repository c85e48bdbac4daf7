import ArgumentParser
import PapiKit

struct Init: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Tạo thư mục làm việc cho một cơ quan: bảng hỏi, chỉ tiêu, danh mục nhiệm vụ riêng, cơ quan ban hành và "
      + "README.txt; không ghi đè tệp nào đã có.",
    en: "Make a working folder for an office: questionnaire, targets, local task catalogue, document issuer and "
      + "README.txt; never overwrites a file.",
    examples: ["papi init ho-so", "cd ho-so && papi validate ../DU-LIEU.csv -q bang-hoi-papi-2024.yaml"])

  @Argument(
    help: helpText(
      "Thư mục, tạo ra khi chưa có.", "The folder, made when it is not there.",
      valueName: tr("thư-mục", "folder")))
  var folder: String = "."
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    let outcome = try InitCommand.run(folder: folder)
    try Console.print(InitCommand.summary(outcome, language: language))
  }
}
