/// A lost PAR INDEX criterion that bears on a PAPI dimension (`papi: [d5]` in its set), to
/// show beside the PAPI flags of the same unit: the year, the criterion, its points and the
/// offices it falls to.
public struct ParPapiLink: Sendable, Equatable {
  public var year: String
  public var criterion: String
  public var name: LocalizedText
  public var score: Double
  public var maximum: Double
  public var dimensions: [String]
  public var offices: [String]
}

extension ParPapiLink {
  /// The links of `units` from the latest stored PAR year not after `wave` (years and waves
  /// compare as `WaveOrder` does), by unit code.
  static func links(
    for units: Set<String>, wave: String, years repository: any ParRepository
  ) throws(PapiError) -> [String: [ParPapiLink]] {
    guard let year = try repository.parYears().filter({ !WaveOrder.before(wave, $0) }).max(by: WaveOrder.before),
      let stored = try repository.parYear(year)
    else { return [:] }
    let set = try stored.criteria()
    guard set.leaves.contains(where: { !$0.papi.isEmpty }) else { return [:] }
    let rows = stored.results.filter { units.contains($0.unitCode) }
    guard !rows.isEmpty else { return [:] }
    var links: [String: [ParPapiLink]] = [:]
    for unit in try ParIndex.score(set, results: rows, stated: []) {
      for loss in unit.lost {
        guard let criterion = set.criterion(loss.criterion), !criterion.papi.isEmpty else { continue }
        links[unit.code, default: []].append(
          ParPapiLink(
            year: year, criterion: loss.criterion, name: criterion.name, score: loss.score, maximum: loss.maximum,
            dimensions: criterion.papi, offices: loss.offices.map(\.office.name)))
      }
    }
    return links
  }

  /// "Chỉ số CCHC 2024, tiêu chí 3.3.1 (Tỷ lệ …): đạt 1,5/3 điểm; d5; Văn phòng HĐND và UBND xã."
  func sentence(_ language: Language, dimensionNames: [String: String]) -> String {
    let text = ParText(language: language)
    let dimensions = dimensions.map { dimensionNames[$0] ?? $0 }.joined(separator: ", ")
    var sentence =
      language == .vi
      ? "Chỉ số CCHC \(year), tiêu chí \(criterion) (\(name.vi)): đạt \(text.fraction(score, maximum)) điểm, liên "
        + "quan đến \(dimensions)"
      : "PAR INDEX \(year), criterion \(criterion) (\(name.en)): \(text.fraction(score, maximum)) points, bearing on "
        + dimensions
    if !offices.isEmpty { sentence += "; " + offices.joined(separator: ", ") }
    return sentence + "."
  }
}
