/// Result of checking a buffer for well-formed UTF-8.
struct UTF8Check {
  /// Bytes from the start that are complete, well-formed UTF-8.
  var validPrefix: Int
  /// Offset of the first ill-formed byte, if any. A sequence cut off by the end of the
  /// buffer is not ill-formed (the next chunk may complete it).
  var invalidAt: Int?
}

/// Checks `bytes` for well-formed UTF-8 (Unicode 15 table 3-7: no overlongs, no surrogates,
/// nothing above U+10FFFF), eight ASCII bytes at a time where it can.
func checkUTF8(_ bytes: UnsafeRawBufferPointer) -> UTF8Check {
  let count = bytes.count
  guard let base = bytes.baseAddress else { return UTF8Check(validPrefix: 0, invalidAt: nil) }
  let p = base.assumingMemoryBound(to: UInt8.self)
  var i = 0
  while i < count {
    if i + 8 <= count {
      let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if word & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
    }
    let lead = p[i]
    if lead < 0x80 {
      i += 1
      continue
    }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return UTF8Check(validPrefix: i, invalidAt: i)
    }
    for k in 1..<length {
      if i + k >= count { return UTF8Check(validPrefix: i, invalidAt: nil) }
      let byte = p[i + k]
      let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
      if byte < lo || byte > hi { return UTF8Check(validPrefix: i, invalidAt: i) }
    }
    i += length
  }
  return UTF8Check(validPrefix: count, invalidAt: nil)
}
