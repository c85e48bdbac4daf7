import Foundation
import GRDB

extension Store {
  /// Loads a crosswalk CSV (old code, new code, share) into the units of set `to`, replacing
  /// an earlier crosswalk into that set. Each old code's shares must add up to 1 (a split
  /// commune's parts; a merged commune's sources each give 1 to the new one).
  public func loadCrosswalk(file: String, to set: String, read options: ReadOptions = ReadOptions()) throws(PapiError) -> Int {
    let register = try registerUnits(set: set)
    if register.isEmpty {
      throw PapiError(
        file: path, value: set,
        message: L("chưa nạp bộ đơn vị \(set).", "unit set \(set) is not loaded."),
        fix: L("Nạp sổ đơn vị mới trước: `papi units load FILE --set \(set)`.", "Load the new register first: `papi units load FILE --set \(set)`."))
    }
    let table = try CSVTable.read(file, options: options)
    guard let old = table.column(["old_code", "ma_cu", "mã cũ", "from"]), let new = table.column(["new_code", "ma_moi", "mã mới", "to"]),
      let share = table.column(["share", "ty_le", "tỷ lệ", "weight"])
    else {
      throw PapiError(
        file: file, line: 1, value: table.header.joined(separator: ", "),
        message: L("bảng chuyển đổi cần các cột old_code, new_code, share.", "a crosswalk needs the columns old_code, new_code, share."),
        fix: L("Đặt tên cột như trên (hoặc ma_cu, ma_moi, ty_le).", "Name the columns as above (or ma_cu, ma_moi, ty_le)."))
    }
    var rows: [(old: String, new: String, share: Double, line: Int)] = []
    var problems: [Diagnostic] = []
    for (line, fields) in table.rows {
      let oldCode = old < fields.count ? fields[old] : ""
      let newCode = new < fields.count ? fields[new] : ""
      let text = share < fields.count ? fields[share] : ""
      guard !oldCode.isEmpty, !newCode.isEmpty, let value = Double(text.replacingOccurrences(of: ",", with: ".")), value > 0, value <= 1 else {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file, line: line), value: fields.joined(separator: ","),
            message: L("cần mã cũ, mã mới và tỷ lệ trong (0, 1].", "needs an old code, a new code and a share in (0, 1]."),
            fix: L("Sửa dòng này.", "Correct this line.")))
        continue
      }
      if register[newCode] == nil {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: file, line: line, column: new + 1, columnName: table.header[new]), value: newCode,
            message: L("mã mới \(newCode) không có trong bộ đơn vị \(set).", "new code \(newCode) is not in unit set \(set)."),
            fix: L("Sửa mã, hoặc nạp đúng sổ đơn vị mới.", "Correct the code, or load the right new register.")))
        continue
      }
      rows.append((oldCode, newCode, value, line))
    }
    var totals: [String: Double] = [:]
    for row in rows { totals[row.old, default: 0] += row.share }
    for (code, total) in totals.sorted(by: { $0.key < $1.key }) where abs(total - 1) > 1e-6 {
      problems.append(
        Diagnostic(
          .error, SourceLocation(file: file, line: rows.first { $0.old == code }?.line), value: code,
          message: L("tổng tỷ lệ của mã cũ \(code) là \(total), không phải 1.", "the shares of old code \(code) add up to \(total), not 1."),
          fix: L("Một xã cũ chia cho các xã mới theo tỷ lệ có tổng bằng 1.", "An old commune's shares across new units must add up to 1.")))
    }
    if !problems.isEmpty { throw PapiError(problems) }
    try run(L("không lưu được bảng chuyển đổi", "cannot store the crosswalk")) {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM crosswalk WHERE to_set = ?", arguments: [set])
        let insert = try db.makeStatement(sql: "INSERT INTO crosswalk (to_set, old_code, new_code, share, file) VALUES (?, ?, ?, ?, ?)")
        for row in rows { try insert.execute(arguments: [set, row.old, row.new, row.share, file]) }
      }
    }
    return rows.count
  }

  /// The crosswalk into `set`: old code → (new code, share), in file order of new codes.
  func crosswalk(to set: String) throws(PapiError) -> [String: [(code: String, share: Double)]] {
    try run(L("không đọc được bảng chuyển đổi", "cannot read the crosswalk")) {
      try queue.read { db in
        var map: [String: [(code: String, share: Double)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT old_code, new_code, share FROM crosswalk WHERE to_set = ? ORDER BY old_code, new_code", arguments: [set]) {
          map[row[0], default: []].append((row[1], row[2]))
        }
        return map
      }
    }
  }
}
