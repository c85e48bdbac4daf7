/// Classified feedback as CSV; for Excel with `excel`.
struct FeedbackClassifyCSV: Renderer {
  var excel: Bool

  /// `id,dimensions,subdimensions,terms`, lists separated by spaces (terms by `; `).
  func render(_ items: ClassifiedFeedback, to sink: inout some OutputSink) {
    let delimiter: Character = excel ? ";" : ","
    var out = excel ? "\u{FEFF}" : ""
    out += ["id", "dimensions", "subdimensions", "terms"].joined(separator: String(delimiter)) + "\r\n"
    for (item, found) in items {
      let cells = [
        item.id, found.dimensions.joined(separator: " "), found.subdimensions.joined(separator: " "),
        found.terms.map(\.term).joined(separator: "; "),
      ]
      out += cells.map { TextEscaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
    sink.write(out)
  }
}
