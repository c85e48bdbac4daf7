import PapiKit

/// A misspelled subcommand or option on a command line, with the nearest right one. Run
/// when ArgumentParser refuses a command line: an unknown option followed by a value makes
/// it report something else first (the value taken for a file, a missing `-q`), while the
/// misspelling is what the person has to fix.
struct UsageCheck {
  /// What is wrong with the command line.
  enum Problem: Equatable {
    case unknownSubcommand(command: String, given: String, nearest: String?)
    case unknownOption(command: String, given: String, nearest: String?)
  }

  /// Options every command takes, which ArgumentParser adds itself.
  static let builtIn: Set<String> = [
    "-h", "--help", "--help-hidden", "--version", "--experimental-dump-help", "--generate-completion-script",
  ]

  let tree: CommandTree

  /// A misspelled command after `papi help` (ArgumentParser shows the nearest help it
  /// knows instead of saying so).
  func helpProblem(in arguments: [String]) -> Problem? {
    guard arguments.first == "help" else { return nil }
    var node = tree
    var path = [tree.commandName]
    for argument in arguments.dropFirst() where !argument.hasPrefix("-") {
      guard let subcommands = node.subcommands, !subcommands.isEmpty else { return nil }
      guard let next = node.subcommand(argument) else { return Self.unknown(argument, among: subcommands, path) }
      node = next
      path.append(argument)
    }
    return nil
  }

  /// The first misspelled subcommand or option of `arguments` (without the program name).
  func firstProblem(in arguments: [String]) -> Problem? {
    var node = tree
    var path = [tree.commandName]
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" { return nil }
      if argument.hasPrefix("-") && argument.count > 1 {
        let name = String(argument.prefix { $0 != "=" })
        if Self.builtIn.contains(name) { continue }
        let options = node.options
        if let option = options.first(where: { $0.typed == name }) {
          if option.takesValue && !argument.contains("=") { index += 1 }
          continue
        }
        // `-Q` is near `-q`; `--lang` and `-lang` near the long names.
        let short = !name.hasPrefix("--") && name.count == 2
        let typed = options.map(\.typed).filter { short ? !$0.hasPrefix("--") : $0.hasPrefix("--") }
        let prefix = short ? "-" : "--"
        let bare = name.drop { $0 == "-" }
        let nearest = NearestName.nearest(String(bare), in: typed.map { String($0.dropFirst(prefix.count)) }).map {
          prefix + $0
        }
        return .unknownOption(command: path.joined(separator: " "), given: name, nearest: nearest)
      }
      guard let subcommands = node.subcommands, !subcommands.isEmpty else { continue }
      if let next = node.subcommand(argument) {
        node = next
        path.append(argument)
        continue
      }
      if argument == "help" { return nil }
      if node.takesPositionals { continue }
      return Self.unknown(argument, among: subcommands, path)
    }
    return nil
  }

  /// `argument` where one of `subcommands` of the command at `path` was expected.
  private static func unknown(_ argument: String, among subcommands: [CommandTree], _ path: [String]) -> Problem {
    let names = subcommands.map(\.commandName).filter { $0 != "help" }
    return .unknownSubcommand(
      command: path.joined(separator: " "), given: argument, nearest: NearestName.nearest(argument, in: names))
  }
}

extension UsageCheck.Problem {
  /// The message, in `language`, with the nearest name when there is one.
  func text(_ language: Language) -> String {
    let vi = language == .vi
    switch self {
    case .unknownSubcommand(let command, let given, let nearest):
      let head = vi ? "\(command) không có lệnh `\(given)`." : "\(command) has no command `\(given)`."
      guard let nearest else {
        return head + (vi ? " Xem `\(command) --help`." : " See `\(command) --help`.")
      }
      return head + (vi ? " Có phải `\(command) \(nearest)`?" : " Did you mean `\(command) \(nearest)`?")
    case .unknownOption(let command, let given, let nearest):
      let head = vi ? "`\(command)` không có tùy chọn `\(given)`." : "`\(command)` has no option `\(given)`."
      guard let nearest else {
        return head + (vi ? " Xem `\(command) --help`." : " See `\(command) --help`.")
      }
      return head + (vi ? " Có phải `\(nearest)`?" : " Did you mean `\(nearest)`?")
    }
  }
}
