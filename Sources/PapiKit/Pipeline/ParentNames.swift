/// Names for the codes of the units above the scored ones, so that a report says "thuộc
/// Kon Tum (62)", not "thuộc 62": the loaded unit register's name, else the official
/// province list of the wave's year (`ProvinceCodes`).
enum ParentNames {
  static func fill(_ units: inout [UnitScore], wave: String?, reference: (any ReferenceRepository)?) {
    let register = (try? reference?.registerUnits(set: nil)) ?? [:]
    let year = wave.flatMap { Int($0.prefix(4)) }.flatMap { (1990...2199).contains($0) ? $0 : nil }
    for index in units.indices {
      guard let parent = units[index].parent else { continue }
      units[index].parentName = register[parent]?.name ?? ProvinceCodes.name(parent, year: year)
    }
  }
}
