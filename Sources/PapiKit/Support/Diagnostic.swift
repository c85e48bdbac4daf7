/// Where in an input file something was found. Lines are physical lines as an editor
/// shows them (the header is line 1); columns are 1-based field positions.
public struct SourceLocation: Sendable, Equatable {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var columnName: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
  }

  func text(_ language: Language) -> String {
    var parts = [file]
    if let line { parts.append(language == .vi ? "dòng \(line)" : "line \(line)") }
    if let column {
      let label = language == .vi ? "cột \(column)" : "column \(column)"
      parts.append(columnName.map { "\(label) (\($0))" } ?? label)
    }
    return parts.joined(separator: ", ")
  }
}

/// One problem found in the input: what, where, the offending value and what to do.
public struct Diagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable { case error, warning }

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
/// the place, the value and the fix, in the user's language.
public struct PapiError: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  init(
    file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
    value: String? = nil, message: LocalizedText, fix: LocalizedText
  ) {
    self.diagnostics = [
      Diagnostic(
        .error, SourceLocation(file: file, line: line, column: column, columnName: columnName),
        value: value, message: message, fix: fix)
    ]
  }

  public func text(_ language: Language) -> String {
    diagnostics.map { $0.text(language) }.joined(separator: "\n")
  }
}

/// Shorthand for a bilingual text.
func L(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
