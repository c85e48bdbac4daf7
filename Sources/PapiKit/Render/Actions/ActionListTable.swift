/// The action register for an 80-column terminal.
struct ActionListTable: Renderer {
  var language: Language

  /// Each action on lines of at most 80 columns: id, unit, metric, due date and status; the
  /// task (two lines at most); the lead office; the support offices; overdue or no longer
  /// flagged; the re-measurement. The full text is `papi actions show ID`, md or html.
  func render(_ listing: ActionListing, to sink: inout some OutputSink) {
    let text = ActionText(language: language, offices: listing.offices)
    let vi = language == .vi
    var out = listing.summary(language) + "\n"
    if listing.actions.isEmpty {
      sink.write(out)
      return
    }
    out +=
      (fit(vi ? "Mã" : "Id", 11) + fit(vi ? "Đơn vị" : "Unit", 25) + fit(vi ? "Chỉ số" : "Metric", 8)
        + fit(vi ? "Hạn" : "Due", 11)
        + (vi ? "Trạng thái" : "Status")) + "\n"
    let indent = String(repeating: " ", count: 11)
    let width = 80 - indent.count
    for action in listing.actions {
      // The status with "overdue" fits its 25 columns; "no longer flagged" gets a line.
      let overdue = action.isOverdue(on: listing.today)
      let status = action.status.label(language) + (overdue ? (vi ? " · QUÁ HẠN" : " · OVERDUE") : "")
      out +=
        (fit(action.id, 11) + fit(printable(text.unit(action)), 24) + " " + fit(metricID(action.metric, language), 8)
        + fit(action.due.text(language), 11) + fit(status, 25)).trimmingTrailingSpaces() + "\n"
      var lines = wrap(printable(text.sentence(action.title.text(language))), width: width, indent: 0)
      if lines.count > 2 { lines = [lines[0], fit(lines[1] + " " + lines[2], width)] }
      let lead = (vi ? "Chủ trì: " : "Lead: ") + text.office(action.lead)
      let support = action.support.isEmpty ? "" : (vi ? "Phối hợp: " : "Support: ") + text.support(action)
      if !support.isEmpty && lead.count + 3 + support.count <= width {
        lines.append(printable(lead + " · " + support))
      } else {
        lines.append(fit(printable(lead), width))
        if !support.isEmpty { lines.append(fit(printable(support), width)) }
      }
      if !action.flagged { lines.append(vi ? "⚠ không còn bị cảnh báo" : "⚠ no longer flagged") }
      if let result = listing.remeasured[action.id] {
        var line =
          "→ \(result.wave): " + text.estimate(result.now, decimals: text.decimals(action)) + " · "
          + result.outcome.label(language)
        if let change = result.change {
          line += " · " + (change > 0 ? "+" : "") + text.format.fixed(change, text.decimals(action))
        }
        lines.append(fit(printable(line), width))
      }
      for line in lines { out += (indent + line).trimmingTrailingSpaces() + "\n" }
    }
    if !listing.actions.isEmpty {
      out += vi ? "Xem đầy đủ một nhiệm vụ: papi actions show MÃ\n" : "One action in full: papi actions show ID\n"
    }
    sink.write(out)
  }
}
