/// A PAR INDEX criteria set (bộ tiêu chí, PRODUCT.md §8.1, `kind: par`): fields of criteria,
/// each scored up to a maximum, the bands an index falls in, and the scale of the index.
public struct ParCriteriaSet: Sendable {
  public var id: String
  public var title: LocalizedText
  /// The decision that issued the set ("Quyết định số 723/QĐ-UBND …").
  public var basis: String?
  /// The index is points ÷ applicable maximum × scale.
  public var scale: Double
  /// Highest first; a unit takes the first band whose minimum its index reaches.
  public var bands: [ParBand]
  /// The fields (lĩnh vực), in order.
  public var fields: [ParCriterion]

  /// Every criterion, fields included, depth first, in the set's order.
  public var all: [ParCriterion] { fields.flatMap(\.withDescendants) }

  /// The leaves: the criteria scored directly.
  public var leaves: [ParCriterion] { all.filter(\.children.isEmpty) }

  public func criterion(_ code: String) -> ParCriterion? { all.first { $0.code == code } }

  /// The band of an index.
  public func band(of index: Double) -> ParBand? { bands.first { index >= $0.minimum } }
}

/// A band of the index ("Xuất sắc" from 90).
public struct ParBand: Sendable, Equatable {
  public var name: LocalizedText
  public var minimum: Double
}

/// A field, criterion or sub-criterion: a leaf has its own maximum (and maybe a rule), a
/// parent the sum of its children's.
public struct ParCriterion: Sendable {
  public var code: String
  public var name: LocalizedText
  public var maximum: Double
  /// How a leaf's points follow from its counts, when they do.
  public var rule: ParRule?
  /// The offices answerable for it unless a result names others.
  public var offices: [String]
  /// Its code in earlier years' sets, by year ("2022": "1.2.1").
  public var replaces: [String: String]
  /// PAPI metrics it bears on.
  public var papi: [String]
  /// Points from a survey (SIPAS, officials' survey), not from documents.
  public var survey: Bool
  public var children: [ParCriterion]

  public var withDescendants: [ParCriterion] { [self] + children.flatMap(\.withDescendants) }
}

/// How a leaf's points follow from a numerator and a denominator.
public enum ParRule: Sendable, Equatable {
  /// points = max × numerator ÷ denominator.
  case ratio
  /// The points of the first [minimum ratio, points] pair the ratio reaches (descending).
  case thresholds([(ratio: Double, points: Double)])

  public static func == (lhs: ParRule, rhs: ParRule) -> Bool {
    switch (lhs, rhs) {
    case (.ratio, .ratio): return true
    case (.thresholds(let a), .thresholds(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.ratio == $1.ratio && $0.points == $1.points }
    default: return false
    }
  }

  /// The points the rule gives for these counts, out of `maximum`.
  public func points(numerator: Double, denominator: Double, maximum: Double) -> Double? {
    guard denominator > 0 else { return nil }
    let ratio = numerator / denominator
    switch self {
    case .ratio: return maximum * ratio
    case .thresholds(let steps): return steps.first { ratio >= $0.ratio }?.points
    }
  }
}
