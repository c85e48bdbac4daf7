import Foundation
import XMLParts

/// Reads a large sheet on every core, as `CSVFormat` reads a large CSV file in parts: one
/// thread inflates the sheet and cuts it into blocks that end just after a row's end tag
/// (`</row>`, or with its prefix); the first block is parsed with the sheet's prolog and
/// header, each later one by its own libxml2 parser inside an element that declares the
/// root's namespaces, into its own sink; the sinks are joined in order
/// (`PartitionedSink.absorb`).
///
/// A `</row>` that is not an end tag can only be inside a comment, CDATA section or
/// processing instruction (text and attribute values escape `<`): a cut there leaves that
/// construct unfinished in one block and started in the next, which libxml2 refuses. A block
/// that does not parse, a row without its number, an array formula that spills past a
/// block, a problem in any block, or a sink that cannot join gives nil, and the caller reads
/// the sheet from start to end on one thread, which reports exactly.
struct SheetBlocks {
  let book: WorkbookPackage
  let part: String
  /// Blocks hold at least this many bytes (the last one may hold fewer).
  var blockSize: Int

  /// Reads the sheet in blocks, the first into `first` through `reader`, the others into
  /// copies of it; nil when it must be read whole (`first` is then spent). `progress` is
  /// told the bytes and rows read so far (estimated from the first block's), from one
  /// thread at a time.
  func read<Sink: PartitionedSink>(
    first: Sink, reader: (RecordSink) -> SheetReader, progress: ((_ bytes: Int, _ rows: Int) -> Void)?
  ) -> (sink: Sink, readers: [SheetReader], blocks: Int)? {
    let pipe = ChunkPipe(capacity: 3)
    let failed = Locked(false)
    let done = DispatchSemaphore(value: 0)
    let size = blockSize
    // The package is used by this thread only until `done` is signalled.
    let package = Unchecked(book)
    let thread = Thread { [package, part] in
      var cutter = RowBlockCutter(size: size)
      do {
        try package.value.inflate(part) { chunk in
          for block in cutter.add(chunk) where !pipe.put(block) { return false }
          return true
        }
        if let last = cutter.finish() { _ = pipe.put(last) }
      } catch {
        failed.set(true)
      }
      pipe.finish()
      done.signal()
    }
    thread.start()
    func giveUp() -> (sink: Sink, readers: [SheetReader], blocks: Int)? {
      pipe.cancel()
      done.wait()
      return nil
    }

    // The first block, on this thread: the prolog, the header, the first rows.
    let firstReader = reader(first)
    let firstParser = XMLPushParser(firstReader)
    guard let block = pipe.take(), Self.parse(block, with: firstParser), firstParser.failure == nil,
      firstReader.canContinueElsewhere, !first.hasErrors, !first.stop, first.readsInParts
    else { return giveUp() }

    // The later blocks, on as many threads as there are cores, each into its own sink.
    let opening = Data(blockOpening(firstReader.namespaces).utf8)
    let closing = Data("</block>".utf8)
    let results = Locked<[Int: (Sink, SheetReader)]>([:])
    let next = Locked(0)
    let firstRows = first.recordsRead
    let broken = Locked(false)
    let work = {
      while !broken.get() {
        var (index, taken) = next.update { count -> (Int, Data?) in
          count += 1
          // Under the lock: the progress display is not made for two threads at once.
          progress?(count * size, count * firstRows)
          return (count, pipe.take())
        }
        // The block's only reference, so that it is parsed where it lies.
        guard var block = taken else { return }
        taken = nil
        let sink = first.emptyCopy()
        sink.continueAfter(first)
        let blockReader = SheetReader(continuing: firstReader, sink: sink)
        let failure = Self.parse(later: &block, opening: opening, closing: closing, with: blockReader)
        if failure != nil || !blockReader.canContinueElsewhere || sink.stop || sink.hasErrors {
          broken.set(true)
        }
        results.update { $0[index] = (sink, blockReader) }
      }
    }
    let shared = Unchecked(work)
    let group = DispatchGroup()
    for _ in 0..<max(0, Parallel.width - 1) {
      group.enter()
      Thread {
        shared.value()
        group.leave()
      }.start()
    }
    work()
    group.wait()
    guard !broken.get() else { return giveUp() }
    done.wait()
    guard !failed.get() else { return nil }
    let parts = results.get()
    var readers = [firstReader]
    var data = firstReader.metData
    for index in 1..<(parts.count + 1) {
      // A row of formulas is left out only below data: a block that left one out before
      // its own first row of data needs an earlier block to have had some.
      guard let (sink, blockReader) = parts[index], data || !blockReader.leftOutFormulasBeforeData,
        first.absorb(sink)
      else { return nil }
      data = data || blockReader.metData
      readers.append(blockReader)
    }
    return (first, readers, parts.count + 1)
  }

