import Foundation
import GRDB

/// One unit of a loaded register (`papi units load`).
public struct RegisterUnit: Sendable, Equatable {
  public var code: String
  public var name: String
  public var level: String
  public var parent: String?
  public var validFrom: String?
  public var validTo: String?
}

/// Unit names compared the way people write them: without diacritics, case, spacing or
/// Unicode-form differences ("Đắk Glei", "Đăk Glei", "Dak  Glei" are one name), and
/// nothing more: a different name is reported, never guessed.
public func foldedUnitName(_ name: String) -> String {
  let stripped = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { scalar in
    !(0x0300...0x036F).contains(scalar.value)
  }
  var text = String(String.UnicodeScalarView(stripped)).replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
  text = text.lowercased()
  return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

extension Store {
  /// Loads a unit register CSV (code, name, level, parent code, valid from, valid to) as the
  /// unit set `name`, replacing an earlier load of the same set. Returns the units loaded.
  public func loadUnitSet(file: String, name: String, read options: ReadOptions = ReadOptions()) throws(PapiError) -> Int {
    let table = try CSVTable.read(file, options: options)
    func required(_ names: [String], _ label: String) throws(PapiError) -> Int {
      guard let index = table.column(names) else {
        throw PapiError(
          file: file, line: 1, value: table.header.joined(separator: ", "),
          message: L("không có cột \(label) (\(names.joined(separator: " | "))).", "no \(label) column (\(names.joined(separator: " | ")))."),
          fix: L("Sổ đơn vị cần các cột: code, name, level, parent_code, valid_from, valid_to.",
                 "A unit register needs the columns code, name, level, parent_code, valid_from, valid_to."))
      }
      return index
    }
    let code = try required(["code", "ma", "mã", "ma_dvhc", "unit_code"], "code")
    let unitName = try required(["name", "ten", "tên", "unit_name"], "name")
    let level = try required(["level", "cap", "cấp"], "level")
    let parent = table.column(["parent_code", "parent", "ma_cha", "mã cấp trên"])
    let from = table.column(["valid_from", "tu_ngay", "hieu_luc_tu"])
    let to = table.column(["valid_to", "den_ngay", "hieu_luc_den"])
    var units: [RegisterUnit] = []
    var seen: [String: Int] = [:]
    var problems: [Diagnostic] = []
    for (line, fields) in table.rows {
      func value(_ index: Int?) -> String? {
        guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
        return fields[index]
      }
      guard let unitCode = value(code), let label = value(unitName), let unitLevel = value(level) else {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file, line: line), value: fields.joined(separator: ","),
            message: L("thiếu mã, tên hoặc cấp của đơn vị.", "the unit's code, name or level is empty."),
            fix: L("Điền đủ ba cột này.", "Fill in all three columns.")))
        continue
      }
      if let first = seen[unitCode] {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file, line: line, column: code + 1, columnName: table.header[code]), value: unitCode,
            message: L("mã \(unitCode) lặp lại (đã có ở dòng \(first)).", "code \(unitCode) repeats (already on line \(first))."),
            fix: L("Mỗi đơn vị một dòng.", "One line per unit.")))
        continue
      }
      seen[unitCode] = line
      units.append(RegisterUnit(code: unitCode, name: label, level: unitLevel, parent: value(parent), validFrom: value(from), validTo: value(to)))
    }
    let codes = Set(units.map(\.code))
    for unit in units {
      if let parentCode = unit.parent, !codes.contains(parentCode) {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file, line: seen[unit.code]), value: parentCode,
            message: L("đơn vị cấp trên \(parentCode) của \(unit.code) không có trong sổ.", "parent \(parentCode) of \(unit.code) is not in the register."),
            fix: L("Thêm dòng cho đơn vị \(parentCode), hoặc sửa mã cấp trên.", "Add a line for unit \(parentCode), or correct the parent code.")))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    let sha = DecodedStream.sha256(ofFile: file)
    try run(L("không lưu được sổ đơn vị \(name)", "cannot store unit set \(name)")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM register_unit WHERE unit_set = ?", arguments: [name])
        try db.execute(
          sql: "INSERT INTO unit_set (name, file, sha256, loaded_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, loaded_at = excluded.loaded_at",
          arguments: [name, file, sha, Store.now()])
        let insert = try db.makeStatement(
          sql: "INSERT INTO register_unit (unit_set, code, name, level, parent_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for unit in units {
          try insert.execute(arguments: [name, unit.code, unit.name, unit.level, unit.parent, unit.validFrom, unit.validTo])
        }
      }
    }
    return units.count
  }

  /// The units of a loaded set, or of every set when `name` is nil, by code.
  public func registerUnits(set name: String?) throws(PapiError) -> [String: RegisterUnit] {
    try run(L("không đọc được sổ đơn vị", "cannot read the unit register")) {
      try queue.read { db in
        var units: [String: RegisterUnit] = [:]
        for row in try Row.fetchAll(
          db, sql: "SELECT code, name, level, parent_code, valid_from, valid_to FROM register_unit WHERE ?1 IS NULL OR unit_set = ?1 ORDER BY unit_set",
          arguments: [name])
        {
          let unit = RegisterUnit(code: row[0], name: row[1], level: row[2], parent: row[3], validFrom: row[4], validTo: row[5])
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

  /// With a register loaded: every unit code of the import must be in it (an error listing
  /// the unknown ones), and a unit name that differs from the register's after folding is
  /// reported as a warning.
  func checkUnits(_ table: ResponseTable, set: String?, files: [String]) throws(PapiError) -> [Diagnostic] {
    let sets = try unitSets()
    if let set, !sets.contains(set) {
      throw PapiError(
        file: path, value: set,
        message: L("chưa nạp bộ đơn vị \(set) (có: \(sets.joined(separator: ", "))).", "unit set \(set) is not loaded (loaded: \(sets.joined(separator: ", ")))."),
        fix: L("Nạp sổ đơn vị bằng `papi units load FILE --set \(set)`.", "Load the register with `papi units load FILE --set \(set)`."))
    }
    if sets.isEmpty { return [] }
    let register = try registerUnits(set: set)
    var unknown: [String] = []
    var warnings: [Diagnostic] = []
    for (level, units) in table.units.levels.enumerated() {
      for unit in units {
        guard let known = register[unit.code] else {
          unknown.append(level == 0 ? unit.code : "\(unit.code) (cấp/level \(level))")
          continue
        }
        if let name = unit.name, foldedUnitName(name) != foldedUnitName(known.name) {
          warnings.append(
            Diagnostic(
              .warning, SourceLocation(file: files.joined(separator: ", ")), value: name,
              message: L("tên đơn vị \(unit.code) trong tệp khác với sổ đơn vị (\"\(known.name)\").",
                         "the name of unit \(unit.code) in the export differs from the register (\"\(known.name)\")."),
              fix: L("Kiểm tra mã đơn vị của các dòng này; nếu mã đúng, có thể bỏ qua.",
                     "Check these rows' unit code; if the code is right, this can be ignored.")))
        }
      }
    }
    if !unknown.isEmpty {
      throw PapiError(
        file: files.joined(separator: ", "), value: unknown.sorted().prefix(30).joined(separator: ", ") + (unknown.count > 30 ? ", …" : ""),
        message: L("\(unknown.count) mã đơn vị không có trong sổ đơn vị\(set.map { " \($0)" } ?? ""); không có gì được lưu.",
                   "\(unknown.count) unit codes are not in the unit register\(set.map { " \($0)" } ?? ""); nothing was stored."),
        fix: L("Sửa các mã trong tệp, hoặc nạp sổ đơn vị đúng với thời điểm khảo sát (--units).",
               "Correct these codes in the export, or load the register in force at the time of the survey (--units)."))
    }
    return warnings
  }
}
