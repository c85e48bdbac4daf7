/// The lines a report shows for one unit: total, rank, dimensions (and sub-dimensions), each
/// with its target, status and change from the previous wave.
struct ReportRow {
  var metric: String
  var label: String
  var estimate: Estimate?
  var target: Double?
  var status: FlagStatus?
  var change: Double?
  var depth: Int
}

enum ReportRows {
  /// "BÁO CÁO ĐIỂM YẾU — papi-2024 — đợt 2024 so với 2023 — xã".
  static func title(_ report: WeaknessReport, _ language: Language) -> String {
    let vi = language == .vi
    var text = vi ? "BÁO CÁO ĐIỂM YẾU" : "WEAKNESS REPORT"
    text += " — \(report.scores.questionnaireID)"
    if let wave = report.scores.wave { text += vi ? " — đợt \(wave)" : " — wave \(wave)" }
    if let previous = report.previousWave, report.previous != nil {
      text += vi ? " so với \(previous)" : " vs \(previous)"
    }
    return text + " — " + levelLabel(report.scores.level, language)
  }

  /// What the report cannot say: which units are not assessed, or that published scores
  /// have no uncertainty.
  static func note(_ report: WeaknessReport, _ language: Language) -> String {
    let vi = language == .vi
    if report.published {
      return vi
        ? "Điểm công bố: không có dữ liệu người trả lời nên không có n, sai số hay KTC."
        : "Published scores: no respondent data, so no n, SE or CI."
    }
    // What the numbers are: weighted, and compared with another instrument's.
    var caveats = report.scores.weights.map { " " + ScoreReport.weightsNote($0).text(language) } ?? ""
    for note in report.scores.designNotes { caveats += " " + note.text(language) }
    for set in report.otherInstrument {
      let note = WeaknessReport.otherInstrumentNote(set, questionnaire: report.scores.questionnaireID).text(language)
      caveats += " " + note.prefix(1).uppercased() + note.dropFirst()
    }
    return
      (vi
      ? "Đơn vị có n < \(report.minN) không được đánh giá (không đủ dữ liệu)."
      : "Units with n < \(report.minN) are not assessed (insufficient data).") + caveats
  }

  /// "Xã Đắk Pnê (23491)", or the code alone.
  static func unitTitle(_ unit: UnitScore) -> String { unit.name.map { "\($0) (\(unit.code))" } ?? unit.code }

  static func rows(
    _ report: WeaknessReport, _ unit: UnitScore, language: Language, subdimensions: Bool, short: Bool = false
  ) -> [ReportRow] {
    func row(_ metric: String, _ label: String, _ estimate: Estimate?, depth: Int) -> ReportRow {
      let assessment = report.assessment(unit.code, metric)
      var change: Double?
      if let now = estimate?.value, let then = report.previousEstimate(unit.code, metric)?.value { change = now - then }
      return ReportRow(
        metric: metric, label: label, estimate: estimate, target: assessment?.target, status: assessment?.status,
        change: change, depth: depth)
    }
    var rows = [row("total", language == .vi ? "Tổng" : "Total", unit.total, depth: 0)]
    for (dimension, scored) in zip(report.questionnaire.dimensions, unit.dimensions) {
      let name = (short ? (dimension.short ?? dimension.name) : dimension.name).text(language)
      rows.append(row(dimension.id, "\(dimension.id.uppercased()) \(name)", scored.score, depth: 0))
      guard subdimensions else { continue }
      for (subdimension, subScore) in zip(dimension.subdimensions, scored.subdimensions) {
        rows.append(
          row(
            subdimension.id, "\(subdimension.id.dropFirst()) \(subdimension.name.text(language))", subScore.score,
            depth: 1))
      }
    }
    return rows
  }

  /// A metric's name for people: "D7 Quản trị môi trường", "7.1 …", "Tổng", "Hạng".
  static func metricName(_ metric: String, _ questionnaire: Questionnaire, _ language: Language) -> String {
    switch metric {
    case "total": return language == .vi ? "Tổng" : "Total"
    case "rank": return language == .vi ? "Hạng" : "Rank"
    default: break
    }
    for dimension in questionnaire.dimensions {
      if dimension.id == metric { return "\(dimension.id.uppercased()) \(dimension.name.text(language))" }
      for subdimension in dimension.subdimensions {
        if subdimension.id == metric { return "\(subdimension.id.dropFirst()) \(subdimension.name.text(language))" }
        for indicator in subdimension.indicators where indicator.id == metric {
          return "\(indicator.id) \(indicator.text?.text(language) ?? "")"
        }
      }
    }
    return metric
  }

  /// One sentence per flag: "D7 Quản trị môi trường: thấp hơn rõ rệt — 4,64 < mục tiêu 5,00".
  static func flagSentence(_ flag: UnitFlag, _ report: WeaknessReport, _ language: Language) -> String {
    let format = NumberFormatting(language: language)
    let decimals = report.questionnaire.scheme.decimals
    let vi = language == .vi
    var text = "\(metricName(flag.metric, report.questionnaire, language)): \(flag.status.label(language))"
    switch flag.status {
    case .insufficient:
      if flag.score == nil {
        text += vi ? " — không có điểm" : " — no score"
      } else {
        text += vi ? " — không đủ số người trả lời (n < \(report.minN))" : " — too few respondents (n < \(report.minN))"
      }
    case .noTarget:
      // Only `previous:` and `benchmark:` rules can leave a target empty.
      text +=
        " — \(format.fixed(flag.score, decimals)); "
        + (vi
          ? "quy tắc không đặt được mục tiêu (chưa có điểm đợt trước hoặc điểm công bố để so sánh)"
          : "the rule could not set one (no earlier or published score to compare with)")
    case .weakest:
      text +=
        " — \(format.fixed(flag.score, decimals))"
        + (vi ? " (thấp nhất trong \(flag.rule?.uppercased() ?? ""))" : " (lowest in \(flag.rule?.uppercased() ?? ""))")
    case .declined:
      text +=
        " — \(format.fixed(flag.score, decimals)) " + (vi ? "so với" : "vs") + " \(format.fixed(flag.target, decimals))"
        + (vi ? " ở đợt \(flag.rule ?? "trước")" : " in wave \(flag.rule ?? "before")")
    default:
      if flag.metric == "rank" {
        text +=
          " — "
          + (vi
            ? "hạng \(format.fixed(flag.score, 0)), mục tiêu top \(format.fixed(flag.target, 0))"
            : "rank \(format.fixed(flag.score, 0)), target top \(format.fixed(flag.target, 0))")
      } else {
        let sign = flag.status == .met ? "≥" : "<"
        text +=
          " — \(format.fixed(flag.score, decimals)) \(sign) " + (vi ? "mục tiêu" : "target")
          + " \(format.fixed(flag.target, decimals))"
      }
    }
    if flag.complete == false { text += vi ? " (dữ liệu chưa đủ mọi chỉ số)" : " (not every indicator answered)" }
    return text
  }

  /// "+1,29", "−0,35", "—".
  static func signed(_ value: Double?, _ format: NumberFormatting, _ decimals: Int) -> String {
    guard let value else { return "—" }
    return (value >= 0 ? "+" : "") + format.fixed(value, decimals)
  }
}
