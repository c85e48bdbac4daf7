/// What a feedback text says of what it is about: a complaint, a request, praise, or none
/// of these.
public enum FeedbackPolarity: String, Sendable, CaseIterable {
  /// Reports a problem or dissatisfaction (even when it also asks or praises).
  case complaint
  /// Asks for something to be done, without reporting a problem.
  case request
  /// Says something works well, and nothing that does not.
  case praise
  /// Information, a question, no opinion.
  case neutral

  /// Complaints and requests: what a report may quote as evidence of a weakness.
  public var isEvidence: Bool { self == .complaint || self == .request }

  /// The polarity in words, for tables and Excel: "phản ánh", "kiến nghị", "ghi nhận",
  /// "trung tính".
  public func label(_ language: Language) -> String {
    switch self {
    case .complaint: language == .vi ? "phản ánh" : "complaint"
    case .request: language == .vi ? "kiến nghị" : "request"
    case .praise: language == .vi ? "ghi nhận" : "praise"
    case .neutral: language == .vi ? "trung tính" : "neutral"
    }
  }
}

/// The polarity cues of a feedback lexicon (its `polarity:` section) and the rules that
/// turn the cues found in a text into a ``FeedbackPolarity``.
///
/// The text is read clause by clause (a clause ends at `,` `;` `.` `!` `?` `:` or a line
/// break), the longest cue at each place, as terms are matched. Then, in this order:
/// 1. A negator (`không`, `chưa`, `chẳng`, `không được`…) negates the first praise,
///    complaint or negatable cue that starts within ``window`` words after it, in its
///    clause: negated praise is a complaint ("không nhanh", "chưa công khai"), a negated
///    complaint is praise ("không gây khó khăn", "không phải chờ lâu"), a negated
///    negatable word is a complaint ("chưa được giải quyết", "không ai hướng dẫn").
/// 2. A phrase that is both a negator and a complaint ("thiếu", "chưa có", "không có")
///    is a complaint when it negates nothing ("thiếu thuốc"), and only negates when it
///    does ("không có tình trạng nhũng nhiễu" is praise).
/// 3. A fixed phrase is read as a whole and negates nothing: "không những … mà còn",
///    "không chỉ", "không khí", "chẳng hạn".
/// 4. A request cue counts anywhere; an opening request ("nên", "xin") only as the first
///    words of a clause ("Nên niêm yết…", not "đường hỏng nên…").
/// 5. The text is a complaint if it has any complaint (mixed praise and complaint is a
///    complaint), else a request if it has any request (a request beats praise), else
///    praise if it has any praise, else neutral.
struct PolarityCues: Sendable {
  /// How many words after a negator the cue it negates may start.
  static let window = 3

  struct Roles: OptionSet, Sendable {
    let rawValue: UInt8
    static let complaint = Roles(rawValue: 1)
    static let request = Roles(rawValue: 2)
    static let praise = Roles(rawValue: 4)
    static let negator = Roles(rawValue: 8)
    static let fixed = Roles(rawValue: 16)
    static let negatable = Roles(rawValue: 32)
    static let openingRequest = Roles(rawValue: 64)
  }

  /// The YAML keys of the section and the role each gives its phrases.
  static let sections: [(key: String, roles: Roles)] = [
    ("complaint", .complaint), ("request", .request), ("praise", .praise), ("negators", .negator),
    ("fixed", .fixed), ("negatable", .negatable), ("opening_requests", .openingRequest),
  ]

  private struct Cue: Sendable {
    var words: [VietnameseWord]
    var roles: Roles
  }

  private var cues: [Cue] = []
  /// Cues by the `plain` form of their first word.
  private var byFirstWord: [String: [Int]] = [:]
  /// Cues by their words, to merge a phrase listed under several keys.
  private var byWords: [[String]: Int] = [:]

  var isEmpty: Bool { cues.isEmpty }
  var count: Int { cues.count }

  mutating func add(_ text: String, roles: Roles) {
    let words = VietnameseWords.words(text)
    guard let first = words.first else { return }
    let key = words.map(\.exact)
    if let index = byWords[key] {
      cues[index].roles.formUnion(roles)
      return
    }
    byWords[key] = cues.count
    byFirstWord[first.plain, default: []].append(cues.count)
    cues.append(Cue(words: words, roles: roles))
  }

  /// The longest cue at `at` (the union of the roles of the cues of that length) and its
  /// length in words, not reaching past `end`.
  private func match(_ words: [VietnameseWord], at: Int, end: Int) -> (roles: Roles, length: Int)? {
    var best: (roles: Roles, length: Int)?
    for index in byFirstWord[words[at].plain] ?? [] {
      let cue = cues[index]
      let length = cue.words.count
      guard length <= end - at, length >= best?.length ?? 0,
        zip(words[at...], cue.words).allSatisfy({ $0.matches($1, loose: length > 1) })
      else { continue }
      if let current = best, current.length == length {
        best = (current.roles.union(cue.roles), length)
      } else {
        best = (cue.roles, length)
      }
    }
    return best
  }

  /// The polarity of a text's `words`; `clauses` are the indices where its clauses start
  /// (ascending; 0 need not be given).
  func polarity(_ words: [VietnameseWord], clauses: [Int]) -> FeedbackPolarity {
    var found: Roles = []
    var clause = 0
    while clause < clauses.count, clauses[clause] <= 0 { clause += 1 }
    var start = 0
    while start < words.count {
      let end = clause < clauses.count ? clauses[clause] : words.count
      found.formUnion(judge(words, from: start, to: end))
      start = end
      clause += 1
    }
    if found.contains(.complaint) { return .complaint }
    if found.contains(.request) { return .request }
    return found.contains(.praise) ? .praise : .neutral
  }

  /// The complaint, request and praise found in the clause `words[from..<to]`.
  private func judge(_ words: [VietnameseWord], from: Int, to end: Int) -> Roles {
    var found: Roles = []
    // The last word a pending negation reaches, and whether its negator is a complaint
    // by itself when it negates nothing.
    var negation: (reach: Int, lacks: Bool)?
    var at = from
    while at < end {
      if let pending = negation, at > pending.reach {
        if pending.lacks { found.insert(.complaint) }
        negation = nil
      }
      guard let (roles, length) = match(words, at: at, end: end) else {
        at += 1
        continue
      }
      defer { at += length }
      if roles.contains(.fixed) { continue }
      if negation != nil, !roles.isDisjoint(with: [.praise, .complaint, .negatable]) {
        found.insert(roles.contains(.praise) || roles.contains(.negatable) ? .complaint : .praise)
        negation = nil
        continue
      }
      if roles.contains(.request) || (roles.contains(.openingRequest) && at == from) { found.insert(.request) }
      if roles.contains(.negator) {
        if negation?.lacks == true { found.insert(.complaint) }
        negation = (at + length - 1 + Self.window, roles.contains(.complaint))
        continue
      }
      found.formUnion(roles.intersection([.complaint, .praise]))
    }
    if negation?.lacks == true { found.insert(.complaint) }
    return found
  }
}
