internal import CLibXML2
import Foundation

/// Receives the events of an XML part streamed through libxml2's SAX2 push parser. Names
/// and values are bytes that are valid only during the call; no `String` is made for them.
open class XMLEvents {
  /// Set to stop the parser at the next event.
  public var stop = false

  public init() {}

  /// A namespace declared on an element (nil prefix: the default namespace), before the
  /// element's `start`.
  open func namespace(prefix: String?, uri: String) {}
  open func start(_ name: XMLName, _ attributes: XMLAttributes) {}
  open func end(_ name: XMLName) {}
  open func text(_ bytes: UnsafeRawBufferPointer) {}
}

/// An element's local name (without its namespace prefix), as libxml2 interned it.
public struct XMLName {
  public let pointer: UnsafePointer<UInt8>

  @inlinable
  public init(pointer: UnsafePointer<UInt8>) {
    self.pointer = pointer
  }

  /// Whether the name is `literal` (ASCII).
  @inlinable
  public func `is`(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let bytes = literal.utf8Start
    for index in 0..<count where pointer[index] != bytes[index] { return false }
    return pointer[count] == 0
  }
}

/// An element's attributes as SAX2 gives them: for each, five pointers (local name,
/// prefix, namespace, start and end of the value, already decoded).
public struct XMLAttributes {
  public let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  public let count: Int

