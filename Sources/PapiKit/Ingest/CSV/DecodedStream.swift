import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an export file in fixed-size chunks and hands them on as well-formed UTF-8,
/// converting UTF-16 and the legacy Vietnamese encodings on the way. Memory stays the
/// same whatever the file's size.
struct DecodedStream {
  static let chunkSize = 1 << 20

  let path: String
  let declared: InputEncoding?
  /// The bytes to read, when only part of a UTF-8 file is wanted (see `FileParts`).
  let range: Range<Int>?
  /// Whether to compute the file's SHA-256 on the way (`sha256`).
  let hashing: Bool
  /// The encoding actually used (after looking at the byte-order mark).
  private(set) var encoding: InputEncoding = .utf8
  /// SHA-256 of the file's bytes as read, and how many were read.
  private var hasher = SHA256()
  private(set) var bytesRead = 0
  /// Called after each chunk with the bytes read so far and the file's size.
  var progress: ((Int, Int) -> Void)?

  /// The SHA-256 of a file read on its own, in hex ("" when it cannot be read).
  static func sha256(ofFile path: String) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try? handle.read(upToCount: chunkSize), !chunk.isEmpty { hasher.update(data: chunk) }
    return hexadecimal(hasher.finalize())
  }

  /// The SHA-256 of the whole file, in hex, once it has been read to the end ("" unless
  /// `hashing`).
  var sha256: String { hashing ? hexadecimal(hasher.finalize()) : "" }

  init(path: String, encoding: InputEncoding?, range: Range<Int>? = nil, hashing: Bool = false) {
    self.path = path
    self.declared = encoding
    self.range = range
    self.hashing = hashing
  }

  /// Calls `body` with successive UTF-8 chunks of the whole file (or of `range`), without a
  /// BOM, until it returns false.
  mutating func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(PapiError) -> Bool) throws(PapiError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      let code = errno
      let reason = SystemReason.of(errno: code)
      throw PapiError(
        .unreadableFile, file: path,
        message: L("không mở được tệp (\(reason.vi)).", "cannot open the file (\(reason.en))."),
        fix: SystemReason.fix(errno: code, writing: false))
    }
    defer { close(fd) }
    let size = range?.count ?? FileStatus.size(fd) ?? 0
    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize + 8, alignment: 8)
    defer { raw.deallocate() }
    var out: [UInt8] = []
    var carry = 0  // bytes kept at the front of `raw` from the previous read
    var fileOffset = range?.lowerBound ?? 0  // file offset of raw[0]
    // A later part of a UTF-8 file: no byte-order mark to look for.
    var first = fileOffset == 0
    var converter = Converter(encoding: .utf8)
    if fileOffset > 0 && lseek(fd, off_t(fileOffset), SEEK_SET) < 0 {
      throw PapiError(
        .unreadableFile, file: path,
        message: L("không đọc được tệp từ vị trí \(fileOffset).", "cannot read the file from offset \(fileOffset)."),
        fix: L("Kiểm tra ổ đĩa rồi chạy lại.", "Check the disk and run again."))
    }
    var remaining = range?.count ?? Int.max
    while true {
      let got = remaining == 0 ? 0 : read(fd, raw.baseAddress! + carry, min(Self.chunkSize, remaining))
      if got < 0 {
        if errno == EINTR { continue }
        let code = errno
        let reason = SystemReason.of(errno: code)
        throw PapiError(
          .unreadableFile, file: path,
          message: L("lỗi khi đọc tệp (\(reason.vi)).", "error while reading the file (\(reason.en))."),
          fix: SystemReason.fix(errno: code, writing: false))
      }
      if got > 0 {
        if hashing { hasher.update(bufferPointer: UnsafeRawBufferPointer(start: raw.baseAddress! + carry, count: got)) }
        remaining -= got
        bytesRead += got
        progress?(bytesRead, size)
      }
      let available = carry + got
      let final = got == 0
      var start = 0
      if first {
        first = false
        let head = UnsafeRawBufferPointer(rebasing: raw[0..<available])
        let (bomEncoding, bomLength) = Self.byteOrderMark(head)
        encoding = try resolveEncoding(bom: bomEncoding)
        converter = Converter(encoding: encoding)
        if bomEncoding != nil { start = bomLength }
      }
      let window = UnsafeRawBufferPointer(rebasing: raw[start..<available])
      let used: Int
      switch converter.convert(window, final: final, into: &out) {
      case .success(let consumed):
        used = consumed
      case .failure(let failure):
        throw invalidBytes(at: fileOffset + start + failure.offset, in: window, relative: failure.offset)
      }
      if encoding == .utf8 {
        if used > 0, try !body(UnsafeRawBufferPointer(rebasing: window[0..<used])) { return }
      } else if !out.isEmpty {
        var thrown: PapiError?
        var more = true
        out.withUnsafeBytes { buffer in
          do throws(PapiError) { more = try body(buffer) } catch { thrown = error }
        }
        if let thrown { throw thrown }
        if !more { return }
        out.removeAll(keepingCapacity: true)
      }
      if final { return }
      let rest = window.count - used
      if rest > 0 {
        UnsafeMutableRawBufferPointer(rebasing: raw[0..<rest])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: window[used..<window.count]))
      }
      fileOffset += start + used
      carry = rest
    }
  }

  private func resolveEncoding(bom: InputEncoding?) throws(PapiError) -> InputEncoding {
    guard let declared else { return bom ?? .utf8 }
    if let bom, bom != declared {
      throw PapiError(
        file: path,
        message: L(
          "tệp bắt đầu bằng dấu BOM của \(bom.rawValue) nhưng --encoding là \(declared.rawValue).",
          "the file starts with a \(bom.rawValue) byte-order mark but --encoding says \(declared.rawValue)."),
        fix: L(
          "Bỏ --encoding hoặc dùng --encoding \(bom.rawValue).", "Drop --encoding or use --encoding \(bom.rawValue)."))
    }
    return declared
  }

  /// The physical line holding byte `offset`, counted on the error path only.
  private func lineOf(offset: Int) -> Int? {
    guard let handle = fopen(path, "rb") else { return nil }
    defer { fclose(handle) }
    var line = 1
    var position = 0
    while position < offset {
      let byte = fgetc(handle)
      if byte == EOF { break }
      if byte == 10 { line += 1 }
      position += 1
    }
    return line
  }

  static func byteOrderMark(_ head: UnsafeRawBufferPointer) -> (InputEncoding?, Int) {
    if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return (.utf8, 3) }
    if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return (.utf16le, 2) }
    if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return (.utf16be, 2) }
    return (nil, 0)
  }

  private func invalidBytes(at offset: Int, in window: UnsafeRawBufferPointer, relative: Int) -> PapiError {
    let shown = window[relative..<min(window.count, relative + 4)].map { byte in
      let hex = String(byte, radix: 16, uppercase: true)
      return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }.joined(separator: " ")
    let what: LocalizedText
    switch encoding {
    case .utf8:
      what = L(
        "byte không hợp lệ trong UTF-8 tại vị trí byte \(offset) (\(shown)).",
        "invalid UTF-8 at byte offset \(offset) (\(shown)).")
    case .utf16le, .utf16be:
      what = L(
        "UTF-16 không hợp lệ tại vị trí byte \(offset) (\(shown)).",
        "invalid UTF-16 at byte offset \(offset) (\(shown)).")
    case .cp1258, .tcvn3, .vni:
      what = L(
        "byte \(shown.prefix(4)) tại vị trí \(offset) không có trong bảng mã \(encoding.rawValue).",
        "byte \(shown.prefix(4)) at offset \(offset) is not defined in \(encoding.rawValue).")
    }
    return PapiError(
      file: path, line: lineOf(offset: offset), value: shown, message: what,
      fix: L(
        "Tệp có lẽ được lưu bằng bảng mã cũ: thử --encoding cp1258, --encoding tcvn3 hoặc --encoding vni; hoặc lưu "
          + "lại tệp dạng \"CSV UTF-8\".",
        "The file is probably in a legacy encoding: try --encoding cp1258, --encoding tcvn3 or --encoding vni, or "
          + "save it again as \"CSV UTF-8\"."
      ))
  }
}

