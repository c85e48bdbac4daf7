/// How a kind of questionnaire builds and shows its scores (PRODUCT.md §4.5): the scale of
/// a sub-dimension and a dimension, how composites combine, and the decimals shown. Built
/// once from `QuestionnaireKind`; the scorer, the flags and every renderer ask it instead of
/// testing the kind. A new survey kind is one more case of `QuestionnaireKind` and one more
/// value here.
public struct ScoringScheme: Sendable, Equatable {
  /// The kind it describes.
  public var kind: QuestionnaireKind
  /// The highest score of a dimension (10 for PAPI's 1–10, 100 for a percentage).
  public var dimensionMaximum: Double
  /// A sub-dimension's share of its dimension's scale: each of k sub-dimensions runs to
  /// `dimensionMaximum / k` (PAPI), or each is itself a percentage (false).
  public var subdimensionsShareTheScale: Bool
  /// What a sub-dimension starts from before its indicators (PAPI: 1/k, so that a
  /// dimension runs 1–10), as a share of 1/k.
  public var subdimensionFloor: Double
  /// What an indicator's weighted share is multiplied by in its sub-dimension (PAPI: 9,
  /// then divided by k; percentages: 100).
  public var indicatorScale: Double
  /// Whether a dimension and the total are weighted means of their parts (percentages)
  /// rather than sums (PAPI: dimensions add up to the total).
  public var compositesAreMeans: Bool
  /// Decimals shown to people (never in JSON, which is unrounded).
  public var decimals: Int
  /// Columns a dimension's score takes in a terminal table.
  public var columnWidth: Int

  /// The scheme of a kind of questionnaire.
  public init(_ kind: QuestionnaireKind) {
    self.kind = kind
    switch kind {
    case .papi:
      dimensionMaximum = 10
      subdimensionsShareTheScale = true
      subdimensionFloor = 1
      indicatorScale = 9
      compositesAreMeans = false
      decimals = 2
      columnWidth = 5
    case .percent:
      dimensionMaximum = 100
      subdimensionsShareTheScale = false
      subdimensionFloor = 0
      indicatorScale = 100
      compositesAreMeans = true
      decimals = 1
      columnWidth = 6
    }
  }

  /// The scale of a questionnaire of `dimensions` dimensions, as the score table's legend
  /// says it: a PAPI total is the sum of its dimensions, 8–80 for PAPI's eight.
  public func scaleLegend(dimensions: Int) -> LocalizedText {
    if compositesAreMeans {
      return LocalizedText(
        vi: "Điểm 0–100; ± là nửa khoảng tin cậy 95%; — là không có dữ liệu.",
        en: "Scores 0–100; ± is half the 95% confidence interval; — means no data.")
    }
    let low = Int(subdimensionFloor) * dimensions
    let high = Int(dimensionMaximum) * dimensions
    let sum = dimensions == 8 ? "" : " (tổng của \(dimensions) chỉ số nội dung)"
    let sumEN = dimensions == 8 ? "" : " (the sum of \(dimensions) dimension\(dimensions == 1 ? "" : "s"))"
    return LocalizedText(
      vi: "Chỉ số nội dung \(Int(subdimensionFloor))–\(Int(dimensionMaximum)), tổng \(low)–\(high)\(sum); ± là nửa "
        + "KTC 95%; — là không có dữ liệu.",
      en: "Dimensions \(Int(subdimensionFloor))–\(Int(dimensionMaximum)), total \(low)–\(high)\(sumEN); ± is half "
        + "the 95% CI; — means no data.")
  }

  /// The highest score of a sub-dimension among `count` of its dimension.
  public func subdimensionMaximum(of count: Int) -> Double {
    subdimensionsShareTheScale ? dimensionMaximum / Double(count) : dimensionMaximum
  }

  /// Whether `satisfied:` answer lists (answers counted as 1) make sense: percentages only.
  public var allowsSatisfiedAnswers: Bool { compositesAreMeans }
}

extension Questionnaire {
  /// How this questionnaire's scores are built and shown.
  public var scheme: ScoringScheme { ScoringScheme(kind) }
}
