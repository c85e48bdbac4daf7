import ArgumentParser
import Foundation

/// papi's commands and their options as ArgumentParser describes them (its help dump),
/// for the checks that find a misspelled subcommand or option and name the nearest one.
struct CommandTree: Decodable {
  struct Name: Decodable {
    var kind: String
    var name: String

    /// As typed: `--targets`, `-q`.
    var typed: String { kind == "long" ? "--" + name : "-" + name }
  }

  struct Argument: Decodable {
    var kind: String
    var names: [Name]?
  }

  var commandName: String
  var arguments: [Argument]?
  var subcommands: [CommandTree]?

  /// The tree of `command` and its subcommands.
  static func of(_ command: any ParsableCommand.Type) -> CommandTree? {
    struct Dump: Decodable { var command: CommandTree }
    return try? JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)).command
  }

  /// The subcommand named `name`.
  func subcommand(_ name: String) -> CommandTree? { subcommands?.first { $0.commandName == name } }

  /// The options and flags this command takes, as typed, with whether each takes a value.
  var options: [(typed: String, takesValue: Bool)] {
    (arguments ?? []).flatMap { argument in
      (argument.names ?? []).map { ($0.typed, argument.kind == "option") }
    }
  }

  /// Whether the command takes positional arguments.
  var takesPositionals: Bool { (arguments ?? []).contains { $0.kind == "positional" } }
}
