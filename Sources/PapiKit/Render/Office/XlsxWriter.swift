import Foundation
import XMLParts

/// Writes a workbook as an Excel file (`.xlsx`, SpreadsheetML): one worksheet per table,
/// the header row bold, frozen and filtered, columns as wide as their content, numbers as
/// numbers in their format (`0.00` for scores), dates as dates (`dd/mm/yyyy`), text as
/// inline strings, which Excel never reads as formulas. Every part is written through
/// `XMLWriter` and zipped by `OfficePackage`; the same workbook gives the same bytes.
struct XlsxWriter: Renderer {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let worksheetType = relationships + "/worksheet"
  static let stylesType = relationships + "/styles"
  static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

  func render(_ workbook: Workbook, to sink: inout some OutputSink) {
    data(workbook).withUnsafeBytes { sink.write($0) }
  }

  func data(_ workbook: Workbook) -> Data {
    let names = Self.uniqueNames(workbook.sheets.map(\.name))
    var styles = Styles()
    var package = OfficePackage()
    package.add("xl/workbook.xml", contentType: Self.contentType + ".sheet.main+xml", self.workbook(workbook, names))
    for (index, sheet) in workbook.sheets.enumerated() {
      package.add(
        "xl/worksheets/sheet\(index + 1).xml", contentType: Self.contentType + ".worksheet+xml",
        worksheet(sheet, selected: index == 0, styles: &styles))
    }
    package.add("xl/styles.xml", contentType: Self.contentType + ".styles+xml", styles.part())
    package.addRelationships(
      of: "xl/workbook.xml",
      workbook.sheets.indices.map {
        OfficePackage.Relationship(
          id: "rId\($0 + 1)", type: Self.worksheetType, target: "worksheets/sheet\($0 + 1).xml")
      } + [
        OfficePackage.Relationship(id: "rId\(workbook.sheets.count + 1)", type: Self.stylesType, target: "styles.xml")
      ])
    package.addCore(title: workbook.title, language: workbook.language, main: "xl/workbook.xml")
    return package.data()
  }

