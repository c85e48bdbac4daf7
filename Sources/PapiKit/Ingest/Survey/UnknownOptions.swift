/// Values met in select-multiple cells that are none of the options the questionnaire
/// declares for the column: told once per column and value, with the first row that has it
/// and how many do, so that a wrong questionnaire shows without a warning per row.
struct UnknownOptions {
  /// Distinct values kept per column; more are only counted.
  static let kept = 20

  struct Seen {
    var value: String
    var record: Int
    var count: Int
  }

  /// Per column, in the order first met.
  private(set) var columns: [Int: [Seen]] = [:]
  /// Per column, the rows whose value was past `kept` distinct ones.
  private(set) var more: [Int: Int] = [:]

  mutating func add(_ value: String, column: Int, record: Int, count: Int = 1) {
    var seen = columns[column, default: []]
    if let index = seen.firstIndex(where: { $0.value == value }) {
      seen[index].count += count
    } else if seen.count < Self.kept {
      seen.append(Seen(value: value, record: record, count: count))
    } else {
      more[column, default: 0] += count
    }
    columns[column] = seen
  }

  /// Adds what a parser of a later part of the file met, its records shifted.
  mutating func absorb(_ other: UnknownOptions, recordOffset: Int) {
    for column in other.columns.keys.sorted() {
      for seen in other.columns[column] ?? [] {
        add(seen.value, column: column, record: seen.record + recordOffset, count: seen.count)
      }
    }
    for (column, count) in other.more { more[column, default: 0] += count }
  }

  func problems(header: [String], file: String, select: (Int) -> SelectColumn?) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for column in columns.keys.sorted() {
      let options = select(column)?.options ?? []
      let list = options.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ") + (options.count > 12 ? ", …" : "")
      for seen in columns[column] ?? [] {
        let rows = seen.count == 1 ? "" : " (có ở \(seen.count) dòng; đây là dòng đầu tiên)"
        let rowsEN = seen.count == 1 ? "" : " (\(seen.count) rows, this is the first)"
        problems.append(
          Diagnostic(
            .warning, SourceLocation(file: file, column: column + 1, columnName: header[column]), record: seen.record,
            field: column, value: seen.value,
            message: L(
              "ô chọn nhiều có một lựa chọn không thuộc các phương án bảng hỏi khai báo cho cột này (\(list))\(rows); "
                + "lựa chọn đó không được tính.",
              "a select-multiple cell holds a choice that is none of the options the questionnaire declares for this "
                + "column (\(list))\(rowsEN); it is not counted."),
            fix: L(
              "Kiểm tra đã dùng đúng bảng hỏi (-q). Nếu đó là một phương án của câu hỏi, thêm nó vào `options:` "
                + "của chỉ số (hoặc thêm chỉ số với `select:` đúng nhãn này); nếu các phương án được nối bằng dấu "
                + "khác dấu cách, khai báo `separator:`.",
              "Check that the right questionnaire was given (-q). If it is an option of the question, list it in "
                + "the indicator's `options:` (or add an indicator with `select:` set to this label); if the options "
                + "are joined by something else than spaces, declare `separator:`.")))
      }
      if let count = more[column] {
        problems.append(
          Diagnostic(
            .warning, SourceLocation(file: file, line: 1, column: column + 1, columnName: header[column]), record: 0,
            message: L(
              "còn \(count) ô chọn nhiều khác của cột này có lựa chọn không được khai báo.",
              "\(count) more select-multiple cells of this column hold choices that are not declared."),
            fix: L("Xem các cảnh báo trên về cột này.", "See the warnings above about this column.")))
      }
    }
    return problems
  }
}
