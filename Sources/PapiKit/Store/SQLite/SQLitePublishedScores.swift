import Foundation
import GRDB

/// Published scores (PRODUCT.md §3.5), e.g. the official provincial PAPI 2011–2024.
extension SQLiteStore {
  public func replacePublishedSet(
    _ name: String, scores: [PublishedScore], groups: [PublishedGroup], file: String, sha256: String
  ) throws(PapiError) {
    try run(L("không lưu được điểm công bố \(name)", "cannot store published scores \(name)")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM benchmark WHERE set_name = ?", arguments: [name])
        try db.execute(sql: "DELETE FROM benchmark_group WHERE set_name = ?", arguments: [name])
        try db.execute(
          sql: """
            INSERT INTO benchmark_set (name, file, sha256, loaded_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, loaded_at =\
             excluded.loaded_at
            """,
          arguments: [name, file, sha256, timestampNow()])
        let insert = try db.makeStatement(
          sql: """
            INSERT OR REPLACE INTO benchmark (set_name, unit_code, unit_name, level, parent_code, wave, metric, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for score in scores {
          try insert.execute(
            arguments: [name, score.code, score.name, score.level, score.parent, score.wave, score.metric, score.score])
        }
        let group = try db.makeStatement(
          sql: "INSERT OR REPLACE INTO benchmark_group (set_name, unit_code, wave, label) VALUES (?, ?, ?, ?)")
        for entry in groups { try group.execute(arguments: [name, entry.code, entry.wave, entry.label]) }
      }
    }
  }

  public func publishedUnits(set name: String, wave: String) throws(PapiError) -> [String: PublishedUnit] {
    let found: [String: PublishedUnit] = try run(L("không đọc được điểm công bố", "cannot read published scores")) {
      try queue.read { db in
        var units: [String: PublishedUnit] = [:]
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT unit_code, unit_name, level, parent_code, metric, score FROM benchmark
            WHERE set_name = ? AND wave = ? ORDER BY unit_code, metric
            """,
          arguments: [name, wave])
        {
          let code: String = row[0]
          var unit =
            units[code]
            ?? PublishedUnit(code: code, name: row[1], level: row[2], parent: row[3], scores: [:], group: nil)
          unit.scores[row[4]] = row[5]
          units[code] = unit
        }
        for row in try Row.fetchAll(
          db, sql: "SELECT unit_code, label FROM benchmark_group WHERE set_name = ? AND wave = ?",
          arguments: [name, wave])
        {
          units[row[0]]?.group = row[1]
        }
        return units
      }
    }
    return found
  }

  public func publishedSets() throws(PapiError) -> [String] {
    try run(L("không đọc được điểm công bố", "cannot read published scores")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM benchmark_set ORDER BY name") }
    }
  }
}
