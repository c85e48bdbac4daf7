/// What a flag says about one metric of one unit (PRODUCT.md §5).
public enum FlagStatus: String, Sendable, CaseIterable {
  case belowSignificant = "below_significant"
  case declined
  case below
  case insufficient
  /// A rule applies but could not set a target (no previous wave, no published score): the
  /// data of the unit are enough, there is nothing to compare them with.
  case noTarget = "no_target"
  case weakest
  case met

  /// Most serious first.
  var severity: Int { FlagStatus.allCases.firstIndex(of: self) ?? 0 }

  /// Whether the status compares a score with a target (or says why it cannot), rather than
  /// with the previous wave (`declined`) or the other sub-dimensions (`weakest`).
  public var isAssessment: Bool { ![.declined, .weakest].contains(self) }

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.met, .vi): return "đạt"
    case (.met, .en): return "met"
    case (.below, .vi): return "dưới mục tiêu"
    case (.below, .en): return "below target"
    case (.belowSignificant, .vi): return "thấp hơn rõ rệt"
    case (.belowSignificant, .en): return "clearly below"
    case (.insufficient, .vi): return "không đủ dữ liệu"
    case (.insufficient, .en): return "insufficient data"
    case (.noTarget, .vi): return "không có mục tiêu"
    case (.noTarget, .en): return "no target"
    case (.declined, .vi): return "giảm rõ rệt"
    case (.declined, .en): return "declined"
    case (.weakest, .vi): return "yếu nhất"
    case (.weakest, .en): return "weakest"
    }
  }
}

/// One flag: the metric, its status, the score and the target, the gap (score − target; for
/// `rank`, target − rank), whether the score stands on complete data, the rule that set the
/// target, and the improvement tasks linked to it.
public struct UnitFlag: Sendable, Equatable {
  public var metric: String
  public var status: FlagStatus
  public var score: Double?
  public var target: Double?
  public var gap: Double?
  public var complete: Bool?
  public var rule: String?
  public var tasks: [String]
}

/// Scores with their targets, flags and comparison: the commune weakness report.
public struct WeaknessReport: Sendable {
  public var scores: ScoreReport
  public var questionnaire: Questionnaire
  /// The same units in the previous wave, for the change column and `declined`.
  public var previous: ScoreReport?
  public var previousWave: String?
  /// Flags by unit code, most serious first.
  public var flags: [String: [UnitFlag]]
  /// Rank of each unit's total among the units of its level under the same parent.
  public var ranks: [String: Int]
  /// How many units share each unit's parent (the "of" in "rank 3 of 12").
  public var peers: [String: Int]
  /// Published groups (the official PAPI quartile groups) by unit code.
  public var groups: [String: String]
  public var minN: Int
  /// Built from published scores alone: no respondents, so no n, SE or CI.
  public var published: Bool
  /// The stored action items of each unit (this wave's and earlier waves'), when the
  /// report reads the database, and how the earlier ones were re-measured in this wave.
  public var actions: [String: [ActionItem]] = [:]
  public var remeasured: [String: Remeasurement] = [:]
  /// The offices those actions name (English names, successors after 2025).
  public var offices: [String: Office] = [:]
  /// Citizen feedback of the wave by unit and dimension, when the database has some.
  public var feedback: FeedbackSummary?
  /// The unit's lost PAR INDEX criteria that bear on PAPI dimensions, by unit code, when the
  /// database has PAR INDEX results for the same units.
  public var parLinks: [String: [ParPapiLink]] = [:]
  /// Published sets whose scores served as targets for scores computed from a survey: a
  /// different instrument, so "met" against them means little (every output says so).
  public var otherInstrument: [String] = []

  /// The caveat of a `benchmark:` target on survey scores.
  static func otherInstrumentNote(_ set: String, questionnaire: String) -> LocalizedText {
    L(
      "mục tiêu theo điểm công bố `\(set)` so điểm tính từ khảo sát (bảng hỏi \(questionnaire)) với điểm của một công "
        + "cụ khác: hai con số không cùng thang đo, “đạt” hay “chưa đạt” chỉ để tham khảo.",
      "targets from published set `\(set)` compare scores computed from a survey (questionnaire \(questionnaire)) "
        + "with another instrument's: the two are not on one scale, so met or below is indicative only.")
  }

  /// The target flag (met, below, below_significant, insufficient, no_target) of a metric,
  /// if it has one.
  public func assessment(_ code: String, _ metric: String) -> UnitFlag? {
    flags[code]?.first { $0.metric == metric && $0.status.isAssessment }
  }

  /// The previous wave's estimate of a metric of a unit.
  public func previousEstimate(_ code: String, _ metric: String) -> Estimate? {
    previous?.units.first { $0.code == code }.flatMap { MetricIndex.estimate($0, metric) }
  }
}

/// Finds a metric's estimate in a unit's scores.
enum MetricIndex {
  static func estimate(_ unit: UnitScore, _ metric: String) -> Estimate? {
    if metric == "total" { return unit.total }
    for dimension in unit.dimensions {
      if dimension.id == metric { return dimension.score }
      for subdimension in dimension.subdimensions {
        if subdimension.id == metric { return subdimension.score }
        for indicator in subdimension.indicators where indicator.id == metric { return indicator.estimate }
      }
    }
    return nil
  }
}
