/// A column of a data table, as CSV and Excel write it: its key (the CSV header for
/// programs), its name for people in both languages, and the kind of value it holds, which
/// gives an Excel cell its number format.
struct DataColumn {
  var key: String
  var name: LocalizedText
  var kind: Kind

  init(_ key: String, _ vi: String, _ en: String, _ kind: Kind = .text) {
    self.key = key
    self.name = L(vi, en)
    self.kind = kind
  }

  /// What a column's cells are.
  enum Kind: Equatable {
    /// Words (names, statuses, titles): left as written.
    case text
    /// A code or an id of digits (`00874`, `2024`): text, so that no zero is lost, and
    /// not marked by Excel as a number stored as text.
    case code
    /// A number shown with this many decimals.
    case number(decimals: Int)
    /// A count.
    case integer
    /// A share from 0 to 1, shown as a percent with this many decimals.
    case percent(decimals: Int)
    /// A calendar date, shown dd/mm/yyyy.
    case date
  }
}
