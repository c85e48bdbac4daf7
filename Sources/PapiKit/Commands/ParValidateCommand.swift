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

extension ParCheck {
  /// What the check found, in a sentence naming the unit and both figures.
  public func message(unit: String) -> LocalizedText {
    let vi = NumberFormatting(language: .vi)
    let en = NumberFormatting(language: .en)
    let decimals = kind == .ruleMismatch ? 3 : 2
    let (given, found) = (
      (vi.trimmed(stated, 3), en.trimmed(stated, 3)), (vi.fixed(computed, decimals), en.fixed(computed, decimals))
    )
    switch kind {
    case .statedMismatch where criterion == "index":
      return L(
        "\(unit): chỉ số ghi \(given.0) nhưng điểm các tiêu chí cho chỉ số \(found.0).",
        "\(unit): the index is stated as \(given.1) but the criteria's points give \(found.1).")
    case .statedMismatch:
      return L(
        "\(unit) \(criterion == "total" ? "tổng điểm" : "lĩnh vực \(criterion)") ghi \(given.0) điểm nhưng các "
          + "tiêu chí cộng lại được \(found.0).",
        "\(unit) \(criterion == "total" ? "total" : "field \(criterion)") is stated as \(given.1) but its criteria "
          + "add up to \(found.1).")
    case .ruleMismatch:
      return L(
        "\(unit) tiêu chí \(criterion): điểm \(given.0), nhưng quy tắc cho \(found.0) với các số đếm đã ghi.",
        "\(unit) criterion \(criterion): scored \(given.1), but its rule gives \(found.1) for the counts given.")
    case .percentMismatch:
      let written = text ?? "\(given.0)%"
      return L(
        "\(unit) tiêu chí \(criterion): lý do ghi \(written) nhưng tử số/mẫu số là \(found.0)%.",
        "\(unit) criterion \(criterion): the reason writes \(written) but numerator/denominator is \(found.1)%.")
    }
  }

  public var fix: LocalizedText {
    switch kind {
    case .statedMismatch: L("Đối chiếu với văn bản gốc.", "Check it against the original document.")
    case .ruleMismatch: L("Kiểm tra điểm và các số đếm.", "Check the score and the counts.")
    case .percentMismatch: L("Kiểm tra tỷ lệ trong lý do.", "Check the percentage in the reason.")
    }
  }
}
