import Foundation
import GRDB

/// The embedded SQLite database (`./papi.db` unless `--db`), through GRDB: every repository
/// of `PapiStore` in one file. The file is opened (and, when allowed, created) at the first
/// use, so a command that fails on its input never touches it.
public struct SQLiteStore: PapiStore {
  public static let defaultPath = "papi.db"

  /// Whether a missing file may be created.
  public enum Mode: Sendable {
    /// Create the database when the file is missing (imports and loads).
    case createIfMissing
    /// A missing file is an error, not a new database (everything that only reads).
    case existing
  }

  public let path: String
  public let mode: Mode
  private let connection: Connection

  public var location: String { path }

  public init(path: String, mode: Mode) {
    self.path = path
    self.mode = mode
    self.connection = Connection()
  }

  /// Opens (creating when missing) the database at `path` now.
  public static func open(path: String) throws(PapiError) -> SQLiteStore {
    let store = SQLiteStore(path: path, mode: .createIfMissing)
    _ = try store.queue
    return store
  }

  /// Opens the existing database at `path` now; a missing file is an error.
  public static func openExisting(path: String) throws(PapiError) -> SQLiteStore {
    let store = SQLiteStore(path: path, mode: .existing)
    _ = try store.queue
    return store
  }

  /// The open database, opened at the first use with its schema brought up to date.
  var queue: DatabaseQueue {
    get throws(PapiError) {
      try connection.queue { () throws(PapiError) in try Self.connect(path: path, mode: mode) }
    }
  }

  private static func connect(path: String, mode: Mode) throws(PapiError) -> DatabaseQueue {
    let isNew = !FileManager.default.fileExists(atPath: path)
    if isNew && mode == .existing {
      throw PapiError(
        .notFound, file: path,
        message: L("chưa có cơ sở dữ liệu ở đây.", "there is no database here yet."),
        fix: L(
          "Nhập dữ liệu trước bằng `papi import FILE… -q Q --wave W`, hoặc chỉ đường dẫn bằng --db.",
          "Import data first with `papi import FILE… -q Q --wave W`, or give the path with --db."))
    }
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.label = "papi"
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      if isNew {
        // 16 KiB pages (SQLite's default is 4 KiB): a respondent row is some 200 bytes, and
        // larger pages make shallower trees and faster bulk imports. Only a new file can
        // choose; an existing one keeps its size.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 16384") }
      }
      try SQLiteSchema.migrator.migrate(queue)
      return queue
    } catch {
      throw PapiError(
        .database, file: path,
        message: L("không mở được cơ sở dữ liệu (\(error)).", "cannot open the database (\(error))."),
        fix: L(
          "Kiểm tra đường dẫn --db và quyền ghi thư mục; tệp phải là cơ sở dữ liệu papi.",
          "Check the --db path and that its folder is writable; the file must be a papi database."))
    }
  }

  /// Runs `body` and turns a database failure into a message naming the database; a
  /// `PapiError` thrown inside passes through as it is.
  func run<T>(_ action: LocalizedText, _ body: () throws -> T) throws(PapiError) -> T {
    do {
      return try body()
    } catch let error as PapiError {
      throw error
    } catch {
      throw PapiError(
        .database, file: path,
        message: L("\(action.vi): lỗi cơ sở dữ liệu (\(error)).", "\(action.en): database error (\(error))."),
        fix: L(
          "Không có gì bị thay đổi. Kiểm tra ổ đĩa còn chỗ và tệp không bị chương trình khác khóa, rồi chạy lại.",
          "Nothing was changed. Check the disk has room and no other program holds the file, then run again."))
    }
  }
}

/// The database a store opens once, shared by the copies of the store value.
private final class Connection: @unchecked Sendable {
  private let lock = NSLock()
  private var opened: DatabaseQueue?

  func queue(_ open: () throws(PapiError) -> DatabaseQueue) throws(PapiError) -> DatabaseQueue {
    lock.lock()
    defer { lock.unlock() }
    if let opened { return opened }
    let queue = try open()
    opened = queue
    return queue
  }
}
