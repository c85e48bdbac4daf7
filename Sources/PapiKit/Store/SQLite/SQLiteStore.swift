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
  /// How long to wait, in seconds, for another papi writing to the same file.
  public let wait: Double
  private let connection: Connection

  public var location: String { path }

  /// The default of `wait`: long enough for another papi's report or small import.
  public static let defaultWait = 5.0

  public init(path: String, mode: Mode, wait: Double = SQLiteStore.defaultWait) {
    self.path = path
    self.mode = mode
    self.wait = wait
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
      try connection.queue { () throws(PapiError) in try SQLiteFile(path: path, wait: wait).open(mode) }
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
      if let busy = SQLiteFile(path: path, wait: wait).busy(error) { throw busy }
      let reason = SQLiteReason.of(error)
      let unchanged = L("Không có gì bị thay đổi. ", "Nothing was changed. ")
      let fix =
        SQLiteReason.fix(error)
        ?? L(
          "Kiểm tra ổ đĩa còn chỗ và tệp không bị chương trình khác khóa, rồi chạy lại.",
          "Check the disk has room and no other program holds the file, then run again.")
      throw PapiError(
        .database, file: path,
        message: L("\(action.vi): lỗi cơ sở dữ liệu (\(reason.vi)).", "\(action.en): database error (\(reason.en))."),
        fix: L(unchanged.vi + fix.vi, unchanged.en + fix.en))
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
