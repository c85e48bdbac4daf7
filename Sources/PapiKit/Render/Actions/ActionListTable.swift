/// The action register for an 80-column terminal.
struct ActionListTable: Renderer {
  var language: Language

  /// Each action on two or three lines of at most 80 columns: id, unit, metric, due date and
  /// status; the task and its lead office; the re-measurement. The full text is in md/html.
  func render(_ listing: ActionListing, to sink: inout some OutputSink) {
    let text = ActionText(language: language, offices: listing.offices)
    let vi = language == .vi
    var out = listing.summary(language) + "\n"
    if listing.actions.isEmpty {
      sink.write(out)
      return
    }
    out +=
      (fit(vi ? "Mã" : "Id", 12) + fit(vi ? "Đơn vị" : "Unit", 28) + fit(vi ? "Chỉ số" : "Metric", 8)
        + fit(vi ? "Hạn" : "Due", 12)
        + (vi ? "Trạng thái" : "Status")) + "\n"
    let indent = String(repeating: " ", count: 12)
    for action in listing.actions {
      out +=
        (fit(action.id, 12) + fit(printable(text.unit(action)), 27) + " " + fit(action.metric, 8)
        + fit(action.due.text(language), 12)
        + text.status(action, today: listing.today)).trimmingTrailingSpaces() + "\n"
      out +=
        indent
        + fit(printable(text.office(action.lead) + ": " + text.sentence(action.title.text(language))), 68)
        .trimmingTrailingSpaces() + "\n"
      if let result = listing.remeasured[action.id] {
        var line =
          "→ \(result.wave): " + text.estimate(result.now, decimals: text.decimals(action)) + " · "
          + result.outcome.label(language)
        if let change = result.change {
          line += " · " + (change > 0 ? "+" : "") + text.format.fixed(change, text.decimals(action))
        }
        out += indent + fit(printable(line), 68).trimmingTrailingSpaces() + "\n"
      }
    }
    sink.write(out)
  }
}
