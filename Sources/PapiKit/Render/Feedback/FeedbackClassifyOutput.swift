import Foundation

/// Feedback items with what the classifier found in each.
public typealias ClassifiedFeedback = [(item: FeedbackItem, found: FeedbackClass)]

/// `papi feedback classify` output: each item's id with the dimensions and sub-dimensions it
/// matched, in the file's order, as a table, JSON or CSV.
public enum FeedbackClassifyOutput {
  /// The formats `papi feedback classify` writes.
  public static let formats: [OutputFormat] = [.table, .json, .csv]

  public static func render(_ items: ClassifiedFeedback, as format: OutputFormat, options: RenderOptions, to sink: inout some OutputSink) {
    switch format {
    case .json: sink.write(json(items))
    case .csv: sink.write(csv(items, excel: options.excel))
    case .table, .md, .html: sink.write(table(items, language: options.language))
    }
  }

  /// A list of `{"id": …, "dimensions": […], "subdimensions": […]}`.
  static func json(_ items: ClassifiedFeedback) -> String {
    var json = JSONWriter()
    json.array(items) { json, entry in
      json.open("{")
      json.key("dimensions", first: true)
      json.array(entry.1.dimensions) { $0.string($1) }
      json.key("id")
      json.string(entry.0.id)
      json.key("subdimensions")
      json.array(entry.1.subdimensions) { $0.string($1) }
      json.close("}")
    }
    json.newline()
    return json.text
  }

  /// `id,dimensions,subdimensions,terms`, lists separated by spaces (terms by `; `).
  static func csv(_ items: ClassifiedFeedback, excel: Bool) -> String {
    let delimiter: Character = excel ? ";" : ","
    var out = excel ? "\u{FEFF}" : ""
    out += ["id", "dimensions", "subdimensions", "terms"].joined(separator: String(delimiter)) + "\r\n"
    for (item, found) in items {
      let cells = [item.id, found.dimensions.joined(separator: " "), found.subdimensions.joined(separator: " "), found.terms.map(\.term).joined(separator: "; ")]
      out += cells.map { TextEscaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
    return out
  }

  /// One line per item (id, dimensions, the terms found), then the count per dimension.
  static func table(_ items: ClassifiedFeedback, language: Language) -> String {
    let idWidth = min(24, max(2, items.map { printable($0.0.id).count }.max() ?? 2))
    var out = ""
    var perDimension: [String: Int] = [:]
    for (item, found) in items {
      let id = printable(item.id).padding(toLength: idWidth, withPad: " ", startingAt: 0)
      let ids = found.isClassified ? found.subdimensions.isEmpty ? found.dimensions : mergedIDs(found) : []
      let label = ids.isEmpty ? (language == .vi ? "— chưa phân loại" : "— unclassified") : ids.joined(separator: " ")
      let terms = found.terms.isEmpty ? "" : "  (" + found.terms.map(\.term).joined(separator: ", ") + ")"
      out += "\(id)  \(label)\(terms)".trimmingTrailingSpaces() + "\n"
      for dimension in found.dimensions { perDimension[dimension, default: 0] += 1 }
    }
    let unclassified = items.filter { !$0.1.isClassified }.count
    let counts = FeedbackClassifier.sorted(Set(perDimension.keys)).map { "\($0) \(perDimension[$0] ?? 0)" }
    out += "\n"
    out += language == .vi
      ? "\(items.count) ý kiến; theo chỉ số nội dung: \(counts.isEmpty ? "—" : counts.joined(separator: ", ")); chưa phân loại: \(unclassified)\n"
      : "\(items.count) items; by dimension: \(counts.isEmpty ? "—" : counts.joined(separator: ", ")); unclassified: \(unclassified)\n"
    return out
  }

  /// Sub-dimension ids, plus the dimensions matched only as a whole.
  private static func mergedIDs(_ found: FeedbackClass) -> [String] {
    let covered = Set(found.subdimensions.map(FeedbackLexicon.dimension(of:)))
    return FeedbackClassifier.sorted(Set(found.subdimensions + found.dimensions.filter { !covered.contains($0) }))
  }
}
