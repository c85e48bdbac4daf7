import Foundation

/// Which bodies a plan names: those of the documents it follows before 1 July 2025, and the
/// current holders of their duties from then on, at the issuer's level.
public struct OfficeHolders: Sendable {
  public var level: IssuerProfile.Level
  /// A ward's People's Committee (its economic office has another name).
  public var ward: Bool
  public var offices: [String: Office]

  /// The day the two-tier local government began.
  public static let reorganisation = CivilDate(known: 2025, 7, 1)

  /// The holders for a plan dated `date`; nil before 1 July 2025.
  public init?(date: CivilDate, level: IssuerProfile.Level, ward: Bool, offices: [Office]) {
    guard date >= Self.reorganisation else { return nil }
    self.level = level
    self.ward = ward
    // An office is found by its name, or by another spelling the catalogue knows (`also:`).
    var byName = Dictionary(offices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for office in offices {
      for other in office.also where byName[other] == nil { byName[other] = office }
    }
    self.offices = byName
  }

  /// The bodies that hold `office`'s duties now (itself when it still exists).
  public func holders(of office: String) -> [String] {
    guard let found = offices[office] else { return [office] }
    // Another spelling of a catalogue office is named as the catalogue names it.
    guard let successors = found.successors else { return [found.name] }
    switch level {
    case .commune: return (ward ? successors.ward : nil) ?? successors.commune
    case .province: return successors.province
    }
  }

  /// A task's lead and support as they stand now: the lead's first holder leads, its other
  /// holders and the support's holders support; each office once.
  public func assign(lead: String, support: [String]) -> (lead: String, support: [String]) {
    let leads = holders(of: lead)
    let newLead = leads.first ?? lead
    var seen: Set<String> = [newLead]
    var newSupport: [String] = []
    for office in leads.dropFirst() + support.flatMap(holders) where seen.insert(office).inserted {
      newSupport.append(office)
    }
    return (newLead, newSupport)
  }
}

extension OfficeHolders {
  /// A task as it reads in a plan dated now: its title since 1 July 2025 (nil when the
  /// task was dropped then), its deadline written in, and the current bodies.
  func current(
    _ task: RemediationTask, due: CivilDate, lead: String, support: [String]
  ) -> (title: LocalizedText, lead: String, support: [String])? {
    var title = task.title
    switch task.since2025 {
    case .none?: return nil
    case .title(let now)?: title = now
    case nil: break
    }
    let (lead, support) = assign(lead: lead, support: support)
    return (RemediationTask.written(title, due: due), lead, support)
  }

}

extension TaskCatalogue {
  /// A stored action as a plan names it: its task's title in the catalogue with the deadline
  /// written in, and, for a plan dated on or after 1 July 2025 (`holders`), the task's
  /// current title and the current bodies; nil when its task was dropped since then.
  func named(_ action: ActionItem, holders: OfficeHolders?) -> ActionItem? {
    var named = action
    guard let task = tasks.first(where: { $0.id == action.task }) else {
      if let holders { (named.lead, named.support) = holders.assign(lead: action.lead, support: action.support) }
      return named
    }
    named.title = RemediationTask.written(task.title, due: action.due)
    guard let holders else { return named }
    guard let now = holders.current(task, due: action.due, lead: action.lead, support: action.support) else {
      return nil
    }
    (named.title, named.lead, named.support) = now
    return named
  }
}

extension RemediationTask {
  /// A title with its deadline (`{due}`) written as the date.
  static func written(_ title: LocalizedText, due: CivilDate) -> LocalizedText {
    LocalizedText(
      vi: title.vi.replacingOccurrences(of: "{due}", with: due.vietnamese),
      en: title.en.replacingOccurrences(of: "{due}", with: due.description))
  }
}