/// Converts one chunk to UTF-8. UTF-8 input is only checked, never copied.
private struct Converter {
  struct Failure: Error { var offset: Int }

  let encoding: InputEncoding
  let table: [[UInt8]]

  init(encoding: InputEncoding) {
    self.encoding = encoding
    let source: [String?]
    switch encoding {
    case .cp1258: source = VietnameseLegacyTables.cp1258
    case .tcvn3: source = VietnameseLegacyTables.tcvn3
    case .vni: source = VietnameseLegacyTables.vni
    case .utf8, .utf16le, .utf16be: source = []
    }
    table = source.map { $0.map { Array($0.utf8) } ?? [] }
  }

  /// Returns how many input bytes were used; the rest (a cut-off sequence) comes again
  /// at the front of the next chunk.
  func convert(_ input: UnsafeRawBufferPointer, final: Bool, into out: inout [UInt8]) -> Result<Int, Failure> {
    switch encoding {
    case .utf8:
      let check = checkUTF8(input)
      if let bad = check.invalidAt { return .failure(Failure(offset: bad)) }
      if final && check.validPrefix < input.count { return .failure(Failure(offset: check.validPrefix)) }
      return .success(check.validPrefix)
    case .utf16le, .utf16be:
      return utf16(input, bigEndian: encoding == .utf16be, final: final, into: &out)
    case .cp1258, .tcvn3, .vni:
      for (offset, byte) in input.enumerated() {
        let bytes = table[Int(byte)]
        if bytes.isEmpty && byte != 0 { return .failure(Failure(offset: offset)) }
        out.append(contentsOf: bytes)
      }
      return .success(input.count)
    }
  }

  private func utf16(
    _ input: UnsafeRawBufferPointer, bigEndian: Bool, final: Bool, into out: inout [UInt8]
  ) -> Result<Int, Failure> {
    var i = 0
    func unit(_ at: Int) -> UInt16 {
      bigEndian ? UInt16(input[at]) << 8 | UInt16(input[at + 1]) : UInt16(input[at + 1]) << 8 | UInt16(input[at])
    }
    while i + 1 < input.count {
      let u = unit(i)
      var scalar: UInt32
      var width = 2
      if u >= 0xD800 && u <= 0xDBFF {
        if i + 3 >= input.count {
          if final { return .failure(Failure(offset: i)) }
          break
        }
        let v = unit(i + 2)
        guard v >= 0xDC00 && v <= 0xDFFF else { return .failure(Failure(offset: i)) }
        scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(v) - 0xDC00)
        width = 4
      } else if u >= 0xDC00 && u <= 0xDFFF {
        return .failure(Failure(offset: i))
      } else {
        scalar = UInt32(u)
      }
      guard let value = Unicode.Scalar(scalar) else { return .failure(Failure(offset: i)) }
      out.append(contentsOf: UTF8.encode(value)!)
      i += width
    }
    if final && i < input.count { return .failure(Failure(offset: i)) }
    return .success(i)
  }
}
