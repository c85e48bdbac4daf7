import Foundation
import GRDB

extension SQLiteStore {
  public func wave(_ wave: String) throws(PapiError) -> (questionnaire: Questionnaire, table: ResponseTable) {
    // A PapiError thrown inside (the stored questionnaire, a row that does not fit it)
    // passes through `run` as it is.
    let loaded: (Questionnaire, ResponseTable)? = try run(L("không đọc được đợt \(wave)", "cannot read wave \(wave)")) {
      try queue.read { db in
        guard
          let yaml = try String.fetchOne(
            db, sql: "SELECT q.yaml FROM wave w JOIN questionnaire q ON q.hash = w.questionnaire_hash WHERE w.name = ?",
            arguments: [wave])
        else { return nil }
        let questionnaire = try QuestionnaireLoader.parse(yaml: yaml, source: "\(path) (\(wave))")
        var table = ResponseTable(indicatorCount: questionnaire.indicators.count)
        table.files = [path]
        try readUnits(db, wave: wave, levels: 1 + questionnaire.respondent.parents.count, into: &table)
        // Row by row into the table, sorted by seq (file order) by SQLite's sorter: the
        // table is the only copy of the rows held.
        let rows = try Row.fetchCursor(
          db,
          sql:
            "SELECT id, unit_code, weight, answers, seq, cluster, stratum, fpc FROM respondent WHERE wave = ? "
            + "ORDER BY seq",
          arguments: [wave])
        let width = questionnaire.indicators.count
        // The design the rows were imported with: the questionnaire's columns, when the rows
        // carry values (waves stored before schema v7 have none).
        var designed: Bool?
        while let row = try rows.next() {
          let cluster: String? = row[5]
          let stratum: String? = row[6]
          if designed == nil {
            designed = questionnaire.respondent.design.isDeclared && (cluster != nil || stratum != nil)
            if designed == true { table.design.columns = questionnaire.respondent.design }
          }
          let code: String = row[1]
          let appended = try row.withUnsafeData(atIndex: 3) { answers -> Bool in
            guard let answers, answers.count == width, let unit = table.units.find(code, level: 0) else { return false }
            let design =
              designed == true
              ? table.design.stored(cluster: cluster, stratum: stratum, fpc: row[7], unit: unit) : .none
            answers.withUnsafeBytes { bytes in
              table.append(
                answers: bytes.bindMemory(to: UInt8.self), weight: row[2], unit: unit,
                origin: RowOrigin(file: 0, record: Int32(truncatingIfNeeded: row[4] as Int)),
                id: (row[0] as String).utf8, design: design)
            }
            return true
          }
          guard appended else {
            throw PapiError(
              .database, file: path, value: row[0],
              message: L(
                "dữ liệu của đợt \(wave) không khớp với bảng hỏi đã lưu.",
                "the stored rows of wave \(wave) do not match its questionnaire."),
              fix: L(
                "Cơ sở dữ liệu đã bị sửa ngoài papi; nhập lại đợt này vào một cơ sở dữ liệu mới.",
                "The database was changed outside papi; import this wave again into a new database."))
          }
        }
        return (questionnaire, table)
      }
    }
    guard let loaded else {
      let known = (try? waveNames()) ?? []
      throw PapiError(
        .notFound, file: path, value: wave,
        message: L(
          "không có đợt \(wave) trong cơ sở dữ liệu (có: "
            + "\(known.isEmpty ? "chưa có đợt nào" : known.joined(separator: ", "))).",
          "there is no wave \(wave) in the database (it has: "
            + "\(known.isEmpty ? "no waves yet" : known.joined(separator: ", ")))."
        ),
        fix: L(
          "Xem `papi waves`, hoặc nhập đợt này bằng `papi import … --wave \(wave)`.",
          "See `papi waves`, or import this wave with `papi import … --wave \(wave)`."))
    }
    return loaded
  }

