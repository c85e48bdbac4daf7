import Foundation
import Yams

/// Terms per PAPI dimension and sub-dimension, and the cues of a text's polarity
/// (`questionnaires/feedback-lexicon.yaml`).
public struct FeedbackLexicon: Sendable {

  struct Term: Sendable {
    /// As written in the lexicon (NFC), for the lists of frequent terms.
    var text: String
    var words: [VietnameseWord]
    /// The dimension or sub-dimension id the term stands for.
    var target: String
  }

  private(set) var terms: [Term] = []
  /// Terms by the `plain` form of their first word.
  private var byFirstWord: [String: [Int]] = [:]
  /// The files the lexicon was read from, in order.
  public private(set) var sources: [String] = []

  public var termCount: Int { terms.count }
  /// Complaint, request and praise cues, negators and fixed phrases (the `polarity:` section).
  private(set) var polarity = PolarityCues()

  /// The dimension id of a lexicon key: `d5` for `d5.2`, itself for a dimension.
  static func dimension(of id: String) -> String {
    id.firstIndex(of: ".").map { String(id[..<$0]) } ?? id
  }

  mutating func add(_ text: String, target: String) {
    let words = VietnameseWords.words(text)
    guard let first = words.first else { return }
    byFirstWord[first.plain, default: []].append(terms.count)
    terms.append(Term(text: text, words: words, target: target))
  }

  /// Terms that may start at a word: those whose first word it can stand for.
  func candidates(at word: VietnameseWord) -> [Int] {
    byFirstWord[word.plain] ?? []
  }

  func term(_ index: Int) -> Term { terms[index] }

  /// Reads `paths` in order; each adds its terms to the ones before it, unless it says
  /// `replace: true`. With `ids`, every key must be one of them (a questionnaire's
  /// dimension and sub-dimension ids).
  public static func load(_ paths: [String], ids: Set<String>? = nil) throws(PapiError) -> FeedbackLexicon {
    var lexicon = FeedbackLexicon()
    var problems: [Diagnostic] = []
    for path in paths {
      let text = try ConfigReader.text(path, kind: L("từ điển ý kiến", "feedback lexicon"), option: "--lexicon")
      let root = try ConfigReader.root(text, source: path, format: "questionnaires/feedback-lexicon.yaml")
      var reader = ConfigReader(source: path)
      guard reader.mapping(root, "lexicon", allowed: ["id", "title", "replace", "terms", "polarity"]) else {
        problems += reader.problems
        continue
      }
      _ = reader.string(root, "id", context: "lexicon", required: false)
      _ = reader.localized(ConfigReader.value(root, "title"), context: "title")
      if reader.bool(ConfigReader.value(root, "replace"), context: "replace", default: false) {
        lexicon = FeedbackLexicon()
      }
      lexicon.sources.append(path)
      let polarity = ConfigReader.value(root, "polarity")
      if let polarity { lexicon.readPolarity(polarity, &reader) }
      guard let terms = ConfigReader.value(root, "terms") else {
        // A file may add polarity cues alone.
        if polarity != nil {
          problems += reader.problems
          continue
        }
        reader.problem(
          root,
          L(
            "thiếu khóa `terms` (các từ theo chỉ số nội dung và nội dung thành phần).",
            "missing key `terms` (the terms per dimension and sub-dimension)."),
          L(
            "Viết `terms:` rồi các dòng như `d5.2: [sổ đỏ, làm sổ]`; xem questionnaires/feedback-lexicon.yaml.",
            "Write `terms:` and lines such as `d5.2: [sổ đỏ, làm sổ]`; see questionnaires/feedback-lexicon.yaml."))
        problems += reader.problems
        continue
      }
      for (id, key, value) in reader.entries(terms, "terms") {
        if !isMetricID(id) || (ids.map { !$0.contains(id) } ?? false) {
          reader.problem(
            key,
            L(
              "`\(id)` không phải mã chỉ số nội dung hay nội dung thành phần\(ids == nil ? "" : " của bảng hỏi").",
              "`\(id)` is not a dimension or sub-dimension id\(ids == nil ? "" : " of the questionnaire")."),
            L("Dùng mã như `d5` hoặc `d5.2` (xem bảng hỏi).", "Use ids such as `d5` or `d5.2` (see the questionnaire).")
          )
          continue
        }
        for term in reader.names(value, context: "terms.\(id)") {
          guard !VietnameseWords.words(term).isEmpty else {
            reader.problem(
              value,
              L("terms.\(id): từ \"\(term)\" không có chữ nào.", "terms.\(id): the term \"\(term)\" has no letters."),
              L("Xóa từ này.", "Remove this term."))
            continue
          }
          lexicon.add(term, target: id)
        }
      }
      problems += reader.problems
    }
    if !problems.isEmpty { throw PapiError(problems) }
    return lexicon
  }

  /// The `polarity:` section: lists of phrases under `complaint`, `request`, `praise`,
  /// `negators`, `fixed`, `negatable` and `opening_requests`.
  private mutating func readPolarity(_ node: Node, _ reader: inout ConfigReader) {
    guard reader.mapping(node, "polarity", allowed: PolarityCues.sections.map(\.key)) else { return }
    for (key, roles) in PolarityCues.sections {
      let value = ConfigReader.value(node, key)
      for phrase in reader.names(value, context: "polarity.\(key)") {
        guard !VietnameseWords.words(phrase).isEmpty else {
          reader.problem(
            value,
            L(
              "polarity.\(key): \"\(phrase)\" không có chữ nào.", "polarity.\(key): \"\(phrase)\" has no letters."),
            L("Xóa cụm từ này.", "Remove this phrase."))
          continue
        }
        polarity.add(phrase, roles: roles)
      }
    }
  }

  /// `d1`…`d99` or `d1.1`-style ids: what a lexicon key may be without a questionnaire.
  private static func isMetricID(_ id: String) -> Bool {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let head = parts.first, head.count >= 2 else { return false }
    return head.hasPrefix("d") && head.dropFirst().allSatisfy(\.isNumber)
      && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }
}
