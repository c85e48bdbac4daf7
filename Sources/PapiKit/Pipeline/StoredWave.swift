/// A wave imported into the store, with the questionnaire it was imported with.
public struct StoredWave: WaveSource {
  public var name: String
  public var waves: any WaveRepository

  public init(_ name: String, in waves: any WaveRepository) {
    self.name = name
    self.waves = waves
  }

  public func read() throws(PapiError) -> SurveyData {
    let (questionnaire, table) = try waves.wave(name)
    return SurveyData(
      questionnaire: questionnaire, table: table, levels: UnitLevels.names(for: questionnaire.respondent), warnings: [],
      origin: waves.location)
  }
}
