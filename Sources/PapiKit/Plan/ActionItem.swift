import Crypto
import Foundation

/// Where an action stands. Changes go through `canChange(to:)`: an action is worked on,
/// finished or dropped; a finished one can be reopened, a dropped one reinstated.
public enum ActionStatus: String, Sendable, CaseIterable {
  case open
  case inProgress = "in_progress"
  case done
  case dropped

  public func canChange(to next: ActionStatus) -> Bool {
    switch (self, next) {
    case (.open, .inProgress), (.open, .done), (.open, .dropped): return true
    case (.inProgress, .open), (.inProgress, .done), (.inProgress, .dropped): return true
    case (.done, .inProgress): return true
    case (.dropped, .open): return true
    default: return false
    }
  }

  /// Parses a status as an officer types it: its code (`in_progress`) or its name in
  /// Vietnamese or English, with or without diacritics ("xong", "đang làm", "dừng", "hủy").
  public init?(typed text: String) {
    let key = foldedUnitName(text).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
    let names: [String: ActionStatus] = [
      "open": .open, "chua thuc hien": .open, "chua lam": .open, "mo": .open, "mo lai": .open,
      "in progress": .inProgress, "inprogress": .inProgress, "dang thuc hien": .inProgress, "dang lam": .inProgress,
      "done": .done, "xong": .done, "da xong": .done, "hoan thanh": .done, "da hoan thanh": .done,
      "dropped": .dropped, "huy": .dropped, "da huy": .dropped, "bo": .dropped, "huy bo": .dropped, "dung": .dropped,
      "da dung": .dropped, "dung thuc hien": .dropped,
    ]
    guard let status = names[key] else { return nil }
    self = status
  }

  /// Still work to do.
  public var isActive: Bool { self == .open || self == .inProgress }

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.open, .vi): return "chưa thực hiện"
    case (.inProgress, .vi): return "đang thực hiện"
    case (.done, .vi): return "đã hoàn thành"
    case (.dropped, .vi): return "đã hủy"
    case (.open, .en): return "open"
    case (.inProgress, .en): return "in progress"
    case (.done, .en): return "done"
    case (.dropped, .en): return "dropped"
    }
  }
}

/// Where an action comes from: a flag of a survey wave (PAPI, SIPAS), or a criterion that
/// lost points in a year of PAR INDEX results.
public enum ActionSource: String, Sendable, Equatable {
  case survey, par
}

/// One action item: a task of the catalogue applied to one flagged metric of one unit in
/// one wave (or one lost PAR INDEX criterion of one unit in one year), with what the flag
/// said when it was planned (the baseline the next wave or year is compared with).
public struct ActionItem: Sendable, Equatable {
  public var id: String
  /// For a PAR INDEX action, `wave` is the year, `level` is `par` and `metric` is the
  /// criterion's code.
  public var source: ActionSource = .survey
  public var wave: String
  public var level: String
  public var unitCode: String
  public var unitName: String?
  public var parent: String?
  public var metric: String
  public var metricName: LocalizedText
  /// The flag that caused the action: below, below_significant or declined.
  public var flag: FlagStatus
  /// The metric's estimate when planned.
  public var baseline: Estimate
  public var target: Double?
  public var gap: Double?
  public var rule: String?
  public var task: String
  public var title: LocalizedText
  public var lead: String
  public var support: [String]
  public var due: CivilDate
  public var priority: TaskPriority
  public var status: ActionStatus
  /// False once a later plan run of the same wave no longer finds the flag.
  public var flagged: Bool
  public var catalogue: String
  public var created: String

  /// The stable id: the same wave, unit, metric and task always give the same id, so
  /// running a plan twice creates nothing new.
  public static func id(wave: String, level: String, unit: String, metric: String, task: String) -> String {
    let key = [wave, level, unit, metric, task].joined(separator: "\u{1F}")
    return hexadecimal(SHA256.hash(data: Data(key.utf8))).prefix(10).description
  }

  /// Due before `today` and not finished.
  public func isOverdue(on today: CivilDate) -> Bool { status.isActive && due < today }

  /// The dimension the metric belongs to (`d2` for `d2.2.a`; `total` and `rank` stand alone).
  public var dimension: String { String(metric.split(separator: ".").first ?? Substring(metric)) }
}

/// One entry of an action's history. The history is append-only: the database refuses to
/// change or delete an entry.
public struct ActionEvent: Sendable, Equatable {
  /// What an entry of the history records.
  public enum Kind: String, Sendable {
    case created, status, note, unflagged
    case flaggedAgain = "flagged_again"
  }

  public var actionID: String
  public var time: String
  public var author: String
  public var kind: Kind
  public var from: ActionStatus? = nil
  public var to: ActionStatus? = nil
  public var note: String? = nil
}
