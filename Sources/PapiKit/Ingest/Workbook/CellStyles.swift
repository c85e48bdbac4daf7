import XMLParts

/// Which cell styles of a workbook show a number as a date or time (`xl/styles.xml`): a
/// cell's `s` attribute indexes `<cellXfs>`, whose `numFmtId` is a built-in date format or
/// a custom `<numFmt>` whose code has day, month, year, hour or second fields.
struct CellStyles {
  /// By style index: whether the style shows a date.
  var isDate: [Bool] = []

  @inline(__always)
  func showsDate(_ style: Int) -> Bool {
    style >= 0 && style < isDate.count && isDate[style]
  }

  /// The built-in number formats that are dates or times (ECMA-376 §18.8.30, with the
  /// East Asian ones).
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
  }

  /// Whether a format code shows a date or time: outside quoted text, `[…]` sections
  /// (colours, conditions, locales; `[h]`, `[mm]`, `[ss]` are elapsed time and count) and
  /// escaped characters, it has one of d, m, y, h, s.
  static func isDateCode(_ code: String) -> Bool {
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
          if ["h", "hh", "m", "mm", "s", "ss"].contains(bracketText) { return true }
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
      case "d", "m", "y", "h", "s": return true
      default: continue
      }
    }
    return false
  }
}

/// Reads the custom number formats and the cell formats (`<cellXfs>`) of `styles.xml`.
final class CellStylesReader: XMLEvents {
  private var customDates: Set<Int> = []
  private var formatIDs: [Int] = []
  private var inCellFormats = false

  var styles: CellStyles {
    CellStyles(isDate: formatIDs.map { CellStyles.isBuiltInDate($0) || customDates.contains($0) })
  }

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    if name.is("numFmt") {
      if let id = attributes.string("numFmtId").flatMap({ Int($0) }), let code = attributes.string("formatCode"),
        CellStyles.isDateCode(code)
      {
        customDates.insert(id)
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