  @inlinable
  public init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
    self.base = base
    self.count = count
  }

  /// Calls `body` with each attribute's local name and value, in order, until it returns
  /// false.
  @inlinable
  public func visit(_ body: (XMLName, UnsafeRawBufferPointer) -> Bool) {
    guard let base else { return }
    for index in 0..<count {
      let slot = base + index * 5
      guard let local = slot[0], let start = slot[3], let end = slot[4] else { continue }
      if !body(XMLName(pointer: local), UnsafeRawBufferPointer(start: start, count: end - start)) { return }
    }
  }

  /// The value of the attribute whose local name is `name`.
  @inlinable
  public func value(_ name: StaticString) -> UnsafeRawBufferPointer? {
    var found: UnsafeRawBufferPointer?
    visit { local, value in
      guard local.is(name) else { return true }
      found = value
      return false
    }
    return found
  }

  /// The value as text (for the small parts: sheet names, relationship targets).
  public func string(_ name: StaticString) -> String? {
    value(name).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Why an XML part could not be parsed: libxml2's message and the line it was on.
public struct XMLFailure: Error, Sendable {
  public var message: String
  public var line: Int

  public init(message: String, line: Int) {
    self.message = message
    self.line = line
  }

  /// The last error of a parser.
  fileprivate init(_ context: xmlParserCtxtPtr, code: Int32) {
    let error = xmlCtxtGetLastError(context)
    let message = error?.pointee.message.map { String(cString: $0) } ?? "XML error \(code)"
    self.message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    line = Int(error?.pointee.line ?? 0)
  }
}

/// libxml2's parser pulling one whole XML part from a reader, handing its events to an
/// `XMLEvents`. libxml2 parses a document it pulls a good fifth faster than one pushed to it
/// (it need not look ahead for the end of each tag before parsing it). Entities are not
/// substituted and nothing is fetched from the network.
public enum XMLPullParser {
  /// Parses the part that `read` gives: `read` fills the buffer it is given and says how many
  /// bytes it put there, 0 at the end. Returns why the part is not well-formed, nil when it
  /// is or when the events asked to stop (`read` is then no longer asked).
  public static func parse(_ events: XMLEvents, read: (UnsafeMutableRawBufferPointer) -> Int) -> XMLFailure? {
    withoutActuallyEscaping(read) { read in
      var source = Source(events: events, read: read)
      return withUnsafeMutablePointer(to: &source) { source -> XMLFailure? in
        var handler = xmlSAXHandler.forEvents()
        let user = Unmanaged.passUnretained(events).toOpaque()
        guard
          let context = xmlCreateIOParserCtxt(
            &handler, user,
            { source, buffer, length in
              guard let source, let buffer, length > 0 else { return -1 }
              let reading = source.assumingMemoryBound(to: Source.self)
              if reading.pointee.events.stop { return 0 }
              return Int32(reading.pointee.read(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
            }, { _ in 0 }, source, XML_CHAR_ENCODING_NONE)
        else { return XMLFailure(message: "libxml2 could not make a parser", line: 0) }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
        let code = xmlParseDocument(context)
        guard !events.stop, code != 0 || context.pointee.wellFormed == 0 else { return nil }
        return XMLFailure(context, code: code)
      }
    }
  }

  /// Parses a part held whole in memory, in place: libxml2 reads it without copying it, a
  /// good tenth faster than the same bytes pulled through `read`.
  public static func parse(_ events: XMLEvents, bytes: UnsafeRawBufferPointer) -> XMLFailure? {
    guard let base = bytes.baseAddress, bytes.count < Int(Int32.max),
      let context = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
    else { return XMLFailure(message: "libxml2 could not make a parser", line: 0) }
    defer { xmlFreeParserCtxt(context) }
    // The context's own handler (allocated with it, freed with it) takes the events'.
    context.pointee.sax.pointee = xmlSAXHandler.forEvents()
    context.pointee.userData = Unmanaged.passUnretained(events).toOpaque()
    xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
    let code = xmlParseDocument(context)
    guard !events.stop, code != 0 || context.pointee.wellFormed == 0 else { return nil }
    return XMLFailure(context, code: code)
  }

  /// Parses a part held in memory as chunks.
  public static func parse(_ events: XMLEvents, chunks: [Data]) -> XMLFailure? {
    var pieces = chunks.makeIterator()
    var bytes = ChunkReader { pieces.next() }
    return parse(events) { bytes.read(into: $0) }
  }

  private struct Source {
    unowned(unsafe) let events: XMLEvents
    let read: (UnsafeMutableRawBufferPointer) -> Int
  }
}

/// libxml2's push parser over chunks of one XML part, handing its events to an
/// `XMLEvents`. Entities are not substituted and nothing is fetched from the network; a
/// part that is not well-formed stops with an `XMLFailure`.
public final class XMLPushParser {
  private let events: XMLEvents
  private var context: xmlParserCtxtPtr?
  public private(set) var failure: XMLFailure?

  public init(_ events: XMLEvents) {
    self.events = events
    var handler = xmlSAXHandler.forEvents()
    let user = Unmanaged.passUnretained(events).toOpaque()
    context = xmlCreatePushParserCtxt(&handler, user, nil, 0, nil)
    if let context {
      xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
    }
  }

  deinit {
    if let context { xmlFreeParserCtxt(context) }
  }

  /// Parses the next chunk; false once the part is broken or the events asked to stop.
  @discardableResult
  public func parse(_ chunk: UnsafeRawBufferPointer, last: Bool = false) -> Bool {
    guard failure == nil, !events.stop, let context else { return false }
    let base = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
    let code = xmlParseChunk(context, base, Int32(chunk.count), last ? 1 : 0)
    if code != 0 || context.pointee.wellFormed == 0 {
      if events.stop { return false }
      failure = XMLFailure(context, code: code)
      return false
    }
    return !events.stop
  }

  /// Ends the part: a part cut short is a failure.
  public func finish() {
    _ = parse(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
  }
}

extension xmlSAXHandler {
  /// A SAX2 handler that hands libxml2's events to the `XMLEvents` passed as user data.
  fileprivate static func forEvents() -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = { context, localName, _, _, namespaceCount, namespaces, attributeCount, _, attributes in
      guard let context, let localName else { return }
      // The events object outlives the parser: no retain and release per event.
      Unmanaged<XMLEvents>.fromOpaque(context)._withUnsafeGuaranteedRef { events in
        if namespaceCount > 0, let namespaces {
          for index in 0..<Int(namespaceCount) {
            guard let uri = namespaces[index * 2 + 1] else { continue }
            events.namespace(prefix: namespaces[index * 2].map { String(cString: $0) }, uri: String(cString: uri))
          }
        }
        events.start(XMLName(pointer: localName), XMLAttributes(base: attributes, count: Int(attributeCount)))
      }
    }
    handler.endElementNs = { context, localName, _, _ in
      guard let context, let localName else { return }
      Unmanaged<XMLEvents>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(XMLName(pointer: localName)) }
    }
    handler.characters = { context, bytes, count in
      guard let context, let bytes else { return }
      Unmanaged<XMLEvents>.fromOpaque(context)._withUnsafeGuaranteedRef {
        $0.text(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
      }
    }
    handler.cdataBlock = handler.characters
    // Errors are kept, not printed (the first one is reported with the part it is in).
    handler.serror = { _, _ in }
    return handler
  }
}
