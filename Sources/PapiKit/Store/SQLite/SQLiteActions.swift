import Foundation
import GRDB

extension SQLiteStore {
  public func applyPlan(
    wave: String, level: String, actions: [ActionItem], offices: [Office], author: String, units: Set<String>?,
    source: ActionSource
  ) throws(PapiError) -> PlanOutcome {
    let time = timestampNow()
    return try run(L("không lưu được kế hoạch", "cannot store the plan")) {
      try queue.write { db in
        var outcome = PlanOutcome()
        var existing: [String: Bool] = [:]
        for row in try Row.fetchAll(
          db, sql: "SELECT id, flagged, unit_code FROM action WHERE wave = ? AND level = ? AND source = ?",
          arguments: [wave, level, source.rawValue])
        {
          // A run that planned some units only leaves the others' actions as they are.
          if let units, !units.contains(row[2]) { continue }
          existing[row[0]] = row[1]
        }
        var next = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM action") ?? 0) + 1
        let proposed = Set(actions.map(\.id))
        for action in actions {
          if let flagged = existing[action.id] {
            if flagged {
              outcome.unchanged.append(action.id)
            } else {
              try db.execute(sql: "UPDATE action SET flagged = 1 WHERE id = ?", arguments: [action.id])
              try appendEvent(db, ActionEvent(actionID: action.id, time: time, author: author, kind: .flaggedAgain))
              outcome.flaggedAgain.append(action.id)
            }
            continue
          }
          try insert(db, action, seq: next)
          next += 1
          try appendEvent(db, ActionEvent(actionID: action.id, time: time, author: author, kind: .created, to: .open))
          outcome.created.append(action.id)
        }
        for (id, flagged) in existing.sorted(by: { $0.key < $1.key }) where flagged && !proposed.contains(id) {
          try db.execute(sql: "UPDATE action SET flagged = 0 WHERE id = ?", arguments: [id])
          try appendEvent(db, ActionEvent(actionID: id, time: time, author: author, kind: .unflagged))
          outcome.unflagged.append(id)
        }
        for office in offices {
          try db.execute(
            sql: "INSERT OR REPLACE INTO office (name, en, after_2025_vi, after_2025_en) VALUES (?, ?, ?, ?)",
            arguments: [office.name, office.en, office.after2025?.vi, office.after2025?.en])
        }
        return outcome
      }
    }
  }

