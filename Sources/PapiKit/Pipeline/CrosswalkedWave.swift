/// Respondents of another source re-expressed on a loaded unit set through its crosswalk
/// (the 2025 mergers): the scores are derived, and every output says so.
public struct CrosswalkedWave: WaveSource {
  public var base: any WaveSource
  /// The unit set to convert to.
  public var set: String
  public var reference: any ReferenceRepository
  /// The level that will be scored: above the communes a respondent whose old commune was
  /// split between new communes of one parent counts once for that parent.
  public var level: String?

  public init(_ base: any WaveSource, to set: String, reference: any ReferenceRepository, level: String?) {
    self.base = base
    self.set = set
    self.reference = reference
    self.level = level
  }

  public func read() throws(PapiError) -> SurveyData {
    var data = try base.read()
    let register = try reference.loadedUnits(
      set: set,
      fix: L(
        "Nạp sổ đơn vị và bảng chuyển đổi: `papi units load …`, `papi units crosswalk … --to \(set)`.",
        "Load the register and the crosswalk: `papi units load …`, `papi units crosswalk … --to \(set)`."))
    let crosswalk = try reference.crosswalk(to: set)
    let converted = try UnitConversion.convert(
      data.table, crosswalk: crosswalk, register: register, set: set, source: data.origin)
    data.levels = converted.levelNames
    // Above the communes, convert again so a split commune's respondents count once per parent.
    if let name = level, let index = converted.levelNames.firstIndex(of: name), index > 0 {
      data.table = try UnitConversion.convert(
        data.table, crosswalk: crosswalk, register: register, set: set, source: data.origin, level: index
      ).table
    } else {
      data.table = converted.table
    }
    data.unitsAsOf = set
    return data
  }
}
