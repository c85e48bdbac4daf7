import ArgumentParser
import PapiKit

struct Init: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Tạo thư mục làm việc cho một cơ quan: bảng hỏi, chỉ tiêu, danh mục nhiệm vụ riêng, cơ quan ban hành và "
      + "README.txt; không ghi đè tệp nào đã có.",
    en: "Make a working folder for an office: questionnaire, targets, local task catalogue, document issuer and "
      + "README.txt; never overwrites a file.",
    examples: [
      "papi init ho-so", "cd ho-so && papi validate ../DU-LIEU.csv -q bang-hoi-papi-2024.yaml",
      "papi init ho-so --par par-xa-2026",
    ])

  @Argument(
    help: helpText(
      "Thư mục, tạo ra khi chưa có.", "The folder, made when it is not there.",
      valueName: tr("thư-mục", "folder")))
  var folder: String = "."
  @Option(
    help: helpText(
      "Chép thêm một bộ tiêu chí Chỉ số CCHC có sẵn để tỉnh sửa theo quyết định của mình "
        + "(\(InitCommand.parSets.joined(separator: ", "))).",
      "Also copy a shipped PAR INDEX criteria set for the province to edit to its own decision "
        + "(\(InitCommand.parSets.joined(separator: ", "))).", valueName: tr("bộ-tiêu-chí", "set")))
  var par: String?
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    let outcome = try InitCommand.run(folder: folder, parSet: par)
    try Console.print(InitCommand.summary(outcome, language: language))
  }
}
