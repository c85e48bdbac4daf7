import Foundation
import GRDB
internal import GRDBSQLite

extension SQLiteStore {
  /// Stores the rows read from one invocation's files as part of their wave, in one
  /// transaction: all of it lands or none of it does.
  public func store(_ wave: WaveImport, progress: ((Int, Int) -> Void)?) throws(PapiError) -> ImportOutcome {
    try write(
      wave.read, questionnaire: wave.questionnaire, yaml: wave.questionnaireText.text,
      hash: wave.questionnaireText.hash,
      wave: wave.wave, replace: wave.replace, feedback: wave.comments, progress: progress)
  }

  private func write(
    _ result: ReadResult, questionnaire: Questionnaire, yaml: String, hash: String, wave: String, replace: Bool,
    feedback: [FeedbackBatch], progress: ((Int, Int) -> Void)?
  ) throws(PapiError) -> ImportOutcome {
    let table = result.table
    var outcome = ImportOutcome(
      wave: wave,
      files: result.files.map {
        ImportOutcome.FileCounts(
          path: $0.path, sha256: $0.sha256, rowsRead: $0.recordsRead, skipped: $0.duplicatesDropped,
          rejected: $0.rowsRejected)
      })
    var conflicts: [(id: String, file: Int, record: Int)] = []
    var unitConflicts: [String] = []
    var feedbackConflicts: [FeedbackConflict] = []
    try run(L("không ghi được đợt khảo sát \(wave)", "cannot store wave \(wave)")) {
      try queue.writeWithoutTransaction { db in
        // A page cache of 8 MiB for rows joining a large stored wave (their ids fall
        // between the stored ones); no foreign-key lookups per row: the rows point at the
        // wave and the import-log rows this same transaction writes first.
        try db.execute(sql: "PRAGMA cache_size = -8192; PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON") }
        try db.inTransaction(.immediate) {
          let now = timestampNow()
          try db.execute(
            sql: "INSERT OR IGNORE INTO questionnaire (hash, id, kind, yaml, stored_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [hash, questionnaire.id, questionnaire.kind.rawValue, yaml, now])
          if let stored = try String.fetchOne(
            db, sql: "SELECT questionnaire_hash FROM wave WHERE name = ?", arguments: [wave])
          {
            if stored != hash {
              let storedID =
                try String.fetchOne(db, sql: "SELECT id FROM questionnaire WHERE hash = ?", arguments: [stored]) ?? "?"
              throw PapiError(
                .conflict, file: path, value: wave,
                message: L(
                  "đợt \(wave) đã được nhập với một bảng hỏi khác (\(storedID), mã băm \(stored.prefix(12))…).",
                  "wave \(wave) was imported with a different questionnaire (\(storedID), "
                    + "hash \(stored.prefix(12))…)."),
                fix: L(
                  "Dùng đúng tệp bảng hỏi đã dùng cho đợt này, hoặc nhập vào một đợt mới (--wave).",
                  "Use the questionnaire file this wave was imported with, or import into a new wave (--wave)."))
            }
          } else {
            try db.execute(
              sql: "INSERT INTO wave (name, questionnaire_hash, created_at) VALUES (?, ?, ?)",
              arguments: [wave, hash, now])
          }

          // One import-log row per file; the counts are filled in at the end.
          var importIDs: [Int64] = []
          for file in result.files {
            try db.execute(
              sql: """
                INSERT INTO import_log (wave, file, sha256, rows_read, rows_imported, rows_replaced, rows_unchanged,
                  rows_skipped, rows_rejected, questionnaire_id, questionnaire_hash, imported_at, tool_version)
                VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?)
                """,
              arguments: [
                wave, file.path, file.sha256, file.recordsRead, questionnaire.id, hash, now, PapiVersion.current,
              ])
            importIDs.append(db.lastInsertedRowID)
          }

          unitConflicts = try writeUnits(db, table: table, wave: wave)

          let base = try Int.fetchOne(db, sql: "SELECT next_seq FROM wave WHERE name = ?", arguments: [wave]) ?? 0
          let insert = try db.makeStatement(
            sql:
              "INSERT INTO respondent (wave, id, seq, unit_code, weight, answers, import_id, cluster, stratum, fpc) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wave, id) DO NOTHING"
          )
          let existing = try db.makeStatement(
            sql: "SELECT unit_code, weight, answers, cluster, stratum FROM respondent WHERE wave = ? AND id = ?")
          let update = try db.makeStatement(
            sql:
              "UPDATE respondent SET unit_code = ?, weight = ?, answers = ?, import_id = ?, cluster = ?, stratum = ?, "
              + "fpc = ? WHERE wave = ? AND id = ?"
          )
          let communes = table.units.levels[0]
          // Rows go in in the order of their ids, the key of the table, so that each one
          // lands beside the last instead of anywhere in a large tree; `seq` keeps the
          // file's order (gaps are harmless: it only orders the rows when read back).
          // The rows are bound with SQLite's own calls (GRDB's arguments cost more than
          // SQLite's insert), each value straight from the table's memory: ids and unit
          // codes are never empty (the reader refuses such rows), so never bound as NULL.
          let statement = insert.sqliteStatement
          let connection = db.sqliteConnection
          func check(_ code: Int32) throws {
            if code != SQLITE_OK && code != SQLITE_DONE {
              throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
            }
          }
          let unitCodes = communes.map { Array($0.code.utf8) }
          // The design's values, bound as NULL without a design (`StoredDesign`).
          let design = StoredDesign(table.design)
          let lookup = existing.sqliteStatement
          for bound in [statement, lookup] {
            try check(wave.withCString { sqlite3_bind_text(bound, 1, $0, -1, sqliteTransient) })
          }
          for (done, row) in Self.idOrder(table).enumerated() {
            if done & 0xFFFF == 0 { progress?(done, table.count) }
            let seq = base + row
            let unitIndex = Int(table.unit(row))
            let weight = table.weight(row)
            let fileIndex = Int(table.origin(row).file)
            let importID = importIDs[fileIndex]
            try check(sqlite3_reset(statement))
            try table.idBytes(row).withUnsafeBytes { id in
              try unitCodes[unitIndex].withUnsafeBytes { unit in
                try check(
                  sqlite3_bind_text(
                    statement, 2, id.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(id.count), nil))
                try check(sqlite3_bind_int64(statement, 3, Int64(seq)))
                try check(
                  sqlite3_bind_text(
                    statement, 4, unit.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(unit.count), nil))
                try check(sqlite3_bind_double(statement, 5, weight))
                let answers = table.answers(row)
                try check(sqlite3_bind_blob(statement, 6, answers.baseAddress, Int32(answers.count), nil))
                try check(sqlite3_bind_int64(statement, 7, importID))
                try design.bind(table.rowDesign(row), to: statement, from: 8, check: check)
                try check(sqlite3_step(statement))
              }
            }
            if sqlite3_changes(connection) == 1 {
              outcome.files[fileIndex].imported += 1
              continue
            }
            // Stored already: the same row, or a conflict. Compared byte for byte in
            // SQLite's memory, as a re-import of a whole export goes through here.
            let id = table.idBytes(row)
            let stored = try id.withUnsafeBytes { id -> Bool? in
              try check(
                sqlite3_bind_text(lookup, 2, id.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(id.count), nil))
              defer { sqlite3_reset(lookup) }
              let found = sqlite3_step(lookup)
              guard found == SQLITE_ROW else {
                try check(found)
                return nil
              }
              let answers = table.answers(row)
              return Self.column(lookup, 0).elementsEqual(unitCodes[unitIndex])
                && sqlite3_column_double(lookup, 1) == weight
                && Self.column(lookup, 2).elementsEqual(UnsafeRawBufferPointer(answers))
                && design.matches(table.rowDesign(row), lookup, from: 3)
            }
            guard let same = stored else { continue }
            if same {
              outcome.files[fileIndex].unchanged += 1
            } else if replace {
              let values = design.values(table.rowDesign(row))
              try update.execute(arguments: [
                communes[unitIndex].code, weight, Data(buffer: table.answers(row)), importID, values.cluster,
                values.stratum, values.fpc, wave, table.respondentID(row),
              ])
              outcome.files[fileIndex].replaced += 1
            } else {
              conflicts.append((table.respondentID(row), fileIndex, Int(table.origin(row).record)))
            }
          }
          progress?(table.count, table.count)
          conflicts.sort { ($0.file, $0.record) < ($1.file, $1.record) }
          (outcome.feedback, feedbackConflicts) = try writeFeedback(
            db, feedback, wave: wave, replace: replace, log: false)
          if !conflicts.isEmpty || !unitConflicts.isEmpty || !feedbackConflicts.isEmpty || outcome.noOp {
            return .rollback
          }
          try db.execute(sql: "UPDATE wave SET next_seq = ? WHERE name = ?", arguments: [base + table.count, wave])
          for (index, file) in outcome.files.enumerated() {
            try db.execute(
              sql: """
                UPDATE import_log SET rows_imported = ?, rows_replaced = ?, rows_unchanged = ?, rows_skipped = ?,\
                 rows_rejected = ?
                WHERE id = ?
                """,
              arguments: [file.imported, file.replaced, file.unchanged, file.skipped, file.rejected, importIDs[index]])
          }
          return .commit
        }
      }
    }
    if !unitConflicts.isEmpty {
      throw PapiError(
        .conflict, file: result.files.map(\.path).joined(separator: ", "),
        value: unitConflicts.prefix(10).joined(separator: "; "),
        message: L(
          "\(unitConflicts.count) đơn vị đã lưu trong đợt \(wave) với đơn vị cấp trên khác; không có gì được lưu.",
          "\(unitConflicts.count) units are stored in wave \(wave) under a different parent; nothing was stored."),
        fix: L(
          "Sửa mã đơn vị cấp trên trong tệp, hoặc nhập vào một đợt khác.",
          "Correct the parent codes in the export, or import into another wave."))
    }
    if !conflicts.isEmpty {
      let listed = conflicts.prefix(20).map { conflict in
        "\(conflict.id) (\(result.files[conflict.file].path), bản ghi/record \(conflict.record))"
      }
      throw PapiError(
        .conflict, file: path, value: listed.joined(separator: ", ") + (conflicts.count > 20 ? ", …" : ""),
        message: L(
          "\(conflicts.count) mã người trả lời đã có trong đợt \(wave) với câu trả lời khác; không có gì được lưu.",
          "\(conflicts.count) respondent ids are already stored in wave \(wave) with different answers; nothing was "
            + "stored."
        ),
        fix: L(
          "Nếu tệp mới là bản đúng, chạy lại với --replace; nếu đó là người khác, sửa mã của họ.",
          "If the new export is the correct one, run again with --replace; if they are different people, correct "
            + "their ids."
        ))
    }
    if !feedbackConflicts.isEmpty { throw feedbackConflictError(feedbackConflicts, wave: wave) }
    return outcome
  }

