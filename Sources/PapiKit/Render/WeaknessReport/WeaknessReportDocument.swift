import Foundation

/// The weakness report as a document, for Markdown (`DocumentMedium.text`) and for the
/// printed page (`print`: HTML now, Word next): the overview heat map, then one section
/// per unit with its facts, flags, actions, citizen feedback, charts and the table of
/// scores against targets.
public struct WeaknessReportDocument: Sendable {
  public var report: WeaknessReport
  public var language: Language
  public var medium: DocumentMedium

  public init(_ report: WeaknessReport, language: Language, medium: DocumentMedium) {
    self.report = report
    self.language = language
    self.medium = medium
  }

  var vi: Bool { language == .vi }
  var format: NumberFormatting { NumberFormatting(language: language) }
  var decimals: Int { report.questionnaire.scheme.decimals }

  public var document: Document {
    var blocks: [Block] = [
      .paragraph(ReportRows.note(report, language), .note),
      .paragraph(
        [
          .strong(vi ? "Tóm tắt." : "Summary."),
          .text(
            " "
              + ReportSummary(report).sentences(report, language).joined(
                separator: " ")),
        ], .body),
      .figure(overview),
    ]
    if medium == .print { blocks.append(.paragraph(dimensionNames, .note)) }
    for unit in report.scores.units { blocks.append(.section(section(unit))) }
    return Document(
      kind: .weaknessReport, language: language, title: ReportRows.title(report, language), blocks: blocks)
  }

  /// The dimensions' names under the heat map, whose columns say only "D1" … "D8".
  private var dimensionNames: String {
    report.questionnaire.dimensions.map { ReportRows.metricName($0.id, report.questionnaire, language) }.joined(
      separator: " · ")
  }

  /// Units × dimensions, each cell coloured by its target status.
  private var overview: Figure {
    var columns = [Table.Column(vi ? "Đơn vị" : "Unit"), Table.Column("n"), Table.Column(vi ? "Tổng" : "Total")]
    for dimension in report.questionnaire.dimensions {
      columns.append(Table.Column(dimension.id.uppercased(), explanation: dimension.name.text(language)))
    }
    let rows = report.scores.units.map { unit in
      [
        Table.Cell([.text((unit.name ?? unit.code) + " "), .small("(\(unit.code))")]),
        Table.Cell(report.published ? "—" : String(unit.total.n)),
        heatCell(unit, "total", unit.total),
      ] + unit.dimensions.map { heatCell(unit, $0.id, $0.score) }
    }
    let legend =
      [FlagStatus.met, .below, .belowSignificant, .insufficient].map { ($0.label(language), Highlight.status($0)) }
      + [(FlagStatus.noTarget.label(language), Highlight.noTarget)]
    return .heatMap(Table(columns: columns, rows: rows), legend: legend)
  }

  private func heatCell(_ unit: UnitScore, _ metric: String, _ estimate: Estimate) -> Table.Cell {
    Table.Cell(
      format.fixed(estimate.value, decimals), highlight: highlight(report.assessment(unit.code, metric)?.status))
  }

  /// A status's colour; no status and `no_target` are both the white of "no target".
  private func highlight(_ status: FlagStatus?) -> Highlight {
    guard let status, status != .noTarget else { return .noTarget }
    return .status(status)
  }

