/// The action register: action items with their append-only history, and the offices
/// plans name.
public protocol ActionRepository: Repository {
  /// Stores a plan run's proposed actions in one transaction: new ones are created (with a
  /// `created` history entry), existing ones are left as they are, and actions of the same
  /// wave (or PAR INDEX year), level and source that the run no longer proposes are marked
  /// as no longer flagged (only those of `units`, when a run planned some units only).
  func applyPlan(
    wave: String, level: String, actions: [ActionItem], offices: [Office], author: String, units: Set<String>?,
    source: ActionSource
  ) throws(PapiError) -> PlanOutcome
  /// The actions that pass `filter`, what is due first first (then by unit, metric, task).
  func actions(_ filter: ActionFilter) throws(PapiError) -> [ActionItem]
  /// One action; an unknown id is an error that says how to find the right one.
  func action(id: String) throws(PapiError) -> ActionItem
  /// Changes an action's status and/or adds a note, appending the change to its history.
  func updateAction(id: String, status: ActionStatus?, note: String?, author: String) throws(PapiError) -> ActionItem
  /// Every change of an action, oldest first.
  func history(id: String) throws(PapiError) -> [ActionEvent]
  /// The offices plans have named, by name.
  func offices() throws(PapiError) -> [String: Office]
}

extension ActionRepository {
  /// Stores a plan run of every unit of the wave and level.
  public func applyPlan(
    wave: String, level: String, actions: [ActionItem], offices: [Office], author: String
  ) throws(PapiError) -> PlanOutcome {
    try applyPlan(wave: wave, level: level, actions: actions, offices: offices, author: author, units: nil)
  }

  /// Stores a survey wave's plan run (of `units` only, when not nil).
  public func applyPlan(
    wave: String, level: String, actions: [ActionItem], offices: [Office], author: String, units: Set<String>?
  ) throws(PapiError) -> PlanOutcome {
    try applyPlan(
      wave: wave, level: level, actions: actions, offices: offices, author: author, units: units, source: .survey)
  }

  /// Every action.
  public func actions() throws(PapiError) -> [ActionItem] { try actions(ActionFilter()) }
}
