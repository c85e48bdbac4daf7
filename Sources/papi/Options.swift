import ArgumentParser
import Foundation
import PapiKit

extension Language: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `--lang`, shared by every command.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of the output and the messages: vi or en.")
  var value: Language = .vi
}

/// `--format` and `--out`, shared by every command that writes a document or data.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: table, md, html, csv or json (a command says which it writes).")
  var format: OutputFormat = .table

  @Option(help: "Write the output to this file instead of stdout.")
  var out: String?

  /// A usage error when the command does not write `format`.
  func check(_ formats: [OutputFormat], command: String, excel: Bool = false) throws {
    guard formats.contains(format) else {
      throw ValidationError(
        "papi \(command) writes \(formats.map(\.rawValue).joined(separator: ", ")), not --format \(format.rawValue).")
    }
    if excel && format != .csv { throw ValidationError("--excel goes with --format csv.") }
  }

  /// Where the output goes: the file, or stdout.
  func sink() -> FileOutput { FileOutput(path: out) }
}

/// `--excel`, for the commands that write CSV.
struct ExcelOption: ParsableArguments {
  @Flag(help: "CSV for Excel: UTF-8 with BOM, ';' and decimal commas.")
  var excel = false
}

/// Options shared by every command that reads exports.
struct ExportOptions: ParsableArguments {
  @Argument(help: "Survey export files (CSV).")
  var files: [String] = []

  @Option(
    name: [.customShort("q"), .long],
    help: "Questionnaire YAML file, or the name of one papi ships (papi-2024, sipas-2024).")
  var questionnaire: String?

  @Option(help: "Field delimiter: ',', ';' or 'tab' (detected when omitted).")
  var delimiter: String?

  @Option(help: "Encoding: utf-8, utf-16le, utf-16be, cp1258, tcvn3 or vni (UTF-8/UTF-16 with BOM are detected).")
  var encoding: String?

  /// The questionnaire, which commands reading exports require.
  func requiredQuestionnaire() throws -> String {
    guard let questionnaire else {
      throw ValidationError("Missing -q QUESTIONNAIRE (for example -q questionnaires/papi-2024.yaml).")
    }
    return questionnaire
  }

  /// The questionnaire's path (a shipped one found by name), with a note when it was.
  func questionnairePath(notes: inout [Diagnostic]) -> String? {
    questionnaire.map { DefaultInputs.questionnaire($0, notes: &notes) }
  }

  func validate() throws {
    if let delimiter, parsedDelimiter(delimiter) == nil {
      throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'.")
    }
    if let encoding, InputEncoding(name: encoding) == nil {
      throw ValidationError(
        "--encoding '\(encoding)' is not supported; use one of: "
          + "\(InputEncoding.allCases.map(\.rawValue).joined(separator: ", "))."
      )
    }
  }

  var readOptions: ReadOptions {
    ReadOptions(delimiter: delimiter.flatMap(parsedDelimiter), encoding: encoding.flatMap(InputEncoding.init(name:)))
  }
}

/// `--db PATH`, shared by every command that uses the store. The store opens the file at
/// its first use.
struct DatabaseOption: ParsableArguments {
  @Option(name: .customLong("db"), help: "The database file (created on first import).")
  var path: String = SQLiteStore.defaultPath

  @Option(
    name: .customLong("wait"),
    help: ArgumentHelp("Seconds to wait while another papi writes to the database.", valueName: "seconds"))
  var wait: Double = SQLiteStore.defaultWait

  func validate() throws {
    guard wait.isFinite, (0...86_400).contains(wait) else {
      throw ValidationError("--wait takes seconds from 0 to 86400, not \(wait).")
    }
  }

  /// The store; a missing or empty file is an error when it is first used.
  var existing: SQLiteStore { SQLiteStore(path: path, mode: .existing, wait: wait) }

  /// The store, created when the file is missing or empty.
  var creatable: SQLiteStore { SQLiteStore(path: path, mode: .createIfMissing, wait: wait) }

  /// The store when the file is there (published benchmarks for a report of exports).
  var ifPresent: SQLiteStore? { FileManager.default.fileExists(atPath: path) ? existing : nil }
}

/// `--lexicon FILE`, repeatable: lexicons added to the default one.
struct LexiconOption: ParsableArguments {
  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "A lexicon YAML file added to the default feedback lexicon (repeatable; `replace: true` in the file uses it "
        + "alone).")
  )
  var paths: [String] = []
}

private func parsedDelimiter(_ text: String) -> UInt8? {
  switch text.lowercased() {
  case ",", "comma": return UInt8(ascii: ",")
  case ";", "semicolon": return UInt8(ascii: ";")
  case "tab", "\t", "\\t": return 9
  default: return nil
  }
}
