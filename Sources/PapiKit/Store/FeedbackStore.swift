import Foundation
import GRDB

/// Feedback items read from one file, to be stored with a wave.
public struct FeedbackBatch: Sendable {
  public enum Source: String, Sendable {
    /// A questionnaire's free-text columns in a survey export.
    case survey
    /// A standalone feedback export (petitions, hotline, portal).
    case export
  }

  public var file: String
  public var sha256: String
  public var rowsRead: Int
  public var source: Source
  public var items: [FeedbackItem]
  /// Survey: the respondents the file holds, so that `--replace` also withdraws a comment
  /// a corrected export no longer has.
  public var respondents: [String] = []
}

/// What storing feedback changed, per file.
public struct FeedbackCounts: Sendable, Equatable {
  public var file: String
  public var imported = 0
  public var replaced = 0
  public var unchanged = 0
  /// Survey comments withdrawn by `--replace` (the corrected export has none there).
  public var removed = 0
}

/// A stored feedback item with where it came from.
public struct StoredFeedback: Sendable {
  public var item: FeedbackItem
  public var source: FeedbackBatch.Source
  public var file: String
}

extension Store {
  /// `papi feedback import`: stores the items of `batches` with `wave`, all or none. An id
  /// already stored with the same content is left alone; with different content it is a
  /// conflict, unless `replace`.
  public func importFeedback(_ batches: [FeedbackBatch], wave: String, replace: Bool) throws(PapiError) -> [FeedbackCounts] {
    var result: ([FeedbackCounts], [FeedbackConflict]) = ([], [])
    try run(L("không ghi được ý kiến của đợt \(wave)", "cannot store the feedback of wave \(wave)")) {
      try queue.inTransaction { db in
        result = try writeFeedback(db, batches, wave: wave, replace: replace, log: true)
        return result.1.isEmpty ? .commit : .rollback
      }
    }
    if !result.1.isEmpty { throw feedbackConflictError(result.1, wave: wave) }
    return result.0
  }

  struct FeedbackConflict {
    var id: String
    var file: String
    var line: Int
  }

