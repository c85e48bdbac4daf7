/// Classified feedback as CSV: `id,dimensions,subdimensions,terms,polarity`, lists separated by
/// spaces (terms by `; `); for Excel (`CSVCells`), the headers in the output language.
struct FeedbackClassifyCSV: Renderer {
  var cells: CSVCells

  static let columns: [DataColumn] = [
    .init("id", "Mã", "Id"), .init("dimensions", "Chỉ số nội dung", "Dimensions"),
    .init("subdimensions", "Nội dung thành phần", "Sub-dimensions"), .init("terms", "Từ khóa", "Terms"),
    .init("polarity", "Loại ý kiến", "Polarity"),
  ]

  func render(_ items: ClassifiedFeedback, to sink: inout some OutputSink) {
    var out = cells.start + cells.header(Self.columns)
    for (item, found) in items {
      out += cells.row(
        [cells.code(item.id)]
          + [
            found.dimensions.joined(separator: " "), found.subdimensions.joined(separator: " "),
            found.terms.map(\.term).joined(separator: "; "),
          ].map(cells.text)
          + [found.polarity.map { cells.word($0.rawValue, $0.label(cells.language)) } ?? ""])
    }
    sink.write(out)
  }
}
