/// Turns the lost criteria of a PAR INDEX year into action items (PRODUCT.md §8.4 `par
/// plan`): for each unit and lost criterion, the catalogue's PAR tasks for it (the
/// criterion's, else its parent's, else its field's); the lead is the office responsible
/// for most of the lost points (the task's own lead when the results name none), the other
/// offices named support; deadlines count from `start`; since 1 July 2025 every office is
/// named by the body that holds its duties now.
struct ParPlanBuilder {
  let set: ParCriteriaSet
  let year: String
  let catalogue: TaskCatalogue
  let start: CivilDate
  let created: String
  let holders: OfficeHolders?

  /// The level PAR actions are stored at (their `wave` is the year).
  static let level = "par"

  /// The actions, and the lost criteria no task covers.
  func actions(_ units: [ParUnitScore]) throws(PapiError) -> (actions: [ActionItem], uncovered: [String]) {
    var actions: [ActionItem] = []
    var uncovered: [String] = []
    for unit in units {
      for loss in unit.lost {
        let tasks = catalogue.parTasks(for: loss.criterion, set: set.id)
        if tasks.isEmpty { uncovered.append("\(unit.code) \(loss.criterion)") }
        // Offices by their share of the lost points, most first (the order named on a tie).
        // Another spelling of a catalogue office is named as the catalogue names it, once.
        var named: [String] = []
        for office in loss.offices.enumerated().sorted(by: {
          ($1.element.lost, $0.offset) < ($0.element.lost, $1.offset)
        }) {
          let name = catalogue.office(office.element.office.name)?.name ?? office.element.office.name
          if !named.contains(name) { named.append(name) }
        }
        for task in tasks {
          let due = try task.due.date(from: start, calendar: catalogue.calendar, catalogue: catalogue.source)
          var lead = named.first ?? task.lead
          var support: [String] = []
          for office in named.dropFirst() + task.support where office != lead && !support.contains(office) {
            support.append(office)
          }
          var title = RemediationTask.written(task.title, due: due)
          if let holders {
            guard let now = holders.current(task, due: due, lead: lead, support: support) else { continue }
            (title, lead, support) = now
          }
          actions.append(
            ActionItem(
              id: ActionItem.id(wave: year, level: Self.level, unit: unit.code, metric: loss.criterion, task: task.id),
              source: .par, wave: year, level: Self.level, unitCode: unit.code, unitName: unit.name,
              parent: unit.parent, metric: loss.criterion,
              metricName: set.criterion(loss.criterion)?.name ?? L(loss.criterion, loss.criterion), flag: .below,
              baseline: Estimate(value: loss.score, se: nil, low: nil, upp: nil, n: 0, complete: true),
              target: loss.maximum, gap: loss.score - loss.maximum, rule: "par", task: task.id, title: title,
              lead: lead, support: support, due: due, priority: task.priority, status: .open, flagged: true,
              catalogue: catalogue.source, created: created))
        }
      }
    }
    return (actions, uncovered)
  }
}
