/// How actions read in every human format: the unit, the flag that caused them, the
/// offices, and the re-measurement in a later wave.
struct ActionText {
  let language: Language
  let offices: [String: Office]
  var vi: Bool { language == .vi }
  var format: NumberFormatting { NumberFormatting(language: language) }

  func unit(_ action: ActionItem) -> String {
    action.unitName.map { "\($0) (\(action.unitCode))" } ?? action.unitCode
  }

  /// A title as a sentence: with a full stop unless it already ends with punctuation.
  func sentence(_ title: String) -> String {
    guard let last = title.last else { return title }
    return ".!?…".contains(last) ? title : title + "."
  }

  func office(_ name: String) -> String { offices[name]?.text(language) ?? name }

  func support(_ action: ActionItem) -> String { action.support.map(office).joined(separator: ", ") }

  func decimals(_ action: ActionItem) -> Int { action.metric == "rank" ? 0 : 2 }

  /// `4,12 (3,80–4,44)`: a score with its CI when it has one.
  func estimate(_ estimate: Estimate, decimals: Int) -> String {
    var text = format.fixed(estimate.value, decimals)
    if let low = estimate.low, let upp = estimate.upp {
      text += " (\(format.fixed(low, decimals))–\(format.fixed(upp, decimals)))"
    }
    return text
  }

  /// "d7 Quản trị môi trường"; the total's and the rank's names alone ("Tổng điểm").
  func metricLabel(_ action: ActionItem) -> String {
    let name = action.metricName.text(language)
    return action.metric == "total" || action.metric == "rank" ? name : "\(action.metric) \(name)"
  }

  /// "d7 Quản trị môi trường: 4,12 (3,80–4,44), mục tiêu 5,00 — thấp hơn rõ rệt"
  /// Without the metric's name (`named: false`) where a heading already says it.
  func flag(_ action: ActionItem, named: Bool = true) -> String {
    let d = decimals(action)
    var text = named ? metricLabel(action) + ": " : metricID(action.metric, language) + " "
    text += estimate(action.baseline, decimals: d)
    if let target = action.target {
      text +=
        action.flag == .declined
        ? (vi ? ", đợt trước \(format.fixed(target, d))" : ", previous wave \(format.fixed(target, d))")
        : (vi ? ", mục tiêu \(format.fixed(target, d))" : ", target \(format.fixed(target, d))")
    }
    return text + " — " + action.flag.label(language)
  }

  /// "Đo lại đợt 2025: 5,02 (4,70–5,34); mục tiêu 5,00: đã đạt, chưa chắc chắn; +0,90, rõ rệt"
  func remeasurement(_ action: ActionItem, _ result: Remeasurement?) -> String {
    guard let result else { return "" }
    let d = decimals(action)
    var text =
      (vi ? "Đo lại đợt \(result.wave): " : "Re-measured in \(result.wave): ") + estimate(result.now, decimals: d)
    text += "; " + result.outcome.label(language)
    if let change = result.change {
      text += "; " + (change > 0 ? "+" : "") + format.fixed(change, d)
      if let significant = result.significantChange {
        text +=
          significant
          ? (vi ? ", thay đổi rõ rệt" : ", a significant change")
          : (vi ? ", thay đổi chưa rõ rệt" : ", not a significant change")
      }
    }
    return text
  }

  func status(_ action: ActionItem, today: CivilDate) -> String {
    var text = action.status.label(language)
    if action.isOverdue(on: today) { text += vi ? " · QUÁ HẠN" : " · OVERDUE" }
    if !action.flagged { text += vi ? " · không còn bị cảnh báo" : " · no longer flagged" }
    return text
  }

