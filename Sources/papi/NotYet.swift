import ArgumentParser

/// Commands of the contract that later work delivers. Each answers with a clear
/// "not implemented yet" and exit status 1, never with made-up output.
enum NotYet {
  static func refuse(_ name: String) -> ExitCode {
    Console.error("papi \(name): chưa được triển khai (not implemented yet).")
    return ExitCode(1)
  }

  struct Feedback: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Citizen feedback (not implemented yet).")
    @Argument(parsing: .allUnrecognized) var rest: [String] = []
    func run() throws { throw NotYet.refuse("feedback") }
  }
}
