import Foundation

/// Classified feedback for a terminal: one line per item (with its polarity), then the count
/// per dimension.
struct FeedbackClassifyTable: Renderer {
  var language: Language

  /// One line per item (id, dimensions, the terms found), then the count per dimension.
  func render(_ items: ClassifiedFeedback, to sink: inout some OutputSink) {
    let idWidth = min(24, max(2, items.map { printable($0.0.id).count }.max() ?? 2))
    var out = ""
    var perDimension: [String: Int] = [:]
    for (item, found) in items {
      let id = printable(item.id).padding(toLength: idWidth, withPad: " ", startingAt: 0)
      let ids = found.isClassified ? found.subdimensions.isEmpty ? found.dimensions : Self.mergedIDs(found) : []
      let label = ids.isEmpty ? (language == .vi ? "— chưa phân loại" : "— unclassified") : ids.joined(separator: " ")
      let terms = found.terms.isEmpty ? "" : "  (" + found.terms.map(\.term).joined(separator: ", ") + ")"
      let polarity = found.polarity.map { "  [\($0.label(language))]" } ?? ""
      let indent = idWidth + 2
      out +=
        wrap("\(id)  \(label)\(polarity)\(terms)".trimmingTrailingSpaces(), width: 80, indent: indent)
        .joined(separator: "\n")
        + "\n"
      for dimension in found.dimensions { perDimension[dimension, default: 0] += 1 }
    }
    let unclassified = items.filter { !$0.1.isClassified }.count
    let counts = FeedbackClassifier.sorted(Set(perDimension.keys)).map { "\($0) \(perDimension[$0] ?? 0)" }
    out += "\n"
    let summary =
      language == .vi
      ? "\(items.count) ý kiến; theo chỉ số nội dung: \(counts.isEmpty ? "—" : counts.joined(separator: ", ")); chưa "
        + "phân loại: \(unclassified)"
      : "\(items.count) items; by dimension: \(counts.isEmpty ? "—" : counts.joined(separator: ", ")); unclassified: "
        + "\(unclassified)"
    out += wrap(summary, width: 80, indent: 2).joined(separator: "\n") + "\n"
    sink.write(out)
  }

  /// Sub-dimension ids, plus the dimensions matched only as a whole.
  private static func mergedIDs(_ found: FeedbackClass) -> [String] {
    let covered = Set(found.subdimensions.map(FeedbackLexicon.dimension(of:)))
    return FeedbackClassifier.sorted(Set(found.subdimensions + found.dimensions.filter { !covered.contains($0) }))
  }
}
