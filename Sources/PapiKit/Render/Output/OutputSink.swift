#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where rendered bytes go, as they are produced: a file, stdout, or memory.
public protocol OutputSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer)
}

extension OutputSink {
  /// Writes text as UTF-8.
  public mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }
}

/// Bytes kept in memory (tests, and whoever wants the whole output as text).
public struct ByteBuffer: OutputSink {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  public mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

  public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes to stdout, or to a file created at the first write (so a command that fails
/// before writing leaves an existing file untouched), remembering the first failure.
public final class FileOutput: OutputSink {
  /// The file, nil for stdout.
  public let path: String?
  private var descriptor: Int32?
  private var failure: Int32?

  public init(path: String?) {
    self.path = path
    if path == nil { descriptor = STDOUT_FILENO }
  }

  /// Stdout held in memory until `releaseHeld()`: output that goes through a pager is
  /// shown only once the command has succeeded and said its warnings.
  public static func heldStdout() -> FileOutput {
    let output = FileOutput(path: nil)
    output.held = []
    return output
  }

  /// What was held, now written to stdout.
  public func releaseHeld() throws(PapiError) {
    guard let bytes = held else { return }
    held = nil
    bytes.withUnsafeBytes { write($0) }
    try finish()
  }

  private var held: [UInt8]?

  /// A file created now, only when nothing is at `path` (`O_EXCL`: not even a file made a
  /// moment ago); nil when something is, which stays untouched.
  public static func creatingNew(_ path: String) -> FileOutput? {
    let file = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    if file < 0 && errno == EEXIST { return nil }
    let output = FileOutput(path: path)
    if file < 0 { output.failure = errno } else { output.descriptor = file }
    return output
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

  public func write(_ buffer: UnsafeRawBufferPointer) {
    if held != nil {
      held?.append(contentsOf: buffer)
      return
    }
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

  /// Closes the file (creating it when nothing was written); the first failure, if any,
  /// is an error naming the file and the reason.
  public func finish() throws(PapiError) {
    if held != nil { return }
    let descriptor = opened()
    if path != nil, let descriptor, close(descriptor) != 0, failure == nil { failure = errno }
    if let failure {
      let reason = SystemReason.of(errno: failure)
      throw PapiError(
        .unreadableFile, file: path ?? "stdout",
        message: L("không ghi được (\(reason.vi)).", "cannot write (\(reason.en))."),
        fix: SystemReason.fix(errno: failure, writing: true, option: "--out"))
    }
  }
}
