import Foundation

/// How feedback reads in every human format: dimension names, shares, changes, quotes.
enum FeedbackText {
  /// Dimension names for labels: the stored wave's questionnaire when known, else PAPI's.
  static func dimensionName(_ id: String, _ questionnaire: Questionnaire?, _ language: Language) -> String {
    let dimensions = questionnaire?.dimensions ?? PublishedPAPI.questionnaire.dimensions
    return dimensions.first { $0.id == id }.map { "\(id.uppercased()) \($0.name.text(language))" } ?? id
  }

  /// The row of the items no lexicon term matched.
  static func unclassified(_ language: Language) -> String { language == .vi ? "chưa phân loại" : "unclassified" }

  static func percent(_ share: Double, _ format: NumberFormatting) -> String { format.fixed(100 * share, 0) + "%" }

  /// "+3 (+12 điểm %)" against the previous wave, or "" without one.
  static func change(_ theme: FeedbackSummary.Theme, _ format: NumberFormatting, _ language: Language) -> String {
    guard let count = theme.previousCount, let share = theme.previousShare else { return "" }
    let delta = theme.count - count
    let points = 100 * (theme.share - share)
    let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
    let pointSign = points > 0.05 ? "+" : points < -0.05 ? "−" : "±"
    return "\(sign)\(abs(delta)) (\(pointSign)\(format.fixed(abs(points), 0)) \(language == .vi ? "điểm %" : "pp"))"
  }

  /// The heading of the praise shown apart from the complaints and requests.
  static func acknowledged(_ language: Language) -> String {
    language == .vi ? "Ý kiến ghi nhận" : "Acknowledged comments"
  }

  static func quote(_ quote: FeedbackSummary.Quote, _ language: Language) -> String {
    let item = quote.item
    var source: [String] = []
    if let channel = item.channel {
      source.append(channel == "survey" ? (language == .vi ? "khảo sát" : "survey") : channel)
    }
    if let date = item.date { source.append(date) }
    return "“\(item.text)”" + (source.isEmpty ? "" : " (\(source.joined(separator: ", ")))")
  }

  static func heading(_ summary: FeedbackSummary, _ language: Language) -> (title: String, note: String) {
    let vi = language == .vi
    let title =
      vi
      ? "Ý kiến người dân theo chỉ số nội dung PAPI — đợt \(summary.wave)"
      : "Citizen feedback by PAPI dimension — wave \(summary.wave)"
    var note =
      vi
      ? "\(summary.items) ý kiến, \(summary.unclassified) chưa phân loại (không khớp từ nào của từ điển); thông tin "
        + "cá nhân đã được che."
      : "\(summary.items) items, \(summary.unclassified) unclassified (no lexicon term matched); personal data masked."
    if let previous = summary.previousWave {
      note += vi ? " So với đợt \(previous)." : " Compared with wave \(previous)."
    }
    return (title, note)
  }

  static func unitTitle(_ unit: FeedbackSummary.Unit) -> String {
    unit.name.map { "\($0) (\(unit.code))" } ?? unit.code
  }
}
