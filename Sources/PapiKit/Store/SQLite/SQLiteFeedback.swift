import Foundation
import GRDB

extension SQLiteStore {
  public func storeFeedback(
    _ batches: [FeedbackBatch], wave: String, replace: Bool
  ) throws(PapiError) -> [FeedbackCounts] {
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
    var seq =
      try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq) + 1, 0) FROM feedback WHERE wave = ?", arguments: [wave]) ?? 0
    let find = try db.makeStatement(
      sql: "SELECT unit_code, date, channel, status, text FROM feedback WHERE wave = ? AND id = ?")
    let insert = try db.makeStatement(
      sql:
        "INSERT INTO feedback (wave, id, seq, source, file, line, unit_code, date, channel, status, text) VALUES (?, "
        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    let update = try db.makeStatement(
      sql:
        "UPDATE feedback SET source = ?, file = ?, line = ?, unit_code = ?, date = ?, channel = ?, status = ?, text "
        + "= ? WHERE wave = ? AND id = ?"
    )
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
            (stored[0] as String) == item.unit && (stored[1] as String?) == item.date
            && (stored[2] as String?) == item.channel
            && (stored[3] as String?) == item.status && (stored[4] as String) == item.text
          if same {
            count.unchanged += 1
          } else if replace {
            try update.execute(
              arguments: [
                batch.source.rawValue, batch.file, item.line, item.unit, item.date, item.channel, item.status,
                item.text, wave, item.id,
              ])
            count.replaced += 1
          } else {
            conflicts.append(FeedbackConflict(id: item.id, file: batch.file, line: item.line))
          }
          continue
        }
        try insert.execute(
          arguments: [
            wave, item.id, seq, batch.source.rawValue, batch.file, item.line, item.unit, item.date, item.channel,
            item.status, item.text,
          ])
        seq += 1
        count.imported += 1
      }
      if log {
        try db.execute(
          sql: """
            INSERT INTO feedback_import (wave, file, sha256, rows_read, items_imported, items_replaced,\
             items_unchanged, imported_at, tool_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            wave, batch.file, batch.sha256, batch.rowsRead, count.imported, count.replaced, count.unchanged,
            timestampNow(), PapiVersion.current,
          ])
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
    let find = try db.makeStatement(
      sql: "SELECT id FROM feedback WHERE wave = ? AND source = 'survey' AND id > ? AND id < ?")
    let delete = try db.makeStatement(sql: "DELETE FROM feedback WHERE wave = ? AND id = ?")
    var removed = 0
    for respondent in batch.respondents {
      for id in try String.fetchAll(find, arguments: [wave, respondent + "#", respondent + "$"])
      where !kept.contains(id) {
        try delete.execute(arguments: [wave, id])
        removed += 1
      }
    }
    return removed
  }

  func feedbackConflictError(_ conflicts: [FeedbackConflict], wave: String) -> PapiError {
    let listed = conflicts.prefix(20).map { "\($0.id) (\($0.file), dòng/line \($0.line))" }
    return PapiError(
      .conflict, file: path, value: listed.joined(separator: ", ") + (conflicts.count > 20 ? ", …" : ""),
      message: L(
        "\(conflicts.count) ý kiến đã có trong đợt \(wave) với nội dung khác; không có gì được lưu.",
        "\(conflicts.count) feedback ids are already stored in wave \(wave) with different content; nothing was stored."
      ),
      fix: L(
        "Nếu tệp mới là bản đúng, chạy lại với --replace; nếu đó là ý kiến khác, sửa mã của chúng.",
        "If the new export is the correct one, run again with --replace; if they are different items, correct their "
          + "ids."
      ))
  }

  public func feedback(wave: String) throws(PapiError) -> [StoredFeedback] {
    try run(L("không đọc được ý kiến của đợt \(wave)", "cannot read the feedback of wave \(wave)")) {
      try queue.read { db in
        try Row.fetchAll(
          db,
          sql:
            "SELECT id, unit_code, date, channel, status, text, line, source, file FROM feedback WHERE wave = ? "
            + "ORDER BY seq",
          arguments: [wave]
        ).map { row in
          StoredFeedback(
            item: FeedbackItem(
              id: row[0], unit: row[1], date: row[2], channel: row[3], status: row[4], text: row[5], line: row[6]),
            source: FeedbackBatch.Source(rawValue: row[7]) ?? .export, file: row[8])
        }
      }
    }
  }

  public func feedbackWaves() throws(PapiError) -> [String] {
    try run(L("không đọc được danh sách đợt", "cannot list the waves")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT wave FROM feedback ORDER BY wave") }
    }
  }
}
