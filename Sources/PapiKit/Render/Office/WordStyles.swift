import Foundation
import XMLParts

/// The styles of papi's Word files (`word/styles.xml`), named so that a clerk finds them in
/// Word's style list: Times New Roman 13 pt, 6 pt after each paragraph, body text justified
/// with a 1 cm first-line indent, single-spaced (Nghị định 30/2020/NĐ-CP, Phụ lục I); headings Word knows
/// as headings (for its navigation pane and table of contents); smaller text in tables.
enum WordStyles {
  /// One paragraph style: its id, its name in Word, and what it changes from Normal.
  private struct Style {
    var id: String
    var name: String
    var alignment: String?
    var firstLine: Int? = nil
    var left: Int? = nil
    var before: Int? = nil
    var after: Int? = nil
    var line: Int? = nil
    var size: Int? = nil
    var bold = false
    var italic = false
    var keepNext = false
    var outline: Int? = nil
  }

  /// Body text: 13 pt (half-points), inside the decree's 13–14 pt.
  static let bodySize = 26

  private static let styles: [Style] = [
    Style(id: "Title", name: "Title", alignment: "center", firstLine: 0, before: 240, bold: true, keepNext: true),
    Style(id: "Heading1", name: "heading 1", alignment: "both", before: 120, bold: true, keepNext: true, outline: 0),
    Style(id: "Heading2", name: "heading 2", alignment: "both", before: 60, bold: true, keepNext: true, outline: 1),
    Style(
      id: "Heading3", name: "heading 3", alignment: "both", bold: true, italic: true, keepNext: true, outline: 2),
    Style(id: "Note", name: "Note", alignment: "left", firstLine: 0, size: 24, italic: true),
    Style(id: "Basis", name: "Basis (Căn cứ)", alignment: "both", italic: true),
    Style(id: "Caption", name: "caption", alignment: "center", firstLine: 0, italic: true),
    Style(id: "ListDash", name: "List Dash", alignment: "both"),
    Style(id: "ListDash2", name: "List Dash 2", alignment: "both", left: 567),
    Style(
      id: "TableText", name: "Table Text", alignment: "left", firstLine: 0, before: 30, after: 30, line: 240,
      size: 24),
    Style(
      id: "TableHeading", name: "Table Heading", alignment: "center", firstLine: 0, before: 30, after: 30,
      line: 240, size: 24, bold: true),
    Style(
      id: "TableTextCompact", name: "Table Text Compact", alignment: "left", firstLine: 0, before: 0, after: 0,
      line: 240, size: 20),
    Style(id: "TableAfter", name: "Space After Table", alignment: "left", firstLine: 0, after: 0, line: 240, size: 12),
    Style(id: "Head", name: "Letterhead", alignment: "center", firstLine: 0, after: 0, line: 240),
    Style(
      id: "DocumentKind", name: "Document Kind", alignment: "center", firstLine: 0, before: 360, after: 0,
      line: 240, bold: true, keepNext: true),
    Style(
      id: "DocumentSummary", name: "Document Summary", alignment: "center", firstLine: 0, after: 0, line: 240,
      bold: true, keepNext: true),
    Style(id: "Rule", name: "Rule", alignment: "center", firstLine: 0, after: 240, line: 240, size: 8),
    Style(id: "Recipients", name: "Recipients", alignment: "left", firstLine: 0, after: 0, line: 240, size: 22),
    Style(id: "Signer", name: "Signer", alignment: "center", firstLine: 0, after: 0, line: 240),
  ]

  static func part(_ language: Language) -> Data {
    let xml = XMLWriter()
    xml.start("w:styles", ["xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"])
    xml.start("w:docDefaults")
    xml.start("w:rPrDefault")
    xml.start("w:rPr")
    let font = "Times New Roman"
    xml.empty("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:cs": font, "w:eastAsia": font])
    xml.empty("w:sz", ["w:val": "\(bodySize)"])
    xml.empty("w:szCs", ["w:val": "\(bodySize)"])
    xml.empty("w:lang", ["w:val": language == .vi ? "vi-VN" : "en-GB"])
    xml.end()
    xml.end()
    xml.start("w:pPrDefault")
    xml.start("w:pPr")
    xml.empty("w:spacing", ["w:before": "0", "w:after": "120", "w:line": "240", "w:lineRule": "auto"])
    xml.end()
    xml.end()
    xml.end()

    xml.start("w:style", ["w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"])
    xml.empty("w:name", ["w:val": "Normal"])
    xml.empty("w:qFormat")
    xml.start("w:pPr")
    xml.empty("w:ind", ["w:firstLine": "567"])
    xml.empty("w:jc", ["w:val": "both"])
    xml.end()
    xml.end()
    for style in styles { paragraphStyle(style, xml) }

    xml.start("w:style", ["w:type": "table", "w:styleId": "PapiTable"])
    xml.empty("w:name", ["w:val": "Table Grid"])
    xml.start("w:tblPr")
    xml.start("w:tblBorders")
    for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
      xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
    }
    xml.end()
    xml.start("w:tblCellMar")
    xml.empty("w:left", ["w:w": "80", "w:type": "dxa"])
    xml.empty("w:right", ["w:w": "80", "w:type": "dxa"])
    xml.end()
    xml.end()
    xml.end()
    xml.end()
    return xml.finish()
  }

  private static func paragraphStyle(_ style: Style, _ xml: XMLWriter) {
    xml.start("w:style", ["w:type": "paragraph", "w:styleId": style.id])
    xml.empty("w:name", ["w:val": style.name])
    xml.empty("w:basedOn", ["w:val": "Normal"])
    xml.empty("w:qFormat")
    xml.start("w:pPr")
    if style.keepNext { xml.empty("w:keepNext") }
    if style.before != nil || style.after != nil || style.line != nil {
      xml.start("w:spacing")
      if let before = style.before { xml.attribute("w:before", "\(before)") }
      if let after = style.after { xml.attribute("w:after", "\(after)") }
      if let line = style.line {
        xml.attribute("w:line", "\(line)")
        xml.attribute("w:lineRule", "auto")
      }
      xml.end()
    }
    if style.firstLine != nil || style.left != nil {
      xml.start("w:ind")
      if let left = style.left { xml.attribute("w:left", "\(left)") }
      if let firstLine = style.firstLine { xml.attribute("w:firstLine", "\(firstLine)") }
      xml.end()
    }
    if let alignment = style.alignment { xml.empty("w:jc", ["w:val": alignment]) }
    if let outline = style.outline { xml.empty("w:outlineLvl", ["w:val": "\(outline)"]) }
    xml.end()
    if style.bold || style.italic || style.size != nil {
      xml.start("w:rPr")
      if style.bold { xml.empty("w:b") }
      if style.italic { xml.empty("w:i") }
      if let size = style.size {
        xml.empty("w:sz", ["w:val": "\(size)"])
        xml.empty("w:szCs", ["w:val": "\(size)"])
      }
      xml.end()
    }
    xml.end()
  }
}
