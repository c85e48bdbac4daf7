/// A small pretty-printing JSON writer into a byte buffer: the caller writes keys in sorted
/// order.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var depth = 0
  private let sink: ((UnsafeRawBufferPointer) -> Void)?

  init(flush sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
    self.sink = sink
    bytes.reserveCapacity(1 << 20)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Hands what has been written to the sink.
  mutating func flush() {
    guard let sink else { return }
    bytes.withUnsafeBytes { sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  private mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func append(_ string: String) {
    var copy = string
    copy.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
  }

  mutating func open(_ bracket: Character) { open(bracket.asciiValue ?? 0) }

  mutating func close(_ bracket: Character) {
    depth -= 1
    newline()
    bytes.append(bracket.asciiValue ?? 0)
  }

  mutating func newline() {
    if bytes.count >= 1 << 20 { flush() }
    bytes.append(10)
    for _ in 0..<(2 * depth) { bytes.append(32) }
  }

  mutating func key(_ name: StaticString, first: Bool = false) {
    if !first { bytes.append(44) }
    newline()
    bytes.append(34)
    append(name)
    append("\": ")
  }

  mutating func string(_ value: String?) {
    guard let value else {
      append("null")
      return
    }
    bytes.append(34)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": append("\\\"")
      case "\\": append("\\\\")
      case "\n": append("\\n")
      case "\r": append("\\r")
      case "\t": append("\\t")
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        append("\\u")
        append(String(repeating: "0", count: 4 - hex.count) + hex)
      default: bytes.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
      }
    }
    bytes.append(34)
  }

  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else {
      append("null")
      return
    }
    append(value.description)
  }

  mutating func integer(_ value: Int) { append(String(value)) }

  mutating func boolean(_ value: Bool) { value ? append("true") : append("false") }

  mutating func emptyArray() { append("[]") }

  /// Writes one JSON value into `sink` through `body`, handing it on every MiB so the
  /// whole text is never held.
  static func write(to sink: inout some OutputSink, _ body: (inout JSONWriter) -> Void) {
    let box = SinkBox(sink)
    var json = JSONWriter(flush: { box.sink.write($0) })
    body(&json)
    json.flush()
    sink = box.sink
  }

  /// `"tool": {"name": …, "version": …}`, the producer of every JSON output.
  mutating func tool(name: String = "papi", version: String = PapiVersion.current) {
    key("tool")
    open("{")
    key("name", first: true)
    string(name)
    key("version")
    string(version)
    close("}")
  }

  mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
    if elements.isEmpty {
      emptyArray()
      return
    }
    open("[")
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(44) }
      newline()
      body(&self, element)
    }
    close("]")
  }
}

/// A sink held by reference, for a writer that hands on its bytes from a closure.
private final class SinkBox<Sink: OutputSink> {
  var sink: Sink
  init(_ sink: Sink) { self.sink = sink }
}
