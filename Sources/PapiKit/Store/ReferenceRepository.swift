/// Reference data: unit registers, the crosswalks between them, and published scores.
public protocol ReferenceRepository: Repository {
  /// Stores `units` as the unit set `name`, replacing an earlier load of the same set.
  func replaceUnitSet(_ name: String, units: [RegisterUnit], file: String, sha256: String) throws(PapiError)
  /// The units of a loaded set, or of every set when `name` is nil, by code.
  func registerUnits(set name: String?) throws(PapiError) -> [String: RegisterUnit]
  /// The loaded sets' names.
  func unitSets() throws(PapiError) -> [String]
  /// Stores a crosswalk into the set `to`, replacing an earlier one.
  func replaceCrosswalk(to set: String, links: [CrosswalkLink], file: String) throws(PapiError)
  /// The crosswalk into `set`: old code → (new code, share), new codes in order.
  func crosswalk(to set: String) throws(PapiError) -> [String: [(code: String, share: Double)]]
  /// Stores published scores as the set `name`, replacing an earlier load.
  func replacePublishedSet(
    _ name: String, scores: [PublishedScore], groups: [PublishedGroup], file: String, sha256: String
  ) throws(PapiError)
  /// The published units of set `name` in `wave`, by code.
  func publishedUnits(set name: String, wave: String) throws(PapiError) -> [String: PublishedUnit]
  /// The loaded published sets' names.
  func publishedSets() throws(PapiError) -> [String]
}

extension ReferenceRepository {
  /// The units of the loaded set `set`; when it is not loaded, an error with `fix` (how to
  /// load what the command needs).
  public func loadedUnits(set: String, fix: LocalizedText) throws(PapiError) -> [String: RegisterUnit] {
    let units = try registerUnits(set: set)
    if units.isEmpty {
      throw PapiError(
        .notFound, file: location, value: set,
        message: L("chưa nạp bộ đơn vị \(set).", "unit set \(set) is not loaded."),
        fix: fix)
    }
    return units
  }
}
