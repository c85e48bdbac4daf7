import Foundation

/// `papi actions show`: one action in full, labelled lines wrapped at 80 columns.
struct ActionDetailText {
  let language: Language
  let offices: [String: Office]

  /// The width every line fits in.
  static let width = 80
  /// Where values start: after the longest label.
  static let labelWidth = 14

  func text(_ action: ActionItem, history: [ActionEvent], remeasured: Remeasurement?, today: CivilDate) -> String {
    let text = ActionText(language: language, offices: offices)
    let vi = language == .vi
    var out = (vi ? "Nhiệm vụ " : "Action ") + action.id + "\n"
    func line(_ label: String, _ value: String) {
      guard !value.isEmpty else { return }
      let wrapped = wrap(printable(value), width: Self.width - Self.labelWidth, indent: 0)
      for (index, part) in wrapped.enumerated() {
        out += fit(index == 0 ? label : "", Self.labelWidth) + part + "\n"
      }
    }
    line(vi ? "Đơn vị:" : "Unit:", text.unit(action))
    line(vi ? "Đợt:" : "Wave:", action.wave + " · " + (vi ? "cấp " : "level ") + levelLabel(action.level, language))
    let decimals = text.decimals(action)
    line(vi ? "Chỉ số:" : "Metric:", text.metricLabel(action))
    line(
      vi ? "Ban đầu:" : "Baseline:",
      text.estimate(action.baseline, decimals: decimals) + (vi ? ", đợt " : ", wave ") + action.wave)
    if let target = action.target {
      line(
        action.flag == .declined ? (vi ? "Đợt trước:" : "Previous:") : (vi ? "Mục tiêu:" : "Target:"),
        text.format.fixed(target, decimals) + (action.rule.map { " (" + ruleSource($0) + ")" } ?? ""))
    }
    line(vi ? "Cảnh báo:" : "Flag:", action.flag.label(language))
    line(vi ? "Việc cần làm:" : "Task:", text.sentence(action.title.text(language)) + " (\(action.task))")
    line(vi ? "Chủ trì:" : "Lead:", text.office(action.lead))
    line(vi ? "Phối hợp:" : "Support:", text.support(action))
    line(vi ? "Hạn:" : "Due:", action.due.text(language))
    line(vi ? "Ưu tiên:" : "Priority:", action.priority.label(language))
    line(vi ? "Trạng thái:" : "Status:", text.status(action, today: today))
    line(vi ? "Đo lại:" : "Re-measured:", text.remeasurement(action, remeasured))
    line(vi ? "Danh mục:" : "Catalogue:", action.catalogue)
    if !history.isEmpty {
      out += (vi ? "Lịch sử:" : "History:") + "\n"
      for line in text.historyLines(history, of: action, margin: 2) { out += line + "\n" }
    }
    return out
  }

  /// Where the rule that set the target is: "chi-tieu.yaml, dòng 6" (the stored rule reads
  /// `chi-tieu.yaml:6 total level=commune …`, for programs).
  func ruleSource(_ rule: String) -> String {
    let place = rule.split(separator: " ").first.map(String.init) ?? rule
    guard let colon = place.lastIndex(of: ":"), let line = Int(place[place.index(after: colon)...]) else {
      return place
    }
    let file = (String(place[..<colon]) as NSString).lastPathComponent
    return language == .vi ? "\(file), dòng \(line)" : "\(file), line \(line)"
  }
}