  /// The header of an action list or plan table.
  var columns: [String] {
    vi
      ? ["Mã", "Đơn vị", "Nội dung bị cảnh báo", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Hạn", "Trạng thái", "Đo lại"]
      : ["Id", "Unit", "Flagged area", "Task", "Lead", "Support", "Due", "Status", "Re-measured"]
  }

  func row(_ action: ActionItem, _ result: Remeasurement?, today: CivilDate) -> [String] {
    [
      action.id, unit(action), flag(action), action.title.text(language), office(action.lead), support(action),
      action.due.text(language),
      status(action, today: today), remeasurement(action, result),
    ]
  }
}

extension WeaknessReport {
  /// A unit's actions counted by wave, status and re-measurement, for the printed weakness
  /// report: a commune's two pages hold the counts, the register (`papi actions list`, or
  /// its workbook) every action.
  func actionTable(_ code: String, _ language: Language) -> Table? {
    let actions = self.actions[code] ?? []
    guard !actions.isEmpty else { return nil }
    let vi = language == .vi
    var rows: [[Table.Cell]] = []
    for wave in Set(actions.map(\.wave)).sorted(by: WaveOrder.before) {
      let own = actions.filter { $0.wave == wave }
      func count(_ included: (ActionItem) -> Bool) -> Table.Cell {
        Table.Cell("\(own.filter(included).count)")
      }
      let outcomes = own.compactMap { remeasured[$0.id]?.outcome }
      rows.append([
        Table.Cell(wave), Table.Cell("\(own.count)"), count { $0.status == .open }, count { $0.status == .inProgress },
        count { $0.status == .done }, count { $0.status == .dropped },
        Table.Cell(
          outcomes.isEmpty
            ? "—"
            : "\(outcomes.filter { $0 == .closed || $0 == .closedSignificant }.count)/\(outcomes.count)"),
      ])
    }
    let titles =
      vi
      ? ["Đợt", "Nhiệm vụ", "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Đã hủy", "Đo lại: đã đạt"]
      : ["Wave", "Actions", "Open", "In progress", "Done", "Dropped", "Re-measured: closed"]
    return Table(
      columns: titles.enumerated().map { Table.Column($1, alignment: $0 == 0 ? .left : .right) }, rows: rows)
  }

  /// One line per action of a unit, for the weakness report: what, who, by when, where it
  /// stands and, for an earlier wave's action, how it was re-measured.
  func actionLines(_ code: String, _ language: Language) -> [String] {
    let text = ActionText(language: language, offices: offices)
    return (actions[code] ?? []).map { action in
      let metric = metricID(action.metric, language)
      var line = "\(action.id) [\(action.wave)] \(metric): \(text.sentence(action.title.text(language))) "
      line += (language == .vi ? "Chủ trì: " : "Lead: ") + text.office(action.lead)
      line += (language == .vi ? "; hạn " : "; due ") + action.due.text(language) + "; " + action.status.label(language)
      let result = text.remeasurement(action, remeasured[action.id])
      return result.isEmpty ? line + "." : line + ". " + result + "."
    }
  }
}

extension ActionText {
  /// An action's history for a terminal: an entry a line, wrapped within 80 columns after a
  /// margin of `margin` spaces, its later lines indented.
  func historyLines(_ events: [ActionEvent], of action: ActionItem, margin: Int) -> [String] {
    let prefix = String(repeating: " ", count: margin)
    return events.flatMap { event in
      wrap(printable(self.event(event, of: action)), width: 80 - margin, indent: 4).map { prefix + $0 }
    }
  }

  /// One entry of an action's history: local time, author, what changed and the note.
  func event(_ event: ActionEvent, of action: ActionItem) -> String {
    var line = "\(LocalTime.text(event.time, language))  \(event.author)  "
    switch event.kind {
    case .created: line += vi ? "tạo từ kế hoạch đợt \(action.wave)" : "created by the plan of wave \(action.wave)"
    case .status: line += "\(event.from?.label(language) ?? "?") → \(event.to?.label(language) ?? "?")"
    case .note: line += vi ? "ghi chú" : "note"
    case .unflagged:
      line += vi ? "không còn bị cảnh báo trong lần lập kế hoạch mới" : "no longer flagged by a new plan run"
    case .flaggedAgain: line += vi ? "bị cảnh báo lại" : "flagged again"
    }
    if let note = event.note, !note.isEmpty { line += ": " + note }
    return line
  }
}
