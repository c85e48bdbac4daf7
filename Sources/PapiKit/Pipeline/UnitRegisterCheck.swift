/// An import's units against the unit register.
public enum UnitRegisterCheck {
  /// With a register loaded: every unit code of the import must be in it (an error listing
  /// the unknown ones), and a unit name that differs from the register's after folding is
  /// reported as a warning. `set` is the register to check against (every loaded one when
  /// nil).
  public static func check(
    _ table: ResponseTable, set: String?, files: [String], reference: any ReferenceRepository
  ) throws(PapiError) -> [Diagnostic] {
    let sets = try reference.unitSets()
    if let set, !sets.contains(set) {
      throw PapiError(
        .notFound, file: reference.location, value: set,
        message: L(
          "chưa nạp bộ đơn vị \(set) (có: \(sets.joined(separator: ", "))).",
          "unit set \(set) is not loaded (loaded: \(sets.joined(separator: ", ")))."),
        fix: L(
          "Nạp sổ đơn vị bằng `papi units load FILE --set \(set)`.",
          "Load the register with `papi units load FILE --set \(set)`."))
    }
    if sets.isEmpty { return [] }
    let register = try reference.registerUnits(set: set)
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
              message: L(
                "tên đơn vị \(unit.code) trong tệp khác với sổ đơn vị (\"\(known.name)\").",
                "the name of unit \(unit.code) in the export differs from the register (\"\(known.name)\")."),
              fix: L(
                "Kiểm tra mã đơn vị của các dòng này; nếu mã đúng, có thể bỏ qua.",
                "Check these rows' unit code; if the code is right, this can be ignored.")))
        }
      }
    }
    if !unknown.isEmpty {
      throw PapiError(
        file: files.joined(separator: ", "),
        value: unknown.sorted().prefix(30).joined(separator: ", ") + (unknown.count > 30 ? ", …" : ""),
        message: L(
          "\(unknown.count) mã đơn vị không có trong sổ đơn vị\(set.map { " \($0)" } ?? ""); không có gì được lưu.",
          "\(unknown.count) unit codes are not in the unit register\(set.map { " \($0)" } ?? ""); nothing was stored."),
        fix: L(
          "Sửa các mã trong tệp, hoặc nạp sổ đơn vị đúng với thời điểm khảo sát (--units).",
          "Correct these codes in the export, or load the register in force at the time of the survey (--units)."))
    }
    return warnings
  }
}