  private func section(_ unit: UnitScore) -> [Block] {
    var blocks: [Block] = [.heading(2, ReportRows.unitTitle(unit))]
    blocks.append(facts(unit))
    if !report.published && unit.total.n < report.minN {
      let n = unit.total.n
      blocks.append(
        medium == .text
          ? .paragraph(
            [
              .strong(vi ? "Không đủ dữ liệu" : "Insufficient data"),
              .literal(
                vi ? " (n = \(n) < \(report.minN)): không đánh giá." : " (n = \(n) < \(report.minN)): not assessed."),
            ], .body)
          : .paragraph(
            vi
              ? "Không đủ dữ liệu (n = \(n) < \(report.minN)): không đánh giá."
              : "Insufficient data (n = \(n) < \(report.minN)): not assessed.",
            .status(.insufficient)))
    }
    let flags = (report.flags[unit.code] ?? []).filter { $0.status != .met }
    if !flags.isEmpty {
      let items = flags.map { ListItem(ReportRows.flagSentence($0, report, language), mark: .status($0.status)) }
      if medium == .text { blocks.append(.paragraph([.strong(vi ? "Cảnh báo" : "Flags")], .body)) }
      blocks.append(.list(items, medium == .text ? .plain : .flags))
    }
    let actions = report.actionLines(unit.code, language)
    if !actions.isEmpty {
      let title = vi ? "Nhiệm vụ" : "Actions"
      if medium == .text {
        blocks.append(.paragraph([.strong(title)], .body))
        blocks.append(.list(actions.map { ListItem($0) }, .plain))
      } else if let table = report.actionTable(unit.code, language) {
        // Printed, the counts: a commune's actions of two waves would not fit its two pages.
        blocks.append(.heading(3, title))
        blocks.append(.table(table))
        blocks.append(
          .paragraph(
            vi
              ? "Từng nhiệm vụ, cơ quan chủ trì, thời hạn và kết quả đo lại: sổ theo dõi nhiệm vụ (papi actions list "
                + "--unit \(unit.code), hoặc --format xlsx)."
              : "Each action, its lead, due date and re-measurement: the action register (papi actions list --unit "
                + "\(unit.code), or --format xlsx).", .note))
      }
    }
    let parNotes = report.parNotes(unit.code, language)
    if !parNotes.isEmpty {
      blocks.append(.paragraph([.strong(WeaknessReport.parHeading(language))], .body))
      blocks.append(.list(parNotes.map { ListItem($0) }, .plain))
    }
    let notes = report.feedbackNotes(unit.code, language)
    if !notes.isEmpty {
      if medium == .text {
        blocks.append(.paragraph([.strong(vi ? "Ý kiến người dân" : "Citizen feedback")], .body))
      } else {
        blocks.append(
          .heading(3, vi ? "Ý kiến người dân về các chỉ số bị cảnh báo" : "Citizen feedback on the flagged dimensions"))
      }
      let items = notes.map { note in
        var children = note.quotes.map { ListItem($0, mark: .quote) }
        if !note.acknowledged.isEmpty {
          children.append(
            ListItem(
              FeedbackText.acknowledged(language) + ":", children: note.acknowledged.map { ListItem($0, mark: .quote) })
          )
        }
        return ListItem(note.heading, children: children)
      }
      blocks.append(.list(items, medium == .text ? .plain : .feedback))
    }
    blocks.append(.figures([.radar(radar(unit)), .bars(bars(unit))]))
    blocks.append(.table(scoreTable(unit)))
    return blocks
  }

  /// Where the unit sits: its parent, respondents, rank and published group.
  private func facts(_ unit: UnitScore) -> Block {
    var facts: [String] = []
    if medium == .text {
      if let parent = unit.parentLabel { facts.append((vi ? "Thuộc: " : "In: ") + parent) }
      if !report.published { facts.append((vi ? "Số người trả lời: " : "Respondents: ") + "\(unit.respondents)") }
      if let rank = report.ranks[unit.code] { facts.append((vi ? "Hạng: " : "Rank: ") + "\(rank)") }
      if let group = report.groups[unit.code] { facts.append((vi ? "Nhóm: " : "Group: ") + group) }
      return .paragraph(facts.joined(separator: " · "), .body)
    }
    if let parent = unit.parentLabel { facts.append((vi ? "Thuộc " : "In ") + parent) }
    if !report.published { facts.append(vi ? "\(unit.respondents) người trả lời" : "\(unit.respondents) respondents") }
    if let rank = report.ranks[unit.code] { facts.append((vi ? "hạng " : "rank ") + String(rank)) }
    if let group = report.groups[unit.code] { facts.append((vi ? "nhóm " : "group ") + group) }
    return .paragraph(facts.joined(separator: " · "), .note)
  }

