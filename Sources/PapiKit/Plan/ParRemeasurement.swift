extension Remeasurement {
  /// Each PAR INDEX action measured again in the latest stored year after its own: the
  /// criterion's score then (through `replaces` when the set changed), closed when it
  /// recovered its maximum. Actions of a year with no later year are left out; a unit or
  /// criterion the later year does not score is "not re-measured".
  public static func remeasurePar(
    _ actions: [ActionItem], years repository: any ParRepository
  ) throws(PapiError) -> [String: Remeasurement] {
    let pending = actions.filter { $0.source == .par }
    guard !pending.isEmpty else { return [:] }
    let years = try repository.parYears()
    var scored: [String: (set: ParCriteriaSet, results: [String: ParResult])] = [:]
    var result: [String: Remeasurement] = [:]
    for action in pending {
      guard let year = years.filter({ WaveOrder.before(action.wave, $0) }).max(by: WaveOrder.before) else { continue }
      if scored[year] == nil, let stored = try repository.parYear(year) {
        let rows = Dictionary(
          stored.results.map { ("\($0.unitCode)\u{1F}\($0.criterion)", $0) }, uniquingKeysWith: { first, _ in first })
        scored[year] = (try stored.criteria(), rows)
      }
      guard let later = scored[year] else { continue }
      // The criterion in the later set: the one that says it replaces this code, else the same code.
      let code =
        later.set.leaves.first { $0.replaces[action.wave] == action.metric }?.code
        ?? (later.set.criterion(action.metric) != nil ? action.metric : nil)
      var now = Estimate.null()
      if let code, let row = later.results["\(action.unitCode)\u{1F}\(code)"], row.scored, let score = row.score {
        now = Estimate(value: score, se: nil, low: nil, upp: nil, n: 0, complete: true)
      }
      guard let value = now.value, let maximum = action.target else {
        result[action.id] = Remeasurement(
          wave: year, now: now, target: action.target, outcome: .notMeasured, change: nil, significantChange: nil)
        continue
      }
      result[action.id] = Remeasurement(
        wave: year, now: now, target: maximum, outcome: value >= maximum - 1e-9 ? .closed : .open,
        change: action.baseline.value.map { value - $0 }, significantChange: nil)
    }
    return result
  }
}

extension Remeasurement {
  /// Each action re-measured by what follows it: a survey action in the latest later wave,
  /// a PAR INDEX action in the latest later year.
  public static func remeasure(
    _ actions: [ActionItem], store: any WaveRepository & ParRepository
  ) throws(PapiError) -> [String: Remeasurement] {
    try remeasure(actions, waves: store).merging(try remeasurePar(actions, years: store)) { survey, _ in survey }
  }
}
