import Foundation

/// One unit's result for one leaf criterion in one year (PRODUCT.md §8.2).
public struct ParResult: Sendable {
  public var unitCode: String
  public var unitName: String?
  /// Ranks are within a parent.
  public var parent: String?
  public var year: String
  public var criterion: String
  /// The appraised points (what counts); nil when the criterion was not scored.
  public var score: Double?
  /// The unit's own score.
  public var selfScore: Double?
  /// False for `not_scored` (không chấm điểm, không phát sinh): its maximum does not apply.
  public var scored: Bool
  /// The counts behind a ratio (692 of 835 files).
  public var numerator: Double?
  public var denominator: Double?
  public var reason: String?
  /// The offices answerable for the lost points, when the result names them (else the set's).
  public var offices: [ParOffice]?
  /// The date of the counts, as written (`as_of`, tính đến ngày).
  public var asOf: String?
  /// Where the row is.
  public var origin: SourceLocation

  /// The same result, wherever each was read from.
  public func sameContent(as other: ParResult) -> Bool {
    var mine = self
    mine.origin = other.origin
    return mine.unitCode == other.unitCode && mine.unitName == other.unitName && mine.parent == other.parent
      && mine.year == other.year && mine.criterion == other.criterion && mine.score == other.score
      && mine.selfScore == other.selfScore && mine.scored == other.scored && mine.numerator == other.numerator
      && mine.denominator == other.denominator && mine.reason == other.reason && mine.offices == other.offices
      && mine.asOf == other.asOf
  }

  public init(
    unitCode: String, unitName: String? = nil, parent: String? = nil, year: String, criterion: String,
    score: Double?, selfScore: Double? = nil, scored: Bool = true, numerator: Double? = nil,
    denominator: Double? = nil, reason: String? = nil, offices: [ParOffice]? = nil, asOf: String? = nil,
    origin: SourceLocation = SourceLocation(file: "")
  ) {
    self.asOf = asOf
    self.unitCode = unitCode
    self.unitName = unitName
    self.parent = parent
    self.year = year
    self.criterion = criterion
    self.score = score
    self.selfScore = selfScore
    self.scored = scored
    self.numerator = numerator
    self.denominator = denominator
    self.reason = reason
    self.offices = offices
    self.origin = origin
  }
}

/// An office named for a result: "Phòng Tư pháp", "Văn phòng HĐND-UBND:theo dõi" (with its
/// role), "Phòng TN-MT=39" (with the count of cases that were its own).
public struct ParOffice: Sendable, Equatable {
  public var name: String
  public var role: String?
  public var count: Double?

  public init(name: String, role: String? = nil, count: Double? = nil) {
    self.name = name
    self.role = role
    self.count = count
  }

  /// The offices of a results cell: separated by ";", each `name`, `name:role` or
  /// `name=count`; nil for an empty cell or one with a count that is not a number.
  public static func list(_ text: String) -> [ParOffice]? {
    let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !parts.isEmpty else { return nil }
    var offices: [ParOffice] = []
    for part in parts {
      if let equals = part.lastIndex(of: "=") {
        guard let count = Double(part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)) else {
          return nil
        }
        offices.append(ParOffice(name: part[..<equals].trimmingCharacters(in: .whitespaces), count: count))
      } else if let colon = part.firstIndex(of: ":") {
        offices.append(
          ParOffice(
            name: part[..<colon].trimmingCharacters(in: .whitespaces),
            role: part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
      } else {
        offices.append(ParOffice(name: part))
      }
    }
    return offices
  }
}

/// A figure a document states for a unit: a field's points or the total, checked against
/// the sum of the criteria; or the published index and rank (`index`, `rank` as "1/10"),
/// which stand for a year whose criterion-by-criterion results are not known (a previous
/// year a report quotes in a footnote).
public struct ParStated: Sendable, Equatable {
  public var unitCode: String
  /// The unit's name and parent, when the row gives them.
  public var unitName: String?
  public var parent: String?
  public var year: String
  /// A field's code, `total`, `index` or `rank`.
  public var criterion: String
  public var value: Double
  /// For `rank`: among how many units ("1/10").
  public var of: Int?
  public var origin: SourceLocation

  public init(
    unitCode: String, unitName: String? = nil, parent: String? = nil, year: String, criterion: String,
    value: Double, of: Int? = nil, origin: SourceLocation
  ) {
    self.unitCode = unitCode
    self.unitName = unitName
    self.parent = parent
    self.year = year
    self.criterion = criterion
    self.value = value
    self.of = of
    self.origin = origin
  }

  /// The codes that are figures of a unit as a whole rather than of a field.
  public static let wholeUnit: Set<String> = ["total", "index", "rank"]

  /// The same figure, wherever each was read from.
  public func sameContent(as other: ParStated) -> Bool {
    var mine = self
    mine.origin = other.origin
    return mine == other
  }
}
