internal import CLibXML2
import Foundation

/// Writes one XML part (of a Word or Excel file) through libxml2's `xmlTextWriter`, which
/// escapes text and attribute values and closes what is open: papi never assembles XML
/// from strings. Elements are named as written (`w:p`); the part starts with the XML
/// declaration (`standalone="yes"`, as Office writes it).
public final class XMLWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr

  public init() {
    buffer = xmlBufferCreate()
    writer = xmlNewTextWriterMemory(buffer, 0)
    xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes")
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// Opens an element; `attributes` in order.
  public func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    xmlTextWriterStartElement(writer, name)
    for (key, value) in attributes { xmlTextWriterWriteAttribute(writer, key, value) }
  }

  /// Adds an attribute to the element just opened.
  public func attribute(_ name: String, _ value: String) {
    xmlTextWriterWriteAttribute(writer, name, value)
  }

  /// Closes the innermost open element (as `<name/>` when it holds nothing).
  public func end() {
    xmlTextWriterEndElement(writer)
  }

  /// An element with only attributes.
  public func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    start(name, attributes)
    end()
  }

  /// An element holding `text`, escaped; characters XML 1.0 cannot hold (controls other
  /// than tab and line breaks) are left out.
  public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
    start(name, attributes)
    self.text(text)
    end()
  }

  /// Text inside the open element, escaped.
  public func text(_ text: String) {
    xmlTextWriterWriteString(writer, Self.allowed(text))
  }

  /// The part: closes every open element and returns the bytes.
  public func finish() -> Data {
    xmlTextWriterEndDocument(writer)
    xmlTextWriterFlush(writer)
    guard let content = xmlBufferContent(buffer) else { return Data() }
    return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
  }

  private static func allowed(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) else {
      return text
    }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
  }
}
