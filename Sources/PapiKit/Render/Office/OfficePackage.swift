import Foundation
import XMLParts

/// The package of a Word or Excel file (Open Packaging Conventions): its parts, each with
/// its content type, and the relationships between them, zipped through ZIPFoundation.
/// `DocxWriter` and `XlsxWriter` add their parts; the package writes `[Content_Types].xml`
/// and the core properties itself.
struct OfficePackage {
  /// One relationship from a part (or the package) to another part.
  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  private var parts: [(path: String, contentType: String, content: Data)] = []

  /// The relationship types used by papi's documents.
  static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
  static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
  static let relationshipsType = "application/vnd.openxmlformats-package.relationships+xml"

  /// Adds a part (a path without a leading slash).
  mutating func add(_ path: String, contentType: String, _ content: Data) {
    parts.append((path, contentType, content))
  }

  /// Adds the relationships part of `source` ("" for the package itself).
  mutating func addRelationships(of source: String, _ relationships: [Relationship]) {
    let xml = XMLWriter()
    xml.start("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"])
    for relationship in relationships {
      xml.empty("Relationship", ["Id": relationship.id, "Type": relationship.type, "Target": relationship.target])
    }
    xml.end()
    let folder = (source as NSString).deletingLastPathComponent
    let name = (source as NSString).lastPathComponent
    let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    add(path, contentType: Self.relationshipsType, xml.finish())
  }

  /// Adds the core properties (title, language; no time, so that the same input gives the
  /// same file) and the package's relationships to the main part and to them.
  mutating func addCore(title: String, language: Language, main: String) {
    let xml = XMLWriter()
    xml.start(
      "cp:coreProperties",
      [
        "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      ])
    xml.element("dc:title", text: title)
    xml.element("dc:creator", text: "papi")
    xml.element("dc:language", text: language == .vi ? "vi-VN" : "en-GB")
    xml.end()
    add("docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", xml.finish())
    addRelationships(
      of: "",
      [
        Relationship(id: "rId1", type: Self.officeDocument, target: main),
        Relationship(id: "rId2", type: Self.coreProperties, target: "docProps/core.xml"),
      ])
  }

  /// The zipped package: `[Content_Types].xml` first, then the parts in the order added.
  /// Zipping in memory fails only when memory does.
  func data() -> Data {
    let types = XMLWriter()
    types.start("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"])
    types.empty("Default", ["Extension": "rels", "ContentType": Self.relationshipsType])
    types.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
    for part in parts where part.contentType != Self.relationshipsType {
      types.empty("Override", ["PartName": "/" + part.path, "ContentType": part.contentType])
    }
    types.end()
    do {
      let zip = try ZipWriter()
      try zip.add("[Content_Types].xml", types.finish())
      for part in parts { try zip.add(part.path, part.content) }
      return zip.finish()
    } catch {
      preconditionFailure("zipping an Office file in memory failed: \(error.detail)")
    }
  }
}
