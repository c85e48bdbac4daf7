import Foundation
import PapiKit

/// ArgumentParser's own words (help headings, usage errors) in the user's language. The
/// texts it builds from papi's help strings are already in that language; what is left is
/// its fixed English, matched line by line. An unknown text stays as it is.
enum ArgumentParserText {
  /// A help screen in `language`.
  static func help(_ text: String, _ language: Language) -> String {
    wrappingUsage(language == .vi ? wrappedDefault(replacing(text, helpWords)) : text)
  }

  /// "; default:" of a list of values, wherever ArgumentParser wrapped the line: before the
  /// word, after it, or not at all.
  private static func wrappedDefault(_ text: String) -> String {
    text.replacingOccurrences(of: #";(\s+)default:"#, with: ";$1mặc định:", options: .regularExpression)
  }

  /// A usage error (ArgumentParser's full message: `Error:`, `Usage:`, `See …`) in
  /// `language`.
  static func usageError(_ text: String, _ language: Language) -> String {
    guard language == .vi else { return wrappingUsage(text) }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var line = String(line)
      if line.hasPrefix("Error: ") {
        line = "Lỗi: " + errorSentence(String(line.dropFirst("Error: ".count)))
      }
      return replacing(line, usageWords)
    }
    return wrappingUsage(lines.joined(separator: "\n"))
  }

  /// The usage line (ArgumentParser writes it on one line, however long) wrapped at 80
  /// columns between options, later lines aligned after the command.
  static func wrappingUsage(_ text: String) -> String {
    let heads = ["CÁCH DÙNG: ", "USAGE: ", "Cách dùng: ", "Usage: "]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.count > 80, let head = heads.first(where: { line.hasPrefix($0) }) else { return String(line) }
      let rest = String(line.dropFirst(head.count))
      let words = tokens(rest)
      let command = words.prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") }
      let indent = String(repeating: " ", count: head.count + command.joined(separator: " ").count + 1)
      var out: [String] = []
      var current = head + command.joined(separator: " ")
      for word in words.dropFirst(command.count) {
        if current.count + 1 + word.count > 80 && current.count > indent.count {
          out.append(current)
          current = indent + word
        } else {
          current += " " + word
        }
      }
      out.append(current)
      return out.joined(separator: "\n")
    }
    return lines.joined(separator: "\n")
  }

  /// The words of a usage line, an option with its value (`[--db <db>]`) being one.
  private static func tokens(_ usage: String) -> [String] {
    var words: [String] = []
    var current = ""
    var depth = 0
    for character in usage {
      if character == "[" || character == "<" { depth += 1 }
      if character == "]" || character == ">" { depth -= 1 }
      if character == " " && depth == 0 {
        if current == "..." || current == "...]" {
          words[words.count - 1] += " " + current
        } else if !current.isEmpty {
          words.append(current)
        }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    // A required option and its value stay together: `--wave <wave>`.
    var joined: [String] = []
    for word in words {
      if word.hasPrefix("<"), let last = joined.last, last.hasPrefix("-") {
        joined[joined.count - 1] += " " + word
      } else {
        joined.append(word)
      }
    }
    return joined
  }

  private static let helpWords: [(String, String)] = [
    ("OVERVIEW: ", "TỔNG QUAN: "), ("USAGE: ", "CÁCH DÙNG: "), ("ARGUMENTS:", "ĐỐI SỐ:"), ("OPTIONS:", "TÙY CHỌN:"),
    ("SUBCOMMANDS:", "LỆNH:"),
    ("' for detailed help.", "' để biết chi tiết."), ("  See 'papi help ", "  Xem 'papi help "),
    ("Show help information.", "Hiện trợ giúp này."), ("Show the version.", "Hiện phiên bản của papi."),
    ("(default: ", "(mặc định: "), ("(values: ", "(giá trị: "),
    ("<subcommand>", "<lệnh>"), ("[<options>]", "[<tùy chọn>]"),
  ]

  private static let usageWords: [(String, String)] = [
    ("Usage: ", "Cách dùng: "), ("Help: ", "Trợ giúp: "), ("<subcommand>", "<lệnh>"), ("[<options>]", "[<tùy chọn>]"),
    ("for more information.", "để biết thêm."), ("  See '", "  Xem '"),
  ]

  /// ArgumentParser's error sentences, most specific first.
  private static let errorPatterns: [(String, String)] = [
    (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, "không có tùy chọn '$1'. Có phải '$2'?"),
    (#"^Unknown option '(.+)'$"#, "không có tùy chọn '$1'."),
    (#"^Missing value for '(.+)'$"#, "thiếu giá trị sau '$1'."),
    (#"^Unexpected argument '(.+)'$"#, "không dùng được '$1' ở đây."),
    (#"^(\d+) unexpected arguments: (.+)$"#, "$1 đối số không dùng được ở đây: $2."),
    (#"^Missing expected argument '(.+)'$"#, "thiếu '$1'."),
    (#"^Missing one of: (.+)$"#, "thiếu một trong: $1."),
    (#"^Missing required subcommand\.$"#, "thiếu lệnh (xem --help)."),
    (
      #"^The option '(.+)' does not take any value, but '(.+)' was specified\.$"#,
      "tùy chọn '$1' không nhận giá trị, nhưng có '$2'."
    ),
    (#"^Value to be set with (.+) had already been set with (.+)$"#, "$1 đặt lại giá trị đã đặt bằng $2."),
    (
      #"^The value '(.*)' is invalid for '(.+?)'\. Please provide one of (.+)\.$"#,
      "giá trị '$1' không hợp lệ cho '$2'. Hãy dùng $3."
    ),
    (#"^The value '(.*)' is invalid for '(.+?)'(.*)$"#, "giá trị '$1' không hợp lệ cho '$2'$3."),
  ]

  /// The statuses `--status` takes, as ArgumentParser lists them, and as an officer types them.
  private static let statusCodes = "'open', 'in_progress', 'done' hoặc 'dropped'"
  private static let statusWords =
    "'chưa thực hiện', 'đang thực hiện', 'hoàn thành' (hoặc 'xong') hoặc 'dừng' (hoặc open, in_progress, done, dropped)"

  private static func errorSentence(_ sentence: String) -> String {
    for (pattern, template) in errorPatterns {
      guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
      let range = NSRange(sentence.startIndex..., in: sentence)
      guard expression.firstMatch(in: sentence, range: range) != nil else { continue }
      return expression.stringByReplacingMatches(in: sentence, range: range, withTemplate: template)
        .replacingOccurrences(of: "' or '", with: "' hoặc '").replacingOccurrences(of: "' and '", with: "' hoặc '")
        .replacingOccurrences(of: statusCodes, with: statusWords)
    }
    return sentence
  }

  private static func replacing(_ text: String, _ words: [(String, String)]) -> String {
    words.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
  }
}
