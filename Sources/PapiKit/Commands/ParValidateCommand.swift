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
    try ParResultsReader.check(results, stated: stated, against: set)
    let units = try ParIndex.score(set, results: results, stated: stated)
    ParValidateTable(set: set, language: language).render(units, to: &sink)
    return warnings(units)
  }

  /// Each check as a warning at the row it is about.
  static func warnings(_ units: [ParUnitScore]) -> [Diagnostic] {
    units.flatMap { unit in
      unit.checks.map { check in
        Diagnostic(
          .warning, check.origin, value: "\(unit.code) \(check.criterion)", message: check.message(unit: unit.code),
          fix: check.fix)
      }
    }
  }
}
