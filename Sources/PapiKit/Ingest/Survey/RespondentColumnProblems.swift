/// The problems of an export's respondent columns that name the questionnaire's keys: a
/// column given two roles, and the id column missing.
enum RespondentColumnProblems {
  /// One respondent role found in the header: what it is, the questionnaire's key and name
  /// for it, and the column (0-based).
  struct Role {
    var what: LocalizedText
    var key: String
    var name: String
    var column: Int
  }

  /// An error for each column that holds two respondent roles (the id and the unit, say):
  /// the reader would take one of them for the other.
  static func shared(_ roles: [Role], header: [String], file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for (index, role) in roles.enumerated() {
      guard let other = roles[..<index].first(where: { $0.column == role.column }) else { continue }
      problems.append(
        Diagnostic(
          .error, SourceLocation(file: file, line: 1, column: role.column + 1, columnName: header[role.column]),
          record: 0,
          message: L(
            "cột này vừa là \(other.what.vi) (`\(other.key)`: \(other.name)) vừa là \(role.what.vi) "
              + "(`\(role.key)`: \(role.name)); mỗi cột chỉ giữ một vai trò.",
            "this column is both the \(other.what.en) (`\(other.key)`: \(other.name)) and the \(role.what.en) "
              + "(`\(role.key)`: \(role.name)); a column can hold only one of them."),
          fix: L(
            "Sửa `\(role.key)` hoặc `\(other.key)` trong bảng hỏi để mỗi vai trò có cột riêng"
              + (other.key == "respondent.id" ? " (khi tệp không có mã người trả lời: `id: none`)." : "."),
            "Correct `\(role.key)` or `\(other.key)` in the questionnaire so that each has a column of its own"
              + (other.key == "respondent.id" ? " (when the export has no respondent id: `id: none`)." : "."))))
    }
    return problems
  }

  /// The names an id column may have, one per line: each of `respondent.id` with its
  /// aliases.
  static func idNames(_ respondent: RespondentColumns, aliases: [String: [String]]) -> [String] {
    var names: [String] = []
    for name in respondent.id {
      names.append(name)
      names += aliases[name.trimmedNFC] ?? []
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0.trimmedNFC).inserted }
  }

  /// What rows without an id mean.
  static let rowIdentity = L(
    "mỗi dòng được nhận biết bằng SHA-256 của tệp và số dòng: nhập lại cùng tệp không thay đổi gì, nhưng "
      + "không phát hiện được câu trả lời bị nộp trùng.",
    "each row is known by the file's SHA-256 and its row: importing the same file again changes nothing, but "
      + "duplicate responses cannot be detected.")

  /// `id: none`: said once, so that nobody expects duplicates to be found.
  static func noID(file: String) -> Diagnostic {
    Diagnostic(
      .note, SourceLocation(file: file),
      message: L(
        "bảng hỏi nói tệp không có mã người trả lời (`id: none`); \(rowIdentity.vi)",
        "the questionnaire says the export has no respondent id (`id: none`); \(rowIdentity.en)"),
      fix: L("", ""))
  }

  /// No column has any of the id's names: a warning listing the names one by one; the rows
  /// are read as with `id: none`.
  static func missingID(_ names: [String], file: String) -> Diagnostic {
    let list = names.map { "\n    \($0)" }.joined()
    return Diagnostic(
      .warning, SourceLocation(file: file, line: 1), record: 0,
      message: L(
        "không có cột mã người trả lời; bảng hỏi nhận một trong các tên sau (cũng như sau đường dẫn nhóm, "
          + "ví dụ grp/\(names.first ?? "_uuid")):\(list)\n  Vì vậy \(rowIdentity.vi)",
        "no column holds the respondent id; the questionnaire accepts any one of these names (also after a group "
          + "path, as grp/\(names.first ?? "_uuid")):\(list)\n  So \(rowIdentity.en)"),
      fix: L(
        "Đổi tên cột mã trong tệp thành một tên trên, thêm tên cột của tệp vào `respondent.id` của bảng hỏi, hoặc "
          + "viết `respondent: {id: none}` khi tệp không có mã người trả lời.",
        "Rename the export's id column to one of these names, add its header to the questionnaire's "
          + "`respondent.id`, or write `respondent: {id: none}` when the export has no respondent id."))
  }
}
