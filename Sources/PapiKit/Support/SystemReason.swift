import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why the system refused a file, in the user's language: a Vietnamese message says
/// "không có tệp hoặc thư mục này", not "(No such file or directory)".
enum SystemReason {
  /// The reason for an `errno` value.
  static func of(errno code: Int32) -> LocalizedText {
    let english = String(cString: strerror(code))
    let vietnamese: String
    switch code {
    case ENOENT: vietnamese = "không có tệp hoặc thư mục này"
    case EACCES, EPERM: vietnamese = "không có quyền"
    case ENOSPC: vietnamese = "ổ đĩa hết chỗ trống"
    case EDQUOT: vietnamese = "đã hết hạn mức dung lượng"
    case EROFS: vietnamese = "ổ đĩa chỉ cho phép đọc"
    case EISDIR: vietnamese = "đây là một thư mục, không phải tệp"
    case ENOTDIR: vietnamese = "một phần của đường dẫn không phải thư mục"
    case ENAMETOOLONG: vietnamese = "tên tệp quá dài"
    case EIO: vietnamese = "lỗi vào/ra của ổ đĩa"
    case EMFILE, ENFILE: vietnamese = "đã mở quá nhiều tệp"
    case ELOOP: vietnamese = "đường dẫn có liên kết vòng"
    default: vietnamese = "lỗi hệ thống: \(english)"
    }
    return L(vietnamese, english)
  }

  /// What to do about a refused file: `option` names where the path came from (`--out`,
  /// `-q`, or nil for a file given as an argument); `writing` when papi was writing it.
  static func fix(errno code: Int32?, writing: Bool, option: String? = nil) -> LocalizedText {
    let place = option.map { L(" sau \($0)", " after \($0)") } ?? L("", "")
    switch code {
    case ENOENT where writing:
      return L(
        "Thư mục chứa tệp\(place.vi) chưa có: tạo nó trước (mkdir -p THƯ-MỤC) hoặc chọn thư mục khác.",
        "The folder of the file\(place.en) does not exist: create it first (mkdir -p FOLDER) or choose another.")
    case ENOENT:
      return L(
        "Kiểm tra tên và đường dẫn của tệp\(place.vi) (lệnh ls liệt kê các tệp của một thư mục).",
        "Check the file's name and path\(place.en) (ls lists a folder's files).")
    case EACCES, EPERM:
      return writing
        ? L("Chọn một thư mục mình có quyền ghi\(place.vi).", "Choose a folder you may write to\(place.en).")
        : L(
          "Xin quyền đọc tệp, hoặc chép tệp vào thư mục của mình rồi dùng bản chép.",
          "Ask for read permission, or copy the file into your own folder and use the copy.")
    case ENOSPC, EDQUOT:
      return L("Giải phóng chỗ trên ổ đĩa rồi chạy lại.", "Free some space on the disk and run again.")
    case EROFS: return L("Ghi vào một ổ đĩa khác\(place.vi).", "Write to another disk\(place.en).")
    case EISDIR:
      return writing
        ? L("Cho\(place.vi) một tên tệp, ví dụ bao-cao.html.", "Give\(place.en) a file name, for example report.html.")
        : L(
          "Chỉ\(place.vi) một tệp trong thư mục đó (THƯ-MỤC/TÊN-TỆP), không phải thư mục.",
          "Give\(place.en) a file in that folder (FOLDER/FILE), not the folder.")
    case ENOTDIR:
      return L(
        "Kiểm tra đường dẫn\(place.vi): một phần của nó là tệp, không phải thư mục.",
        "Check the path\(place.en): a part of it is a file, not a folder.")
    case ENAMETOOLONG: return L("Dùng một tên tệp ngắn hơn.", "Use a shorter file name.")
    default: return L("Kiểm tra ổ đĩa rồi chạy lại.", "Check the disk and run again.")
    }
  }

  /// Whether `path` is a folder (following links).
  static func isFolder(_ path: String) -> Bool {
    FileStatus.isFolder(path)
  }

  /// Why a folder cannot be made at `path` when Foundation does not say: a part of the path
  /// that is a file (ENOTDIR), or a parent papi may not write in (EACCES).
  static func folderCause(_ path: String) -> Int32? {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      prefix += "/" + part
      guard FileStatus.exists(prefix) else {
        let parent = (prefix as NSString).deletingLastPathComponent
        return access(parent.isEmpty ? "." : parent, W_OK) == 0 ? nil : EACCES
      }
      if !FileStatus.isFolder(prefix) { return ENOTDIR }
    }
    return nil
  }

  /// The POSIX cause of an error Foundation threw, when it has one.
  static func code(of error: any Error) -> Int32? {
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return Int32(underlying.code)
    }
    if error.domain == NSCocoaErrorDomain {
      switch CocoaError.Code(rawValue: error.code) {
      case .fileReadNoSuchFile, .fileNoSuchFile: return ENOENT
      case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
      case .fileWriteOutOfSpace: return ENOSPC
      case .fileWriteVolumeReadOnly: return EROFS
      default: return nil
      }
    }
    return nil
  }

  /// The reason for an error Foundation threw while reading or writing a file: its POSIX
  /// cause when it has one.
  static func of(_ error: any Error) -> LocalizedText {
    if let code = code(of: error) { return of(errno: code) }
    let error = error as NSError
    switch (error.domain, CocoaError.Code(rawValue: error.code)) {
    case (NSCocoaErrorDomain, .fileReadInapplicableStringEncoding), (NSCocoaErrorDomain, .fileReadCorruptFile),
      (NSCocoaErrorDomain, .fileReadUnknownStringEncoding):
      return L("tệp không phải văn bản UTF-8", "the file is not UTF-8 text")
    default: return L("lỗi hệ thống mã \(error.code)", error.localizedDescription)
    }
  }
}
