/// Feedback per unit and PAPI dimension: how many items, their share of the unit's
/// feedback, the most frequent terms, up to three representative complaints or requests
/// and three items of praise, and the change from the previous wave.
public struct FeedbackSummary: Sendable {
  /// An item quoted (its text on one line, cut after 220 characters), with its polarity.
  public struct Quote: Sendable {
    public var item: FeedbackItem
    /// Nil when the lexicon has no polarity cues.
    public var polarity: FeedbackPolarity?
  }

  /// A unit's feedback about one dimension.
  public struct Theme: Sendable {
    public var dimension: String
    public var count: Int
    /// `count` over the unit's items.
    public var share: Double
    /// Sub-dimensions named, with their counts, most frequent first.
    public var subdimensions: [(id: String, count: Int)]
    /// The lexicon terms found most often (up to 5), with how many items used them.
    public var terms: [(term: String, count: Int)]
    /// Up to 3 complaints or requests that speak most clearly of this dimension: the
    /// evidence quoted beside a weak dimension (every item when the lexicon has no
    /// polarity cues). Neutral items are never quoted.
    public var quotes: [Quote]
    /// Up to 3 items of praise about this dimension ("ý kiến ghi nhận"), shown apart.
    public var acknowledged: [Quote]
    /// The same unit and dimension in the previous wave, when it has feedback.
    public var previousCount: Int?
    public var previousShare: Double?
  }

  /// One unit's feedback in the wave, by dimension.
  public struct Unit: Sendable {
    public var code: String
    public var name: String?
    public var items: Int
    public var unclassified: Int
    /// Items of the unit in the previous wave; nil without a previous wave or when the unit
    /// had no feedback in it (unknown, not zero: it may not have been surveyed).
    public var previousItems: Int?
    /// Dimensions in id order; only those with feedback.
    public var themes: [Theme]

    public func theme(_ dimension: String) -> Theme? { themes.first { $0.dimension == dimension } }
  }

  public var wave: String
  public var previousWave: String?
  public var units: [Unit]

  public var items: Int { units.reduce(0) { $0 + $1.items } }
  public var unclassified: Int { units.reduce(0) { $0 + $1.unclassified } }

  public func unit(_ code: String) -> Unit? { units.first { $0.code == code } }

  /// Longest quote shown; longer texts are cut at a word and end with "…".
  static let quoteLength = 220

  /// Summarises `items` (classified by `classifier`) per unit, units in code order.
  public static func build(
    wave: String, items: [FeedbackItem], previousWave: String? = nil, previous: [FeedbackItem] = [],
    classifier: FeedbackClassifier, unitNames: [String: String] = [:]
  ) -> FeedbackSummary {
    let before = previousWave == nil ? [:] : counts(previous, classifier)
    var byUnit: [String: [(FeedbackItem, FeedbackClass)]] = [:]
    for item in items { byUnit[item.unit, default: []].append((item, classifier.classify(item.text))) }
    let units = byUnit.keys.sorted().map { code -> Unit in
      let entries = byUnit[code] ?? []
      var themes: [String: [(FeedbackItem, FeedbackClass)]] = [:]
      for entry in entries {
        for dimension in entry.1.dimensions { themes[dimension, default: []].append(entry) }
      }
      let previousUnit = before[code]
      return Unit(
        code: code, name: unitNames[code], items: entries.count,
        unclassified: entries.filter { !$0.1.isClassified }.count,
        previousItems: previousUnit?.items,
        themes: FeedbackClassifier.sorted(Set(themes.keys)).map { dimension in
          theme(dimension, themes[dimension] ?? [], unitItems: entries.count, previous: previousUnit)
        })
    }
    return FeedbackSummary(wave: wave, previousWave: previousWave, units: units)
  }

  private static func theme(
    _ dimension: String, _ entries: [(FeedbackItem, FeedbackClass)], unitItems: Int,
    previous: (items: Int, dimensions: [String: Int])?
  ) -> Theme {
    var subdimensions: [String: Int] = [:]
    var terms: [String: Int] = [:]
    // Each item's distinct terms of this dimension: counted into `terms`, and how many
    // there are ranks the item as a quote.
    var hits: [Int] = []
    for (_, found) in entries {
      for id in Set(found.subdimensions) where FeedbackLexicon.dimension(of: id) == dimension {
        subdimensions[id, default: 0] += 1
      }
      let mine = Set(found.terms.filter { FeedbackLexicon.dimension(of: $0.id) == dimension }.map(\.term))
      hits.append(mine.count)
      for term in mine { terms[term, default: 0] += 1 }
    }
    // Representative: the items with the most distinct terms of this dimension, then those
    // about fewest other dimensions, then the earliest; never two identical texts.
    let ranked = entries.indices.sorted { a, b in
      if hits[a] != hits[b] { return hits[a] > hits[b] }
      let x = entries[a].1.dimensions.count
      let y = entries[b].1.dimensions.count
      return x != y ? x < y : a < b
    }
    func quotes(_ include: (FeedbackPolarity?) -> Bool) -> [Quote] {
      var quotes: [Quote] = []
      var seen: Set<String> = []
      for (item, found) in ranked.map({ entries[$0] })
      where quotes.count < 3 && include(found.polarity) && seen.insert(item.text).inserted {
        var quoted = item
        quoted.text = excerpt(quoted.text)
        quotes.append(Quote(item: quoted, polarity: found.polarity))
      }
      return quotes
    }
    let previousCount = previous.map { $0.dimensions[dimension] ?? 0 }
    return Theme(
      dimension: dimension, count: entries.count, share: Double(entries.count) / Double(max(1, unitItems)),
      subdimensions: subdimensions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
        ($0.key, $0.value)
      },
      terms: terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map {
        ($0.key, $0.value)
      },
      quotes: quotes { $0?.isEvidence ?? true }, acknowledged: quotes { $0 == .praise }, previousCount: previousCount,
      previousShare: previous.map { Double(previousCount ?? 0) / Double(max(1, $0.items)) })
  }

  /// Per unit: items, and items per dimension.
  private static func counts(
    _ items: [FeedbackItem], _ classifier: FeedbackClassifier
  ) -> [String: (items: Int, dimensions: [String: Int])] {
    var result: [String: (items: Int, dimensions: [String: Int])] = [:]
    for item in items {
      var entry = result[item.unit] ?? (0, [:])
      entry.items += 1
      for dimension in classifier.classify(item.text).dimensions { entry.dimensions[dimension, default: 0] += 1 }
      result[item.unit] = entry
    }
    return result
  }

  /// The text on one line, cut at a word after at most `quoteLength` characters.
  static func excerpt(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard line.count > quoteLength else { return line }
    var cut = String(line.prefix(quoteLength))
    if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
    return cut + "…"
  }
}
