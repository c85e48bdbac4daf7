import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// The file behind an `SQLiteStore`: whether it is papi's, which schema it holds, and how it
/// is opened. Another application's database, one from a newer papi, and an empty file
/// given to a command that only reads are refused before anything is written to them.
struct SQLiteFile {
  /// SQLite's `application_id` of a papi database: "PAPI" in ASCII.
  static let applicationID: Int32 = 0x5041_5049

  let path: String
  /// Seconds to wait for another papi holding the file.
  let wait: Double

  /// What the file holds before papi opens it for writing.
  enum Content: Equatable {
    /// No file, an empty file, or an SQLite database without any table.
    case nothing
    /// A papi database with this schema version.
    case papi(version: Int)
    /// Another application's database.
    case foreign(applicationID: Int32, tables: [String])
  }

  /// The database, opened for reading and writing with its schema brought up to date.
  func open(_ mode: SQLiteStore.Mode) throws(PapiError) -> DatabaseQueue {
    if SystemReason.isFolder(path) {
      let reason = SystemReason.of(errno: EISDIR)
      throw PapiError(
        .database, file: path,
        message: L("không mở được cơ sở dữ liệu (\(reason.vi)).", "cannot open the database (\(reason.en))."),
        fix: L(
          "Cho --db một tên tệp, ví dụ \(path)/papi.db.", "Give --db a file name, for example \(path)/papi.db."))
    }
    let deadline = Date().addingTimeInterval(max(wait, 1))
    while true {
      let content = try inspect()
      switch content {
      case .nothing where mode == .existing: throw noDatabase(empty: FileManager.default.fileExists(atPath: path))
      case .foreign(let id, let tables): throw foreign(id, tables)
      case .papi(let version) where version > SQLiteSchema.version: throw newer(version)
      default: break
      }
      do {
        return try connect(content)
      } catch {
        // Another papi creating or upgrading the file at this moment (GRDB applies each
        // migration in its own transaction, after reading which are applied): once it is
        // done, this one finds the schema it made.
        guard content != .papi(version: SQLiteSchema.version), error.code != .conflict, Date() < deadline else {
          throw error
        }
        usleep(50_000)
      }
    }
  }

