import XMLParts

/// A workbook's shared strings (`xl/sharedStrings.xml`): every string's bytes in one
/// buffer, found by index, so that a sheet's string cells make no `String`.
struct SharedStrings {
  private(set) var bytes: [UInt8] = []
  /// Where string `i` ends in `bytes` (it starts where `i - 1` ends).
  private(set) var ends: [Int] = []

  var count: Int { ends.count }

  /// Calls `body` with the bytes of string `index`, nil when there is no such string.
  @inline(__always)
  func withString<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
    guard index >= 0, index < ends.count else { return nil }
    let start = index == 0 ? 0 : ends[index - 1]
    return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
  }

  mutating func append(_ text: [UInt8]) {
    text.withUnsafeBytes { CellText.string($0, into: &bytes) }
    ends.append(bytes.count)
  }
}

/// Reads `<sst>`: each `<si>` is the text of its `<t>` elements, in a rich-text string the
/// `<t>` of every run; phonetic readings (`<rPh>`) are not part of the text.
final class SharedStringsReader: XMLEvents {
  private(set) var strings = SharedStrings()
  private var current: [UInt8] = []
  private var inText = false
  private var phonetic = 0

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    if name.is("t") {
      inText = phonetic == 0
    } else if name.is("si") {
      current.removeAll(keepingCapacity: true)
    } else if name.is("rPh") {
      phonetic += 1
    }
  }

  override func end(_ name: XMLName) {
    if name.is("t") {
      inText = false
    } else if name.is("si") {
      strings.append(current)
    } else if name.is("rPh") {
      phonetic -= 1
    }
  }

  override func text(_ bytes: UnsafeRawBufferPointer) {
    if inText { current.append(contentsOf: bytes) }
  }
}
