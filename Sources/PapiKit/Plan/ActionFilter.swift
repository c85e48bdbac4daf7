/// Which actions `papi actions list` shows.
public struct ActionFilter: Sendable {
  public var statuses: [ActionStatus] = []
  /// Only actions due before this day and not finished.
  public var overdueOn: CivilDate?
  public var unit: String?
  /// An office that leads or supports the action (accents and case do not matter).
  public var agency: String?
  public var wave: String?
  public var level: String?

  public init() {}

  func admits(_ action: ActionItem) -> Bool {
    if !statuses.isEmpty && !statuses.contains(action.status) { return false }
    if let overdueOn, !action.isOverdue(on: overdueOn) { return false }
    if let unit, action.unitCode != unit { return false }
    if let wave, action.wave != wave { return false }
    if let level, action.level != level { return false }
    if let agency, action.role(of: agency) == nil { return false }
    return true
  }
}

extension ActionItem {
  /// Whether an office leads or supports an action.
  public enum Role: Sendable { case lead, support }

  /// Whether `office` leads or supports this action; names are compared without accents,
  /// case or extra spaces, and a part of a name is enough ("tư pháp").
  public func role(of office: String) -> Role? {
    let wanted = foldedUnitName(office)
    guard !wanted.isEmpty else { return nil }
    if foldedUnitName(lead).contains(wanted) { return .lead }
    if support.contains(where: { foldedUnitName($0).contains(wanted) }) { return .support }
    return nil
  }
}

/// What one `papi plan` run changed in the register.
public struct PlanOutcome: Sendable {
  public var created: [String] = []
  public var unchanged: [String] = []
  /// Actions of the wave whose flag this run no longer finds.
  public var unflagged: [String] = []
  /// Actions that were no longer flagged and are flagged again.
  public var flaggedAgain: [String] = []
}