  private func connect(_ content: Content) throws(PapiError) -> DatabaseQueue {
    try guarded {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.label = "papi"
      configuration.busyMode = .timeout(wait)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      if content == .nothing {
        // 16 KiB pages (SQLite's default is 4 KiB): a respondent row is some 200 bytes, and
        // larger pages make shallower trees and faster bulk imports. Only a new file can
        // choose; an existing one keeps its size.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 16384") }
      }
      if try queue.read({ try SQLiteSchema.migrator.hasBeenSuperseded($0) }) { throw newer(nil) }
      try SQLiteSchema.migrator.migrate(queue)
      // Stamped once (a new file, or one made before papi stamped its files): a database
      // that is up to date is only read.
      if content != .papi(version: SQLiteSchema.version) {
        try queue.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
          try db.execute(sql: "PRAGMA user_version = \(SQLiteSchema.version)")
        }
      }
      return queue
    }
  }

  /// What the file holds, read without writing a byte.
  func inspect() throws(PapiError) -> Content {
    // Nothing there, or an empty file: nothing to inspect.
    guard FileStatus.exists(path), FileStatus.isFolder(path) || FileStatus.size(path) != 0 else { return .nothing }
    return try guarded {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(wait)
      let reader = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? reader.close() }
      return try reader.read { db in
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if id == Self.applicationID { return .papi(version: version) }
        // Files papi made before it stamped them (version 0): its migrations table and its
        // waves.
        if id == 0 && tables.contains("grdb_migrations") && tables.contains("wave") { return .papi(version: 0) }
        // A papi creating the file this very moment has made GRDB's table and nothing else.
        if id == 0 && tables == ["grdb_migrations"] { return .papi(version: 0) }
        if id == 0 && tables.isEmpty { return .nothing }
        return .foreign(applicationID: id, tables: tables)
      }
    }
  }

  /// Runs `body`; another papi holding the file past the wait becomes a message saying
  /// so, any other failure one naming the file.
  func guarded<T>(_ body: () throws -> T) throws(PapiError) -> T {
    do {
      return try body()
    } catch let error as PapiError {
      throw error
    } catch {
      if let busy = busy(error) { throw busy }
      let reason = SQLiteReason.of(error)
      throw PapiError(
        .database, file: path,
        message: L("không mở được cơ sở dữ liệu (\(reason.vi)).", "cannot open the database (\(reason.en))."),
        fix: SQLiteReason.fix(error)
          ?? L(
            "Kiểm tra đường dẫn --db và quyền ghi thư mục; tệp phải là cơ sở dữ liệu papi.",
            "Check the --db path and that its folder is writable; the file must be a papi database."))
    }
  }

  /// The message for a database another papi holds, or nil when `error` is something else.
  func busy(_ error: any Error) -> PapiError? {
    guard let error = error as? DatabaseError, [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) else {
      return nil
    }
    let seconds = wait.formatted(.number.precision(.fractionLength(0...1)))
    return PapiError(
      .conflict, file: path,
      message: L(
        "một papi khác đang ghi vào cơ sở dữ liệu này (đã chờ \(seconds) giây).",
        "another papi is writing to this database (waited \(seconds) s)."),
      fix: L(
        "Không có gì bị thay đổi. Chạy lại khi lệnh kia đã xong, hoặc thêm --wait 60 để chờ lâu hơn.",
        "Nothing was changed. Run again when the other command has finished, or add --wait 60 to wait longer."))
  }

  private func noDatabase(empty: Bool) -> PapiError {
    PapiError(
      .notFound, file: path,
      message: empty
        ? L(
          "tệp này rỗng, chưa phải cơ sở dữ liệu; papi không ghi gì vào tệp.",
          "this file is empty, not a database yet; papi wrote nothing to it.")
        : L("chưa có cơ sở dữ liệu ở đây.", "there is no database here yet."),
      fix: L(
        "Nhập dữ liệu trước bằng `papi import TỆP… -q BẢNG-HỎI --wave ĐỢT`, hoặc chỉ đường dẫn bằng --db.",
        "Import data first with `papi import FILE… -q Q --wave W`, or give the path with --db."))
  }

  private func foreign(_ id: Int32, _ tables: [String]) -> PapiError {
    let listed = tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? ", …" : "")
    let owner = id == 0 ? "" : String(format: "application_id 0x%08X, ", UInt32(bitPattern: id))
    return PapiError(
      .invalidInput, file: path, value: "\(owner)\(listed)",
      message: L(
        "đây là cơ sở dữ liệu SQLite của một ứng dụng khác, không phải của papi; papi không thay đổi gì trong tệp.",
        "this is another application's SQLite database, not papi's; papi changed nothing in it."),
      fix: L(
        "Chỉ tệp cơ sở dữ liệu papi bằng --db (mặc định papi.db), hoặc một tên tệp mới để bắt đầu cơ sở dữ liệu mới.",
        "Give papi's database with --db (papi.db by default), or a new file name to start a new database."))
  }

  private func newer(_ version: Int?) -> PapiError {
    let known = SQLiteSchema.version
    let schema = version.map { " (lược đồ \($0), bản papi này biết đến \(known))" } ?? ""
    let schemaEn = version.map { " (schema \($0); this papi knows up to \(known))" } ?? ""
    return PapiError(
      .unsupportedFormat, file: path,
      message: L(
        "cơ sở dữ liệu này do một phiên bản papi mới hơn tạo\(schema); papi không mở để không làm hỏng nó.",
        "this database was made by a newer papi\(schemaEn); it is not opened, so that nothing in it is damaged."),
      fix: L(
        "Cập nhật papi (lấy bản mới rồi `make`), hoặc chỉ một tệp khác bằng --db.",
        "Update papi (fetch the new version, then `make`), or give another file with --db."))
  }
}
