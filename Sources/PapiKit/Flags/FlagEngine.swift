/// Sets targets from the rules and flags every unit (PRODUCT.md §5).
enum FlagEngine {
  static func evaluate(
    scores: ScoreReport, previous: ScoreReport?, previousWave: String?, targets: TargetSet,
    questionnaire: Questionnaire,
    published: [String: [String: PublishedUnit]], groups: [String: String], isPublished: Bool
  ) -> WeaknessReport {
    let minN = targets.minN
    let units = scores.units
    let previousUnits = Dictionary(previous?.units.map { ($0.code, $0) } ?? [], uniquingKeysWith: { first, _ in first })
    let ranks = rank(units)
    let dimensionIDs = Set(questionnaire.dimensions.map(\.id))
    // Metrics in a fixed order: total, rank, then the questionnaire's.
    var order = ["total", "rank"]
    for dimension in questionnaire.dimensions {
      order.append(dimension.id)
      for subdimension in dimension.subdimensions {
        order.append(subdimension.id)
        order += subdimension.indicators.map(\.id)
      }
    }
    let named = Set(targets.rules.map(\.metric))
    let evaluated = order.filter { named.contains($0) || (named.contains("*") && dimensionIDs.contains($0)) }
    let index = RuleIndex(targets.rules)
    let byParent = Dictionary(grouping: units, by: \.parent)
    // Peer means: per metric and parent, the mean of the units' scores, each computed once.
    var peerMeans: [String: [String?: Double?]] = [:]
    func peerMean(_ metric: String, parent: String?) -> Double? {
      if let known = peerMeans[metric]?[parent] { return known }
      let values = (byParent[parent] ?? []).compactMap { MetricIndex.estimate($0, metric)?.value }
      let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
      peerMeans[metric, default: [:]][parent] = .some(mean)
      return mean
    }
    func enough(_ estimate: Estimate?) -> Bool { isPublished || (estimate?.n ?? 0) >= minN }

    var flags: [String: [UnitFlag]] = [:]
    for unit in units {
      var list: [UnitFlag] = []
      for metric in evaluated {
        guard
          let rule = index.rule(
            for: metric, isDimension: dimensionIDs.contains(metric), unit: unit.code, parent: unit.parent,
            level: scores.level)
        else { continue }
        if metric == "rank" {
          guard case .top(let top) = rule.kind else { continue }
          let position = ranks[unit.code]
          let status: FlagStatus =
            position == nil || !enough(unit.total) ? .insufficient : (position! <= top ? .met : .below)
          list.append(
            UnitFlag(
              metric: "rank", status: status, score: position.map(Double.init), target: Double(top),
              gap: position.map { Double(top - $0) }, complete: unit.total.complete, rule: rule.label, tasks: []))
          continue
        }
        let estimate = MetricIndex.estimate(unit, metric)
        let target: Double?
        switch rule.kind {
        case .target(let value): target = value
        case .previous(let delta):
          target = previousUnits[unit.code].flatMap { MetricIndex.estimate($0, metric)?.value }.map { $0 + delta }
        case .peerMean(let delta): target = peerMean(metric, parent: unit.parent).map { $0 + delta }
        case .benchmark(let name): target = published[name]?[unit.code]?.scores[metric]
        case .top: target = nil
        }
        let score = estimate?.value
        let status: FlagStatus
        if let score, let target, enough(estimate) {
          if score >= target {
            status = .met
          } else if let upp = estimate?.flagInterval?.upp, upp < target {
            status = .belowSignificant
          } else {
            status = .below
          }
        } else if score == nil || !enough(estimate) {
          status = .insufficient
        } else {
          // The data are enough; the rule found nothing to set the target from.
          status = .noTarget
        }
        list.append(
          UnitFlag(
            metric: metric, status: status, score: score, target: target,
            gap: score.flatMap { s in target.map { s - $0 } },
            complete: estimate?.complete, rule: rule.label, tasks: []))
      }
      // Declined: a drop larger than 1.96 × the SE of the difference (Student's t with the
      // smaller df under a sample design).
      if let before = previousUnits[unit.code] {
        for metric in order where metric == "total" || MetricIndex.isComposite(metric, questionnaire) {
          guard let now = MetricIndex.estimate(unit, metric), let then = MetricIndex.estimate(before, metric),
            let value = now.value, let earlier = then.value, let se = now.flagSE, let seBefore = then.flagSE,
            now.n >= minN, then.n >= minN
          else { continue }
          if earlier - value > now.critical95(against: then) * (se * se + seBefore * seBefore).squareRoot() {
            list.append(
              UnitFlag(
                metric: metric, status: .declined, score: value, target: earlier, gap: value - earlier,
                complete: now.complete,
                rule: previousWave, tasks: []))
          }
        }
      }
      // Weakest: per dimension, the sub-dimension lowest relative to its maximum.
      if isPublished || unit.total.n >= minN {
        for (dimension, scored) in zip(questionnaire.dimensions, unit.dimensions) where scored.subdimensions.count > 1 {
          let maximum = questionnaire.scheme.subdimensionMaximum(of: scored.subdimensions.count)
          let candidates = scored.subdimensions.compactMap { sub in sub.score.value.map { (sub, $0 / maximum) } }
          guard let weakest = candidates.min(by: { $0.1 < $1.1 }) else { continue }
          list.append(
            UnitFlag(
              metric: weakest.0.id, status: .weakest, score: weakest.0.score.value, target: nil, gap: nil,
              complete: weakest.0.score.complete, rule: dimension.id, tasks: []))
        }
      }
      let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      list.sort { ($0.status.severity, position[$0.metric] ?? 0) < ($1.status.severity, position[$1.metric] ?? 0) }
      flags[unit.code] = list
    }
    let scoredPeers = byParent.mapValues { members in members.filter { $0.total.value != nil }.count }
    return WeaknessReport(
      scores: scores, questionnaire: questionnaire, previous: previous, previousWave: previousWave, flags: flags,
      ranks: ranks,
      peers: Dictionary(
        units.map { unit in (unit.code, scoredPeers[unit.parent] ?? 0) },
        uniquingKeysWith: { first, _ in first }),
      groups: groups, minN: minN, published: isPublished)
  }

  /// Rank 1 is the best total among the units of the level under the same parent; equal
  /// totals share a rank. Units without a total have none.
  static func rank(_ units: [UnitScore]) -> [String: Int] {
    var ranks: [String: Int] = [:]
    let byParent = Dictionary(grouping: units.filter { $0.total.value != nil }, by: { $0.parent ?? "" })
    for (_, members) in byParent {
      let sorted = members.sorted { ($0.total.value ?? 0) > ($1.total.value ?? 0) }
      for unit in sorted {
        ranks[unit.code] = 1 + sorted.filter { ($0.total.value ?? 0) > (unit.total.value ?? 0) }.count
      }
    }
    return ranks
  }
}

extension MetricIndex {
  /// Dimensions and sub-dimensions (the composites `declined` looks at besides the total).
  static func isComposite(_ metric: String, _ questionnaire: Questionnaire) -> Bool {
    questionnaire.dimensions.contains { $0.id == metric || $0.subdimensions.contains { $0.id == metric } }
  }
}
