import Foundation

/// Long terminal output through the user's pager (`$PAGER`, else `less -R`), only when
/// stdout is a terminal: a report of many communes can be read page by page; redirected
/// or piped, the output is untouched. `less` gets `LESS=FRX` unless the user set `LESS`:
/// it quits when the output fits one screen and keeps colours.
enum Pager {
  /// The pager's process while it runs (one per papi run).
  nonisolated(unsafe) private static var process: Process?

  /// Sends stdout to the pager from here on, when stdout is a terminal and a pager is set.
  static func start() {
    guard process == nil, isatty(STDOUT_FILENO) == 1 else { return }
    let environment = ProcessInfo.processInfo.environment
    let command = (environment["PAPI_PAGER"] ?? environment["PAGER"] ?? "less -R").trimmingCharacters(in: .whitespaces)
    guard !command.isEmpty, command != "cat" else { return }
    let pipe = Pipe()
    let pager = Process()
    pager.executableURL = URL(fileURLWithPath: "/bin/sh")
    pager.arguments = ["-c", command]
    pager.standardInput = pipe
    var variables = environment
    if variables["LESS"] == nil { variables["LESS"] = "FRX" }
    pager.environment = variables
    do { try pager.run() } catch { return }
    fflush(nil)
    guard dup2(pipe.fileHandleForWriting.fileDescriptor, STDOUT_FILENO) >= 0 else {
      pager.terminate()
      return
    }
    try? pipe.fileHandleForWriting.close()
    process = pager
    atexit { Pager.finish() }
  }

  /// Ends the output and waits for the person to quit the pager (at exit, whatever the path).
  static func finish() {
    guard let pager = process else { return }
    process = nil
    fflush(nil)
    close(STDOUT_FILENO)
    pager.waitUntilExit()
  }
}
