import Foundation

/// A file given as an export that is something else, recognised by its first bytes (a
/// renamed file is recognised too): a folder, an Office or OpenDocument file, a ZIP archive,
/// a PDF. Each says what it is and how to get a CSV from it.
enum NotAnExport: Equatable {
  case folder
  case xlsx, ods, xls, docx, odt, doc
  case zip, pdf

  /// What `path` is when it is not a text file papi may read.
  static func recognise(_ path: String) -> NotAnExport? {
    if SystemReason.isFolder(path) { return .folder }
    let head = FileHead.read(path, count: 65_536)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      // An Office Open XML or OpenDocument file is a ZIP archive: its first entries name it.
      if contains(head, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet") { return .ods }
      if contains(head, "mimetypeapplication/vnd.oasis.opendocument.text") { return .odt }
      if contains(head, "xl/") { return .xlsx }
      if contains(head, "word/") { return .docx }
      return .zip
    }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      // An OLE2 compound file: Word 97–2003 names its stream "WordDocument".
      return contains(head, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t") ? .doc : .xls
    }
    if head.starts(with: Array("%PDF".utf8)) { return .pdf }
    return nil
  }

  private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard needle.count <= bytes.count, let first = needle.first else { return false }
    var index = 0
    while index + needle.count <= bytes.count {
      if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  /// What it is, in a sentence.
  var what: LocalizedText {
    switch self {
    case .folder: L("đây là một thư mục, không phải tệp dữ liệu", "this is a folder, not an export file")
    case .xlsx: L("đây là một sổ tính Excel (.xlsx)", "this is an Excel workbook (.xlsx)")
    case .ods: L("đây là một bảng tính OpenDocument (.ods)", "this is an OpenDocument spreadsheet (.ods)")
    case .xls: L("đây là một sổ tính Excel 97–2003 (.xls)", "this is an Excel 97–2003 workbook (.xls)")
    case .docx: L("đây là một văn bản Word (.docx)", "this is a Word document (.docx)")
    case .odt: L("đây là một văn bản OpenDocument (.odt)", "this is an OpenDocument text (.odt)")
    case .doc: L("đây là một văn bản Word 97–2003 (.doc)", "this is a Word 97–2003 document (.doc)")
    case .zip: L("đây là một tệp nén ZIP", "this is a ZIP archive")
    case .pdf: L("đây là một tệp PDF", "this is a PDF file")
    }
  }

  /// How to get an export papi reads.
  var fix: LocalizedText {
    switch self {
    case .folder:
      L(
        "Chỉ các tệp CSV trong thư mục đó, ví dụ THƯ-MỤC/*.csv.",
        "Give the CSV files in that folder, for example FOLDER/*.csv.")
    case .xlsx, .ods, .xls:
      L(
        "Mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành (Save As) → \"CSV UTF-8 (phân cách bằng dấu phẩy)\", "
          + "rồi dùng tệp .csv đó.",
        "Open it in Excel or LibreOffice, choose Save As → \"CSV UTF-8 (Comma delimited)\" and use that .csv file.")
    case .docx, .odt, .doc, .pdf:
      L(
        "Đây không phải dữ liệu khảo sát: tải lại dữ liệu từ công cụ khảo sát (KoboToolbox, ODK…) dạng CSV.",
        "This is not survey data: download the data from the survey tool (KoboToolbox, ODK…) as CSV.")
    case .zip:
      L(
        "Giải nén tệp (unzip TỆP.zip) rồi chỉ các tệp CSV bên trong.",
        "Extract it (unzip FILE.zip) and give the CSV files inside.")
    }
  }

  func error(_ path: String) -> PapiError {
    let tail =
      self == .folder
      ? L(".", ".") : L("; papi đọc tệp CSV, chưa đọc được dạng này.", "; papi reads CSV files, not this format.")
    return PapiError(
      .unsupportedFormat, file: path, message: L(what.vi + tail.vi, what.en + tail.en), fix: fix)
  }
}
