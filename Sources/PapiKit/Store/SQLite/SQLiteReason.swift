import Foundation
import GRDB

/// Why SQLite refused, in the user's language: "tệp này không phải cơ sở dữ liệu", not
/// "SQLite error 26: file is not a database - while executing …". The English text keeps
/// SQLite's own words for a report to the developers.
enum SQLiteReason {
  static func of(_ error: any Error) -> LocalizedText {
    guard let error = error as? DatabaseError else { return L("lỗi cơ sở dữ liệu", "\(error)") }
    let english = error.message ?? "\(error.resultCode)"
    let vietnamese: String
    switch error.resultCode.primaryResultCode {
    case .SQLITE_NOTADB: vietnamese = "tệp này không phải cơ sở dữ liệu"
    case .SQLITE_CORRUPT: vietnamese = "cơ sở dữ liệu bị hỏng"
    case .SQLITE_FULL: vietnamese = "ổ đĩa hết chỗ trống"
    case .SQLITE_READONLY: vietnamese = "tệp hoặc thư mục chỉ cho phép đọc"
    case .SQLITE_CANTOPEN: vietnamese = "không mở được tệp (thư mục không có, hoặc không có quyền)"
    case .SQLITE_PERM, .SQLITE_AUTH: vietnamese = "không có quyền"
    case .SQLITE_IOERR: vietnamese = "lỗi vào/ra của ổ đĩa"
    case .SQLITE_NOMEM: vietnamese = "không đủ bộ nhớ"
    case .SQLITE_BUSY, .SQLITE_LOCKED: vietnamese = "tệp đang bị chương trình khác giữ"
    default: vietnamese = "lỗi SQLite mã \(error.resultCode.rawValue)"
    }
    return L(vietnamese, english)
  }

  /// What to do about it.
  static func fix(_ error: any Error) -> LocalizedText? {
    guard let error = error as? DatabaseError else { return nil }
    switch error.resultCode.primaryResultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return L(
        "Kiểm tra đường dẫn --db: tệp phải là cơ sở dữ liệu papi. Nếu nó bị hỏng, dùng bản sao lưu, hoặc nhập lại "
          + "dữ liệu vào một tệp mới (--db moi.db).",
        "Check the --db path: the file must be a papi database. If it is damaged, use a backup, or import the data "
          + "again into a new file (--db new.db).")
    case .SQLITE_FULL: return SystemReason.fix(errno: ENOSPC, writing: true)
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
      return L(
        "Chọn một --db ở thư mục mình có quyền ghi, hoặc xin quyền ghi tệp.",
        "Choose a --db in a folder you may write to, or ask for write permission on the file.")
    case .SQLITE_CANTOPEN:
      return L(
        "Kiểm tra thư mục của --db đã có và mình có quyền ghi ở đó.",
        "Check that the folder of --db exists and that you may write there.")
    default: return nil
    }
  }
}
