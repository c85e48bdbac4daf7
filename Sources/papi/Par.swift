import ArgumentParser
import PapiKit

/// `papi par`: the PAR INDEX (Chỉ số cải cách hành chính), PRODUCT.md §8.
struct Par: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Chỉ số cải cách hành chính (PAR INDEX): điểm mất theo tiêu chí, lý do và cơ quan chịu trách nhiệm.",
    en: "The PAR INDEX: lost points by criterion, their reasons and the offices responsible.",
    subcommands: [Validate.self])

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
    @Option(
      name: [.customShort("c"), .customLong("criteria")],
      help: helpText(
        "Bộ tiêu chí (YAML, kind: par).", "The criteria set (YAML, kind: par).", valueName: tr("bộ-tiêu-chí", "set")))
    var criteria: String
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
}
