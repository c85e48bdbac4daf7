/// Scores survey data at one level: every unit's indicators, sub-dimensions, dimensions and
/// total with their uncertainty (`Scorer`, PRODUCT.md §4).
public enum ScoringStage {
  public static func score(_ data: SurveyData, level: Int, wave: String?) -> ScoreReport {
    var report = Scorer(questionnaire: data.questionnaire).score(
      data.table, level: level, wave: wave, levelNames: data.levels)
    report.unitsAsOf = data.unitsAsOf
    report.reading = data.reading
    return report
  }

  /// Another wave's respondents scored with this data's questionnaire, for the change
  /// from one wave to the next.
  public static func score(_ previous: SurveyData, like current: SurveyData, level: Int, wave: String?) -> ScoreReport {
    Scorer(questionnaire: current.questionnaire).score(previous.table, level: level, wave: wave)
  }
}