  /// Hands `block` to `parser` in slices: libxml2 moves what it has not consumed yet to the
  /// front of its buffer as it goes, which costs in proportion to what one call gives it.
  private static func parse(_ block: Data, with parser: XMLPushParser) -> Bool {
    block.withUnsafeBytes { bytes in
      var start = 0
      while start < bytes.count {
        let end = min(start + (64 << 10), bytes.count)
        guard parser.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) else { return false }
        start = end
      }
      return true
    }
  }

  /// Parses a later block in place: its opening written over the end of the blank room
  /// the cutter left before its rows, its closing appended (the room is reserved).
  private static func parse(
    later block: inout Data, opening: Data, closing: Data, with reader: SheetReader
  )
    -> XMLFailure?
  {
    let room = RowBlockCutter.headroom
    guard opening.count <= room else {
      return XMLPullParser.parse(reader, chunks: [opening, block.suffix(from: block.startIndex + room), closing])
    }
    block.withUnsafeMutableBytes { bytes in
      _ = opening.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: bytes[(room - opening.count)..<room]))
    }
    block.append(closing)
    return block.withUnsafeBytes { XMLPullParser.parse(reader, bytes: $0) }
  }

  /// The element a later block is parsed in, declaring the root's namespaces.
  private func blockOpening(_ namespaces: [(prefix: String?, uri: String)]) -> String {
    let declarations = namespaces.map { name in
      let uri = name.uri.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
      return name.prefix.map { " xmlns:\($0)=\"\(uri)\"" } ?? " xmlns=\"\(uri)\""
    }
    return "<block" + declarations.joined() + ">"
  }
}

/// Cuts a sheet's XML, chunk by chunk, into blocks of at least `size` bytes that end just
/// after a row's end tag. What follows the last row (`</sheetData>` and the rest) is not
/// read. Every block but the first starts with `headroom` spaces.
struct RowBlockCutter {
  /// The blank room before a later block's rows, where the element it is parsed in is
  /// written (white space may come before a document's root), and room kept after them
  /// for its end tag: the block is then parsed where it lies, without another copy.
  static let headroom = 4096
  static let tailroom = 64

  let size: Int
  /// The block being filled: its room (none in the first block) and the rows so far.
  private var current = Data()
  private var blocks = 0

  init(size: Int) {
    self.size = size
  }

  /// Where the rows begin in the block being filled.
  private var rowsStart: Int { blocks == 0 ? 0 : Self.headroom }

  /// The blocks complete once `chunk` is added: each ends at the first row end past
  /// `size` bytes. Each byte is copied once, into its block; what follows a cut starts the
  /// next one.
  mutating func add(_ chunk: Data) -> [Data] {
    current.append(chunk)
    var blocks: [Data] = []
    while current.count - rowsStart >= size, let end = rowEnd(in: current, from: rowsStart + size - 1) {
      var next = Self.emptyBlock(size: size)
      current.withUnsafeBytes { next.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[end...])) }
      current.count = end
      blocks.append(current)
      current = next
      self.blocks += 1
    }
    return blocks
  }

  /// A later block before its rows: its room, and the capacity for a block's worth.
  private static func emptyBlock(size: Int) -> Data {
    var block = Data(capacity: headroom + size + size / 4 + tailroom)
    block.append(contentsOf: repeatElement(UInt8(ascii: " "), count: headroom))
    return block
  }

  /// The last block: the rows after the last block cut, without what follows them
  /// (`</sheetData>` and the rest, which hold no row); the whole part when no block was cut.
  mutating func finish() -> Data? {
    guard blocks > 0 else { return current }
    guard let end = lastRowEnd(current), end > rowsStart else { return nil }
    current.count = end
    return current
  }

  /// The index just after the last `</row>` (or `</prefix:row>`), nil when there is none.
  private func lastRowEnd(_ data: Data) -> Int? {
    data.withUnsafeBytes { bytes in
      var index = bytes.count - 1
      while index >= 5 {
        if isRowEnd(bytes, index) { return index + 1 }
        index -= 1
      }
      return nil
    }
  }

  /// The index just after the first row end tag that ends at or after `from`.
  private func rowEnd(in data: Data, from: Int) -> Int? {
    data.withUnsafeBytes { bytes in
      var index = max(from, 5)
      while index < bytes.count {
        if isRowEnd(bytes, index) { return index + 1 }
        index += 1
      }
      return nil
    }
  }

  /// Whether the `>` at `index` ends `</row>` or `</prefix:row>`.
  private func isRowEnd(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
    guard bytes[index] == UInt8(ascii: ">"), bytes[index - 1] == UInt8(ascii: "w"),
      bytes[index - 2] == UInt8(ascii: "o"), bytes[index - 3] == UInt8(ascii: "r")
    else { return false }
    let before = bytes[index - 4]
    if before == UInt8(ascii: "/") { return bytes[index - 5] == UInt8(ascii: "<") }
    guard before == UInt8(ascii: ":") else { return false }
    // `</prefix:row>`: back over the prefix to `</`.
    var start = index - 5
    while start > 0 && bytes[start] != UInt8(ascii: "<") && bytes[start] != UInt8(ascii: ">") { start -= 1 }
    return bytes[start] == UInt8(ascii: "<") && bytes[start + 1] == UInt8(ascii: "/")
  }
}
