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

/// The questionnaire's missing codes ("98", "Không biết"…), built once and shared by every
/// indicator's coding: a questionnaire with 100,000 missing codes costs one set, not one per
/// indicator.
struct MissingAnswers: Sendable {
  /// NFC, trimmed.
  let texts: Set<String>
  /// Those of the texts that are whole numbers 0…999 written plainly ("98", not "098").
  let integers: [Int]
  /// The first few, for messages.
  let shown: [String]

  init(_ answers: [String]) {
    var texts = Set<String>()
    var shown: [String] = []
    for answer in answers {
      let key = answer.trimmedNFC
      if !key.isEmpty && texts.insert(key).inserted && shown.count < 12 { shown.append(key) }
    }
    self.texts = texts
    self.integers = texts.compactMap(AnswerCoding.plainInteger).sorted()
    self.shown = shown
  }
}

struct AnswerCoding: Sendable {
  /// x for each code.
  let values: [Double]
  /// Codes of integer answers 0…999 written plainly (`AnswerCode.invalid` where not allowed).
  let integerCodes: [UInt8]
  /// Codes of the indicator's own answers, keyed by NFC trimmed text.
  let textCodes: [String: UInt8]
  /// The questionnaire's missing codes, shared.
  let missing: MissingAnswers
  /// What a valid answer looks like, for messages ("1, 2, Có, Không, 98, 99").
  let accepted: [String]

  /// The codings of every indicator of `questionnaire`, in order, sharing one missing set.
  static func all(_ questionnaire: Questionnaire) -> [AnswerCoding] {
    let missing = MissingAnswers(questionnaire.missing)
    return questionnaire.indicators.map { AnswerCoding(indicator: $0, missing: missing) }
  }

  /// A whole number 0…999 written as a plain integer ("7", "98"; not "07", "+7", "7.0").
  static func plainInteger(_ text: String) -> Int? {
    guard let number = Int(text), String(number) == text, (0..<1000).contains(number) else { return nil }
    return number
  }

  /// An answer is a code only when its NFC, trimmed text is one of the indicator's codes or
  /// labels, or a missing code: `1.0`, `01`, `+1`, `1e0` and `0x1` are not `1`, and `có` is
  /// not `Có`.
  init(indicator: Indicator, missing: MissingAnswers) {
    var values: [Double] = []
    var integers = [UInt8](repeating: AnswerCode.invalid, count: 1000)
    var texts: [String: UInt8] = [:]
    var accepted: [String] = []
    func add(_ answer: String, _ code: UInt8) {
      let key = answer.trimmedNFC
      accepted.append(key)
      if let number = Self.plainInteger(key), integers[number] == AnswerCode.invalid { integers[number] = code }
      if texts[key] == nil { texts[key] = code }
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
    for answer in indicator.missing { add(answer, AnswerCode.missing) }
    for number in missing.integers where integers[number] == AnswerCode.invalid {
      integers[number] = AnswerCode.missing
    }
    self.values = values
    self.integerCodes = integers
    self.textCodes = texts
    self.missing = missing
    var seen = Set<String>()
    self.accepted = (accepted + missing.shown).filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// The code of one cell's bytes, `AnswerCode.invalid` when it is not an allowed answer.
  @inline(__always)
  func code(_ cell: UnsafeRawBufferPointer) -> UInt8 {
    let count = cell.count
    if count == 0 { return AnswerCode.missing }
    // A plain integer of one to three digits, without a leading zero.
    if count <= 3 && (count == 1 || cell[0] != 48) {
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
      if digits { return integerCodes[number] }
    }
    return slowCode(cell)
  }

  private func slowCode(_ cell: UnsafeRawBufferPointer) -> UInt8 {
    let text = String(decoding: cell, as: UTF8.self).trimmedNFC
    if let code = textCodes[text] { return code }
    if text.isEmpty || missing.texts.contains(text) { return AnswerCode.missing }
    return AnswerCode.invalid
  }
}
