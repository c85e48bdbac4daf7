import Foundation
import GRDB

/// The embedded SQLite database (`./papi.db` unless `--db`): survey waves, the import log,
/// the unit register and crosswalks.
public struct Store: Sendable {
  public static let defaultPath = "papi.db"

  let queue: DatabaseQueue
  public let path: String

  /// Opens (creating when missing) the database at `path` and brings its schema up to date.
  public static func open(path: String) throws(PapiError) -> Store {
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.label = "papi"
      let isNew = !FileManager.default.fileExists(atPath: path)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      if isNew {
        // 16 KiB pages (SQLite's default is 4 KiB): a respondent row is some 200 bytes, and
        // larger pages make shallower trees and faster bulk imports. Only a new file can
        // choose; an existing one keeps its size.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 16384") }
      }
      try StoreSchema.migrator.migrate(queue)
      return Store(queue: queue, path: path)
    } catch {
      throw PapiError(
        file: path,
        message: L("không mở được cơ sở dữ liệu (\(error)).", "cannot open the database (\(error))."),
        fix: L("Kiểm tra đường dẫn --db và quyền ghi thư mục; tệp phải là cơ sở dữ liệu papi.",
               "Check the --db path and that its folder is writable; the file must be a papi database."))
    }
  }

  /// Opens an existing database for reading; a missing file is an error, not a new database.
  public static func openExisting(path: String) throws(PapiError) -> Store {
    guard FileManager.default.fileExists(atPath: path) else {
      throw PapiError(
        file: path,
        message: L("chưa có cơ sở dữ liệu ở đây.", "there is no database here yet."),
        fix: L("Nhập dữ liệu trước bằng `papi import FILE… -q Q --wave W`, hoặc chỉ đường dẫn bằng --db.",
               "Import data first with `papi import FILE… -q Q --wave W`, or give the path with --db."))
    }
    return try open(path: path)
  }

  /// Runs `body` and turns a database failure into a message naming the database.
  func run<T>(_ action: LocalizedText, _ body: () throws -> T) throws(PapiError) -> T {
    do {
      return try body()
    } catch let error as PapiError {
      throw error
    } catch {
      throw PapiError(
        file: path,
        message: L("\(action.vi): lỗi cơ sở dữ liệu (\(error)).", "\(action.en): database error (\(error))."),
        fix: L("Không có gì bị thay đổi. Kiểm tra ổ đĩa còn chỗ và tệp không bị chương trình khác khóa, rồi chạy lại.",
               "Nothing was changed. Check the disk has room and no other program holds the file, then run again."))
    }
  }

  /// The current time as ISO 8601 (UTC), for the import log.
  static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
