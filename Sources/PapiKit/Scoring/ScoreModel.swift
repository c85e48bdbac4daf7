/// One estimate with its uncertainty (PRODUCT.md §4). Unknown values are nil, never made up.
public struct Estimate: Sendable, Equatable {
  public var value: Double?
  public var se: Double?
  public var low: Double?
  public var upp: Double?
  /// Unweighted count of contributing respondents.
  public var n: Int
  /// False when some indicator below this score had no valid answer.
  public var complete: Bool

  static let z95 = 1.959964

  static func null(complete: Bool = false) -> Estimate {
    Estimate(value: nil, se: nil, low: nil, upp: nil, n: 0, complete: complete)
  }

  /// An estimate from its value, n and Σ z² (the linearised variance before the n/(n−1)
  /// correction); the SE is nil below 2 respondents.
  init(value: Double?, n: Int, sumOfSquares: Double, complete: Bool) {
    guard let value else {
      self = .null()
      return
    }
    self.value = value
    self.n = n
    self.complete = complete
    if n >= 2 {
      let se = (Double(n) / Double(n - 1) * sumOfSquares).squareRoot()
      self.se = se
      self.low = value - Self.z95 * se
      self.upp = value + Self.z95 * se
    }
  }

  init(value: Double?, se: Double?, low: Double?, upp: Double?, n: Int, complete: Bool) {
    self.value = value
    self.se = se
    self.low = low
    self.upp = upp
    self.n = n
    self.complete = complete
  }
}

/// An indicator's estimate.
public struct IndicatorScore: Sendable {
  public var id: String
  public var estimate: Estimate
}

/// A sub-dimension's score and its indicators' estimates.
public struct SubdimensionScore: Sendable {
  public var id: String
  public var score: Estimate
  public var indicators: [IndicatorScore]
}

/// A dimension's score and its sub-dimensions'.
public struct DimensionScore: Sendable {
  public var id: String
  public var score: Estimate
  public var subdimensions: [SubdimensionScore]
}

/// The scores of one unit (a commune, or any unit above it).
public struct UnitScore: Sendable {
  public var code: String
  public var name: String?
  public var parent: String?
  public var respondents: Int
  public var total: Estimate
  public var dimensions: [DimensionScore]
  /// The parent's name, for people (`ParentNames`); nil when no register or list has it.
  public var parentName: String? = nil

  /// The parent as people read it: "Kon Tum (62)", or the code alone when it has no name.
  public var parentLabel: String? {
    guard let parent else { return nil }
    return parentName.map { "\($0) (\(parent))" } ?? parent
  }
}

/// The scores of every unit at one level.
public struct ScoreReport: Sendable {
  public var tool: String
  public var version: String
  public var questionnaireID: String
  public var kind: QuestionnaireKind
  public var wave: String?
  public var level: String
  public var units: [UnitScore]
  /// The unit set the respondents were converted to (`--as-of-units`): the scores are derived.
  public var unitsAsOf: String?
  /// What reading the exports left out (rows with errors, incomplete responses) or could not
  /// check (duplicates without ids); empty for a stored wave or published scores.
  public var reading = ReadingSummary()
  /// The column the respondents' weights came from, when weights were applied (some
  /// respondent weighs other than 1); nil when every respondent counted once.
  public var weights: String?

  /// The sentence every human output carries when weights were applied.
  static func weightsNote(_ column: String) -> LocalizedText {
    L(
      "Điểm tính có trọng số: mỗi người trả lời được tính theo giá trị ở cột `\(column)`.",
      "Weighted scores: each respondent counts by the value in column `\(column)`.")
  }
}

/// The tool's name and version as written into every output.
public enum PapiVersion {
  public static let current = "0.1.0"
}
