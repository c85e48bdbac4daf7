/// What one feedback text is about, by the lexicon.
public struct FeedbackClass: Sendable, Equatable {
  /// Dimension ids, in id order; empty when the text matched no term (unclassified).
  public var dimensions: [String]
  /// Sub-dimension ids, in id order.
  public var subdimensions: [String]
  /// The lexicon terms found, with the id each stands for, in the order of the text.
  public var terms: [(term: String, id: String)]
  /// Complaint, request, praise or neutral; nil when the lexicon has no polarity cues.
  public var polarity: FeedbackPolarity?

  public var isClassified: Bool { !dimensions.isEmpty }

  public static func == (a: FeedbackClass, b: FeedbackClass) -> Bool {
    a.dimensions == b.dimensions && a.subdimensions == b.subdimensions && a.polarity == b.polarity
      && a.terms.elementsEqual(b.terms) { $0 == $1 }
  }
}

/// Finds the lexicon's terms in a text (whole words, the longest term at each place) and
/// its polarity (`PolarityCues`).
public struct FeedbackClassifier: Sendable {
  public let lexicon: FeedbackLexicon

  public init(lexicon: FeedbackLexicon) { self.lexicon = lexicon }

  public func classify(_ text: String) -> FeedbackClass {
    // The labels masking left ("[số điện thoại]") are not the citizen's words.
    // Each piece starts a clause too.
    var words: [VietnameseWord] = []
    var clauses: [Int] = []
    for piece in PersonalDataMask.unmaskedPieces(text) {
      var breaks: [Int] = []
      let more = VietnameseWords.words(String(piece), clauses: &breaks)
      if !words.isEmpty { clauses.append(words.count) }
      clauses += breaks.map { $0 + words.count }
      words += more
    }
    var dimensions: Set<String> = []
    var subdimensions: Set<String> = []
    var found: [(term: String, id: String)] = []
    var at = 0
    while at < words.count {
      // The longest terms that match here (one term may be listed under several ids).
      var best: [FeedbackLexicon.Term] = []
      for index in lexicon.candidates(at: words[at]) {
        let term = lexicon.term(index)
        guard term.words.count <= words.count - at, term.words.count >= best.first?.words.count ?? 0,
          zip(words[at...], term.words).allSatisfy({ $0.matches($1, loose: term.words.count > 1) })
        else { continue }
        if term.words.count > best.first?.words.count ?? 0 { best = [] }
        best.append(term)
      }
      guard let length = best.first?.words.count else {
        at += 1
        continue
      }
      for term in best {
        found.append((term.text, term.target))
        dimensions.insert(FeedbackLexicon.dimension(of: term.target))
        if term.target.contains(".") { subdimensions.insert(term.target) }
      }
      at += length
    }
    return FeedbackClass(
      dimensions: Self.sorted(dimensions), subdimensions: Self.sorted(subdimensions), terms: found,
      polarity: lexicon.polarity.isEmpty ? nil : lexicon.polarity.polarity(words, clauses: clauses))
  }

  /// Ids in natural order: d2 before d10, d5.2 before d5.10.
  static func sorted(_ ids: Set<String>) -> [String] {
    ids.sorted { a, b in
      let x = a.split(separator: ".").map { Int($0.drop { !$0.isNumber }) ?? 0 }
      let y = b.split(separator: ".").map { Int($0.drop { !$0.isNumber }) ?? 0 }
      return x.lexicographicallyPrecedes(y)
    }
  }
}
