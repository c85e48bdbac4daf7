import Foundation

/// What a file given as an export is when it is not delimited text, recognised by its first
/// bytes (a renamed file is recognised too): an `.xlsx` workbook, which papi reads
/// (`XLSXFormat`), or something it does not — a folder, another Office or OpenDocument
/// file, a workbook encrypted with a password, a ZIP archive, a PDF — each saying what it
/// is and how to get a file papi reads from it.
enum NotAnExport: Equatable {
  case folder
  case xlsx, ods, xls, docx, odt, doc
  case encrypted
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
      // An OLE2 compound file: Word 97–2003 names its stream "WordDocument"; an Office
      // file encrypted with a password holds "EncryptedPackage" (its directory may be
      // near the end of the file).
      let tail = FileHead.tail(path, count: 65_536)
      let encrypted = utf16("EncryptedPackage")
      if contains(head, encrypted) || contains(tail, encrypted) { return .encrypted }
      return contains(head, utf16("WordDocument")) ? .doc : .xls
    }
    if head.starts(with: Array("%PDF".utf8)) { return .pdf }
    return nil
  }

  /// A name as an OLE2 directory writes it (UTF-16, little-endian).
  private static func utf16(_ name: String) -> String {
    String(name.flatMap { [$0, "\0"] }.dropLast())
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
    case .encrypted:
      L(
        "đây là một sổ tính được bảo vệ bằng mật khẩu (mã hóa)",
        "this is a workbook protected by a password (encrypted)")
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
        "Mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành (Save As) → \"Sổ làm việc Excel (*.xlsx)\" "
          + "hoặc \"CSV UTF-8\", rồi dùng tệp đó.",
        "Open it in Excel or LibreOffice, choose Save As → \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8\", "
          + "and use that file.")
    case .encrypted:
      L(
        "Mở tệp bằng mật khẩu trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật "
          + "khẩu, xóa mật khẩu) rồi lưu lại thành .xlsx; hoặc Lưu thành \"CSV UTF-8\".",
        "Open it with its password in Excel, remove the password (File → Info → Protect Workbook → Encrypt with "
          + "Password, clear it) and save it again as .xlsx; or Save As \"CSV UTF-8\".")
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
      ? L(".", ".")
      : L(
        "; papi đọc tệp CSV và sổ tính .xlsx, không đọc dạng này.",
        "; papi reads CSV files and .xlsx workbooks, not this format.")
    return PapiError(
      .unsupportedFormat, file: path, message: L(what.vi + tail.vi, what.en + tail.en), fix: fix)
  }
}
