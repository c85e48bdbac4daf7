import Foundation

/// Turns the flags of a weakness report into action items: for each flag `below`,
/// `below_significant` or `declined`, the catalogue's tasks for its metric (PRODUCT.md §2,
/// §3.4).
public enum PlanBuilder {
  /// The flags that call for action.
  public static let actionable: Set<FlagStatus> = [.below, .belowSignificant, .declined]
  /// Those whose interval leaves no doubt: clearly below target, or declined (`--only significant`).
  public static let significant: Set<FlagStatus> = [.belowSignificant, .declined]

  /// The actions a plan run proposes, and the flagged metrics no task covers.
  public struct Proposal: Sendable {
    public var actions: [ActionItem]
    /// Flagged metrics the catalogue has no task for: (unit, metric).
    public var uncovered: [(unit: String, metric: String)]
  }

  /// `holders`: the bodies to name for a plan dated on or after 1 July 2025 (nil before:
  /// the catalogue's own); `units`: only these units (a commune's own plan).
  public static func propose(
    _ report: WeaknessReport, catalogue: TaskCatalogue, wave: String, start: CivilDate, created: String,
    holders: OfficeHolders? = nil, units: Set<String>? = nil, statuses: Set<FlagStatus> = actionable
  ) throws(PapiError) -> Proposal {
    let names = metricNames(report.questionnaire)
    var actions: [ActionItem] = []
    var seen: Set<String> = []
    var uncovered: [(unit: String, metric: String)] = []
    for unit in report.scores.units where units?.contains(unit.code) ?? true {
      // Flags come most serious first, so a metric both below target and declined keeps
      // the more serious one.
      for flag in report.flags[unit.code] ?? [] where statuses.contains(flag.status) {
        let tasks = Self.tasks(for: flag.metric, of: unit, catalogue, scheme: report.questionnaire.scheme)
        if tasks.isEmpty {
          if !uncovered.contains(where: { $0.unit == unit.code && $0.metric == flag.metric }) {
            uncovered.append((unit.code, flag.metric))
          }
          continue
        }
        let estimate = flag.metric == "rank" ? nil : MetricIndex.estimate(unit, flag.metric)
        for task in tasks {
          let id = ActionItem.id(
            wave: wave, level: report.scores.level, unit: unit.code, metric: flag.metric, task: task.id)
          guard seen.insert(id).inserted else { continue }
          let due = try task.due.date(from: start, calendar: catalogue.calendar, catalogue: catalogue.source)
          var (title, lead, support) = (RemediationTask.written(task.title, due: due), task.lead, task.support)
          if let holders {
            // Since 1 July 2025: the task as it reads now (or none), and the current bodies.
            guard let now = holders.current(task, due: due, lead: lead, support: support) else { continue }
            (title, lead, support) = now
          }
          actions.append(
            ActionItem(
              id: id, wave: wave, level: report.scores.level, unitCode: unit.code, unitName: unit.name,
              parent: unit.parent,
              metric: flag.metric, metricName: names[flag.metric] ?? L(flag.metric, flag.metric), flag: flag.status,
              baseline: estimate
                ?? Estimate(
                  value: flag.score, se: nil, low: nil, upp: nil, n: unit.total.n, complete: unit.total.complete),
              target: flag.target, gap: flag.gap, rule: flag.rule, task: task.id, title: title, lead: lead,
              support: support, due: due, priority: task.priority, status: .open, flagged: true,
              catalogue: catalogue.source, created: created))
        }
      }
    }
    return Proposal(actions: actions, uncovered: uncovered)
  }

  /// The catalogue's tasks for a unit's flagged metric. A dimension with no task of its own
  /// takes the tasks of its sub-dimensions, weakest first (lowest score relative to its
  /// maximum): the first one that has tasks, as the district reports trace a lost dimension
  /// to the sub-criteria that lost the points.
  static func tasks(
    for metric: String, of unit: UnitScore, _ catalogue: TaskCatalogue, scheme: ScoringScheme
  ) -> [RemediationTask] {
    let own = catalogue.tasks(for: metric)
    guard own.isEmpty, let dimension = unit.dimensions.first(where: { $0.id == metric }) else { return own }
    let maximum = scheme.subdimensionMaximum(of: max(dimension.subdimensions.count, 1))
    let weakestFirst = dimension.subdimensions.compactMap { sub in sub.score.value.map { (sub.id, $0 / maximum) } }
      .enumerated().sorted { ($0.1.1, $0.0) < ($1.1.1, $1.0) }.map(\.1.0)
    for subdimension in weakestFirst {
      let tasks = catalogue.tasks(for: subdimension)
      if !tasks.isEmpty { return tasks }
    }
    return []
  }

  /// "d2.2 Công khai danh sách hộ nghèo" for every metric of the questionnaire.
  static func metricNames(_ questionnaire: Questionnaire) -> [String: LocalizedText] {
    var names: [String: LocalizedText] = [
      "total": L("Tổng điểm", "Total score"), "rank": L("Thứ hạng", "Rank"),
    ]
    for dimension in questionnaire.dimensions {
      names[dimension.id] = dimension.name
      for subdimension in dimension.subdimensions {
        names[subdimension.id] = subdimension.name
        for indicator in subdimension.indicators {
          names[indicator.id] = indicator.text ?? L(indicator.id, indicator.id)
        }
      }
    }
    return names
  }
}
