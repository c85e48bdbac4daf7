import Foundation

/// Chunks handed from one thread to another, at most `capacity` waiting: the inflating
/// thread waits when the parser is behind, so memory stays bounded. The reader sees the
/// chunks in order, then nil at the end.
public final class ChunkPipe: @unchecked Sendable {
  private let condition = NSCondition()
  private var chunks: [Data] = []
  private var head = 0
  private var finished = false
  private var cancelled = false
  private let capacity: Int

  public init(capacity: Int) {
    self.capacity = capacity
  }

  /// Adds a chunk; false when the reader has stopped (the writer should stop too).
  public func put(_ chunk: Data) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count - head >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    chunks.append(chunk)
    condition.broadcast()
    return true
  }

  /// No more chunks will come.
  public func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The reader stops taking chunks: a waiting writer is released.
  public func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next chunk, nil once the writer has finished and all were taken.
  public func take() -> Data? {
    condition.lock()
    defer { condition.unlock() }
    while head == chunks.count && !finished { condition.wait() }
    guard head < chunks.count else { return nil }
    let chunk = chunks[head]
    // Released now, not when the array is next compacted.
    chunks[head] = Data()
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
    try inflateAlongside(part) { next in
      while let chunk = next(), body(chunk) {}
    }
  }

  /// Inflates `part` on another thread while `body` takes the chunks on this one by calling
  /// `next` (nil at the end); `body` may return before the end.
  public func inflateAlongside(_ part: String, reading body: (_ next: @escaping () -> Data?) -> Void) throws(Failure) {
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
    body(pipe.take)
    pipe.cancel()
    done.wait()
    if let error = failure.get() { throw error }
  }
}

/// The bytes of chunks that come one after another, handed out in the sizes a reader asks
/// for (libxml2's pull parser).
public struct ChunkReader {
  private let next: () -> Data?
  private var chunk = Data()
  private var offset = 0

  public init(_ next: @escaping () -> Data?) {
    self.next = next
  }

  /// Fills `buffer` from the chunks, as far as the current one goes; 0 at the end.
  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    while offset == chunk.count {
      guard let following = next() else { return 0 }
      chunk = following
      offset = 0
    }
    let count = min(buffer.count, chunk.count - offset)
    chunk.withUnsafeBytes { bytes in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
    }
    offset += count
    return count
  }
}

/// A value shared between threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) {
    self.value = value
  }

  public func get() -> Value {
    lock.lock()
    defer { lock.unlock() }
    return value
  }

  public func set(_ new: Value) {
    lock.lock()
    value = new
    lock.unlock()
  }

  /// Changes the value under the lock.
  public func update<T>(_ body: (inout Value) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
