import Foundation

/// The text of a workbook cell as a CSV export of the same sheet holds it: numbers as
/// written (an integer code stored as `1` or `1.0` is `1`), booleans `TRUE`/`FALSE`, cells
/// styled as dates as ISO dates, strings with OOXML's `_xHHHH_` escapes decoded.
enum CellText {
  /// Writes the text of the number `value` (the bytes of a `<v>` element) into `out`.
  static func number(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    if isPlainInteger(value) {
      out.append(contentsOf: value)
      return
    }
    guard let number = parse(value) else {
      out.append(contentsOf: value)
      return
    }
    if number == number.rounded(), abs(number) < 1e15 {
      out.append(contentsOf: String(Int64(number)).utf8)
    } else {
      out.append(contentsOf: plain(number).utf8)
    }
  }

  /// A date serial number as `yyyy-mm-dd`, or `yyyy-mm-ddThh:mm:ss` when it has a time of
  /// day or its format shows one (`time`); time alone, below 1, as `hh:mm:ss`. Serials
  /// count days from 1899-12-30 in the 1900 system (which counts a 29 February 1900 that
  /// never was: serials below 61 are a day later) and from 1904-01-01 in the 1904 system.
  static func date(_ value: UnsafeRawBufferPointer, date1904: Bool, time: Bool, into out: inout [UInt8]) {
    guard let serial = parse(value), serial.isFinite, serial >= 0, serial < 2_958_466 else {
      number(value, into: &out)
      return
    }
    var days = Int(serial.rounded(.down))
    // Seconds, rounded to the nearest (Excel stores 12:00:00 as 0.5 exactly, others not).
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds == 86_400 {
      days += 1
      seconds = 0
    }
    // The 1900 system's 29 February 1900 (serial 60) is read as the 28th, as openpyxl and
    // calamine read it.
    if !date1904 && days == 60 { days = 59 }
    if serial < 1 && (seconds > 0 || time) {
      out.append(contentsOf: clock(seconds).utf8)
      return
    }
    // Days from 1970-01-01.
    let epochDays: Int
    if date1904 {
      epochDays = days - 24_107
    } else {
      epochDays = days - (days < 61 ? 25_568 : 25_569)
    }
    let date = CivilDate(dayNumber: epochDays)
    var text = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    if seconds > 0 || time { text += "T" + clock(seconds) }
    out.append(contentsOf: text.utf8)
  }

  /// A boolean cell's text.
  static func boolean(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    let isTrue = value.count == 1 ? value[0] == UInt8(ascii: "1") : String(decoding: value, as: UTF8.self) == "true"
    out.append(contentsOf: (isTrue ? "TRUE" : "FALSE").utf8)
  }

  /// Appends a string's text, decoding `_xHHHH_` (how OOXML writes control characters such
  /// as the carriage return `_x000D_`; `_x005F_` escapes an underscore).
  static func string(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    guard hasEscape(value) else {
      out.append(contentsOf: value)
      return
    }
    var index = 0
    while index < value.count {
      if index + 7 <= value.count, value[index] == UInt8(ascii: "_"), value[index + 1] == UInt8(ascii: "x"),
        value[index + 6] == UInt8(ascii: "_"),
        let code = UInt32(
          String(decoding: UnsafeRawBufferPointer(rebasing: value[index + 2..<index + 6]), as: UTF8.self),
          radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.append(contentsOf: String(Character(scalar)).utf8)
        index += 7
      } else {
        out.append(value[index])
        index += 1
      }
    }
  }

  static func hasEscape(_ value: UnsafeRawBufferPointer) -> Bool {
    guard value.count >= 7 else { return false }
    for index in 0..<(value.count - 1) where value[index] == UInt8(ascii: "_") && value[index + 1] == UInt8(ascii: "x")
    {
      return true
    }
    return false
  }

  @inline(__always)
  static func isPlainInteger(_ value: UnsafeRawBufferPointer) -> Bool {
    guard !value.isEmpty, value.count <= 15 else { return false }
    var index = value[0] == UInt8(ascii: "-") ? 1 : 0
    guard index < value.count else { return false }
    // "007" is not written by a spreadsheet for a number; left to the general path.
    if value[index] == UInt8(ascii: "0") && value.count > index + 1 { return false }
    while index < value.count {
      guard value[index] &- UInt8(ascii: "0") < 10 else { return false }
      index += 1
    }
    return true
  }

  private static func parse(_ value: UnsafeRawBufferPointer) -> Double? {
    Double(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
  }

  /// A number as a spreadsheet's CSV export writes it: 15 significant digits (Excel's
  /// precision; `0.30000000000000004` is 0.3), in positional notation (0.0000001, not 1e-07).
  private static func plain(_ number: Double) -> String {
    let rounded = Double(String(format: "%.15g", number)) ?? number
    let shortest = "\(rounded)"
    guard shortest.contains("e") else { return shortest }
    return "\(Decimal(string: shortest) ?? Decimal(rounded))"
  }

  private static func clock(_ seconds: Int) -> String {
    String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
  }
}
