/// Published scores (a loaded set, such as the official provincial PAPI) as the source of
/// a report without respondent data: no n, SE or confidence interval.
public struct PublishedScores: Sendable {
  public var set: String
  public var reference: any ReferenceRepository
  /// The questionnaire naming the dimensions (PAPI's published eight when not given).
  public var questionnaire: Questionnaire

  public init(
    set: String, reference: any ReferenceRepository, questionnaire: Questionnaire = PublishedPAPI.questionnaire
  ) {
    self.set = set
    self.reference = reference
    self.questionnaire = questionnaire
  }

  /// The set's units in `wave`, by code.
  public func units(wave: String) throws(PapiError) -> [String: PublishedUnit] {
    try reference.publishedUnits(set: set, wave: wave)
  }

  /// Published units as a score report: each score an estimate with no uncertainty.
  public func report(_ units: [String: PublishedUnit], wave: String?) -> ScoreReport {
    func estimate(_ value: Double?) -> Estimate {
      Estimate(value: value, se: nil, low: nil, upp: nil, n: 0, complete: value != nil)
    }
    let scored = units.values.sorted { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }.map {
      unit in
      UnitScore(
        code: unit.code, name: unit.name, parent: unit.parent, respondents: 0, total: estimate(unit.scores["total"]),
        dimensions: questionnaire.dimensions.map {
          DimensionScore(id: $0.id, score: estimate(unit.scores[$0.id]), subdimensions: [])
        })
    }
    return ScoreReport(
      tool: "papi", version: PapiVersion.current, questionnaireID: questionnaire.id, kind: questionnaire.kind,
      wave: wave,
      level: units.values.first?.level ?? "province", units: scored, unitsAsOf: nil)
  }
}
