import ArgumentParser
import Foundation
import PapiKit

@main
struct Papi: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "papi",
    abstract: tr(
      "Biến dữ liệu khảo sát kiểu PAPI và SIPAS thành điểm của từng xã, báo cáo điểm yếu và kế hoạch khắc phục.",
      "Turn PAPI- and SIPAS-style survey exports into commune scores, weakness reports and improvement plans."),
    discussion: tr(
      """
      Bắt đầu (papi init tạo thư mục làm việc: bảng hỏi, chỉ tiêu, nhiệm vụ):
        papi init ho-so
        papi validate DU-LIEU.csv -q papi-2024
        papi import DU-LIEU.csv -q papi-2024 --wave 2024
        papi report --wave 2024 --targets ho-so/chi-tieu.yaml
        papi plan --wave 2024 --targets ho-so/chi-tieu.yaml --start 06/01/2025
      Tiếng Anh: --lang en (hoặc LANG=en_US.UTF-8). Hướng dẫn đầy đủ: man papi.
      """,
      """
      Getting started (papi init makes a working folder):
        papi init office
        papi validate EXPORT.csv -q papi-2024
        papi import EXPORT.csv -q papi-2024 --wave 2024
        papi report --wave 2024 --targets office/chi-tieu.yaml
        papi plan --wave 2024 --targets office/chi-tieu.yaml --start 06/01/2025
      Vietnamese is the default; --lang en gives English. The manual: man papi.en.
      """),
    version: PapiVersion.current,
    subcommands: [
      Init.self, Validate.self, Score.self, Import.self, Waves.self, Imports.self, Units.self, Report.self,
      Benchmarks.self,
      Plan.self, Actions.self,
      Feedback.self, Par.self,
    ]
  )

  /// Parses the command line and runs the command. The one place errors become a message
  /// and an exit status: a `PapiError` is printed in the command's language with status 1
  /// (its `code` says which kind it is); a usage error in the user's language with status
  /// 64, naming the nearest subcommand or option of a misspelt one; help on stdout.
  static func main() {
    var command: (any ParsableCommand)?
    do {
      var parsed = try parseAsRoot()
      command = parsed
      try parsed.run()
    } catch let error as PapiError {
      Console.error(error.text((command as? any Localized)?.language ?? userLanguage, limit: 200))
      Foundation.exit(ExitStatus.of(error))
    } catch {
      let status = exitCode(for: error)
      guard status == .success || status == .validationFailure else { exit(withError: error) }
      // The command tree is read only for a refused command line or `papi help …`.
      let arguments = Array(CommandLine.arguments.dropFirst())
      let misspelt: (UsageCheck) -> UsageCheck.Problem? =
        status == .success ? { $0.helpProblem(in: arguments) } : { $0.firstProblem(in: arguments) }
      if status == .validationFailure || arguments.first == "help",
        let problem = CommandTree.of(Papi.self).flatMap({ misspelt(UsageCheck(tree: $0)) })
      {
        Console.error(tr("Lỗi: ", "Error: ") + problem.text(userLanguage))
        Foundation.exit(ExitCode.validationFailure.rawValue)
      }
      if status == .success {
        let text = fullMessage(for: error)
        let isHelp = text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:")
        print(isHelp ? ArgumentParserText.help(text, userLanguage) : text)
        Foundation.exit(0)
      }
      Console.error(ArgumentParserText.usageError(fullMessage(for: error), userLanguage))
      Foundation.exit(status.rawValue)
    }
  }
}

/// A command that speaks the user's language (`--lang`).
protocol Localized {
  var language: Language { get }
}

/// The exit status of each kind of failure: 1 for every `PapiError` (the message says
/// what happened), 64 for a usage error.
enum ExitStatus {
  static func of(_ error: PapiError) -> Int32 {
    switch error.code {
    case .invalidInput, .unreadableFile, .unsupportedFormat, .database, .notFound, .conflict, .missingResource: return 1
    }
  }
}
