import ArgumentParser
import Foundation
import PapiKit

@main
struct Papi: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "papi",
    abstract: "Turn PAPI- and SIPAS-style survey exports into commune scores, weakness reports and improvement plans.",
    version: PapiVersion.current,
    subcommands: [
      Validate.self, Score.self, Import.self, Waves.self, Imports.self, Units.self, Report.self, Benchmarks.self,
      Plan.self, Actions.self,
      Feedback.self,
    ]
  )

  /// Parses the command line and runs the command. The one place errors become a message
  /// and an exit status: a `PapiError` is printed in the command's language with status 1
  /// (its `code` says which kind it is); usage errors are ArgumentParser's (status 64).
  static func main() {
    var command: (any ParsableCommand)?
    do {
      var parsed = try parseAsRoot()
      command = parsed
      try parsed.run()
    } catch let error as PapiError {
      Console.error(error.text((command as? any Localized)?.language ?? .vi, limit: 200))
      Foundation.exit(ExitStatus.of(error))
    } catch {
      exit(withError: error)
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