  /// The wave's units into `table.units`, parents first (ORDER BY level DESC), so every
  /// unit can point at its parent's index.
  private func readUnits(_ db: Database, wave: String, levels: Int, into table: inout ResponseTable) throws {
    table.units.ensureLevels(levels)
    let units = try Row.fetchCursor(
      db, sql: "SELECT level, code, name, parent_code FROM wave_unit WHERE wave = ? ORDER BY level DESC, seq",
      arguments: [wave])
    while let row = try units.next() {
      let level: Int = row[0]
      let code: String = row[1]
      let index = Int(table.units.index(of: code, level: level))
      table.units.levels[level][index].name = row[2]
      if let parent: String = row[3], level + 1 < levels, let parentIndex = table.units.find(parent, level: level + 1) {
        table.units.levels[level][index].parents =
          [parentIndex] + table.units.levels[level + 1][Int(parentIndex)].parents
      }
    }
  }

  public func waveNames() throws(PapiError) -> [String] {
    try run(L("không đọc được danh sách đợt", "cannot list the waves")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM wave ORDER BY name") }
    }
  }

  public func waves() throws(PapiError) -> [WaveSummary] {
    try run(L("không đọc được danh sách đợt", "cannot list the waves")) {
      try queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT w.name, q.id, w.questionnaire_hash, w.created_at,
              (SELECT COUNT(*) FROM respondent r WHERE r.wave = w.name),
              (SELECT COUNT(*) FROM wave_unit u WHERE u.wave = w.name AND u.level = 0)
            FROM wave w JOIN questionnaire q ON q.hash = w.questionnaire_hash ORDER BY w.name
            """
        ).map { row in
          WaveSummary(
            name: row[0], questionnaireID: row[1], questionnaireHash: row[2], respondents: row[4], units: row[5],
            created: row[3])
        }
      }
    }
  }

  public func importLog(wave: String?) throws(PapiError) -> [ImportLogEntry] {
    try run(L("không đọc được nhật ký nhập", "cannot read the import log")) {
      try queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT id, wave, file, sha256, rows_read, rows_imported, rows_replaced, rows_unchanged, rows_skipped,
              rows_rejected, questionnaire_id, questionnaire_hash, imported_at, tool_version
            FROM import_log WHERE ?1 IS NULL OR wave = ?1 ORDER BY id
            """, arguments: [wave]
        ).map { row in
          ImportLogEntry(
            id: row[0], wave: row[1], file: row[2], sha256: row[3], rowsRead: row[4], imported: row[5],
            replaced: row[6],
            unchanged: row[7], skipped: row[8], rejected: row[9], questionnaireID: row[10], questionnaireHash: row[11],
            time: row[12], toolVersion: row[13])
        }
      }
    }
  }

  /// Names of the wave's units (level 0, the communes), by code.
  public func unitNames(wave: String) throws(PapiError) -> [String: String] {
    try run(L("không đọc được đơn vị của đợt \(wave)", "cannot read the units of wave \(wave)")) {
      try queue.read { db in
        var names: [String: String] = [:]
        for row in try Row.fetchAll(
          db, sql: "SELECT code, name FROM wave_unit WHERE wave = ? AND level = 0 AND name IS NOT NULL",
          arguments: [wave])
        {
          names[row[0]] = row[1]
        }
        return names
      }
    }
  }

  /// The codes of the wave's units (level 0), empty when the wave has no survey.
  public func unitCodes(wave: String) throws(PapiError) -> Set<String> {
    try run(L("không đọc được đơn vị của đợt \(wave)", "cannot read the units of wave \(wave)")) {
      try queue.read { db in
        Set(try String.fetchAll(db, sql: "SELECT code FROM wave_unit WHERE wave = ? AND level = 0", arguments: [wave]))
      }
    }
  }

  /// The questionnaire a wave was imported with, or nil when the wave is not stored.
  public func questionnaire(wave: String) throws(PapiError) -> Questionnaire? {
    let yaml: String? = try run(L("không đọc được đợt \(wave)", "cannot read wave \(wave)")) {
      try queue.read { db in
        try String.fetchOne(
          db, sql: "SELECT q.yaml FROM wave w JOIN questionnaire q ON q.hash = w.questionnaire_hash WHERE w.name = ?",
          arguments: [wave])
      }
    }
    guard let yaml else { return nil }
    return try QuestionnaireLoader.parse(yaml: yaml, source: "\(path) (\(wave))")
  }
}
