import Foundation
import GRDB

/// One unit's published scores in one wave.
public struct PublishedUnit: Sendable {
  public var code: String
  public var name: String?
  public var level: String
  public var parent: String?
  public var scores: [String: Double]
  /// The published group, e.g. the official PAPI quartile group ("Cao", "TB cao"…).
  public var group: String?
}

extension Store {
  /// Loads published scores (PRODUCT.md §3.5) as the set `name`, replacing an earlier load:
  /// the long form (unit_code, unit_name, level, parent_code, wave, metric, score), or the
  /// wide form of the official provincial PAPI file (province_vi, year, D1…D8, total_papi,
  /// tier), whose provinces are keyed by their GSO codes. Returns the scores loaded.
  public func loadBenchmarks(file: String, name: String) throws(PapiError) -> Int {
    let table = try CSVTable.read(file)
    var rows: [(code: String, name: String?, level: String, parent: String?, wave: String, metric: String, score: Double)] = []
    var groups: [(code: String, wave: String, label: String)] = []
    var problems: [Diagnostic] = []
    if let province = table.column(["province_vi"]), let year = table.column(["year"]) {
      let metrics = (1...8).compactMap { d in table.column(["D\(d)"]).map { ("d\(d)", $0) } } + (table.column(["total_papi"]).map { [("total", $0)] } ?? [])
      let tier = table.column(["tier"])
      var unknown: Set<String> = []
      for (line, fields) in table.rows {
        guard province < fields.count, year < fields.count else { continue }
        guard let code = ProvinceCodes.byFoldedName[foldedUnitName(fields[province])] else {
          unknown.insert(fields[province])
          _ = line
          continue
        }
        for (metric, column) in metrics where column < fields.count {
          // Empty cells and the zeros the official file has for unscored provinces are missing.
          guard let score = Double(fields[column]), score > 0 else { continue }
          rows.append((code, fields[province], "province", nil, fields[year], metric, score))
        }
        if let tier, tier < fields.count, !fields[tier].isEmpty { groups.append((code, fields[year], fields[tier])) }
      }
      if !unknown.isEmpty {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file), value: unknown.sorted().joined(separator: ", "),
            message: L("không nhận ra các tỉnh này.", "these provinces are not recognised."),
            fix: L("Dùng tên tỉnh trước năm 2025, hoặc dạng dài có mã đơn vị.", "Use the pre-2025 province names, or the long form with unit codes.")))
      }
    } else {
      let columns = ["unit_code", "unit_name", "level", "parent_code", "wave", "metric", "score"].map { table.column([$0]) }
      guard let code = columns[0], let level = columns[2], let wave = columns[4], let metric = columns[5], let score = columns[6] else {
        throw PapiError(
          file: file, line: 1, value: table.header.joined(separator: ", "),
          message: L("không nhận ra dạng tệp điểm công bố.", "not a published-scores file this tool knows."),
          fix: L("Dạng dài: unit_code, unit_name, level, parent_code, wave, metric, score; hoặc dạng rộng của papi-provincial-2011-2024.csv.",
                 "Long form: unit_code, unit_name, level, parent_code, wave, metric, score; or the wide form of papi-provincial-2011-2024.csv."))
      }
      for (line, fields) in table.rows {
        func value(_ index: Int?) -> String? {
          guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
          return fields[index]
        }
        guard let unit = value(code), let levelName = value(level), let waveName = value(wave), let metricName = value(metric),
          let number = value(score).flatMap(Double.init), number.isFinite
        else {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: file, line: line), value: fields.joined(separator: ","),
              message: L("thiếu mã, cấp, đợt, chỉ số hoặc điểm (số).", "a code, level, wave, metric or numeric score is missing."),
              fix: L("Sửa dòng này.", "Correct this line.")))
          continue
        }
        rows.append((unit, value(columns[1]), levelName, value(columns[3]), waveName, metricName, number))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    let sha = DecodedStream.sha256(ofFile: file)
    try run(L("không lưu được điểm công bố \(name)", "cannot store published scores \(name)")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM benchmark WHERE set_name = ?", arguments: [name])
        try db.execute(sql: "DELETE FROM benchmark_group WHERE set_name = ?", arguments: [name])
        try db.execute(
          sql: "INSERT INTO benchmark_set (name, file, sha256, loaded_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, loaded_at = excluded.loaded_at",
          arguments: [name, file, sha, Store.now()])
        let insert = try db.makeStatement(
          sql: "INSERT OR REPLACE INTO benchmark (set_name, unit_code, unit_name, level, parent_code, wave, metric, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for row in rows { try insert.execute(arguments: [name, row.code, row.name, row.level, row.parent, row.wave, row.metric, row.score]) }
        let group = try db.makeStatement(sql: "INSERT OR REPLACE INTO benchmark_group (set_name, unit_code, wave, label) VALUES (?, ?, ?, ?)")
        for row in groups { try group.execute(arguments: [name, row.code, row.wave, row.label]) }
      }
    }
    return rows.count
  }

  /// The published units of set `name` in `wave`, by code.
  public func publishedUnits(set name: String, wave: String) throws(PapiError) -> [String: PublishedUnit] {
    let found: [String: PublishedUnit] = try run(L("không đọc được điểm công bố", "cannot read published scores")) {
      try queue.read { db in
        var units: [String: PublishedUnit] = [:]
        for row in try Row.fetchAll(
          db, sql: "SELECT unit_code, unit_name, level, parent_code, metric, score FROM benchmark WHERE set_name = ? AND wave = ? ORDER BY unit_code, metric",
          arguments: [name, wave])
        {
          let code: String = row[0]
          var unit = units[code] ?? PublishedUnit(code: code, name: row[1], level: row[2], parent: row[3], scores: [:], group: nil)
          unit.scores[row[4]] = row[5]
          units[code] = unit
        }
        for row in try Row.fetchAll(db, sql: "SELECT unit_code, label FROM benchmark_group WHERE set_name = ? AND wave = ?", arguments: [name, wave]) {
          units[row[0]]?.group = row[1]
        }
        return units
      }
    }
    return found
  }

  public func benchmarkSets() throws(PapiError) -> [String] {
    try run(L("không đọc được điểm công bố", "cannot read published scores")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM benchmark_set ORDER BY name") }
    }
  }
}
