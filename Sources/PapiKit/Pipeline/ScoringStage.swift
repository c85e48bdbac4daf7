/// Scores survey data at one level: every unit's indicators, sub-dimensions, dimensions and
/// total with their uncertainty (`Scorer`, PRODUCT.md §4).
public enum ScoringStage {
  public static func score(_ data: SurveyData, level: Int, wave: String?) throws(PapiError) -> ScoreReport {
    try SurveyDesignCheck.check(data.table, lonely: data.lonelyPSU, source: data.origin)
    var report = Scorer(questionnaire: data.questionnaire, lonely: data.lonelyPSU).score(
      data.table, level: level, wave: wave, levelNames: data.levels)
    report.unitsAsOf = data.unitsAsOf
    report.reading = data.reading
    return report
  }

  /// Another wave's respondents scored with this data's questionnaire, for the change
  /// from one wave to the next.
  public static func score(
    _ previous: SurveyData, like current: SurveyData, level: Int, wave: String?
  ) throws(PapiError) -> ScoreReport {
    try SurveyDesignCheck.check(previous.table, lonely: current.lonelyPSU, source: previous.origin)
    return Scorer(questionnaire: current.questionnaire, lonely: current.lonelyPSU).score(
      previous.table, level: level, wave: wave)
  }
}
