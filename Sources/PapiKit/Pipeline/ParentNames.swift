/// Names for unit codes where the data has none, so that a report says "thuộc Kon Tum
/// (62)", not "thuộc 62", and a province-level table names its provinces: the loaded unit
/// register's name valid at the end of the wave's year (PAPI's fieldwork is in its second
/// half), else the official province list of that year (`ProvinceCodes`). Without a year,
/// a register name is used only when every loaded set agrees on it.
enum ParentNames {
  static func fill(_ units: inout [UnitScore], wave: String?, reference: (any ReferenceRepository)?) {
    var register: [String: [RegisterUnit]] = [:]
    if let reference, let sets = try? reference.unitSets() {
      for set in sets {
        for (code, unit) in (try? reference.registerUnits(set: set)) ?? [:] { register[code, default: []].append(unit) }
      }
    }
    let year = wave.flatMap { Int($0.prefix(4)) }.flatMap { (1990...2199).contains($0) ? $0 : nil }
    func name(_ code: String) -> String? {
      let known = register[code] ?? []
      if let year {
        let day = "\(year)-12-31"
        if let unit = known.first(where: { ($0.validFrom ?? "") <= day && ($0.validTo.map { day <= $0 } ?? true) }) {
          return unit.name
        }
      } else {
        let names = Set(known.map(\.name))
        if names.count == 1 { return names.first }
      }
      return ProvinceCodes.name(code, year: year)
    }
    for index in units.indices {
      if units[index].name == nil { units[index].name = name(units[index].code) }
      if let parent = units[index].parent { units[index].parentName = name(parent) }
    }
  }
}
