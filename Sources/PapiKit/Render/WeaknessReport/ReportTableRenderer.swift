/// The weakness report for an 80-column terminal: one screen per unit, flags first, then
/// the total and the dimensions with score, CI, target, status and change. Colour only
/// when asked (stdout is a terminal).
struct ReportTableRenderer: Renderer {
  var language: Language
  var color: Bool

  func render(_ report: WeaknessReport, to sink: inout some OutputSink) {
    let format = NumberFormatting(language: language)
    let vi = language == .vi
    let decimals = report.questionnaire.scheme.decimals
    sink.write(Self.header(report, language))
    for unit in report.scores.units {
      var out = String(repeating: "═", count: 80) + "\n"
      var title = unit.name.map { "\($0) (\(unit.code))" } ?? unit.code
      if let parent = unit.parentLabel { title += vi ? " · thuộc \(parent)" : " · in \(parent)" }
      if !report.published {
        title += vi ? " · \(unit.respondents) người trả lời" : " · \(unit.respondents) respondents"
      }
      if let rank = report.ranks[unit.code] {
        let peers = report.peers[unit.code] ?? 0
        title += vi ? " · hạng \(rank)/\(peers)" : " · rank \(rank)/\(peers)"
      }
      if let group = report.groups[unit.code] { title += vi ? " · nhóm \(group)" : " · group \(group)" }
      out += fit(printable(title), 80).trimmingTrailingSpaces() + "\n"
      if !report.published && unit.total.n < report.minN {
        out +=
          vi
          ? "  n = \(unit.total.n) < \(report.minN): không đủ dữ liệu để đánh giá.\n"
          : "  n = \(unit.total.n) < \(report.minN): insufficient data to assess.\n"
      }
      let flags = (report.flags[unit.code] ?? []).filter { $0.status != .met }
      if !flags.isEmpty {
        out += vi ? "Cảnh báo:\n" : "Flags:\n"
        for flag in flags {
          let lines = wrap(
            Self.marker(flag.status) + " " + ReportRows.flagSentence(flag, report, language), width: 78, indent: 2)
          out += lines.map { Self.paint("  " + $0, flag.status, color) }.joined(separator: "\n") + "\n"
        }
      }
      let actions = report.actionLines(unit.code, language)
      if !actions.isEmpty {
        out += vi ? "Nhiệm vụ:\n" : "Actions:\n"
        for line in actions {
          out += wrap("• " + printable(line), width: 78, indent: 2).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
      }
      let parNotes = report.parNotes(unit.code, language)
      if !parNotes.isEmpty {
        out += WeaknessReport.parHeading(language) + "\n"
        for line in parNotes {
          out += wrap("• " + printable(line), width: 78, indent: 2).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
      }
      let notes = report.feedbackNotes(unit.code, language, quotes: 2)
      if !notes.isEmpty {
        out += vi ? "Ý kiến người dân về các chỉ số bị cảnh báo:\n" : "Citizen feedback on the flagged dimensions:\n"
        for note in notes {
          out +=
            wrap("• " + printable(note.heading), width: 78, indent: 2).map { "  " + $0 }.joined(separator: "\n") + "\n"
          for quote in note.quotes {
            out += wrap(printable(quote), width: 74, indent: 1).map { "    " + $0 }.joined(separator: "\n") + "\n"
          }
          if !note.acknowledged.isEmpty { out += "    " + FeedbackText.acknowledged(language) + ":\n" }
          for quote in note.acknowledged {
            out += wrap(printable(quote), width: 72, indent: 1).map { "      " + $0 }.joined(separator: "\n") + "\n"
          }
        }
      }
      out +=
        fit(vi ? "Chỉ số" : "Measure", 20) + fit(vi ? "Điểm" : "Score", 7, right: true) + "  "
        + fit(vi ? "KTC 95%" : "95% CI", 13)
        + fit(vi ? "Mục tiêu" : "Target", 8, right: true) + "  " + fit(vi ? "Trạng thái" : "Status", 17)
        + fit(vi ? "Thay đổi" : "Change", 9, right: true) + "\n"
      for row in ReportRows.rows(report, unit, language: language, subdimensions: false, short: true) {
        var line = fit(row.label, 20) + fit(format.fixed(row.estimate?.value, decimals), 7, right: true) + "  "
        let interval =
          row.estimate?.low.map { "\(format.fixed($0, decimals))–\(format.fixed(row.estimate?.upp, decimals))" } ?? "—"
        line += fit(interval, 13) + fit(row.target.map { format.fixed($0, decimals) } ?? "", 8, right: true) + "  "
        line +=
          fit(row.status?.label(language) ?? "", 17)
          + fit(ReportRows.signed(row.change, format, decimals), 9, right: true)
        out += (row.status.map { Self.paint(line, $0, color) } ?? line) + "\n"
      }
      sink.write(out)
    }
  }

  /// The title, the note and the summary, wrapped to 80 columns.
  static func header(_ report: WeaknessReport, _ language: Language) -> String {
    let summary = ReportSummary(report).sentences(report, language).joined(separator: " ")
    return ReportRows.title(report, language) + "\n"
      + wrap(ReportRows.note(report, language), width: 80, indent: 0).joined(separator: "\n") + "\n"
      + wrap(printable(summary), width: 80, indent: 0).joined(separator: "\n") + "\n"
  }

  static func marker(_ status: FlagStatus) -> String {
    switch status {
    case .belowSignificant: return "▼"
    case .declined: return "↓"
    case .below: return "▽"
    case .insufficient: return "?"
    case .noTarget: return "–"
    case .weakest: return "·"
    case .met: return "✓"
    }
  }

  static func paint(_ text: String, _ status: FlagStatus, _ color: Bool) -> String {
    guard color, status != .noTarget else { return text }
    let code: String
    switch status {
    case .belowSignificant: code = "31"
    case .declined: code = "35"
    case .below: code = "33"
    case .insufficient: code = "2"
    case .noTarget: return text
    case .weakest: code = "36"
    case .met: code = "32"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
