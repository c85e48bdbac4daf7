import Foundation

/// Parses a plain decimal ("1.25", "0.8", "3") from bytes without making a String.
func parseDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
  var mantissa: UInt64 = 0
  var digits = 0
  var fraction = 0
  var index = 0
  let count = bytes.count
  while index < count, case let digit = bytes[index] &- 48, digit <= 9 {
    mantissa = mantissa &* 10 &+ UInt64(digit)
    digits += 1
    index += 1
  }
  if index < count && bytes[index] == UInt8(ascii: ".") {
    index += 1
    while index < count, case let digit = bytes[index] &- 48, digit <= 9 {
      mantissa = mantissa &* 10 &+ UInt64(digit)
      digits += 1
      fraction += 1
      index += 1
    }
  }
  if index == count && digits > 0 && digits <= 15 {
    return Double(mantissa) / powersOfTen[fraction]
  }
  let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  if text.isEmpty || text.contains(",") { return nil }
  return Double(text)
}

private let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }
