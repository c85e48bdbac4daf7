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
  var questionnaire: String?

  @Option(help: "Field delimiter: ',', ';' or 'tab' (detected when omitted).")
  var delimiter: String?

  @Option(help: "Encoding: utf-8, utf-16le, utf-16be, cp1258, tcvn3 or vni (UTF-8/UTF-16 with BOM are detected).")
  var encoding: String?

  /// The questionnaire, which commands reading exports require.
  func requiredQuestionnaire() throws -> String {
    guard let questionnaire else { throw ValidationError("Missing -q QUESTIONNAIRE (for example -q questionnaires/papi-2024.yaml).") }
    return questionnaire
  }

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

/// `--db PATH`, shared by every command that uses the database.
struct DatabaseOption: ParsableArguments {
  @Option(name: .customLong("db"), help: "The database file (created on first import).")
  var path: String = Store.defaultPath
}

/// A progress line on stderr — rows, rows per second, percent — only when stderr is a
/// terminal, at most five times a second.
final class ProgressLine {
  private let enabled = isatty(STDERR_FILENO) == 1
  private let start = Date()
  private var last = Date.distantPast
  private var shown = false

  func update(_ label: String, rows: Int, fraction: Double?) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(last) >= 0.2 else { return }
    last = now
    let seconds = max(now.timeIntervalSince(start), 0.001)
    let rate = Int(Double(rows) / seconds)
    var text = "\r\(label): \(rows) rows, \(rate) rows/s"
    if let fraction { text += String(format: ", %.0f%%", min(100, fraction * 100)) }
    FileHandle.standardError.write(Data((text + "   ").utf8))
    shown = true
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
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
    let output = Output(path: path)
    var text = text
    text.withUTF8 { output.write(UnsafeRawBufferPointer($0)) }
    try output.finish()
  }

  /// Writes bytes to stdout or to a file as they come, remembering the first failure. The
  /// file is created at the first write, so a command that fails leaves it untouched.
  final class Output {
    let path: String?
    private var descriptor: Int32?
    private var failure: Int32?

    init(path: String?) {
      self.path = path
      if path == nil { descriptor = STDOUT_FILENO }
    }

    private func opened() -> Int32? {
      if let descriptor { return descriptor }
      guard let path, failure == nil else { return nil }
      let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      if file < 0 {
        failure = errno
        return nil
      }
      descriptor = file
      return file
    }

    func write(_ buffer: UnsafeRawBufferPointer) {
      guard failure == nil, let descriptor = opened(), let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }

    func finish() throws {
      let descriptor = opened()
      if path != nil, let descriptor, close(descriptor) != 0, failure == nil { failure = errno }
      if let failure {
        Console.error("papi: cannot write \(path ?? "stdout"): \(String(cString: strerror(failure)))")
        throw ExitCode(1)
      }
    }
  }

  /// Runs a command's body; a stopping error is printed in the user's language, status 1.
  static func attempt(_ language: Language, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as PapiError {
      throw fail(error, language)
    }
  }

  /// Prints a stopping error in the user's language and exits with status 1.
  static func fail(_ error: PapiError, _ language: Language) -> ExitCode {
    Self.error(error.text(language))
    return ExitCode(1)
  }
}
