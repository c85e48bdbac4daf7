import Foundation

/// One word of Vietnamese text, in the two forms feedback matching compares.
///
/// `exact` is the word in lower case with its tone mark taken off the vowel it sits on and
/// put at the end ("hoà" and "hòa" are both "hoa" + grave), so that old and new tone
/// placement, and NFC and NFD input, give the same key; vowel shapes (â ă ê ô ơ ư) and đ
/// stay. `plain` drops every mark and turns đ into d ("dat" for "đất"). `marked` says
/// whether the word as written carried any mark: a word typed without diacritics may be
/// any of the words it folds from, a word typed with them is only itself.
struct VietnameseWord: Hashable, Sendable {
  var exact: String
  var plain: String
  var marked: Bool

  /// Does this word of a text stand for `term`'s word?
  /// Does this word of a text stand for `term`'s word? A word typed without diacritics
  /// stands for any word it folds from only when `loose` (the caller allows it for terms of
  /// several words, where the other words confirm the reading: "so do" is "sổ đỏ", but a
  /// lone "cho" is not "chợ"); a marked word only ever for itself.
  func matches(_ term: VietnameseWord, loose: Bool) -> Bool {
    exact == term.exact || (loose && !marked && plain == term.plain)
  }
}

enum VietnameseWords {
  /// The five tone marks, as combining characters.
  private static let tones: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

  /// The words of `text`: runs of letters and digits (with their combining marks); every
  /// other character separates words.
  static func words(_ text: String) -> [VietnameseWord] {
    var clauses: [Int] = []
    return words(text, clauses: &clauses)
  }

  /// Characters that end a clause, for the negation of `PolarityCues`.
  private static let clauseEnds: Set<Unicode.Scalar> = [",", ";", ".", "!", "?", ":", "\n", "\r", "(", ")", "…"]

  /// The words of `text`; `clauses` gets, for each clause end after the first word, the
  /// index in the result of the word that follows it.
  static func words(_ text: String, clauses: inout [Int]) -> [VietnameseWord] {
    var result: [VietnameseWord] = []
    var current = String.UnicodeScalarView()
    var tone: Unicode.Scalar?
    var plain = String.UnicodeScalarView()
    var marked = false
    func finish() {
      guard !current.isEmpty else { return }
      var exact = String(current).precomposedStringWithCanonicalMapping
      if let tone { exact.unicodeScalars.append(tone) }
      result.append(VietnameseWord(exact: exact, plain: String(plain), marked: marked))
      current = String.UnicodeScalarView()
      plain = String.UnicodeScalarView()
      tone = nil
      marked = false
    }
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark {
        guard !current.isEmpty else { continue }
        marked = true
        if tones.contains(scalar.value) { tone = scalar } else { current.append(scalar) }
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        // A letter typed twice ("bệnh việnn", "thuốcc") is read once: Vietnamese spelling
        // never doubles one, except o and u ("xoong"; "cứu" typed "cuu").
        if scalar.properties.isAlphabetic, scalar == current.last, scalar != "o", scalar != "u" { continue }
        current.append(scalar)
        if scalar == "đ" {
          marked = true
          plain.append("d")
        } else {
          plain.append(scalar)
        }
      } else {
        finish()
        if clauseEnds.contains(scalar), !result.isEmpty, clauses.last != result.count { clauses.append(result.count) }
      }
    }
    finish()
    return result
  }
}
