/// How rows left out by `--on-error skip` are told: once per file, how many of how many,
/// why, and the first few with their line and reason, rather than a warning per row; and,
/// without the option, the hint that it exists.
enum SkippedRows {
  /// Rows listed with their line and reason.
  static let listed = 20
  /// Distinct reasons named in the summary.
  static let reasons = 5

  /// `result`'s diagnostics with the warnings about its rejected rows replaced by one
  /// summary per file (`listRows`: with the first rows and their reasons, which `papi
  /// validate` lists in full already).
  static func summarized(_ result: ReadResult, listRows: Bool = true) -> [Diagnostic] {
    guard !result.rejected.isEmpty else { return result.diagnostics }
    var left: [String: Set<Int>] = [:]
    for row in result.rejected { left[row.file, default: []].insert(row.record) }
    var diagnostics = result.diagnostics
    if listRows {
      diagnostics.removeAll { diagnostic in
        guard diagnostic.severity == .warning, let record = diagnostic.record else { return false }
        return left[diagnostic.location.file]?.contains(record) ?? false
      }
    }
    for file in result.files where file.rowsRejected > 0 {
      let rows = result.rejected.filter { $0.file == file.path }
      diagnostics.append(summary(rows, of: file, listRows: listRows))
    }
    return diagnostics
  }

  private static func summary(_ rows: [RejectedRow], of file: FileReport, listRows: Bool) -> Diagnostic {
    var counts: [LocalizedText: Int] = [:]
    var order: [LocalizedText] = []
    for row in rows {
      if counts[row.reason] == nil { order.append(row.reason) }
      counts[row.reason, default: 0] += 1
    }
    order.sort { counts[$0, default: 0] > counts[$1, default: 0] }
    func why(_ text: (LocalizedText) -> String) -> String {
      var parts = order.prefix(reasons).map { "\(counts[$0, default: 0]) × \(text($0))" }
      if order.count > reasons { parts.append("…") }
      return parts.joined(separator: "\n    ")
    }
    func list(_ word: String, _ text: (LocalizedText) -> String) -> String {
      guard listRows else { return "" }
      return rows.prefix(listed).map { "\n  \(word) \($0.line.map(String.init) ?? "?"): \(text($0.reason))" }
        .joined()
    }
    let kept = file.rowsKept
    // A record cut short by the end of the file is not counted as read.
    let total = max(file.recordsRead, kept + file.duplicatesDropped + rows.count)
    let more = rows.count > listed
    let message = L(
      "\(rows.count) trong \(total) dòng bị bỏ qua vì có lỗi (--on-error skip); kết quả dùng "
        + "\(kept) dòng còn lại.\n  Lý do:\n    \(why(\.vi))"
        + (listRows ? "\n  \(more ? "\(listed) dòng đầu" : "Các dòng"):" + list("dòng", \.vi) : ""),
      "\(rows.count) of \(total) rows were left out for errors (--on-error skip); the results use the "
        + "other \(kept).\n  Why:\n    \(why(\.en))"
        + (listRows ? "\n  \(more ? "The first \(listed)" : "The rows"):" + list("line", \.en) : ""))
    return Diagnostic(
      .warning, SourceLocation(file: file.path), message: message,
      fix: L(
        "Sửa các dòng này trong tệp rồi chạy lại; `papi import … --on-error skip --rejects TỆP` ghi mọi dòng bị bỏ "
          + "qua kèm lý do.",
        "Correct these rows in the export and run again; `papi import … --on-error skip --rejects FILE` writes "
          + "every row left out with its reason."))
  }

  /// `diagnostics` with, after the first error in a data row, a note that `--on-error skip`
  /// would leave such rows out (`rejects`: and needs `--rejects`, as `papi import` does).
  static func withHint(_ diagnostics: [Diagnostic], rejects: Bool = false) -> [Diagnostic] {
    guard let first = diagnostics.firstIndex(where: { $0.severity == .error && ($0.record ?? 0) > 0 }) else {
      return diagnostics
    }
    let option = rejects ? "--on-error skip --rejects TỆP" : "--on-error skip"
    let optionEN = rejects ? "--on-error skip --rejects FILE" : "--on-error skip"
    var hinted = diagnostics
    hinted.insert(
      Diagnostic(
        .note, SourceLocation(file: diagnostics[first].location.file),
        message: L(
          "các dòng có lỗi có thể được bỏ qua: chạy lại với \(option) để dùng các dòng đúng; papi sẽ nói bao nhiêu "
            + "dòng bị bỏ qua và vì sao.",
          "rows with errors can be left out: run again with \(optionEN) to use the good rows; papi then says how "
            + "many rows were left out and why."),
        fix: L("", "")),
      at: first + 1)
    return hinted
  }
}
