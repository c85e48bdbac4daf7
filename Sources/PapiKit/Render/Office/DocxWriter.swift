import Foundation
import XMLParts

/// Writes a document as a Word file (WordprocessingML) in the form of Nghị định
/// 30/2020/NĐ-CP, Phụ lục I: A4, margins 20/20/30/15 mm, Times New Roman 13 pt, 6 pt after
/// each paragraph, page numbers centred in the top margin from page 2 on. Everything a
/// clerk edits is a named style (`WordStyles`): Normal, Heading 1–3, the list and table
/// text, the table; a table's header row repeats on every page. Figures become tables
/// (Word has no SVG a clerk could edit). The XML is written through `XMLWriter`, the
/// package zipped by `OfficePackage`.
public struct DocxWriter: Renderer {
  public init() {}

  /// The page: A4 and the margins, in twentieths of a point.
  static let pageWidth = 11_906
  static let pageHeight = 16_838
  static let margins = (top: 1_134, bottom: 1_134, left: 1_701, right: 850)
  /// The width text and tables take, on portrait and on landscape pages.
  static var textWidth: Int { pageWidth - margins.left - margins.right }
  static var landscapeTextWidth: Int { pageHeight - margins.left - margins.right }

  static let main = "word/document.xml"

  public func render(_ document: Document, to sink: inout some OutputSink) {
    var package = OfficePackage()
    package.add(Self.main, contentType: Self.type("document.main"), body(document))
    package.add("word/styles.xml", contentType: Self.type("styles"), WordStyles.part(document.language))
    package.add("word/settings.xml", contentType: Self.type("settings"), Self.settings())
    package.add("word/header1.xml", contentType: Self.type("header"), Self.pageNumberHeader())
    let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    package.addRelationships(
      of: Self.main,
      [
        .init(id: "rId1", type: relationship + "styles", target: "styles.xml"),
        .init(id: "rId2", type: relationship + "settings", target: "settings.xml"),
        .init(id: "rId3", type: relationship + "header", target: "header1.xml"),
      ])
    package.addCore(title: document.title, language: document.language, main: Self.main)
    package.data().withUnsafeBytes { sink.write($0) }
  }

  private static func type(_ part: String) -> String {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.\(part)+xml"
  }

  static let namespaces: KeyValuePairs<String, String> = [
    "xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  ]

  /// `word/document.xml`: the blocks, then the page setup.
  private func body(_ document: Document) -> Data {
    let xml = XMLWriter()
    xml.start("w:document", Self.namespaces)
    xml.start("w:body")
    var word = WordBlocks(xml: xml, language: document.language)
    if !document.blocks.contains(where: \.isLetterhead) {
      word.paragraph([.text(document.title)], style: "Title")
    }
    for (index, block) in document.blocks.enumerated() { word.block(block, first: index == 0) }
    word.sectionProperties()
    xml.end()
    xml.end()
    return xml.finish()
  }

  /// The header of pages 2 onwards: the page number, centred, 14 pt.
  private static func pageNumberHeader() -> Data {
    let xml = XMLWriter()
    xml.start("w:hdr", namespaces)
    xml.start("w:p")
    xml.start("w:pPr")
    xml.empty("w:jc", ["w:val": "center"])
    xml.end()
    xml.start("w:fldSimple", ["w:instr": " PAGE "])
    xml.start("w:r")
    xml.element("w:t", text: "2")
    xml.end()
    xml.end()
    xml.end()
    xml.end()
    return xml.finish()
  }

  private static func settings() -> Data {
    let xml = XMLWriter()
    xml.start("w:settings", namespaces)
    xml.empty("w:defaultTabStop", ["w:val": "720"])
    xml.empty("w:characterSpacingControl", ["w:val": "doNotCompress"])
    xml.end()
    return xml.finish()
  }
}

extension Block {
  /// Whether the block is an official letterhead (the document then has no title line).
  var isLetterhead: Bool {
    if case .letterhead = self { return true }
    return false
  }
}
