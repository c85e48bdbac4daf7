#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where to cut a UTF-8 export so that its parts can be parsed at the same time on several
/// cores. A cut falls just after a newline that ends a record. In a file libcsv's strict
/// mode accepts, quote characters come in pairs around quoted fields (a quote inside one
/// is written twice), so a newline ends a record exactly when an even number of quotes
/// come before it. The quotes are counted, eight bytes at a step, on every core at once;
/// nothing else is parsed here. A file with a stray quote fails in libcsv, and the reader
/// then reads it again whole, one part, to report the problem exactly.
enum FileParts {
  /// Below this many bytes per part, one core reads the file faster than several start.
  static let minimumPartBytes = 4 << 20

  /// The byte offsets where parts start, the first 0, followed by the file's size: one
  /// part (`[0, size]`) when the file is too small to cut or has no record boundary.
  static func boundaries(path: String, size: Int, parts wanted: Int, minimumPartBytes: Int = minimumPartBytes) -> [Int]
  {
    let parts = min(wanted, size / max(1, minimumPartBytes))
    guard parts >= 2 else { return [0, size] }
    let targets = (1..<parts).map { $0 * (size / parts) }
    // Quote parity before each target: count the quotes of [0, last target) in pieces, on
    // every core, each piece ending at a target or inside a gap between two.
    var pieces: [Range<Int>] = []
    let perGap = max(1, Parallel.width / targets.count)
    var start = 0
    for target in targets {
      let step = (target - start) / perGap
      for index in 0..<perGap {
        let end = index == perGap - 1 ? target : start + step
        pieces.append(start..<end)
        start = end
      }
    }
    let parities = Parallel.map(pieces.count) { quoteParity(path: path, range: pieces[$0]) }
    guard !parities.contains(nil) else { return [0, size] }
    var cuts = [0]
    var odd = false
    var piece = 0
    for target in targets {
      while piece < pieces.count && pieces[piece].upperBound <= target {
        odd = odd != parities[piece]!
        piece += 1
      }
      guard let cut = recordEnd(path: path, from: target, size: size, insideQuotes: odd) else { break }
      if cut > cuts.last! && cut < size { cuts.append(cut) }
    }
    cuts.append(size)
    return cuts
  }

  /// Whether `range` of the file holds an odd number of `"` bytes (nil if it cannot be read).
  static func quoteParity(path: String, range: Range<Int>) -> Bool? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let size = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
    defer { buffer.deallocate() }
    var offset = range.lowerBound
    var odd = false
    while offset < range.upperBound {
      let got = pread(fd, buffer.baseAddress, min(size, range.upperBound - offset), off_t(offset))
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return nil }
      odd = odd != quoteParity(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
      offset += got
    }
    return odd
  }

  /// Whether `bytes` holds an odd number of `"`. For each 8-byte word XORed with
  /// `""""""""`, a byte was a quote exactly when it is now zero, and bit 7 of
  /// `(x & 0x7F…) + 0x7F…` marks the nonzero bytes without carries between bytes; the marks
  /// of all words are XORed together, so one bit count for the whole buffer.
  static func quoteParity(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let quotes: UInt64 = 0x2222_2222_2222_2222
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high: UInt64 = 0x8080_8080_8080_8080
    var marks: UInt64 = 0
    var index = 0
    let total = bytes.count
    guard let base = bytes.baseAddress else { return false }
    while index + 32 <= total {
      for step in stride(from: 0, to: 32, by: 8) {
        let x = base.loadUnaligned(fromByteOffset: index + step, as: UInt64.self) ^ quotes
        marks ^= ~(((x & low) &+ low) | x) & high
      }
      index += 32
    }
    var odd = marks.nonzeroBitCount % 2 == 1
    while index < total {
      if base.load(fromByteOffset: index, as: UInt8.self) == UInt8(ascii: "\"") { odd.toggle() }
      index += 1
    }
    return odd
  }

  /// The offset just after the first newline at or after `from` that is outside quotes,
  /// given whether `from` is inside a quoted field; `size` when there is none.
  static func recordEnd(path: String, from: Int, size: Int, insideQuotes: Bool) -> Int? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var inside = insideQuotes
    var offset = from
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while offset < size {
      let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return nil }
      for index in 0..<got {
        let byte = buffer[index]
        if byte == UInt8(ascii: "\"") {
          inside.toggle()
        } else if byte == 10 && !inside {
          return offset + index + 1
        }
      }
      offset += got
    }
    return size
  }
}
