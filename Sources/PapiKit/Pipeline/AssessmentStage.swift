/// Targets and flags (PRODUCT.md §5): each rule's target, from a number, the previous wave,
/// the peers' mean or a published benchmark, and every unit's flags.
public enum AssessmentStage {
  /// The flags of every unit of `scores` against `targets`.
  public static func assess(
    _ scores: ScoreReport, previous: ScoreReport?, previousWave: String?, targets: TargetSet,
    questionnaire: Questionnaire,
    benchmarks: [String: [String: PublishedUnit]], groups: [String: String] = [:], published: Bool = false
  ) -> WeaknessReport {
    FlagEngine.evaluate(
      scores: scores, previous: previous, previousWave: previousWave, targets: targets, questionnaire: questionnaire,
      published: benchmarks, groups: groups, isPublished: published)
  }

  /// The published scores the `benchmark:` rules of this level use. Without a store, or
  /// when a set is not loaded, those rules are left without a target (flagged
  /// `insufficient`) and a warning says so.
  public static func benchmarks(
    _ targets: TargetSet, wave: String?, level: String, reference: (any ReferenceRepository)?,
    warnings: inout [Diagnostic]
  ) throws(PapiError) -> [String: [String: PublishedUnit]] {
    let names = Set(
      targets.rules.compactMap { rule -> String? in
        guard case .benchmark(let name) = rule.kind else { return nil }
        if case .level(let scope) = rule.scope, scope != level { return nil }
        return name
      })
    var published: [String: [String: PublishedUnit]] = [:]
    guard !names.isEmpty else { return published }
    let loaded = try reference?.publishedSets() ?? []
    for name in names.sorted() {
      guard let reference, loaded.contains(name), let wave else {
        warnings.append(
          Diagnostic(
            .warning, SourceLocation(file: targets.source), value: name,
            message: wave == nil
              ? L(
                "mục tiêu theo điểm công bố `\(name)` cần --wave (năm); các mục tiêu này để trống.",
                "targets from published set `\(name)` need --wave (the year); they are left empty.")
              : L(
                "chưa nạp bộ điểm công bố `\(name)`; các mục tiêu theo bộ này để trống.",
                "published set `\(name)` is not loaded; its targets are left empty."),
            fix: L(
              "Nạp bằng `papi benchmarks load FILE --name \(name)`.",
              "Load it with `papi benchmarks load FILE --name \(name)`.")))
        continue
      }
      published[name] = try reference.publishedUnits(set: name, wave: wave)
    }
    return published
  }
}
