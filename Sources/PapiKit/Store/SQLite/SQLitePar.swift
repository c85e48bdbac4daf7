import Crypto
import Foundation
import GRDB

extension SQLiteStore {
  public func storeParYear(_ year: StoredParYear, imports: [ParImportEntry]) throws(PapiError) {
    let hash = hexadecimal(SHA256.hash(data: Data(year.criteriaYAML.utf8)))
    let set = try year.criteria()
    try run(
      L("không ghi được kết quả Chỉ số CCHC năm \(year.year)", "cannot store the PAR INDEX results of \(year.year)")
    ) {
      try queue.inTransaction { db in
        let now = timestampNow()
        try db.execute(
          sql: "INSERT OR IGNORE INTO par_criteria (hash, id, yaml, source, stored_at) VALUES (?, ?, ?, ?, ?)",
          arguments: [hash, set.id, year.criteriaYAML, year.criteriaSource, now])
        try db.execute(sql: "DELETE FROM par_result WHERE year = ?", arguments: [year.year])
        try db.execute(sql: "DELETE FROM par_stated WHERE year = ?", arguments: [year.year])
        try db.execute(
          sql: "INSERT OR REPLACE INTO par_year (year, criteria_hash, updated_at) VALUES (?, ?, ?)",
          arguments: [year.year, hash, now])
        let result = try db.makeStatement(
          sql: """
            INSERT INTO par_result (year, unit_code, criterion, unit_name, parent_code, score, self_score, scored,
              numerator, denominator, as_of, reason, offices, file, sheet, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in year.results {
          try result.execute(arguments: [
            year.year, row.unitCode, row.criterion, row.unitName, row.parent, row.score, row.selfScore, row.scored,
            row.numerator, row.denominator, row.asOf, row.reason, row.offices.map(Self.officesText),
            row.origin.file, row.origin.sheet, row.origin.line ?? 0,
          ])
        }
        let stated = try db.makeStatement(
          sql: """
            INSERT INTO par_stated (year, unit_code, criterion, unit_name, parent_code, value, of, file, sheet, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for figure in year.stated {
          try stated.execute(arguments: [
            year.year, figure.unitCode, figure.criterion, figure.unitName, figure.parent, figure.value, figure.of,
            figure.origin.file, figure.origin.sheet, figure.origin.line ?? 0,
          ])
        }
        for entry in imports {
          try db.execute(
            sql: """
              INSERT INTO par_import (year, file, sha256, criteria_id, rows_read, rows_imported, rows_replaced,
                rows_unchanged, imported_at, tool_version)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              entry.year, entry.file, entry.sha256, entry.criteriaID, entry.rowsRead, entry.imported, entry.replaced,
              entry.unchanged, now, PapiVersion.current,
            ])
        }
        return .commit
      }
    }
  }

  public func parYear(_ year: String) throws(PapiError) -> StoredParYear? {
    try run(L("không đọc được kết quả Chỉ số CCHC năm \(year)", "cannot read the PAR INDEX results of \(year)")) {
      try queue.read { db -> StoredParYear? in
        guard
          let criteria = try Row.fetchOne(
            db,
            sql:
              "SELECT c.yaml, c.source FROM par_year y JOIN par_criteria c ON c.hash = y.criteria_hash "
              + "WHERE y.year = ?",
            arguments: [year])
        else { return nil }
        let results = try Row.fetchAll(
          db,
          sql: """
            SELECT unit_code, criterion, unit_name, parent_code, score, self_score, scored, numerator, denominator,
              as_of, reason, offices, file, sheet, line
            FROM par_result WHERE year = ? ORDER BY file, line
            """, arguments: [year]
        ).map { row in
          ParResult(
            unitCode: row[0], unitName: row[2], parent: row[3], year: year, criterion: row[1], score: row[4],
            selfScore: row[5], scored: row[6], numerator: row[7], denominator: row[8], reason: row[10],
            offices: (row[11] as String?).map(Self.offices), asOf: row[9],
            origin: SourceLocation(file: row[12], line: row[14], sheet: row[13]))
        }
        let stated = try Row.fetchAll(
          db,
          sql: """
            SELECT unit_code, criterion, unit_name, parent_code, value, of, file, sheet, line
            FROM par_stated WHERE year = ? ORDER BY file, line
            """, arguments: [year]
        ).map { row in
          ParStated(
            unitCode: row[0], unitName: row[2], parent: row[3], year: year, criterion: row[1], value: row[4],
            of: row[5], origin: SourceLocation(file: row[6], line: row[8], sheet: row[7]))
        }
        return StoredParYear(
          year: year, criteriaYAML: criteria[0], criteriaSource: criteria[1], results: results, stated: stated)
      }
    }
  }

  public func parYears() throws(PapiError) -> [String] {
    try run(L("không đọc được danh sách năm", "cannot read the list of years")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT year FROM par_year ORDER BY year") }
    }
  }

  public func parImportLog() throws(PapiError) -> [ParImportEntry] {
    try run(L("không đọc được nhật ký nhập", "cannot read the import log")) {
      try queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT year, file, sha256, criteria_id, rows_read, rows_imported, rows_replaced, rows_unchanged,
              imported_at
            FROM par_import ORDER BY id
            """
        ).map { row in
          var entry = ParImportEntry(year: row[0], file: row[1], sha256: row[2], criteriaID: row[3])
          entry.rowsRead = row[4]
          entry.imported = row[5]
          entry.replaced = row[6]
          entry.unchanged = row[7]
          entry.time = row[8]
          return entry
        }
      }
    }
  }

  /// Offices as stored: name, role and count of each, separated by U+001F; offices by
  /// U+001E.
  static func officesText(_ offices: [ParOffice]) -> String {
    offices.map { [$0.name, $0.role ?? "", $0.count.map { String($0) } ?? ""].joined(separator: "\u{1F}") }
      .joined(separator: "\u{1E}")
  }

  static func offices(_ text: String) -> [ParOffice] {
    guard !text.isEmpty else { return [] }
    return text.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { office in
      let parts = office.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
      return ParOffice(
        name: parts[0], role: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
        count: parts.count > 2 ? Double(parts[2]) : nil)
    }
  }
}
