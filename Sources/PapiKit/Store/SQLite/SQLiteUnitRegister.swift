import Foundation
import GRDB

/// Unit registers and the crosswalks between them.
extension SQLiteStore {
  public func replaceUnitSet(_ name: String, units: [RegisterUnit], file: String, sha256: String) throws(PapiError) {
    try run(L("không lưu được sổ đơn vị \(name)", "cannot store unit set \(name)")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM register_unit WHERE unit_set = ?", arguments: [name])
        try db.execute(
          sql: """
            INSERT INTO unit_set (name, file, sha256, loaded_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, loaded_at =\
             excluded.loaded_at
            """,
          arguments: [name, file, sha256, timestampNow()])
        let insert = try db.makeStatement(
          sql:
            "INSERT INTO register_unit (unit_set, code, name, level, parent_code, valid_from, valid_to) VALUES (?, "
            + "?, ?, ?, ?, ?, ?)"
        )
        for unit in units {
          try insert.execute(arguments: [
            name, unit.code, unit.name, unit.level, unit.parent, unit.validFrom, unit.validTo,
          ])
        }
      }
    }
  }

  public func registerUnits(set name: String?) throws(PapiError) -> [String: RegisterUnit] {
    try run(L("không đọc được sổ đơn vị", "cannot read the unit register")) {
      try queue.read { db in
        var units: [String: RegisterUnit] = [:]
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT code, name, level, parent_code, valid_from, valid_to FROM register_unit
            WHERE ?1 IS NULL OR unit_set = ?1 ORDER BY unit_set
            """,
          arguments: [name])
        {
          let unit = RegisterUnit(
            code: row[0], name: row[1], level: row[2], parent: row[3], validFrom: row[4], validTo: row[5])
          if units[unit.code] == nil { units[unit.code] = unit }
        }
        return units
      }
    }
  }

  public func unitSets() throws(PapiError) -> [String] {
    try run(L("không đọc được sổ đơn vị", "cannot read the unit register")) {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM unit_set ORDER BY name") }
    }
  }

  public func replaceCrosswalk(to set: String, links: [CrosswalkLink], file: String) throws(PapiError) {
    try run(L("không lưu được bảng chuyển đổi", "cannot store the crosswalk")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM crosswalk WHERE to_set = ?", arguments: [set])
        let insert = try db.makeStatement(
          sql: "INSERT INTO crosswalk (to_set, old_code, new_code, share, file) VALUES (?, ?, ?, ?, ?)")
        for link in links { try insert.execute(arguments: [set, link.oldCode, link.newCode, link.share, file]) }
      }
    }
  }

  public func crosswalk(to set: String) throws(PapiError) -> [String: [(code: String, share: Double)]] {
    try run(L("không đọc được bảng chuyển đổi", "cannot read the crosswalk")) {
      try queue.read { db in
        var map: [String: [(code: String, share: Double)]] = [:]
        for row in try Row.fetchAll(
          db, sql: "SELECT old_code, new_code, share FROM crosswalk WHERE to_set = ? ORDER BY old_code, new_code",
          arguments: [set])
        {
          map[row[0], default: []].append((row[1], row[2]))
        }
        return map
      }
    }
  }
}
