import ArgumentParser
import Foundation
import PapiKit

extension Language: ExpressibleByArgument {}
extension ScoreFormat: ExpressibleByArgument {}

/// Options shared by every command that reads exports.
struct ExportOptions: ParsableArguments {
  @Argument(help: "Survey export files (CSV).")
  var files: [String] = []

  @Option(name: [.customShort("q"), .long], help: "Questionnaire YAML file.")
  var questionnaire: String

  @Option(help: "Field delimiter: ',', ';' or 'tab' (detected when omitted).")
  var delimiter: String?

  @Option(help: "Encoding: utf-8, utf-16le, utf-16be, cp1258, tcvn3 or vni (UTF-8/UTF-16 with BOM are detected).")
  var encoding: String?

  func validate() throws {
    if let delimiter, parsedDelimiter(delimiter) == nil {
      throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'.")
    }
    if let encoding, InputEncoding(name: encoding) == nil {
      throw ValidationError(
        "--encoding '\(encoding)' is not supported; use one of: \(InputEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
  }

  var readOptions: ReadOptions {
    ReadOptions(delimiter: delimiter.flatMap(parsedDelimiter), encoding: encoding.flatMap(InputEncoding.init(name:)))
  }
}

private func parsedDelimiter(_ text: String) -> UInt8? {
  switch text.lowercased() {
  case ",", "comma": return UInt8(ascii: ",")
  case ";", "semicolon": return UInt8(ascii: ";")
  case "tab", "\t", "\\t": return 9
  default: return nil
  }
}

/// Writes a command's output to stdout or to `--out`, and its diagnostics to stderr.
enum Console {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  static func output(_ text: String, to path: String?) throws {
    if let path {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      } catch {
        Self.error("papi: cannot write \(path): \(error.localizedDescription)")
        throw ExitCode(1)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// Prints a stopping error in the user's language and exits with status 1.
  static func fail(_ error: PapiError, _ language: Language) -> ExitCode {
    Self.error(error.text(language))
    return ExitCode(1)
  }
}
