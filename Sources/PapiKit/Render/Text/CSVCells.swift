import Foundation

/// The cells of a CSV, for a program or for a person. Without `--excel`: keys for headers,
/// codes for statuses, numbers at full precision, ISO dates — the data as it is. With
/// `--excel`: what a person reads in Excel — headers in the output language, words for
/// every code, numbers rounded as the human formats round them (2 decimals for scores, 1
/// for percents) with decimal commas, dates dd/mm/yyyy; UTF-8 with a BOM and `;` between
/// cells, as Excel in a Vietnamese locale opens it.
struct CSVCells {
  let excel: Bool
  let language: Language

  var delimiter: Character { excel ? ";" : "," }
  private var vi: Bool { language == .vi }
  private var format: NumberFormatting { NumberFormatting(language: .vi) }

  /// What the file starts with: the byte-order mark Excel needs to read UTF-8.
  var start: String { excel ? "\u{FEFF}" : "" }

  /// A row of cells made by the functions below.
  func row(_ cells: [String]) -> String { cells.joined(separator: String(delimiter)) + "\r\n" }

  /// A text cell: quoted as needed, and neutralised when it would start a formula.
  func text(_ value: String?) -> String { TextEscaping.csv(value ?? "", delimiter: delimiter) }

  /// A code or an id (`00874`, `3030899e42`): for Excel, a text formula `="00874"` so that
  /// it is not read as a number (losing its zeros, or becoming 3,03E+48); only for codes of
  /// letters, digits, `.`, `_` and `-`, which cannot break out of the quotes. Anything else
  /// is a text cell.
  func code(_ value: String?) -> String {
    guard excel, let value, !value.isEmpty,
      value.unicodeScalars.allSatisfy({ $0.isASCII && (CSVCells.codeCharacters.contains($0)) })
    else { return text(value) }
    return "=\"\(value)\""
  }

  private static let codeCharacters = CharacterSet(
    charactersIn: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-")

  /// The header: each column's key, or its name in the output language for Excel.
  func header(_ columns: [DataColumn]) -> String {
    row(columns.map { text(excel ? $0.name.text(language) : $0.key) })
  }

  /// A score: full precision, or `decimals` places with a decimal comma.
  func number(_ value: Double?, decimals: Int = 2) -> String {
    guard let value else { return "" }
    return excel ? format.fixed(value, decimals) : TextEscaping.csvNumber(value, excel: false)
  }

  /// A share from 0 to 1: as it is, or a percent with one decimal for Excel (`12,5`).
  func percent(_ share: Double?) -> String {
    guard let share else { return "" }
    return excel ? format.fixed(share * 100, 1) : TextEscaping.csvNumber(share, excel: false)
  }

  func date(_ date: CivilDate) -> String { excel ? date.vietnamese : date.description }

  /// A code (`below_significant`) or, for Excel, its word ("thấp hơn rõ rệt").
  func word(_ code: String, _ label: String) -> String { text(excel ? label : code) }

  func yesNo(_ value: Bool) -> String {
    excel ? (value ? (vi ? "có" : "yes") : (vi ? "không" : "no")) : (value ? "true" : "false")
  }
}
