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
  // Otherwise a decimal with an exponent ("1.25e+02", as statistics packages write): not
  // hexadecimal, "nan" or "inf", which `Double(_:)` would also take.
  let text = String(decoding: bytes, as: UTF8.self).trimmedNFC
  guard let first = text.utf8.first, first == UInt8(ascii: ".") || (48...57).contains(first),
    text.utf8.allSatisfy({
      (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
        || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
    })
  else { return nil }
  return Double(text)
}

private let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }
