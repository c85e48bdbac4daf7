/// `papi units load`, `papi units crosswalk` and `papi benchmarks load`: a reference file
/// read and checked whole (every problem listed) → stored, replacing an earlier load of
/// the same name.
public enum ReferenceCommands {
  /// Loads a unit register as the set `name`; returns the units loaded.
  public static func loadUnits(
    _ file: String, as name: String, read: ReadOptions = ReadOptions(), store: any ReferenceRepository
  ) throws(PapiError) -> Int {
    let register = try UnitRegisterReader.read(file, options: read)
    try store.replaceUnitSet(name, units: register.units, file: file, sha256: register.sha256)
    return register.units.count
  }

  /// Loads a crosswalk into the loaded set `set`; returns the rows loaded.
  public static func loadCrosswalk(
    _ file: String, to set: String, read: ReadOptions = ReadOptions(), store: any ReferenceRepository
  ) throws(PapiError) -> Int {
    let register = try store.loadedUnits(
      set: set,
      fix: L(
        "Nạp sổ đơn vị mới trước: `papi units load FILE --set \(set)`.",
        "Load the new register first: `papi units load FILE --set \(set)`."))
    let links = try CrosswalkReader.read(file, into: set, register: register, options: read)
    try store.replaceCrosswalk(to: set, links: links, file: file)
    return links.count
  }

  /// Loads published scores as the set `name`; returns the scores loaded.
  public static func loadPublished(
    _ file: String, as name: String, read: ReadOptions = ReadOptions(), store: any ReferenceRepository
  ) throws(PapiError) -> Int {
    let published = try PublishedScoresReader.read(file, options: read)
    try store.replacePublishedSet(
      name, scores: published.scores, groups: published.groups, file: file, sha256: published.sha256)
    return published.scores.count
  }
}
