import ArgumentParser

/// Commands of the contract that later work delivers. Each answers with a clear
/// "not implemented yet" and exit status 1, never with made-up output.
enum NotYet {
  static func refuse(_ name: String) -> ExitCode {
    Console.error("papi \(name): chưa được triển khai (not implemented yet).")
    return ExitCode(1)
  }

}
