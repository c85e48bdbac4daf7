import XMLParts

/// Which cell styles of a workbook show a number as a date or time (`xl/styles.xml`): a
/// cell's `s` attribute indexes `<cellXfs>`, whose `numFmtId` is a built-in date format or
/// a custom `<numFmt>` whose code has day, month, year, hour or second fields.
struct CellStyles {
  /// What a style shows of a number.
  enum Shows: UInt8 { case number, date, dateAndTime }

  /// By style index.
  var shows: [Shows] = []

  @inline(__always)
  func of(_ style: Int) -> Shows {
    style >= 0 && style < shows.count ? shows[style] : .number
  }

  /// The built-in number formats that are dates or times (ECMA-376 §18.8.30, with the
  /// East Asian ones).
  static func builtIn(_ id: Int) -> Shows {
    switch id {
    case 14...17, 27...31, 34...36, 50...58: .date
    case 18...22, 32, 33, 45...47: .dateAndTime
    default: .number
    }
  }

  /// What a format code shows: a date or time when, outside quoted text, `[…]` sections
  /// (colours, conditions, locales; `[h]`, `[mm]`, `[ss]` are elapsed time and count) and
  /// escaped characters, it has one of d, m, y, h, s; a time too when it has h or s.
  static func shows(_ code: String) -> Shows {
    var fields = Set<Character>()
    var quoted = false
    var bracket = false
    var escaped = false
    var bracketText = ""
    for character in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      if quoted {
        if character == "\"" { quoted = false }
        continue
      }
      if bracket {
        if character == "]" {
          bracket = false
          if ["h", "hh", "m", "mm", "s", "ss"].contains(bracketText) { fields.insert("h") }
        } else {
          bracketText.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case "\\", "_", "*": escaped = true
      case "[":
        bracket = true
        bracketText = ""
      case "d", "m", "y", "h", "s": fields.insert(character)
      default: continue
      }
    }
    if fields.contains("h") || fields.contains("s") { return .dateAndTime }
    return fields.isEmpty ? .number : .date
  }
}

/// Reads the custom number formats and the cell formats (`<cellXfs>`) of `styles.xml`.
final class CellStylesReader: XMLEvents {
  private var custom: [Int: CellStyles.Shows] = [:]
  private var formatIDs: [Int] = []
  private var inCellFormats = false

  var styles: CellStyles {
    CellStyles(shows: formatIDs.map { custom[$0] ?? CellStyles.builtIn($0) })
  }

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    if name.is("numFmt") {
      if let id = attributes.string("numFmtId").flatMap({ Int($0) }), let code = attributes.string("formatCode") {
        custom[id] = CellStyles.shows(code)
      }
    } else if name.is("cellXfs") {
      inCellFormats = true
    } else if name.is("xf") && inCellFormats {
      formatIDs.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
    }
  }

  override func end(_ name: XMLName) {
    if name.is("cellXfs") { inCellFormats = false }
  }
}
