/// Feedback beside a unit's flagged dimensions in the weakness report.
struct FeedbackNote {
  var heading: String
  /// Complaints and requests: the evidence.
  var quotes: [String]
  /// Praise, shown apart under "Ý kiến ghi nhận".
  var acknowledged: [String] = []
}

extension WeaknessReport {
  /// The dimensions of a unit's flags that say it is weak (below a target, or declined),
  /// in questionnaire order; a sub-dimension's or an indicator's flag counts for its
  /// dimension.
  func flaggedDimensions(_ code: String) -> [String] {
    let dimensionOf = questionnaire.dimensionOfMetric
    let weak = (flags[code] ?? []).filter { [.below, .belowSignificant, .declined].contains($0.status) }
    let dimensions = Set(weak.compactMap { dimensionOf[$0.metric] })
    return questionnaire.dimensions.map(\.id).filter(dimensions.contains)
  }

  /// For each flagged dimension of the unit: what citizens said about it (count, share,
  /// change, frequent terms), up to `quotes` complaints or requests as evidence, and up to
  /// `quotes` items of praise apart. Empty without stored feedback.
  func feedbackNotes(_ code: String, _ language: Language, quotes: Int = 3) -> [FeedbackNote] {
    guard let feedback else { return [] }
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    let unit = feedback.unit(code)
    return flaggedDimensions(code).map { dimension in
      let name = FeedbackText.dimensionName(dimension, questionnaire, language)
      guard let theme = unit?.theme(dimension) else {
        return FeedbackNote(
          heading: vi ? "\(name): không có ý kiến nào của người dân." : "\(name): no citizen feedback.", quotes: [])
      }
      var heading =
        vi
        ? "\(name): \(theme.count) ý kiến (\(FeedbackText.percent(theme.share, format)) ý kiến của đơn vị)"
        : "\(name): \(theme.count) items (\(FeedbackText.percent(theme.share, format)) of the unit's feedback)"
      let change = FeedbackText.change(theme, format, language)
      if !change.isEmpty, let previous = feedback.previousWave {
        heading += vi ? ", \(change) so với \(previous)" : ", \(change) on \(previous)"
      }
      if !theme.terms.isEmpty {
        heading += (vi ? "; từ khóa: " : "; terms: ") + theme.terms.prefix(3).map(\.term).joined(separator: ", ")
      }
      return FeedbackNote(
        heading: heading + ".", quotes: theme.quotes.prefix(quotes).map { FeedbackText.quote($0, language) },
        acknowledged: theme.acknowledged.prefix(quotes).map { FeedbackText.quote($0, language) })
    }
  }
}

extension WeaknessReport {
  /// The unit's lost PAR INDEX criteria that bear on PAPI dimensions, one sentence each,
  /// those on a flagged dimension first.
  func parNotes(_ code: String, _ language: Language) -> [String] {
    guard let links = parLinks[code], !links.isEmpty else { return [] }
    let flagged = Set(flaggedDimensions(code))
    var names: [String: String] = [:]
    for dimension in questionnaire.dimensions {
      names[dimension.id] = FeedbackText.dimensionName(dimension.id, questionnaire, language)
    }
    return links.enumerated()
      .sorted {
        ($0.element.dimensions.contains(where: flagged.contains) ? 0 : 1, $0.offset) < (
          $1.element.dimensions.contains(where: flagged.contains) ? 0 : 1, $1.offset
        )
      }
      .map { $0.element.sentence(language, dimensionNames: names) }
  }

  /// The heading of those sentences.
  static func parHeading(_ language: Language) -> String {
    language == .vi
      ? "Tiêu chí Chỉ số CCHC mất điểm liên quan đến các chỉ số PAPI:"
      : "Lost PAR INDEX criteria bearing on the PAPI dimensions:"
  }
}
