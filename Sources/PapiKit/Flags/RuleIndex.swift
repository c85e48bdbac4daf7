/// The rules of a targets file by metric and scope, so that finding the rule for one unit
/// and metric is a few dictionary lookups, not a pass over every rule: 50,000 rules cost
/// the same per unit as five.
struct RuleIndex {
  private struct Key: Hashable {
    let metric: String
    let scope: TargetRule.Scope
  }

  private var rules: [Key: TargetRule] = [:]

  init(_ rules: [TargetRule]) {
    // The targets file refuses two rules with one metric and scope; the first is kept anyway.
    for rule in rules where self.rules[Key(metric: rule.metric, scope: rule.scope)] == nil {
      self.rules[Key(metric: rule.metric, scope: rule.scope)] = rule
    }
  }

  /// The most specific rule for `metric` at a unit: unit over parent over level, a named
  /// metric over `*` (which covers dimensions only).
  func rule(for metric: String, isDimension: Bool, unit: String, parent: String?, level: String) -> TargetRule? {
    var scopes: [TargetRule.Scope] = [.unit(unit)]
    if let parent { scopes.append(.parent(parent)) }
    scopes.append(.level(level))
    for scope in scopes {
      if let rule = rules[Key(metric: metric, scope: scope)] { return rule }
      if isDimension, let rule = rules[Key(metric: "*", scope: scope)] { return rule }
    }
    return nil
  }
}
