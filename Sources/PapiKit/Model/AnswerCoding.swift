import Foundation

/// How one indicator's answers become values in [0, 1] (PRODUCT.md §4 step 1).
///
/// Answers are stored as one byte per respondent and indicator: a small code that
/// `values` turns into x. `AnswerCode.missing` marks an empty cell or a missing code.
public enum AnswerCode {
  public static let missing: UInt8 = 255
  /// Only inside lookup tables: the answer is not one of the indicator's codes.
  static let invalid: UInt8 = 254
}

struct AnswerCoding: Sendable {
  /// x for each code.
  let values: [Double]
  /// Codes of integer answers 0…999 (`AnswerCode.invalid` where not allowed).
  let integerCodes: [UInt8]
  /// Codes of text answers, keyed by NFC text and by its lower-case form.
  let textCodes: [String: UInt8]
  /// What a valid answer looks like, for messages ("1, 2, Có, Không, 98, 99").
  let accepted: [String]

  init(indicator: Indicator, missing globalMissing: [String]) {
    var values: [Double] = []
    var integers = [UInt8](repeating: AnswerCode.invalid, count: 1000)
    var texts: [String: UInt8] = [:]
    var accepted: [String] = []
    func add(_ answer: String, _ code: UInt8) {
      let key = answer.nfc.trimmingCharacters(in: .whitespaces)
      accepted.append(key)
      if let number = Int(key), String(number) == key, (0..<1000).contains(number) {
        if integers[number] == AnswerCode.invalid { integers[number] = code }
      }
      if texts[key] == nil { texts[key] = code }
      let lower = key.lowercased()
      if texts[lower] == nil { texts[lower] = code }
    }
    switch indicator.type {
    case .binary:
      values = indicator.reverse ? [1, 0] : [0, 1]
      if indicator.select != nil {
        add("0", 0)
        add("1", 1)
      } else {
        for answer in indicator.yes { add(answer, 1) }
        for answer in indicator.no { add(answer, 0) }
      }
    case .likert, .scale:
      let range = indicator.range ?? 0...1
      let span = Double(range.upperBound - range.lowerBound)
      for answer in range {
        let code = UInt8(answer - range.lowerBound)
        var x = Double(answer - range.lowerBound) / span
        if let satisfied = indicator.satisfied { x = satisfied.contains(answer) ? 1 : 0 }
        if indicator.reverse { x = 1 - x }
        values.append(x)
        add(String(answer), code)
      }
      for (label, answer) in indicator.labels.sorted(by: { $0.key < $1.key }) where range.contains(answer) {
        add(label, UInt8(answer - range.lowerBound))
      }
    case .choice:
      for (index, entry) in indicator.scores.enumerated() {
        values.append(indicator.reverse ? 1 - entry.value : entry.value)
        add(entry.answer, UInt8(index))
      }
    }
    for answer in indicator.missing + globalMissing { add(answer, AnswerCode.missing) }
    self.values = values
    self.integerCodes = integers
    self.textCodes = texts
    var seen = Set<String>()
    self.accepted = accepted.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// The code of one cell's bytes, `AnswerCode.invalid` when it is not an allowed answer.
  @inline(__always)
  func code(_ cell: UnsafeRawBufferPointer) -> UInt8 {
    let count = cell.count
    if count == 0 { return AnswerCode.missing }
    if count <= 3 {
      var number = 0
      var digits = true
      for byte in cell {
        let digit = Int(byte) &- 48
        if digit < 0 || digit > 9 {
          digits = false
          break
        }
        number = number * 10 + digit
      }
      if digits {
        let code = integerCodes[number]
        if code != AnswerCode.invalid { return code }
      }
    }
    return slowCode(cell)
  }

  private func slowCode(_ cell: UnsafeRawBufferPointer) -> UInt8 {
    let text = String(decoding: cell, as: UTF8.self).trimmedNFC
    if let code = textCodes[text] ?? textCodes[text.lowercased()] { return code }
    if text.isEmpty { return AnswerCode.missing }
    if let number = Double(text), number.rounded() == number, number >= 0, number < 1000 {
      return integerCodes[Int(number)]
    }
    return AnswerCode.invalid
  }
}
