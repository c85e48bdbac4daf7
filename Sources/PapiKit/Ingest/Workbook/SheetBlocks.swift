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
        let (index, taken) = next.update { count -> (Int, Data?) in
          count += 1
          // Under the lock: the progress display is not made for two threads at once.
          progress?(count * size, count * firstRows)
          return (count, pipe.take())
        }
        guard let block = taken else { return }
        let sink = first.emptyCopy()
        sink.continueAfter(first)
        let blockReader = SheetReader(continuing: firstReader, sink: sink)
        let failure = XMLPullParser.parse(blockReader, chunks: [opening, block, closing])
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
/// read.
struct RowBlockCutter {
  let size: Int
  private var pending = Data()
  private var blocks = 0

  init(size: Int) {
    self.size = size
  }

  /// The blocks complete once `chunk` is added: each ends at the first row end past
  /// `size` bytes.
  mutating func add(_ chunk: Data) -> [Data] {
    pending.append(chunk)
    var blocks: [Data] = []
    var start = 0
    while pending.count - start >= size, let end = rowEnd(in: pending, from: start + size - 1) {
      blocks.append(pending.subdata(in: start..<end))
      start = end
    }
    if start > 0 { pending = pending.subdata(in: start..<pending.count) }
    self.blocks += blocks.count
    return blocks
  }

  /// The last block: the rows after the last block cut, without what follows them
  /// (`</sheetData>` and the rest, which hold no row); the whole part when no block was cut.
  mutating func finish() -> Data? {
    guard blocks > 0 else { return pending }
    guard let end = lastRowEnd(pending) else { return nil }
    return Data(pending.prefix(end))
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
