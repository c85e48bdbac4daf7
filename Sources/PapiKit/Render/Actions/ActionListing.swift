/// The actions to list, with their re-measurement, the offices they name and the day
/// overdue is judged on.
public struct ActionListing: Sendable {
  public var actions: [ActionItem]
  public var remeasured: [String: Remeasurement]
  public var offices: [String: Office]
  public var today: CivilDate
  public var title: String?

  public init(
    actions: [ActionItem], remeasured: [String: Remeasurement], offices: [String: Office], today: CivilDate,
    title: String? = nil
  ) {
    self.actions = actions
    self.remeasured = remeasured
    self.offices = offices
    self.today = today
    self.title = title
  }

  /// "12 nhiệm vụ, 3 đã hoàn thành, 2 quá hạn tính đến ngày 28/02/2025."
  func summary(_ language: Language) -> String {
    let listing = self
    let overdue = listing.actions.filter { $0.isOverdue(on: listing.today) }.count
    let done = listing.actions.filter { $0.status == .done }.count
    return language == .vi
      ? "\(listing.actions.count) nhiệm vụ, \(done) đã hoàn thành, \(overdue) quá hạn tính đến ngày "
        + "\(listing.today.vietnamese)."
      : "\(listing.actions.count) actions, \(done) done, \(overdue) overdue as of \(listing.today)."
  }
}
