/// Re-expresses respondents on another unit set through a crosswalk (the 2025 mergers):
/// each respondent counts towards every new unit its old commune maps to, with weight ×
/// share. Scores computed from the result are derived, and every output says so.
enum UnitConversion {
  struct Converted {
    var table: ResponseTable
    var levelNames: [String]
  }

  /// `level` is the level that will be scored: above the communes, a respondent whose old
  /// commune was split between new communes of the same parent counts once for that parent,
  /// with the shares added, so that n and the SE treat it as the one respondent it is.
  static func convert(
    _ table: ResponseTable, crosswalk: [String: [(code: String, share: Double)]], register: [String: RegisterUnit],
    set: String, source: String, level scored: Int = 0
  ) throws(PapiError) -> Converted {
    var converted = ResponseTable(indicatorCount: table.indicatorCount)
    converted.files = table.files
    // The new units' chains of parents, from the register.
    func chain(_ code: String) -> [String] {
      var result: [String] = []
      var current = register[code]?.parent
      while let parent = current, result.count < 10 {
        result.append(parent)
        current = register[parent]?.parent
      }
      return result
    }
    var missing: [String] = []
    let communes = table.units.levels[0]
    var targetsOf: [Int: [(code: String, share: Double)]] = [:]
    for (index, unit) in communes.enumerated() {
      if let targets = crosswalk[unit.code] {
        targetsOf[index] = targets
      } else if register[unit.code] != nil {
        targetsOf[index] = [(unit.code, 1)]
      } else {
        missing.append(unit.code)
      }
    }
    if !missing.isEmpty {
      throw PapiError(
        file: source, value: missing.sorted().joined(separator: ", "),
        message: L(
          "\(missing.count) xã không có trong bảng chuyển đổi sang \(set) và không có trong bộ \(set).",
          "\(missing.count) communes are neither in the crosswalk to \(set) nor in unit set \(set)."),
        fix: L(
          "Bổ sung các mã này vào bảng chuyển đổi (`papi units crosswalk FILE --to \(set)`).",
          "Add these codes to the crosswalk (`papi units crosswalk FILE --to \(set)`)."))
    }
    let depth = targetsOf.values.flatMap { $0 }.map { chain($0.code).count }.max() ?? 0
    converted.units.ensureLevels(1 + depth)
    for row in 0..<table.count {
      // This respondent's new communes, then (above commune level) one entry per new parent.
      var shares: [(unit: Int32, share: Double)] = []
      for target in targetsOf[Int(table.unit(row))] ?? [] {
        let unit = newCommune(target.code, in: &converted, chain: chain(target.code), depth: depth, register: register)
        if scored > 0, let ancestor = converted.units.levels[0][Int(unit)].parents.dropFirst(scored - 1).first,
          let index = shares.firstIndex(where: {
            converted.units.levels[0][Int($0.unit)].parents.dropFirst(scored - 1).first == ancestor
          })
        {
          shares[index].share += target.share
        } else {
          shares.append((unit, target.share))
        }
      }
      for (unit, share) in shares {
        converted.append(row: row, of: table, weight: table.weight(row) * share, unit: unit)
      }
    }
    var levelNames = ["commune"]
    if let first = converted.units.levels[0].first {
      levelNames = [register[first.code]?.level ?? "commune"]
      for level in 1..<converted.units.levels.count {
        let code = converted.units.levels[level].first?.code ?? ""
        levelNames.append(register[code]?.level ?? "level\(level)")
      }
    }
    return Converted(table: converted, levelNames: levelNames)
  }

  /// The index of new commune `code`, adding it with its parents and names when new.
  private static func newCommune(
    _ code: String, in converted: inout ResponseTable, chain parents: [String], depth: Int,
    register: [String: RegisterUnit]
  ) -> Int32 {
    let before = converted.units.levels[0].count
    let unit = converted.units.index(of: code, level: 0)
    guard Int(unit) == before else { return unit }
    var indices: [Int32] = []
    for (level, parent) in parents.enumerated() where level < depth {
      indices.append(converted.units.index(of: parent, level: level + 1))
    }
    converted.units.levels[0][Int(unit)].name = register[code]?.name
    converted.units.levels[0][Int(unit)].parents = indices
    for level in 0..<indices.count {
      converted.units.levels[level + 1][Int(indices[level])].parents = Array(indices[(level + 1)...])
      converted.units.levels[level + 1][Int(indices[level])].name = register[parents[level]]?.name
    }
    return unit
  }
}
