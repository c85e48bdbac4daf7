/// Reads a unit register (code, name, level, parent code, valid from, valid to), as
/// `papi units load` stores it: every problem is listed, and any means no unit is returned.
enum UnitRegisterReader {
  static func read(
    _ path: String, options: ReadOptions = ReadOptions()
  ) throws(PapiError) -> (units: [RegisterUnit], sha256: String) {
    let table = try RecordTable.read(path, options: options)
    do throws(PapiError) {
      func required(_ names: [String], _ label: String) throws(PapiError) -> Int {
        guard let index = table.column(names) else {
          throw PapiError(
            file: path, line: 1, value: table.header.joined(separator: ", "),
            message: L(
              "không có cột \(label) (\(names.joined(separator: " | "))).",
              "no \(label) column (\(names.joined(separator: " | ")))."),
            fix: L(
              "Sổ đơn vị cần các cột: code, name, level, parent_code, valid_from, valid_to.",
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
      for row in table.rows {
        guard let unitCode = row.value(code), let label = row.value(unitName), let unitLevel = row.value(level) else {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path, line: row.line), value: row.joined,
              message: L("thiếu mã, tên hoặc cấp của đơn vị.", "the unit's code, name or level is empty."),
              fix: L("Điền đủ ba cột này.", "Fill in all three columns.")))
          continue
        }
        if let first = seen[unitCode] {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path, line: row.line, column: code + 1, columnName: table.header[code]),
              value: unitCode,
              message: L(
                "mã \(unitCode) lặp lại (đã có ở dòng \(first)).",
                "code \(unitCode) repeats (already on line \(first))."),
              fix: L("Mỗi đơn vị một dòng.", "One line per unit.")))
          continue
        }
        seen[unitCode] = row.line
        units.append(
          RegisterUnit(
            code: unitCode, name: label, level: unitLevel, parent: row.value(parent), validFrom: row.value(from),
            validTo: row.value(to)))
      }
      let codes = Set(units.map(\.code))
      for unit in units {
        if let parentCode = unit.parent, !codes.contains(parentCode) {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path, line: seen[unit.code]), value: parentCode,
              message: L(
                "đơn vị cấp trên \(parentCode) của \(unit.code) không có trong sổ.",
                "parent \(parentCode) of \(unit.code) is not in the register."),
              fix: L(
                "Thêm dòng cho đơn vị \(parentCode), hoặc sửa mã cấp trên.",
                "Add a line for unit \(parentCode), or correct the parent code.")))
        }
      }
      if !problems.isEmpty { throw PapiError(problems) }
      return (units, table.sha256)
    } catch {
      // A workbook's rows are named with their sheet.
      throw error.inSheet(table.sheet, of: path)
    }
  }
}