  /// Writes the items inside the caller's transaction; returns the counts and the
  /// conflicts (the caller rolls back when there are any).
  func writeFeedback(
    _ db: Database, _ batches: [FeedbackBatch], wave: String, replace: Bool, log: Bool
  ) throws -> ([FeedbackCounts], [FeedbackConflict]) {
    var seq = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq) + 1, 0) FROM feedback WHERE wave = ?", arguments: [wave]) ?? 0
    let find = try db.makeStatement(sql: "SELECT unit_code, date, channel, status, text FROM feedback WHERE wave = ? AND id = ?")
    let insert = try db.makeStatement(
      sql: "INSERT INTO feedback (wave, id, seq, source, file, line, unit_code, date, channel, status, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    let update = try db.makeStatement(
      sql: "UPDATE feedback SET source = ?, file = ?, line = ?, unit_code = ?, date = ?, channel = ?, status = ?, text = ? WHERE wave = ? AND id = ?")
    var counts: [FeedbackCounts] = []
    var conflicts: [FeedbackConflict] = []
    for batch in batches {
      var count = FeedbackCounts(file: batch.file)
      if replace && batch.source == .survey {
        count.removed = try withdrawComments(db, batch, wave: wave)
      }
      for item in batch.items {
        if let stored = try Row.fetchOne(find, arguments: [wave, item.id]) {
          let same =
            (stored[0] as String) == item.unit && (stored[1] as String?) == item.date && (stored[2] as String?) == item.channel
            && (stored[3] as String?) == item.status && (stored[4] as String) == item.text
          if same {
            count.unchanged += 1
          } else if replace {
            try update.execute(
              arguments: [batch.source.rawValue, batch.file, item.line, item.unit, item.date, item.channel, item.status, item.text, wave, item.id])
            count.replaced += 1
          } else {
            conflicts.append(FeedbackConflict(id: item.id, file: batch.file, line: item.line))
          }
          continue
        }
        try insert.execute(
          arguments: [wave, item.id, seq, batch.source.rawValue, batch.file, item.line, item.unit, item.date, item.channel, item.status, item.text])
        seq += 1
        count.imported += 1
      }
      if log {
        try db.execute(
          sql: """
            INSERT INTO feedback_import (wave, file, sha256, rows_read, items_imported, items_replaced, items_unchanged, imported_at, tool_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [wave, batch.file, batch.sha256, batch.rowsRead, count.imported, count.replaced, count.unchanged, Store.now(), PapiVersion.current])
      }
      counts.append(count)
    }
    return (counts, conflicts)
  }

  /// Deletes the stored comments of the batch's respondents that the batch no longer has.
  private func withdrawComments(_ db: Database, _ batch: FeedbackBatch, wave: String) throws -> Int {
    let kept = Set(batch.items.map(\.id))
    // A respondent's comment ids are "respondent#column": between "respondent#" and
    // "respondent$" ("$" follows "#").
    let find = try db.makeStatement(sql: "SELECT id FROM feedback WHERE wave = ? AND source = 'survey' AND id > ? AND id < ?")
    let delete = try db.makeStatement(sql: "DELETE FROM feedback WHERE wave = ? AND id = ?")
    var removed = 0
    for respondent in batch.respondents {
      for id in try String.fetchAll(find, arguments: [wave, respondent + "#", respondent + "$"]) where !kept.contains(id) {
        try delete.execute(arguments: [wave, id])
        removed += 1
      }
    }
    return removed
  }

  func feedbackConflictError(_ conflicts: [FeedbackConflict], wave: String) -> PapiError {
    let listed = conflicts.prefix(20).map { "\($0.id) (\($0.file), dòng/line \($0.line))" }
    return PapiError(
      file: path, value: listed.joined(separator: ", ") + (conflicts.count > 20 ? ", …" : ""),
      message: L("\(conflicts.count) ý kiến đã có trong đợt \(wave) với nội dung khác; không có gì được lưu.",
                 "\(conflicts.count) feedback ids are already stored in wave \(wave) with different content; nothing was stored."),
      fix: L("Nếu tệp mới là bản đúng, chạy lại với --replace; nếu đó là ý kiến khác, sửa mã của chúng.",
             "If the new export is the correct one, run again with --replace; if they are different items, correct their ids."))
  }

  /// The stored feedback of `wave`, in the order it arrived.
  public func feedback(wave: String) throws(PapiError) -> [StoredFeedback] {
    try run(L("không đọc được ý kiến của đợt \(wave)", "cannot read the feedback of wave \(wave)")) {
      try queue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT id, unit_code, date, channel, status, text, line, source, file FROM feedback WHERE wave = ? ORDER BY seq",
          arguments: [wave]
        ).map { row in
          StoredFeedback(
            item: FeedbackItem(id: row[0], unit: row[1], date: row[2], channel: row[3], status: row[4], text: row[5], line: row[6]),
            source: FeedbackBatch.Source(rawValue: row[7]) ?? .export, file: row[8])
        }
      }
    }
  }

  /// Waves with stored feedback, by name.
  public func feedbackWaves() throws(PapiError) -> [String] {
    try run(L("không đọc được danh sách đợt", "cannot list the waves")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT wave FROM feedback ORDER BY wave") }
    }
  }
}

extension Store {
  /// Names of the wave's units (level 0, the communes), by code.
  func unitNames(wave: String) throws(PapiError) -> [String: String] {
    try run(L("không đọc được đơn vị của đợt \(wave)", "cannot read the units of wave \(wave)")) {
      try queue.read { db in
        var names: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, name FROM wave_unit WHERE wave = ? AND level = 0 AND name IS NOT NULL", arguments: [wave]) {
          names[row[0]] = row[1]
        }
        return names
      }
    }
  }

  /// The codes of the wave's units (level 0), empty when the wave has no survey.
  func unitCodes(wave: String) throws(PapiError) -> Set<String> {
    try run(L("không đọc được đơn vị của đợt \(wave)", "cannot read the units of wave \(wave)")) {
      try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT code FROM wave_unit WHERE wave = ? AND level = 0", arguments: [wave])) }
    }
  }

  /// The questionnaire a wave was imported with, or nil when the wave is not stored.
  func questionnaire(wave: String) throws(PapiError) -> Questionnaire? {
    let yaml: String? = try run(L("không đọc được đợt \(wave)", "cannot read wave \(wave)")) {
      try queue.read { db in
        try String.fetchOne(db, sql: "SELECT q.yaml FROM wave w JOIN questionnaire q ON q.hash = w.questionnaire_hash WHERE w.name = ?", arguments: [wave])
      }
    }
    guard let yaml else { return nil }
    return try QuestionnaireLoader.parse(yaml: yaml, source: "\(path): wave \(wave)")
  }
}
