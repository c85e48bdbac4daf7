/// The weakness report as a Markdown document a secretary can paste into a report.
enum ReportMarkdownRenderer {
  static func render(_ report: WeaknessReport, language: Language) -> String {
    let format = NumberFormatting(language: language)
    let vi = language == .vi
    let decimals = report.questionnaire.kind == .percent ? 1 : 2
    let e = TextEscaping.markdown
    var out = "# " + e(ReportTableRenderer.header(report, language).split(separator: "\n").first.map(String.init) ?? "") + "\n\n"
    out += e(ReportTableRenderer.header(report, language).split(separator: "\n").dropFirst().joined(separator: " ")) + "\n"
    for unit in report.scores.units {
      out += "\n## " + e(unit.name.map { "\($0) (\(unit.code))" } ?? unit.code) + "\n\n"
      var facts: [String] = []
      if let parent = unit.parent { facts.append((vi ? "Thuộc: " : "In: ") + e(parent)) }
      if !report.published { facts.append((vi ? "Số người trả lời: " : "Respondents: ") + "\(unit.respondents)") }
      if let rank = report.ranks[unit.code] { facts.append((vi ? "Hạng: " : "Rank: ") + "\(rank)") }
      if let group = report.groups[unit.code] { facts.append((vi ? "Nhóm: " : "Group: ") + e(group)) }
      out += facts.joined(separator: " · ") + "\n\n"
      if !report.published && unit.total.n < report.minN {
        out += (vi ? "**Không đủ dữ liệu** (n = \(unit.total.n) < \(report.minN)): không đánh giá.\n\n" : "**Insufficient data** (n = \(unit.total.n) < \(report.minN)): not assessed.\n\n")
      }
      let flags = (report.flags[unit.code] ?? []).filter { $0.status != .met }
      if !flags.isEmpty {
        out += (vi ? "**Cảnh báo**\n\n" : "**Flags**\n\n")
        for flag in flags { out += "- " + e(ReportRows.flagSentence(flag, report, language)) + "\n" }
        out += "\n"
      }
      let actions = report.actionLines(unit.code, language)
      if !actions.isEmpty {
        out += (vi ? "**Nhiệm vụ**\n\n" : "**Actions**\n\n") + actions.map { "- " + e($0) + "\n" }.joined() + "\n"
      }
      let notes = report.feedbackNotes(unit.code, language)
      if !notes.isEmpty {
        out += (vi ? "**Ý kiến người dân**\n\n" : "**Citizen feedback**\n\n")
        for note in notes {
          out += "- " + e(note.heading) + "\n" + note.quotes.map { "  - " + e($0) + "\n" }.joined()
        }
        out += "\n"
      }
      out += vi ? "| Chỉ số | Điểm | KTC 95% | Mục tiêu | Trạng thái | Thay đổi |\n" : "| Measure | Score | 95% CI | Target | Status | Change |\n"
      out += "|---|---:|---|---:|---|---:|\n"
      for row in ReportRows.rows(report, unit, language: language, subdimensions: true) {
        let label = (row.depth > 0 ? "  " : "") + e(row.label)
        let interval = row.estimate?.low.map { "\(format.fixed($0, decimals))–\(format.fixed(row.estimate?.upp, decimals))" } ?? "—"
        let name = row.depth == 0 ? "**\(label)**" : label
        out += "| \(name) | \(format.fixed(row.estimate?.value, decimals)) | \(interval) | \(row.target.map { format.fixed($0, decimals) } ?? "") | \(row.status?.label(language) ?? "") | \(ReportRows.signed(row.change, format, decimals)) |\n"
      }
    }
    return out
  }
}
