import Foundation
import XMLParts

/// An Office Open XML workbook opened for reading (ECMA-376): its archive (through
/// ZIPFoundation), its sheets in order, its date system, which cell styles are dates, and
/// its shared strings. A sheet's XML is then streamed through libxml2 as it is inflated,
/// never held whole.
final class WorkbookPackage {
  let path: String
  private let archive: ZipParts
  /// The sheets in the workbook's order: name and the part that holds it.
  private(set) var sheets: [(name: String, part: String)] = []
  private(set) var date1904 = false
  private(set) var styles = CellStyles()
  private(set) var sharedStrings = SharedStrings()

  init(_ path: String) throws(PapiError) {
    self.path = path
    do {
      archive = try ZipParts(path: path)
    } catch {
      throw Self.broken(path, detail: error.detail)
    }
    let workbook = try relationshipTarget(from: "_rels/.rels", type: "/officeDocument") ?? "xl/workbook.xml"
    guard archive.contains(workbook) else {
      throw PapiError(
        .unsupportedFormat, file: path,
        message: L(
          "tệp nén này không phải một sổ tính Excel (không có phần \(workbook)).",
          "this archive is not an Excel workbook (it has no \(workbook) part)."),
        fix: L(
          "Chỉ tệp .xlsx do Excel, LibreOffice hay nền tảng khảo sát lưu, hoặc tệp CSV.",
          "Give an .xlsx file saved by Excel, LibreOffice or the survey platform, or a CSV file."))
    }
    let folder = workbook.split(separator: "/").dropLast().joined(separator: "/")
    let relationships = RelationshipsReader()
    try stream(Self.relationshipsPart(of: workbook), into: relationships, required: false)
    let book = WorkbookReader()
    try stream(workbook, into: book)
    date1904 = book.date1904
    sheets = book.sheets.compactMap { sheet in
      relationships.targets[sheet.relationship].map { (sheet.name, Self.resolve($0, in: folder)) }
    }
    if let part = relationships.target(ofType: "/styles").map({ Self.resolve($0, in: folder) }) {
      let reader = CellStylesReader()
      try stream(part, into: reader, required: false)
      styles = reader.styles
    }
    if let part = relationships.target(ofType: "/sharedStrings").map({ Self.resolve($0, in: folder) }) {
      let reader = SharedStringsReader()
      try stream(part, into: reader, required: false)
      sharedStrings = reader.strings
    }
  }

  /// The sheet named `name` (case and spaces aside), or the first.
  func sheet(named name: String?) throws(PapiError) -> (name: String, part: String) {
    guard let name else {
      guard let first = sheets.first else {
        throw PapiError(
          file: path, message: L("sổ tính không có trang tính nào.", "the workbook has no worksheet."),
          fix: L("Mở tệp trong Excel hoặc LibreOffice để kiểm tra.", "Open it in Excel or LibreOffice to check it."))
      }
      return first
    }
    let wanted = name.trimmedNFC.lowercased()
    if let found = sheets.first(where: { $0.name.trimmedNFC.lowercased() == wanted }) { return found }
    let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
    let nearest = NearestName.nearest(name, in: sheets.map(\.name)).map {
      L(" Có phải \"\($0)\"?", " Did you mean \"\($0)\"?")
    }
    throw PapiError(
      file: path, value: name,
      message: L(
        "sổ tính không có trang tính tên này (có: \(names)).\(nearest?.vi ?? "")",
        "the workbook has no sheet of this name (it has: \(names)).\(nearest?.en ?? "")"),
      fix: L("Chỉ một trong các tên trên sau --sheet.", "Give one of the names above after --sheet."))
  }

  /// Inflates `part` in chunks on this thread, until `body` returns false.
  func inflate(_ part: String, _ body: (Data) -> Bool) throws(PapiError) {
    do {
      try archive.inflate(part, body)
    } catch {
      throw Self.broken(path, detail: error.detail)
    }
  }

  /// The uncompressed size of a part, for progress.
  func size(of part: String) -> Int {
    archive.size(of: part)
  }

