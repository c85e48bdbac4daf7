import Dispatch
import Foundation

/// Work spread over the machine's cores. Each task writes only its own part of the
/// results, so the tasks share nothing mutable.
enum Parallel {
  /// How many tasks to run at once: the cores available, or `PAPI_THREADS` when set
  /// (1 makes every step sequential).
  static let width: Int = {
    if let text = ProcessInfo.processInfo.environment["PAPI_THREADS"], let value = Int(text), value >= 1 {
      return min(value, 64)
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }()

  /// `body(0) … body(count − 1)` run concurrently; the results in index order.
  static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    withoutActuallyEscaping(body) { body in
      let shared = Unchecked((body, results))
      DispatchQueue.concurrentPerform(iterations: count) { index in
        shared.value.1[index] = shared.value.0(index)
      }
    }
    return results.map { $0! }
  }
}

/// Hands a value to other threads where the code guarantees that they do not race
/// (disjoint writes, or reads after the writer has finished).
struct Unchecked<Value>: @unchecked Sendable {
  var value: Value
  init(_ value: Value) { self.value = value }
}
