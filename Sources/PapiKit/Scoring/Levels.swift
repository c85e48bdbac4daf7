/// The names of a questionnaire's unit levels: level 0 is the unit column (`commune`),
/// then the parent columns nearest first (PRODUCT.md §3.2).
public enum UnitLevels {
  public static func names(for respondent: RespondentColumns) -> [String] {
    switch respondent.parents.count {
    case 0: return ["commune"]
    case 1: return ["commune", "province"]
    case 2: return ["commune", "district", "province"]
    default: return ["commune"] + respondent.parents
    }
  }
}
