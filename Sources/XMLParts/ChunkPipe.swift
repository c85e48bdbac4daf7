import Foundation

/// Chunks handed from one thread to another, at most `capacity` waiting: the inflating
/// thread waits when the parser is behind, so memory stays bounded. The reader sees the
/// chunks in order, then nil at the end.
final class ChunkPipe: @unchecked Sendable {
  private let condition = NSCondition()
  private var chunks: [Data] = []
  private var head = 0
  private var finished = false
  private var cancelled = false
  private let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Adds a chunk; false when the reader has stopped (the writer should stop too).
  func put(_ chunk: Data) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count - head >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    chunks.append(chunk)
    condition.broadcast()
    return true
  }

  /// No more chunks will come.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The reader stops taking chunks: a waiting writer is released.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next chunk, nil once the writer has finished and all were taken.
  func take() -> Data? {
    condition.lock()
    defer { condition.unlock() }
    while head == chunks.count && !finished { condition.wait() }
    guard head < chunks.count else { return nil }
    let chunk = chunks[head]
    head += 1
    if head > 64 && head * 2 > chunks.count {
      chunks.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return chunk
  }
}

extension ZipParts {
  /// Inflates `part` on another thread while `body` takes the chunks on this one, so that
  /// inflating and what is done with the chunks overlap on two cores. Stops when `body`
  /// returns false.
  public func inflateAlongside(_ part: String, _ body: (Data) -> Bool) throws(Failure) {
    let pipe = ChunkPipe(capacity: 32)
    let failure = Locked<Failure?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread { [self] in
      do {
        try inflate(part) { pipe.put($0) }
      } catch {
        failure.set(error as? Failure ?? Failure(detail: "\(error)"))
      }
      pipe.finish()
      done.signal()
    }
    thread.stackSize = 1 << 20
    thread.start()
    while let chunk = pipe.take() {
      if !body(chunk) {
        pipe.cancel()
        break
      }
    }
    done.wait()
    if let error = failure.get() { throw error }
  }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  func get() -> Value {
    lock.lock()
    defer { lock.unlock() }
    return value
  }

  func set(_ new: Value) {
    lock.lock()
    value = new
    lock.unlock()
  }
}