  /// Column `index` of the current row of `statement`, as bytes (valid until its next step).
  private static func column(_ statement: OpaquePointer?, _ index: Int32) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(
      start: sqlite3_column_blob(statement, index), count: Int(sqlite3_column_bytes(statement, index)))
  }

  /// The table's rows in the byte order of their ids (SQLite's order for the key): by the
  /// first eight bytes, then by the whole id.
  static func idOrder(_ table: ResponseTable) -> [Int] {
    var keys: [(prefix: UInt64, row: Int32)] = (0..<table.count).map { row in
      var prefix: UInt64 = 0
      var shift: UInt64 = 56
      for byte in table.idBytes(row).prefix(8) {
        prefix |= UInt64(byte) << shift
        shift &-= 8
      }
      return (prefix, Int32(row))
    }
    keys.sort { a, b in
      a.prefix != b.prefix
        ? a.prefix < b.prefix : table.idBytes(Int(a.row)).lexicographicallyPrecedes(table.idBytes(Int(b.row)))
    }
    return keys.map { Int($0.row) }
  }

  /// Adds the units of this import to the wave; returns the units whose parent differs from
  /// the stored one.
  private func writeUnits(_ db: Database, table: ResponseTable, wave: String) throws -> [String] {
    var conflicts: [String] = []
    let find = try db.makeStatement(
      sql: "SELECT name, parent_code FROM wave_unit WHERE wave = ? AND level = ? AND code = ?")
    let insert = try db.makeStatement(
      sql: "INSERT INTO wave_unit (wave, level, code, name, parent_code, seq) VALUES (?, ?, ?, ?, ?, ?)")
    let rename = try db.makeStatement(sql: "UPDATE wave_unit SET name = ? WHERE wave = ? AND level = ? AND code = ?")
    for (level, units) in table.units.levels.enumerated() {
      var seq =
        try Int.fetchOne(
          db, sql: "SELECT COALESCE(MAX(seq) + 1, 0) FROM wave_unit WHERE wave = ? AND level = ?",
          arguments: [wave, level]) ?? 0
      for unit in units {
        let parent = unit.parents.first.map { table.units.levels[level + 1][Int($0)].code }
        if let stored = try Row.fetchOne(find, arguments: [wave, level, unit.code]) {
          let storedParent: String? = stored[1]
          if storedParent != parent {
            conflicts.append("\(unit.code): \(storedParent ?? "—") → \(parent ?? "—")")
          } else if (stored[0] as String?) == nil, let name = unit.name {
            try rename.execute(arguments: [name, wave, level, unit.code])
          }
        } else {
          try insert.execute(arguments: [wave, level, unit.code, unit.name, parent, seq])
          seq += 1
        }
      }
    }
    return conflicts
  }
}

/// SQLite's SQLITE_TRANSIENT (copy the value now), which Swift cannot import as a macro.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
