/// Every format papi writes. Each command writes the ones its subject has: a document
/// (the weakness report, the plan, the action list, the feedback report) in all of them;
/// scores as a table or JSON.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Text for an 80-column terminal.
  case table
  /// Markdown, to paste into a report.
  case md
  /// One self-contained HTML page that prints on A4.
  case html
  /// CSV data (RFC 4180; for Excel with `RenderOptions.excel`).
  case csv
  /// JSON data (PRODUCT.md §6).
  case json
  /// A Word file in the official form of administrative documents.
  case docx
  /// An Excel workbook: the tables of a document, one sheet each (the plan's is its action
  /// register).
  case xlsx

  /// A file to open with a program, not text: written to a file or a pipe, never to a
  /// terminal.
  public var binary: Bool { self == .docx || self == .xlsx }
}

/// How to render, besides the format: the language, CSV for Excel, terminal colours.
public struct RenderOptions: Sendable {
  public var language: Language
  /// CSV for Excel: UTF-8 with BOM, `;` and decimal commas.
  public var excel: Bool
  /// ANSI colours in a table (only when stdout is a terminal).
  public var color: Bool

  public init(language: Language = .vi, excel: Bool = false, color: Bool = false) {
    self.language = language
    self.excel = excel
    self.color = color
  }
}
