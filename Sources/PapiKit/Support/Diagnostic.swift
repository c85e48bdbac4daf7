import Foundation

/// Where in an input file something was found: a physical line and field of a text file
/// (the header is line 1, columns count from 1), or a sheet, row and column of a workbook.
public struct SourceLocation: Sendable, Equatable {
  public var file: String
  /// The physical line, or the worksheet's row when `sheet` is set.
  public var line: Int?
  public var column: Int?
  public var columnName: String?
  /// The worksheet of a workbook; the place then reads `Sheet1!C12`.
  public var sheet: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, sheet: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.sheet = sheet
  }

  func text(_ language: Language) -> String {
    var parts = [file]
    if let sheet {
      // A spreadsheet's own way of naming a cell: sheet, column letters, row.
      if let column {
        var cell = sheet + "!" + Self.columnLetters(column) + (line.map(String.init) ?? "")
        if let columnName { cell += " (\(columnName))" }
        parts.append(cell)
      } else {
        // A whole row, or the whole sheet.
        parts.append(sheet)
        if let line { parts.append(language == .vi ? "dòng \(line)" : "row \(line)") }
      }
      return parts.joined(separator: ", ")
    }
    if let line { parts.append(language == .vi ? "dòng \(line)" : "line \(line)") }
    if let column {
      let label = language == .vi ? "cột \(column)" : "column \(column)"
      parts.append(columnName.map { "\(label) (\($0))" } ?? label)
    }
    return parts.joined(separator: ", ")
  }

  /// `A` for column 1, `Z` for 26, `AA` for 27.
  static func columnLetters(_ column: Int) -> String {
    var number = column
    var letters = ""
    while number > 0 {
      let remainder = (number - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
      number = (number - 1) / 26
    }
    return letters
  }
}

/// One problem found in the input: what, where, the offending value and what to do.
public struct Diagnostic: Sendable, Equatable {
  /// How serious a problem is: an error stops the command; a warning or a note does not.
  public enum Severity: String, Sendable {
    case error, warning
    /// Information a person should see, such as which default file was used.
    case note
  }

  public var severity: Severity
  public var location: SourceLocation
  /// The data record (1 = first row after the header) the problem is in, when it is in one.
  /// Used to find the physical line after the fact.
  var record: Int?
  /// The field index (0-based) inside `record`, for cell problems.
  var field: Int?
  /// Another record of the same file the message refers to as `{related}`.
  var related: Int?
  public var value: String?
  public var message: LocalizedText
  public var fix: LocalizedText

  init(
    _ severity: Severity, _ location: SourceLocation, record: Int? = nil, field: Int? = nil,
    value: String? = nil, message: LocalizedText, fix: LocalizedText
  ) {
    self.severity = severity
    self.location = location
    self.record = record
    self.field = field
    self.value = value
    self.message = message
    self.fix = fix
  }

  /// The diagnostic as one or two lines for a terminal.
  public func text(_ language: Language) -> String {
    let label: String
    switch (severity, language) {
    case (.error, .vi): label = "lỗi"
    case (.error, .en): label = "error"
    case (.warning, .vi): label = "cảnh báo"
    case (.warning, .en): label = "warning"
    case (.note, .vi): label = "ghi chú"
    case (.note, .en): label = "note"
    }
    var line = "\(location.text(language)): \(label): \(message.text(language))"
    if let value {
      line += language == .vi ? " Giá trị: \(quoted(value))." : " Value: \(quoted(value))."
    }
    let fixText = fix.text(language)
    if !fixText.isEmpty {
      line += "\n  " + (language == .vi ? "Cách sửa: " : "Fix: ") + fixText
    }
    return line
  }
}

/// Shows a cell value the way a person can find it: quoted, control characters visible,
/// cut after 60 characters.
func quoted(_ value: String) -> String {
  var shown = ""
  for (index, character) in value.enumerated() {
    if index == 60 {
      shown += "…"
      break
    }
    switch character {
    case "\n": shown += "\\n"
    case "\r": shown += "\\r"
    case "\r\n": shown += "\\r\\n"
    case "\t": shown += "\\t"
    case "\"": shown += "\\\""
    default: shown.append(character)
    }
  }
  return "\"\(shown)\""
}

/// An error that stops the command. Its text is the user interface: it names the input,
/// the place, the value and the fix, in the user's language (`text(_:)`); `code` says what
/// kind of failure it is, stable across versions, for programs that call papi.
public struct PapiError: Error, Sendable {
  /// What kind of failure an error is. The raw values are part of the interface: they do
  /// not change between versions.
  public enum Code: String, Sendable, CaseIterable {
    /// An input's content is wrong: an export, questionnaire, targets file, catalogue,
    /// register or another file the user gave (the default).
    case invalidInput = "invalid-input"
    /// A file cannot be opened, read or written.
    case unreadableFile = "unreadable-file"
    /// A file is in a format papi does not read (a workbook, for now).
    case unsupportedFormat = "unsupported-format"
    /// The store failed or is not a papi store.
    case database
    /// Something the command names is not there: a database, wave, set, unit or action.
    case notFound = "not-found"
    /// What is being stored differs from what is stored already.
    case conflict
    /// A file papi ships with cannot be found.
    case missingResource = "missing-resource"
  }

  public var code: Code
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic], code: Code = .invalidInput) {
    self.code = code
    self.diagnostics = diagnostics
  }

  init(
    _ code: Code = .invalidInput, file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
    value: String? = nil, message: LocalizedText, fix: LocalizedText
  ) {
    self.code = code
    self.diagnostics = [
      Diagnostic(
        .error, SourceLocation(file: file, line: line, column: column, columnName: columnName),
        value: value, message: message, fix: fix)
    ]
  }

  /// Every diagnostic in `language`, one per line; past `limit`, one line says how many
  /// more there are (3,000 repeated rules are not 3,000 lines on a terminal).
  public func text(_ language: Language, limit: Int = .max) -> String {
    var lines = diagnostics.prefix(limit).map { $0.text(language) }
    if diagnostics.count > limit {
      let more = diagnostics.count - limit
      lines.append(
        L(
          "… và \(more) lỗi khác (chỉ hiện \(limit) lỗi đầu; sửa các lỗi này rồi chạy lại).",
          "… and \(more) more problems (the first \(limit) are shown; fix these and run again)."
        ).text(language))
    }
    return lines.joined(separator: "\n")
  }
}

extension PapiError {
  /// The same error with the places in `path` named in `sheet` (a workbook's rows), when
  /// there is one.
  func inSheet(_ sheet: String?, of path: String) -> PapiError {
    guard let sheet else { return self }
    var error = self
    for index in error.diagnostics.indices where error.diagnostics[index].location.file == path {
      error.diagnostics[index].location.sheet = sheet
    }
    return error
  }
}

extension PapiError: LocalizedError {
  /// Every diagnostic in Vietnamese, papi's first language (`text(.en)` for English).
  public var errorDescription: String? { text(.vi) }

  /// The fix of the first diagnostic.
  public var recoverySuggestion: String? { diagnostics.first.map { $0.fix.text(.vi) } }
}

/// Shorthand for a bilingual text: `L("vi", "en")` is written at every message.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The one-letter name keeps the hundreds of messages readable, Vietnamese beside English.
func L(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
