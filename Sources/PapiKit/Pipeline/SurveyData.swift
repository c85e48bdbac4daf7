/// Respondents with the questionnaire they answered, as a `WaveSource` gives them: what the
/// scoring stage takes.
public struct SurveyData: Sendable {
  public var questionnaire: Questionnaire
  public var table: ResponseTable
  /// The names of the unit levels, level 0 first (commune, district, province, or a
  /// register's levels after a crosswalk).
  public var levels: [String]
  /// Warnings met while reading.
  public var warnings: [Diagnostic]
  /// What the data came from, for messages: the export files, or the store.
  public var origin: String
  /// The unit set the respondents were converted to (`--as-of-units`): derived scores.
  public var unitsAsOf: String?
  /// What reading the exports left out or could not check.
  public var reading = ReadingSummary()
  /// What a stratum with one cluster adds to the variance (`--lonely-psu`), when the
  /// questionnaire declares a sample design.
  public var lonelyPSU = LonelyPSU.fail

  /// The index of level `name` (level 0 when nil); an unknown name is an error naming
  /// the levels there are.
  public func level(_ name: String?) throws(PapiError) -> Int {
    guard let name else { return 0 }
    guard let index = levels.firstIndex(of: name) else {
      throw PapiError(
        file: unitsAsOf == nil ? questionnaire.source : origin, value: name,
        message: L(
          "cấp `\(name)` không có (có: \(levels.joined(separator: ", "))).",
          "level `\(name)` does not exist (there are: \(levels.joined(separator: ", ")))."),
        fix: L("Dùng --level với một trong các cấp trên.", "Use --level with one of the levels above."))
    }
    return index
  }
}

/// A source of respondents: export files, a stored wave, a stored wave seen through a
/// crosswalk. Each reads its data when asked, so a command assembles sources first and
/// reads once.
public protocol WaveSource: Sendable {
  func read() throws(PapiError) -> SurveyData
}
