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

  /// The reason for an error Foundation threw while reading or writing a file: its POSIX
  /// cause when it has one.
  static func of(_ error: any Error) -> LocalizedText {
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain { return of(errno: Int32(error.code)) }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return of(errno: Int32(underlying.code))
    }
    if error.domain == NSCocoaErrorDomain {
      switch CocoaError.Code(rawValue: error.code) {
      case .fileReadNoSuchFile, .fileNoSuchFile: return of(errno: ENOENT)
      case .fileReadNoPermission, .fileWriteNoPermission: return of(errno: EACCES)
      case .fileWriteOutOfSpace: return of(errno: ENOSPC)
      case .fileWriteVolumeReadOnly: return of(errno: EROFS)
      case .fileReadInapplicableStringEncoding:
        return L("tệp không phải văn bản UTF-8", "the file is not UTF-8 text")
      default: break
      }
    }
    return L("lỗi hệ thống: \(error.localizedDescription)", error.localizedDescription)
  }
}
