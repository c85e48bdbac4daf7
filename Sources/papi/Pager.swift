import Foundation

/// Long terminal output through the user's pager (`$PAGER`, else `less -R`), only when
/// stdout is a terminal: a report of many communes can be read page by page; redirected
/// or piped, the output is untouched. `less` gets `LESS=FRX` unless the user set `LESS`:
/// it quits when the output fits one screen and keeps colours.
///
/// The pager starts once the command has succeeded, its warnings said (the output is held
/// until then: `FileOutput.heldStdout`), so a failure never leaves an empty pager and no
/// warning is drawn over it. It is started with `posix_spawn` in papi's own process group,
/// the terminal's foreground one, so it can read its keys (Foundation's `Process` puts a
/// child in a group of its own, where reading the terminal stops it). A pager that is not
/// installed is not used; quitting it early ends papi quietly.
enum Pager {
  /// The pager's process id while it runs (one per papi run).
  nonisolated(unsafe) private static var pid: pid_t = 0

  /// The pager's command line, when stdout is a terminal and one is set and installed.
  static let command: String? = {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    let environment = ProcessInfo.processInfo.environment
    let command = (environment["PAPI_PAGER"] ?? environment["PAGER"] ?? "less -R").trimmingCharacters(in: .whitespaces)
    guard let program = command.split(separator: " ").first.map(String.init), command != "cat" else { return nil }
    return installed(program, path: environment["PATH"] ?? "/usr/bin:/bin") ? command : nil
  }()

  /// Whether output should go through the pager.
  static var wanted: Bool { command != nil }

  private static func installed(_ program: String, path: String) -> Bool {
    if program.contains("/") { return access(program, X_OK) == 0 }
    return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
  }

  /// Sends stdout to the pager from here on.
  static func start() {
    guard pid == 0, let command else { return }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    var variables = ProcessInfo.processInfo.environment
    if variables["LESS"] == nil { variables["LESS"] = "FRX" }
    let words: [String] = ["/bin/sh", "-c", command]
    let pairs: [String] = variables.map { "\($0.key)=\($0.value)" }
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    let settings: [UnsafeMutablePointer<CChar>?] = pairs.map { strdup($0) } + [nil]
    defer { for pointer in arguments + settings { free(pointer) } }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, "/bin/sh", &actions, nil, arguments, settings)
    close(ends[0])
    guard spawned == 0, dup2(ends[1], STDOUT_FILENO) >= 0 else {
      close(ends[1])
      return
    }
    close(ends[1])
    pid = child
    // The person quit the pager before the end: nothing more to show, papi ends quietly.
    signal(SIGPIPE) { _ in _exit(0) }
    atexit { Pager.finish() }
  }

  /// Ends the output and waits for the person to quit the pager (at exit, whatever the path).
  static func finish() {
    guard pid != 0 else { return }
    let child = pid
    pid = 0
    fflush(nil)
    close(STDOUT_FILENO)
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
  }
}
