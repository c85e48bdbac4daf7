/// Renders scores for an 80-column terminal: one line per unit with the total and every
/// dimension, then, for a single unit, every dimension and sub-dimension with its 95% CI.
public struct ScoreTableRenderer: Renderer {
  public var questionnaire: Questionnaire
  public var language: Language
  /// Every dimension and sub-dimension of each unit, with CIs (one unit asked for).
  public var detail: Bool

  public init(questionnaire: Questionnaire, language: Language, detail: Bool) {
    self.questionnaire = questionnaire
    self.language = language
    self.detail = detail
  }

  public func render(_ report: ScoreReport, to sink: inout some OutputSink) {
    let format = NumberFormatting(language: language)
    let scheme = ScoringScheme(report.kind)
    let decimals = scheme.decimals
    let vi = language == .vi
    var out = ""
    let levelName = levelLabel(report.level, language)
    out +=
      vi
      ? "\(questionnaire.id): điểm theo \(levelName), \(report.units.count) đơn vị\n"
      : "\(questionnaire.id): scores by \(levelName), \(report.units.count) unit\(report.units.count == 1 ? "" : "s")\n"
    out += scheme.scaleLegend(dimensions: questionnaire.dimensions.count).text(language) + "\n"
    if let column = report.weights { out += ScoreReport.weightsNote(column).text(language) + "\n" }
    for note in report.designNotes {
      out += wrap(note.text(language), width: 80, indent: 0).joined(separator: "\n") + "\n"
    }
    if report.reading.incompleteLeftOut > 0 {
      out += IncompleteResponses.line(report.reading.incompleteLeftOut).text(language) + "\n"
    }
    if let set = report.unitsAsOf {
      out +=
        vi
        ? "Điểm SUY RA: người trả lời được quy đổi sang các đơn vị của bộ \(set)\n(qua bảng chuyển đổi).\n"
        : "DERIVED scores: respondents converted to the units of \(set) through a crosswalk.\n"
    }
    out += "\n"
    let dimensionWidth = scheme.columnWidth
    let nameWidth = max(10, 80 - 6 - 5 - 13 - dimensionWidth * questionnaire.dimensions.count - 1)
    var heading = fit(vi ? "Mã" : "Code", 5) + " " + fit(vi ? "Tên" : "Name", nameWidth) + " "
    heading += fit("n", 4, right: true) + " " + fit(vi ? "Tổng" : "Total", 12)
    for dimension in questionnaire.dimensions { heading += fit(dimension.id.uppercased(), dimensionWidth, right: true) }
    out += heading + "\n"
    for unit in report.units {
      var line = fit(printable(unit.code), 5) + " " + fit(printable(unit.name ?? ""), nameWidth) + " "
      line += fit(String(unit.respondents), 4, right: true) + " "
      var total = format.fixed(unit.total.value, decimals)
      if let se = unit.total.se { total += " ±" + format.fixed(unit.total.critical95 * se, decimals) }
      line += fit(total, 12)
      for dimension in unit.dimensions {
        line += fit(format.fixed(dimension.score.value, decimals), dimensionWidth, right: true)
      }
      out += line + "\n"
    }
    out += "\n"
    var legend = ""
    for dimension in questionnaire.dimensions {
      let item = "\(dimension.id.uppercased()) \((dimension.short ?? dimension.name).text(language))"
      if legend.isEmpty {
        legend = item
      } else if legend.count + 3 + item.count > 80 {
        out += legend + "\n"
        legend = item
      } else {
        legend += " · " + item
      }
    }
    out += legend + "\n"
    sink.write(out)
    if detail {
      for unit in report.units {
        sink.write("\n" + Self.unitDetail(unit, questionnaire: questionnaire, language: language))
      }
    }
  }

  static func unitDetail(_ unit: UnitScore, questionnaire: Questionnaire, language: Language) -> String {
    let format = NumberFormatting(language: language)
    let vi = language == .vi
    let decimals = questionnaire.scheme.decimals
    var out = ""
    let designed = unit.total.design != nil
    var title = printable(unit.name.map { "\($0) (\(unit.code))" } ?? unit.code)
    if let parent = unit.parentLabel { title += vi ? " — thuộc \(parent)" : " — in \(parent)" }
    title += vi ? " — \(unit.respondents) người trả lời" : " — \(unit.respondents) respondents"
    out += title + "\n"
    out +=
      fit(vi ? "Chỉ số" : "Measure", 40) + fit(vi ? "Điểm" : "Score", 7, right: true)
      + "  " + fit(vi ? "KTC 95%" : "95% CI", 15) + fit("n", 5, right: true)
      + (designed ? fit(vi ? "n hd" : "n eff", 7, right: true) : "") + "\n"
    func line(_ label: String, _ estimate: Estimate, indent: Int) -> String {
      var text = fit(String(repeating: " ", count: indent) + label, 40)
      text += fit(format.fixed(estimate.value, decimals), 7, right: true) + "  "
      let interval = estimate.low.map { "\(format.fixed($0, decimals))–\(format.fixed(estimate.upp, decimals))" } ?? "—"
      text += fit(interval, 15) + fit(String(estimate.n), 5, right: true)
      if designed { text += fit(estimate.design?.nEff.map { format.fixed($0, 0) } ?? "—", 7, right: true) }
      if estimate.value != nil && !estimate.complete { text += vi ? " *" : " *" }
      return text + "\n"
    }
    out += line(vi ? "Tổng" : "Total", unit.total, indent: 0)
    for (dimension, score) in zip(questionnaire.dimensions, unit.dimensions) {
      out += line("\(dimension.id.uppercased()) \(dimension.name.text(language))", score.score, indent: 0)
      for (subdimension, subScore) in zip(dimension.subdimensions, score.subdimensions) {
        out += line("\(subdimension.id.dropFirst()) \(subdimension.name.text(language))", subScore.score, indent: 2)
      }
    }
    if designed {
      let legend =
        vi
        ? "n hd: số người trả lời hiệu dụng, n chia hệ số thiết kế deff (chính xác bằng chừng ấy người trả lời độc "
          + "lập)."
        : "n eff: effective respondents, n over the design effect deff (as precise as that many independent "
          + "respondents)."
      out += wrap(legend, width: 80, indent: 0).joined(separator: "\n") + "\n"
    }
    let partial = unit.dimensions.flatMap(\.subdimensions).contains { $0.score.value != nil && !$0.score.complete }
    if partial {
      out +=
        vi
        ? "* có chỉ số thành phần không có câu trả lời hợp lệ; điểm tính trên phần còn lại.\n"
        : "* some indicator has no valid answer; the score uses the others.\n"
    }
    return out
  }
}
