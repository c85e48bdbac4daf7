/// `papi par validate FILE… -c SET`: reads PAR INDEX results against a criteria set, refuses
/// them with every problem (file, line, column, value, fix), and otherwise shows each unit's
/// points, index, band and rank; the figures that do not add up are warnings naming the
/// file, line and both figures (PRODUCT.md §8.3, §8.4).
public enum ParValidateCommand {
  public static func run(
    files: [String], criteriaPath: String, read: ReadOptions = ReadOptions(), language: Language = .vi,
    to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    let set = try ParCriteriaLoader.load(path: criteriaPath)
    var results: [ParResult] = []
    var stated: [ParStated] = []
    var problems: [Diagnostic] = []
    for file in files {
      do throws(PapiError) {
        let (rows, figures) = try ParResultsReader.read(file, options: read)
        results += rows
        stated += figures
      } catch {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    try ParResultsReader.check(results, against: set)
    let units = try ParIndex.score(set, results: results, stated: stated)
    ParValidateTable(set: set, language: language).render(units, to: &sink)
    return warnings(units, results: results, stated: stated)
  }

  /// Each check as a warning at the row it is about.
  static func warnings(_ units: [ParUnitScore], results: [ParResult], stated: [ParStated]) -> [Diagnostic] {
    let vi = NumberFormatting(language: .vi)
    let en = NumberFormatting(language: .en)
    /// A figure as each language writes it, to `decimals` places.
    func shown(_ value: Double, _ decimals: Int = 2) -> (vi: String, en: String) {
      (vi.fixed(value, decimals), en.fixed(value, decimals))
    }
    var warnings: [Diagnostic] = []
    for unit in units {
      func row(_ criterion: String) -> SourceLocation {
        results.first { $0.unitCode == unit.code && $0.year == unit.year && $0.criterion == criterion }?.origin
          ?? SourceLocation(file: "")
      }
      for check in unit.checks {
        switch check {
        case .statedMismatch(let criterion, let figure, let computed):
          let (figure, computed) = (shown(figure), shown(computed))
          let origin =
            stated.first { $0.unitCode == unit.code && $0.year == unit.year && $0.criterion == criterion }?.origin
          warnings.append(
            Diagnostic(
              .warning, origin ?? SourceLocation(file: ""), value: "\(unit.code) \(criterion)",
              message: L(
                "\(unit.code) \(criterion == "total" ? "tổng điểm" : "lĩnh vực \(criterion)") ghi \(figure.vi) "
                  + "điểm nhưng các tiêu chí cộng lại được \(computed.vi).",
                "\(unit.code) \(criterion == "total" ? "total" : "field \(criterion)") is stated as "
                  + "\(figure.en) but its criteria add up to \(computed.en)."),
              fix: L("Đối chiếu với văn bản gốc.", "Check it against the original document.")))
        case .ruleMismatch(let criterion, let given, let computed):
          let (given, computed) = (shown(given), shown(computed, 3))
          warnings.append(
            Diagnostic(
              .warning, row(criterion), value: "\(unit.code) \(criterion)",
              message: L(
                "\(unit.code) tiêu chí \(criterion): điểm \(given.vi), nhưng quy tắc cho \(computed.vi) với các số "
                  + "đếm đã ghi.",
                "\(unit.code) criterion \(criterion): scored \(given.en), but its rule gives \(computed.en) for the "
                  + "counts given."),
              fix: L("Kiểm tra điểm và các số đếm.", "Check the score and the counts.")))
        case .percentMismatch(let criterion, let written, let computed):
          let (written, computed) = (shown(written), shown(computed))
          warnings.append(
            Diagnostic(
              .warning, row(criterion), value: "\(unit.code) \(criterion)",
              message: L(
                "\(unit.code) tiêu chí \(criterion): lý do ghi \(written.vi)% nhưng tử số/mẫu số là "
                  + "\(computed.vi)%.",
                "\(unit.code) criterion \(criterion): the reason writes \(written.en)% but numerator/denominator is "
                  + "\(computed.en)%."),
              fix: L("Kiểm tra tỷ lệ trong lý do.", "Check the percentage in the reason.")))
        }
      }
    }
    return warnings
  }
}