  /// Inflates `part` and streams it through libxml2 into `events`; `progress` is told the
  /// bytes inflated so far. A part that is missing (when `required`), corrupt or not
  /// well-formed is an error naming it.
  func stream(
    _ part: String, into events: XMLEvents, required: Bool = true, progress: ((Int) -> Void)? = nil
  ) throws(PapiError) {
    if !required && !archive.contains(part) { return }
    var failure: XMLFailure?
    do throws(ZipParts.Failure) {
      if archive.size(of: part) > 4 << 20 {
        // A large part (a sheet) is inflated on another core while this one parses it.
        try archive.inflateAlongside(part) { next in
          var inflated = 0
          var chunks = ChunkReader {
            let chunk = next()
            inflated += chunk?.count ?? 0
            progress?(inflated)
            return chunk
          }
          failure = XMLPullParser.parse(events) { chunks.read(into: $0) }
        }
      } else {
        // A small part is inflated whole first: it holds what the archive says, at most 4 MiB.
        var chunks: [Data] = []
        var inflated = 0
        try archive.inflate(part) { chunk in
          inflated += chunk.count
          progress?(inflated)
          chunks.append(chunk)
          return inflated <= 4 << 20
        }
        if inflated > 4 << 20 { throw ZipParts.Failure(detail: "\(part) holds more than its stated size") }
        failure = XMLPullParser.parse(events, chunks: chunks)
      }
    } catch {
      throw Self.broken(path, detail: error.detail)
    }
    if let failure, !events.stop {
      throw PapiError(
        file: path,
        message: L(
          "phần \(part) của sổ tính bị hỏng ở dòng \(failure.line) của nó (\(failure.message)).",
          "the workbook's part \(part) is broken at its line \(failure.line) (\(failure.message))."),
        fix: Self.resave)
    }
  }

  private static let resave = L(
    "Mở tệp trong Excel hoặc LibreOffice và lưu lại thành .xlsx, hoặc tải lại tệp từ nền tảng khảo sát.",
    "Open it in Excel or LibreOffice and save it again as .xlsx, or download it again from the survey platform.")

  private static func broken(_ path: String, detail: String) -> PapiError {
    PapiError(
      file: path,
      message: L(
        "tệp sổ tính bị hỏng hoặc không đầy đủ (\(why(detail))).",
        "the workbook is damaged or incomplete (\(detail))."),
      fix: resave)
  }

  /// What ZIPFoundation's error means, in Vietnamese.
  private static func why(_ detail: String) -> String {
    if detail.contains("EndOfCentralDirectory") { return "tệp nén bị cắt: thiếu phần cuối" }
    if detail.contains("CRC32") { return "mã kiểm tra CRC không khớp: dữ liệu bị hỏng" }
    if detail.hasSuffix(" is missing") { return "thiếu phần \(detail.dropLast(" is missing".count))" }
    return "dữ liệu nén bị hỏng"
  }

  private func relationshipTarget(from part: String, type: String) throws(PapiError) -> String? {
    let reader = RelationshipsReader()
    try stream(part, into: reader, required: false)
    return reader.target(ofType: type).map { Self.resolve($0, in: "") }
  }

  /// `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`.
  static func relationshipsPart(of part: String) -> String {
    var pieces = part.split(separator: "/").map(String.init)
    let name = pieces.removeLast()
    return (pieces + ["_rels", name + ".rels"]).joined(separator: "/")
  }

  /// A relationship's target as a part name: absolute (`/xl/…`) or relative to `folder`,
  /// with `..` resolved.
  static func resolve(_ target: String, in folder: String) -> String {
    var pieces: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for piece in target.split(separator: "/") {
      if piece == ".." {
        if !pieces.isEmpty { pieces.removeLast() }
      } else if piece != "." {
        pieces.append(piece)
      }
    }
    return pieces.joined(separator: "/")
  }
}

/// Reads a relationships part: each relationship's id, type and target.
private final class RelationshipsReader: XMLEvents {
  private(set) var targets: [String: String] = [:]
  private var types: [(type: String, target: String)] = []

  func target(ofType suffix: String) -> String? {
    types.first { $0.type.hasSuffix(suffix) }?.target
  }

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    guard name.is("Relationship"), let target = attributes.string("Target") else { return }
    if attributes.string("TargetMode") == "External" { return }
    if let id = attributes.string("Id") { targets[id] = target }
    if let type = attributes.string("Type") { types.append((type, target)) }
  }
}

/// Reads `workbook.xml`: the sheets in order (name and relationship) and the date system.
private final class WorkbookReader: XMLEvents {
  private(set) var sheets: [(name: String, relationship: String)] = []
  private(set) var date1904 = false

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    if name.is("sheet") {
      if let sheet = attributes.string("name"), let id = attributes.string("id") {
        sheets.append((sheet.nfc, id))
      }
    } else if name.is("workbookPr") {
      let value = attributes.string("date1904")
      date1904 = value == "1" || value == "true"
    }
  }
}