  public func actions(_ filter: ActionFilter) throws(PapiError) -> [ActionItem] {
    let rows = try run(L("không đọc được sổ theo dõi nhiệm vụ", "cannot read the action register")) {
      try queue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT \(Self.actionColumns) FROM action ORDER BY due, unit_code, metric, task, wave")
      }
    }
    return rows.map(Self.action).filter(filter.admits)
  }

  public func action(id: String) throws(PapiError) -> ActionItem {
    let row = try run(L("không đọc được sổ theo dõi nhiệm vụ", "cannot read the action register")) {
      try queue.read { db in
        try Row.fetchOne(db, sql: "SELECT \(Self.actionColumns) FROM action WHERE id = ?", arguments: [id])
      }
    }
    guard let row else { throw unknownAction(id) }
    return Self.action(row)
  }

  public func updateAction(
    id: String, status: ActionStatus?, note: String?, author: String
  ) throws(PapiError) -> ActionItem {
    let current = try action(id: id)
    if let status, !current.status.canChange(to: status) {
      let allowed = ActionStatus.allCases.filter { current.status.canChange(to: $0) }
      let (now, next) = (current.status, status)
      throw PapiError(
        file: path, value: "\(now.rawValue) → \(next.rawValue)",
        message: next == now
          ? L("nhiệm vụ \(id) đã ở trạng thái \(now.label(.vi)).", "action \(id) is already \(now.rawValue).")
          : L(
            "không thể chuyển nhiệm vụ \(id) từ \(now.label(.vi)) sang \(next.label(.vi)).",
            "action \(id) cannot go from \(now.rawValue) to \(next.rawValue)."),
        fix: L(
          "Từ \(now.label(.vi)) chỉ chuyển được sang: \(allowed.map { $0.label(.vi) }.joined(separator: ", ")).",
          "From \(now.rawValue) it can go to: \(allowed.map(\.rawValue).joined(separator: ", "))."))
    }
    if status == .dropped && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
      throw PapiError(
        file: path, value: id, message: L("hủy một nhiệm vụ cần ghi lý do.", "dropping an action needs a reason."),
        fix: L("Thêm --note \"lý do\".", "Add --note \"the reason\"."))
    }
    let time = timestampNow()
    try run(L("không cập nhật được nhiệm vụ \(id)", "cannot update action \(id)")) {
      try queue.write { db in
        if let status {
          try db.execute(sql: "UPDATE action SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
          try appendEvent(
            db,
            ActionEvent(
              actionID: id, time: time, author: author, kind: .status, from: current.status, to: status, note: note))
        } else {
          try appendEvent(db, ActionEvent(actionID: id, time: time, author: author, kind: .note, note: note))
        }
      }
    }
    return try action(id: id)
  }

  public func history(id: String) throws(PapiError) -> [ActionEvent] {
    _ = try action(id: id)
    return try run(L("không đọc được lịch sử nhiệm vụ", "cannot read the action history")) {
      try queue.read { db in
        try Row.fetchAll(
          db,
          sql:
            "SELECT action_id, at, author, kind, from_status, to_status, note FROM action_event WHERE action_id = ? "
            + "ORDER BY seq",
          arguments: [id]
        ).map { row in
          ActionEvent(
            actionID: row[0], time: row[1], author: row[2], kind: ActionEvent.Kind(rawValue: row[3]) ?? .note,
            from: (row[4] as String?).flatMap(ActionStatus.init(rawValue:)),
            to: (row[5] as String?).flatMap(ActionStatus.init(rawValue:)),
            note: row[6])
        }
      }
    }
  }

  public func offices() throws(PapiError) -> [String: Office] {
    try run(L("không đọc được danh sách cơ quan", "cannot read the offices")) {
      try queue.read { db in
        var offices: [String: Office] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, en, after_2025_vi, after_2025_en FROM office") {
          let vi: String? = row[2]
          let en: String? = row[3]
          offices[row[0]] = Office(name: row[0], en: row[1], after2025: vi.map { L($0, en ?? $0) })
        }
        return offices
      }
    }
  }

  private func unknownAction(_ id: String) -> PapiError {
    let near = (try? actions().map(\.id).filter { $0.hasPrefix(String(id.prefix(4))) }.prefix(5)) ?? []
    return PapiError(
      .notFound, file: path, value: id,
      message: L("không có nhiệm vụ mã \(id) trong sổ theo dõi.", "there is no action \(id) in the register."),
      fix: near.isEmpty
        ? L("Xem mã bằng `papi actions list`.", "See the ids with `papi actions list`.")
        : L(
          "Có phải: \(near.joined(separator: ", "))? Xem `papi actions list`.",
          "Did you mean: \(near.joined(separator: ", "))? See `papi actions list`."))
  }

  private static let actionColumns = """
    source, id, wave, level, unit_code, unit_name, parent_code, metric, metric_vi, metric_en, flag, score, se, low,\
     upp, n, complete,
    target, gap, rule, task, title_vi, title_en, lead, support, due, priority, status, flagged, catalogue, created_at
    """

  private static func action(_ row: Row) -> ActionItem {
    let source = ActionSource(rawValue: row[0]) ?? .survey
    // The columns after `source`, from 0.
    func column<Value: DatabaseValueConvertible>(_ index: Int) -> Value { row[index + 1] }
    func optional<Value: DatabaseValueConvertible>(_ index: Int) -> Value? { row[index + 1] }
    let support: String = column(23)
    let due: String = column(24)
    return ActionItem(
      id: column(0), source: source, wave: column(1), level: column(2), unitCode: column(3), unitName: optional(4),
      parent: optional(5), metric: column(6), metricName: L(column(7), column(8)),
      flag: FlagStatus(rawValue: column(9)) ?? .below,
      baseline: Estimate(
        value: optional(10), se: optional(11), low: optional(12), upp: optional(13), n: column(14),
        complete: column(15)),
      target: optional(16), gap: optional(17), rule: optional(18), task: column(19), title: L(column(20), column(21)),
      lead: column(22), support: support.isEmpty ? [] : support.split(separator: "\u{1F}").map(String.init),
      due: CivilDate(due) ?? CivilDate(dayNumber: 0), priority: TaskPriority(rawValue: column(25)) ?? .medium,
      status: ActionStatus(rawValue: column(26)) ?? .open, flagged: column(27), catalogue: column(28),
      created: column(29))
  }

  private func insert(_ db: Database, _ action: ActionItem, seq: Int) throws {
    let values: [(any DatabaseValueConvertible)?] = [
      action.source.rawValue, action.id, seq, action.wave, action.level, action.unitCode, action.unitName,
      action.parent, action.metric,
      action.metricName.vi,
      action.metricName.en, action.flag.rawValue, action.baseline.value, action.baseline.se, action.baseline.low,
      action.baseline.upp,
      action.baseline.n, action.baseline.complete, action.target, action.gap, action.rule, action.task, action.title.vi,
      action.title.en,
      action.lead, action.support.joined(separator: "\u{1F}"), action.due.description, action.priority.rawValue,
      action.status.rawValue,
      action.flagged, action.catalogue, action.created,
    ]
    try db.execute(
      sql: """
        INSERT INTO action (source, id, seq, wave, level, unit_code, unit_name, parent_code, metric, metric_vi,\
         metric_en, flag, score, se, low,
          upp, n, complete, target, gap, rule, task, title_vi, title_en, lead, support, due, priority, status,\
         flagged, catalogue, created_at)
        VALUES (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))
        """, arguments: StatementArguments(values))
  }

  private func appendEvent(_ db: Database, _ event: ActionEvent) throws {
    try db.execute(
      sql:
        "INSERT INTO action_event (action_id, at, author, kind, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, "
        + "?, ?)",
      arguments: [
        event.actionID, event.time, event.author, event.kind.rawValue, event.from?.rawValue, event.to?.rawValue,
        event.note,
      ])
  }
}
