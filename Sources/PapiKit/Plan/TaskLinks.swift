extension WeaknessReport {
  /// Links every flag that calls for action to the catalogue's tasks for its metric.
  public mutating func linkTasks(_ catalogue: TaskCatalogue) {
    for unit in scores.units {
      flags[unit.code] = flags[unit.code]?.map { flag in
        var flag = flag
        if PlanBuilder.actionable.contains(flag.status) {
          flag.tasks = PlanBuilder.tasks(for: flag.metric, of: unit, catalogue, scheme: questionnaire.scheme).map(\.id)
        }
        return flag
      }
    }
  }
}