  /// The sheets by name, and for each the range its filter covers and the header row that
  /// each printed page repeats.
  private func workbook(_ workbook: Workbook, _ names: [String]) -> Data {
    let xml = XMLWriter()
    xml.start("workbook", ["xmlns": Self.main, "xmlns:r": Self.relationships])
    xml.start("bookViews")
    xml.empty("workbookView", ["activeTab": "0"])
    xml.end()
    xml.start("sheets")
    for (index, name) in names.enumerated() {
      xml.empty("sheet", ["name": name, "sheetId": String(index + 1), "r:id": "rId\(index + 1)"])
    }
    xml.end()
    xml.start("definedNames")
    for (index, sheet) in workbook.sheets.enumerated() {
      let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'!"
      let last = Self.column(max(1, sheet.columns.count))
      xml.element(
        "definedName", ["name": "_xlnm._FilterDatabase", "localSheetId": String(index), "hidden": "1"],
        text: quoted + "$A$1:$\(last)$\(sheet.rows.count + 1)")
      xml.element("definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(index)], text: quoted + "$1:$1")
    }
    xml.end()
    xml.end()
    return xml.finish()
  }

  /// One table: the header row frozen and filtered, then a row per row of the table; A4
  /// landscape when printed.
  private func worksheet(_ sheet: SheetTable, selected: Bool, styles: inout Styles) -> Data {
    let xml = XMLWriter()
    let last = Self.column(max(1, sheet.columns.count))
    let range = "A1:\(last)\(sheet.rows.count + 1)"
    xml.start("worksheet", ["xmlns": Self.main, "xmlns:r": Self.relationships])
    xml.empty("dimension", ["ref": range])
    xml.start("sheetViews")
    xml.start("sheetView", ["workbookViewId": "0"])
    if selected { xml.attribute("tabSelected", "1") }
    xml.empty("pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
    xml.empty("selection", ["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])
    xml.end()
    xml.end()
    if !sheet.columns.isEmpty {
      xml.start("cols")
      for (index, width) in Self.widths(sheet).enumerated() {
        let number = String(index + 1)
        xml.empty("col", ["min": number, "max": number, "width": String(width), "customWidth": "1"])
      }
      xml.end()
    }
    xml.start("sheetData")
    xml.start("row", ["r": "1"])
    for (index, column) in sheet.columns.enumerated() {
      inline(xml, reference: Self.column(index + 1) + "1", column.title, style: styles.header)
    }
    xml.end()
    for (offset, row) in sheet.rows.enumerated() {
      let number = String(offset + 2)
      xml.start("row", ["r": number])
      for (index, (cell, column)) in zip(row, sheet.columns).enumerated() {
        let reference = Self.column(index + 1) + number
        switch cell {
        case .empty: continue
        case .text(let text): inline(xml, reference: reference, text, style: 0)
        case .number(let value, let decimals):
          xml.start("c", ["r": reference])
          let style = styles.index(Self.format(column.kind, decimals: decimals))
          if style != 0 { xml.attribute("s", String(style)) }
          xml.element("v", text: value.shortestText)
          xml.end()
        case .date(let date):
          xml.start("c", ["r": reference, "s": String(styles.index(Self.dateFormat))])
          xml.element("v", text: String(Self.serial(date)))
          xml.end()
        }
      }
      xml.end()
    }
    xml.end()
    xml.empty("autoFilter", ["ref": range])
    xml.empty(
      "pageMargins", ["left": "0.5", "right": "0.5", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"])
    xml.empty("pageSetup", ["paperSize": "9", "orientation": "landscape"])
    let codes = sheet.columns.indices.filter { sheet.columns[$0].kind == .code }
    if !codes.isEmpty && !sheet.rows.isEmpty {
      // Codes of digits are text on purpose: Excel is told not to mark them.
      let ranges = codes.map { "\(Self.column($0 + 1))2:\(Self.column($0 + 1))\(sheet.rows.count + 1)" }
      xml.start("ignoredErrors")
      xml.empty("ignoredError", ["sqref": ranges.joined(separator: " "), "numberStoredAsText": "1"])
      xml.end()
    }
    xml.end()
    return xml.finish()
  }

  /// A text cell as an inline string (Excel holds at most 32,767 characters in a cell).
  private func inline(_ xml: XMLWriter, reference: String, _ text: String, style: Int) {
    xml.start("c", ["r": reference, "t": "inlineStr"])
    if style != 0 { xml.attribute("s", String(style)) }
    xml.start("is")
    let text = Self.fitting(text)
    xml.start("t")
    if text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n") {
      xml.attribute("xml:space", "preserve")
    }
    xml.text(text)
    xml.end()
    xml.end()
    xml.end()
  }

  /// The text, or as much of it as a cell holds (32,767 UTF-16 units).
  static func fitting(_ text: String) -> String {
    guard text.utf16.count > 32_767 else { return text }
    var units = 0
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      units += scalar.utf16.count
      if units > 32_767 { break }
      kept.append(scalar)
    }
    return String(kept)
  }

  static let dateFormat = "dd/mm/yyyy"

  /// The number format of a number in a column of `kind`; "General" when the column is
  /// not one of numbers.
  static func format(_ kind: DataColumn.Kind, decimals: Int?) -> String {
    func fixed(_ places: Int) -> String { places > 0 ? "0." + String(repeating: "0", count: places) : "0" }
    switch kind {
    case .number(let columnDecimals): return fixed(decimals ?? columnDecimals)
    case .integer: return fixed(decimals ?? 0)
    case .percent(let columnDecimals): return fixed(decimals ?? columnDecimals) + "%"
    case .date: return dateFormat
    case .text, .code: return decimals.map(fixed) ?? "General"
    }
  }

  /// Excel's day number (the 1900 date system): days since 30 December 1899 (day −25,569
  /// of `CivilDate`), less one before 1 March 1900, since Excel counts a 29 February 1900
  /// that was not.
  static func serial(_ date: CivilDate) -> Int {
    let days = date.dayNumber + 25_569
    return days < 61 ? days - 1 : days
  }

  /// A column's letters: 1 is A, 27 is AA (as messages name a workbook's cells).
  static func column(_ number: Int) -> String { SourceLocation.columnLetters(number) }

  /// Each column as wide as its longest cell as shown (or its title), from 6 to 60
  /// characters; a longer text is cut off at the edge, and read in the cell.
  static func widths(_ sheet: SheetTable) -> [Int] {
    sheet.columns.enumerated().map { index, column in
      var longest = column.title.count + 2
      for row in sheet.rows where index < row.count {
        longest = max(longest, shownLength(row[index], column.kind))
      }
      return min(60, max(6, longest + 2))
    }
  }

  private static func shownLength(_ cell: SheetCell, _ kind: DataColumn.Kind) -> Int {
    switch cell {
    case .empty: return 0
    case .text(let text): return text.split(separator: "\n").map(\.count).max() ?? 0
    case .date: return 10
    case .number(let value, let decimals):
      let format = Self.format(kind, decimals: decimals)
      let percent = format.hasSuffix("%")
      let places = format.split(separator: ".").last.map { $0.filter { $0 == "0" }.count } ?? 0
      let shown = String(format: "%.\(format.contains(".") ? places : 0)f", percent ? value * 100 : value)
      return shown.count + (percent ? 1 : 0)
    }
  }

  /// Sheet names as Excel wants them, distinct whatever their case: a repeated name gets
  /// " (2)", " (3)"…; an empty one is "Sheet1"….
  static func uniqueNames(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.enumerated().map { index, name in
      var unique = name.isEmpty ? "Sheet\(index + 1)" : name
      var copy = 2
      while seen.contains(unique.lowercased()) {
        let suffix = " (\(copy))"
        unique = String(name.prefix(31 - suffix.count)) + suffix
        copy += 1
      }
      seen.insert(unique.lowercased())
      return unique
    }
  }
}

/// The cell formats a workbook uses, numbered as its cells name them: 0 is the default
/// ("General"), 1 the bold header, then each number format in the order first used.
private struct Styles {
  private var formats: [String] = []
  let header = 1

  /// The format's index among the cell formats, added at its first use.
  mutating func index(_ format: String) -> Int {
    guard format != "General" else { return 0 }
    if let index = formats.firstIndex(of: format) { return index + 2 }
    formats.append(format)
    return formats.count + 1
  }

  /// Excel's own numbers for the formats it has built in; the others are numbered from 164.
  private static let builtIn: [String: Int] = ["0": 1, "0.00": 2, "0%": 9, "0.00%": 10]

  private var custom: [String] { formats.filter { Self.builtIn[$0] == nil } }

  private func numberFormatID(_ format: String) -> Int {
    Self.builtIn[format] ?? 164 + (custom.firstIndex(of: format) ?? 0)
  }

  func part() -> Data {
    let xml = XMLWriter()
    xml.start("styleSheet", ["xmlns": XlsxWriter.main])
    if !custom.isEmpty {
      xml.start("numFmts", ["count": String(custom.count)])
      for format in custom {
        xml.empty("numFmt", ["numFmtId": String(numberFormatID(format)), "formatCode": format])
      }
      xml.end()
    }
    xml.start("fonts", ["count": "2"])
    for bold in [false, true] {
      xml.start("font")
      if bold { xml.empty("b") }
      xml.empty("sz", ["val": "11"])
      xml.empty("name", ["val": "Calibri"])
      xml.empty("family", ["val": "2"])
      xml.end()
    }
    xml.end()
    xml.start("fills", ["count": "2"])
    for pattern in ["none", "gray125"] {
      xml.start("fill")
      xml.empty("patternFill", ["patternType": pattern])
      xml.end()
    }
    xml.end()
    xml.start("borders", ["count": "1"])
    xml.start("border")
    for side in ["left", "right", "top", "bottom", "diagonal"] { xml.empty(side) }
    xml.end()
    xml.end()
    xml.start("cellStyleXfs", ["count": "1"])
    xml.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
    xml.end()
    xml.start("cellXfs", ["count": String(2 + formats.count)])
    xml.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
    xml.empty(
      "xf", ["numFmtId": "0", "fontId": "1", "fillId": "0", "borderId": "0", "xfId": "0", "applyFont": "1"])
    for format in formats {
      xml.empty(
        "xf",
        [
          "numFmtId": String(numberFormatID(format)), "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
          "applyNumberFormat": "1",
        ])
    }
    xml.end()
    xml.start("cellStyles", ["count": "1"])
    xml.empty("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
    xml.end()
    xml.end()
    return xml.finish()
  }
}
