import Foundation

/// A workbook to write (`XlsxWriter`): its title and language (the file's core properties)
/// and its tables, one sheet each.
struct Workbook {
  var title: String
  var language: Language
  var sheets: [SheetTable]
}

/// One table as a sheet of a workbook: a header row of column names, then rows of typed
/// cells, each column of one kind (`DataColumn.Kind`), which gives its number format.
struct SheetTable {
  /// The sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`, and
  /// no `'` at either end.
  var name: String
  var columns: [Column]
  var rows: [[SheetCell]]

  /// A column: its name in the header, its kind.
  struct Column {
    var title: String
    var kind: DataColumn.Kind
  }

  init(name: String, columns: [Column], rows: [[SheetCell]]) {
    self.name = Self.sheetName(name)
    self.columns = columns
    self.rows = rows
  }

  /// A table of `columns` named in `language`; each row gives its cells by column key, and
  /// a key it leaves out is an empty cell.
  init(name: String, columns: [DataColumn], language: Language, rows: [[String: SheetCell]]) {
    let keys = Set(columns.map(\.key))
    assert(rows.allSatisfy { Set($0.keys).isSubset(of: keys) }, "a cell for a column the table does not have")
    self.init(
      name: name, columns: columns.map { Column(title: $0.name.text(language), kind: $0.kind) },
      rows: rows.map { row in columns.map { row[$0.key] ?? .empty } })
  }

  private static func sheetName(_ name: String) -> String {
    var name = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    while name.hasPrefix("'") { name.removeFirst() }
    while name.hasSuffix("'") { name.removeLast() }
    return name
  }
}

/// One cell of a sheet. Nothing (a missing score, a re-measurement not yet made) is an
/// empty cell: never 0, never a word.
enum SheetCell: Equatable {
  case empty
  case text(String)
  /// A number, shown with the column's decimals unless `decimals` says otherwise (a rank
  /// among scores has none).
  case number(Double, decimals: Int?)
  case date(CivilDate)

  /// Text, empty when there is none.
  init(_ text: String?) {
    guard let text, !text.isEmpty else {
      self = .empty
      return
    }
    self = .text(text)
  }

  /// A number, empty when there is none (or it is not finite).
  init(_ number: Double?, decimals: Int? = nil) {
    guard let number, number.isFinite else {
      self = .empty
      return
    }
    self = .number(number, decimals: decimals)
  }

  /// A count.
  init(_ count: Int?) {
    self = count.map { .number(Double($0), decimals: 0) } ?? .empty
  }

  init(_ date: CivilDate?) {
    self = date.map { .date($0) } ?? .empty
  }

  /// "có" or "không" ("yes", "no"), the words of the CSV for Excel.
  init(yes: Bool?, _ language: Language) {
    guard let yes else {
      self = .empty
      return
    }
    self = .text(CSVCells(excel: true, language: language).yesNo(yes))
  }
}