  /// The total, the dimensions and their sub-dimensions: score, CI, (n,) target, status,
  /// change.
  private func scoreTable(_ unit: UnitScore) -> Table {
    let printed = medium == .print
    var columns = [
      Table.Column(vi ? "Chỉ số" : "Measure"), Table.Column(vi ? "Điểm" : "Score", alignment: .right),
      Table.Column(vi ? "KTC 95%" : "95% CI"),
    ]
    if printed { columns.append(Table.Column("n")) }
    columns += [
      Table.Column(vi ? "Mục tiêu" : "Target", alignment: .right), Table.Column(vi ? "Trạng thái" : "Status"),
      Table.Column(vi ? "Thay đổi" : "Change", alignment: .right),
    ]
    let rows = ReportRows.rows(report, unit, language: language, subdimensions: true).map { row -> [Table.Cell] in
      let interval =
        row.estimate?.low.map { "\(format.fixed($0, decimals))–\(format.fixed(row.estimate?.upp, decimals))" } ?? "—"
      let label: [Inline] = row.depth > 0 ? [.indent, .text(row.label)] : [.strong(row.label)]
      var cells = [Table.Cell(label), Table.Cell(format.fixed(row.estimate?.value, decimals)), Table.Cell(interval)]
      if printed { cells.append(Table.Cell(report.published ? "—" : row.estimate.map { String($0.n) } ?? "—")) }
      cells += [
        Table.Cell(row.target.map { format.fixed($0, decimals) } ?? ""),
        Table.Cell(row.status?.label(language) ?? "", highlight: printed ? highlight(row.status) : nil),
        Table.Cell(ReportRows.signed(row.change, format, decimals)),
      ]
      return cells
    }
    return Table(columns: columns, rows: rows)
  }

  /// The dimensions on a radar against their targets, with rings at a quarter, half,
  /// three quarters and the whole of the dimensions' scale.
  private func radar(_ unit: UnitScore) -> RadarChart {
    let dimensions = report.questionnaire.dimensions
    let maximum = report.questionnaire.scheme.dimensionMaximum
    return RadarChart(
      axes: dimensions.map { $0.id.uppercased() }, values: unit.dimensions.map(\.score.value),
      targets: dimensions.map { report.assessment(unit.code, $0.id)?.target }, maximum: maximum,
      rings: [0.25, 0.5, 0.75, 1].map { RadarChart.Ring(value: maximum * $0, label: scaleText(maximum * $0)) },
      valueLabel: vi ? "■ điểm" : "■ score", targetLabel: vi ? "- - mục tiêu" : "- - target")
  }

  /// A number of a scale as short as it is exact: "10", "2,5", "3,33".
  private func scaleText(_ value: Double) -> String {
    for places in 0...1 where (value * pow(10, Double(places))).rounded() == value * pow(10, Double(places)) {
      return format.fixed(value, places)
    }
    return format.fixed(value, 2)
  }

  /// Each dimension (bold, on its 0–10 scale, against its target) and under it its
  /// sub-dimensions (each on its own scale, 10/k for PAPI), with CIs and targets; each
  /// number written out of its maximum, the scale its bar is drawn on.
  private func bars(_ unit: UnitScore) -> BarChart {
    let scheme = report.questionnaire.scheme
    var bars: [BarChart.Bar] = []
    func bar(_ label: String, _ metric: String, _ estimate: Estimate, maximum: Double) -> BarChart.Bar {
      let assessment = report.assessment(unit.code, metric)
      return BarChart.Bar(
        label: label, value: estimate.value,
        valueText: format.fixed(estimate.value, decimals) + " / " + scaleText(maximum), low: estimate.low,
        upp: estimate.upp, maximum: maximum, target: assessment?.target, status: assessment?.status)
    }
    for (dimension, scored) in zip(report.questionnaire.dimensions, unit.dimensions) {
      var head = bar(dimension.id.uppercased(), dimension.id, scored.score, maximum: scheme.dimensionMaximum)
      head.strong = !scored.subdimensions.isEmpty
      bars.append(head)
      let maximum = scheme.subdimensionMaximum(of: scored.subdimensions.count)
      for (subdimension, sub) in zip(dimension.subdimensions, scored.subdimensions) {
        bars.append(bar(String(subdimension.id.dropFirst()), subdimension.id, sub.score, maximum: maximum))
      }
    }
    return BarChart(
      caption: vi ? "điểm / tối đa" : "score / maximum", intervalLabel: vi ? "KTC 95%" : "95% CI",
      targetLabel: vi ? "mục tiêu" : "target", bars: bars)
  }
}
