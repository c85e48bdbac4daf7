import Foundation

/// Whether the next survey found the gap to target closed.
public enum GapOutcome: String, Sendable {
  /// The score now reaches the target and its 95% CI lies above it.
  case closedSignificant = "closed_significant"
  /// The score reaches the target, but its CI still includes it.
  case closed
  /// The score is still below the target.
  case open
  /// The later wave has no score for this unit and metric.
  case notMeasured = "not_measured"

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.closedSignificant, .vi): return "đã đạt, rõ rệt"
    case (.closedSignificant, .en): return "closed, significant"
    case (.closed, .vi): return "đã đạt, chưa chắc chắn"
    case (.closed, .en): return "closed, not significant"
    case (.open, .vi): return "chưa đạt"
    case (.open, .en): return "still open"
    case (.notMeasured, .vi): return "chưa đo lại được"
    case (.notMeasured, .en): return "not re-measured"
    }
  }
}

/// An action's metric measured again in a later wave: the score then (the action's
/// baseline) and now, with CIs, and whether the gap to the target closed.
public struct Remeasurement: Sendable, Equatable {
  public var wave: String
  public var now: Estimate
  public var target: Double?
  public var outcome: GapOutcome
  /// Now minus then (for `rank`, the number of places gained).
  public var change: Double?
  /// The change exceeds 1.96 × the SE of the difference (nil without SEs, e.g. for rank).
  public var significantChange: Bool?

  static func assess(_ action: ActionItem, now: Estimate, wave: String) -> Remeasurement {
    let then = action.baseline
    guard let value = now.value, let target = action.target else {
      return Remeasurement(
        wave: wave, now: now, target: action.target, outcome: .notMeasured, change: nil, significantChange: nil)
    }
    if action.metric == "rank" {
      // Smaller is better; no sampling error is attached to a rank.
      return Remeasurement(
        wave: wave, now: now, target: target, outcome: value <= target ? .closed : .open,
        change: then.value.map { $0 - value },
        significantChange: nil)
    }
    let outcome: GapOutcome =
      value >= target ? ((now.flagInterval?.low ?? -.infinity) >= target ? .closedSignificant : .closed) : .open
    let change = then.value.map { value - $0 }
    var significant: Bool?
    if let change, let se = now.flagSE, let seThen = then.flagSE {
      significant = abs(change) > now.critical95(against: then) * (se * se + seThen * seThen).squareRoot()
    }
    return Remeasurement(
      wave: wave, now: now, target: target, outcome: outcome, change: change, significantChange: significant)
  }
}

extension Remeasurement {
  /// Each action measured again in the latest stored wave after its own (up to `latest`,
  /// when given), scored from `waves`. Actions whose wave has no later wave are left out.
  /// `known` is a wave already scored by the caller (the report's own), used instead of
  /// scoring it again.
  public static func remeasure(
    _ actions: [ActionItem], waves repository: any WaveRepository, upTo latest: String? = nil, known: ScoreReport? = nil
  ) throws(PapiError) -> [String: Remeasurement] {
    /// A later wave scored at one level: its units by code, and their ranks.
    struct Scored {
      var units: [String: UnitScore]
      var ranks: [String: Int]
      init(_ report: ScoreReport) {
        units = Dictionary(report.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        ranks = FlagEngine.rank(report.units)
      }
    }
    let waves = try repository.waveNames()
    var scored: [String: Scored] = [:]
    if let known, let wave = known.wave { scored["\(wave)\u{1F}\(known.level)"] = Scored(known) }
    var result: [String: Remeasurement] = [:]
    // A PAR INDEX action is re-measured by the next year's results (`remeasurePar`), not by
    // a survey wave: no wave is read for it.
    for action in actions where action.source == .survey {
      let later = waves.filter { wave in
        WaveOrder.before(action.wave, wave) && (latest.map { !WaveOrder.before($0, wave) } ?? true)
      }
      guard let wave = later.max(by: WaveOrder.before) else { continue }
      let key = "\(wave)\u{1F}\(action.level)"
      if scored[key] == nil {
        let (questionnaire, table) = try repository.wave(wave)
        guard let level = UnitLevels.names(for: questionnaire.respondent).firstIndex(of: action.level) else { continue }
        scored[key] = Scored(Scorer(questionnaire: questionnaire).score(table, level: level, wave: wave))
      }
      guard let later = scored[key] else { continue }
      var now = Estimate.null()
      if let unit = later.units[action.unitCode] {
        if action.metric == "rank" {
          if let rank = later.ranks[unit.code] {
            now = Estimate(
              value: Double(rank), se: nil, low: nil, upp: nil, n: unit.total.n, complete: unit.total.complete)
          }
        } else if let estimate = MetricIndex.estimate(unit, action.metric) {
          now = estimate
        }
      }
      result[action.id] = assess(action, now: now, wave: wave)
    }
    return result
  }
}

/// Waves are ordered by name, numbers by value ("2023" < "2024", "wave 9" < "wave 10").
public enum WaveOrder {
  public static func before(_ a: String, _ b: String) -> Bool { a.compare(b, options: .numeric) == .orderedAscending }
}
