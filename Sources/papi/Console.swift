import Foundation
import PapiKit

/// What commands say besides their output: warnings and notes on stderr; short answers on
/// stdout.
enum Console {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((ConsoleText.safe(text) + "\n").utf8))
  }

  /// Each diagnostic on stderr, in `language`.
  static func report(_ diagnostics: [Diagnostic], _ language: Language) {
    for diagnostic in diagnostics { error(diagnostic.text(language)) }
  }

  /// A short answer on stdout.
  static func print(_ text: String) throws(PapiError) {
    var output = FileOutput(path: nil)
    output.write(ConsoleText.safe(text))
    try output.finish()
  }
}

/// A progress line on stderr — rows, rows per second, percent — only when stderr is a
/// terminal, at most five times a second.
final class ProgressLine {
  private let enabled = isatty(STDERR_FILENO) == 1
  private let start = Date()
  private var last = Date.distantPast
  private var shown = false

  func update(_ label: String, rows: Int, fraction: Double?, language: Language) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(last) >= 0.2 else { return }
    last = now
    let seconds = max(now.timeIntervalSince(start), 0.001)
    let rate = Int(Double(rows) / seconds)
    var text =
      language == .vi ? "\r\(label): \(rows) dòng, \(rate) dòng/giây" : "\r\(label): \(rows) rows, \(rate) rows/s"
    if let fraction { text += String(format: ", %.0f%%", min(100, fraction * 100)) }
    FileHandle.standardError.write(Data((text + "   ").utf8))
    shown = true
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    shown = false
  }
}
