import Foundation
import GRDB
import Testing

@testable import PapiKit

/// The database file is papi's (issue 14): stamped with an application id and a schema
/// version; another application's file, a newer papi's file and an empty file given to a
/// reading command are refused untouched; a second papi waits for a writer and then says
/// who holds the file.
@Suite("The database file", .serialized)
struct DatabaseFileTests {
  let folder: URL
  init() throws { folder = try temporaryDirectory() }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// A papi database with the 2024 sample imported.
  func imported(_ name: String = "papi.db") throws -> String {
    let database = path(name)
    let run = try runPapi([
      "import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", database,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return database
  }

  func pragma(_ database: String, _ name: String) throws -> Int {
    var configuration = Configuration()
    configuration.readonly = true
    return try DatabaseQueue(path: database, configuration: configuration).read {
      try Int.fetchOne($0, sql: "PRAGMA \(name)") ?? -1
    }
  }

  func bytes(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file)) }

  @Test func aNewDatabaseIsStampedAsPapisWithItsSchemaVersion() throws {
    let database = try imported()
    #expect(try pragma(database, "application_id") == Int(SQLiteFile.applicationID))
    #expect(try pragma(database, "user_version") == SQLiteSchema.version)
    #expect(SQLiteSchema.migrator.migrations.count == SQLiteSchema.version, "a new migration raises the version")
  }

  @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
    let stranger = path("notes.db")
    try DatabaseQueue(path: stranger).write { db in
      try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note VALUES (1, 'x')")
    }
    let stamped = path("stamped.db")
    try DatabaseQueue(path: stamped).writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE wave (name TEXT)")
    }
    for file in [stranger, stamped] {
      let before = try bytes(file)
      for arguments in [
        ["waves", "--db", file],
        ["import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", file],
        ["feedback", "import", "samples/petitions-2024.csv", "--wave", "2024", "--db", file],
      ] {
        let run = try runPapi(arguments)
        #expect(run.status == 1)
        #expect(run.stderr.contains("ứng dụng khác, không phải của papi"), "\(run.stderr)")
        #expect(try bytes(file) == before, "\(arguments[0]) left the file as it was")
      }
    }
    #expect(try runPapi(["waves", "--db", stamped]).stderr.contains("application_id 0x000004D2"))
  }

  @Test func aDatabaseFromANewerPapiIsRefusedWithUpdatePapi() throws {
    let later = try imported("later.db")
    try DatabaseQueue(path: later).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA user_version = \(SQLiteSchema.version + 1)")
    }
    let before = try bytes(later)
    let run = try runPapi(["waves", "--db", later, "--lang", "en"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("made by a newer papi (schema \(SQLiteSchema.version + 1)"), "\(run.stderr)")
    #expect(run.stderr.contains("Update papi"))
    #expect(try bytes(later) == before)
    // A migration this papi does not know, even with the version it knows.
    let unknown = try imported("unknown.db")
    try DatabaseQueue(path: unknown).write {
      try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9: from the future')")
    }
    #expect(try runPapi(["waves", "--db", unknown, "--lang", "en"]).stderr.contains("made by a newer papi"))
  }

  @Test func aDatabaseMadeBeforeTheStampIsStillPapis() throws {
    let older = try imported("older.db")
    try DatabaseQueue(path: older).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA application_id = 0; PRAGMA user_version = 0")
    }
    let run = try runPapi(["waves", "--db", older])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("2024"))
    #expect(try pragma(older, "application_id") == Int(SQLiteFile.applicationID))
  }

  @Test func anEmptyFileBecomesADatabaseOnlyForACommandThatWrites() throws {
    let empty = path("empty.db")
    FileManager.default.createFile(atPath: empty, contents: Data())
    for arguments in [
      ["waves", "--db", empty], ["imports", "--db", empty], ["actions", "list", "--db", empty],
      ["report", "--wave", "2024", "--targets", "samples/targets.yaml", "--db", empty],
      ["feedback", "report", "--wave", "2024", "--db", empty],
    ] {
      let run = try runPapi(arguments)
      #expect(run.status == 1, "\(arguments)")
      #expect(try bytes(empty).isEmpty, "\(arguments) wrote nothing")
    }
    #expect(try runPapi(["waves", "--db", empty]).stderr.contains("tệp này rỗng"))
    let run = try runPapi([
      "import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", empty,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try pragma(empty, "application_id") == Int(SQLiteFile.applicationID))
  }

  /// Papis that find no database and create it at the same moment: the ones that lose the
  /// race open what the winner made (before, one in ten failed on a half-made schema). A
  /// race, so several rounds.
  @Test func papisCreatingTheSameDatabaseAtOnceAllSucceed() throws {
    for round in 0..<6 {
      let database = path("together-\(round).db")
      let runs = (0..<8).map { _ in
        let process = Process()
        process.executableURL = papiExecutable
        process.currentDirectoryURL = repositoryRoot
        process.arguments = [
          "import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", database,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        return process
      }
      for process in runs { try process.run() }
      for process in runs { process.waitUntilExit() }
      let failures = runs.filter { $0.terminationStatus != 0 }.map {
        String(decoding: ($0.standardError as? Pipe)?.fileHandleForReading.availableData ?? Data(), as: UTF8.self)
      }
      #expect(failures.isEmpty, "round \(round): \(failures)")
    }
  }

  @Test func aSecondPapiWaitsForTheWriterThenSaysWhoHoldsTheFile() throws {
    let database = try imported()
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let writer = try DatabaseQueue(path: database, configuration: configuration)
    // Another papi in the middle of writing: an exclusive lock on the file.
    try writer.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE") }
    let started = Date()
    let blocked = try runPapi(["waves", "--db", database, "--wait", "0.5", "--lang", "en"])
    #expect(Date().timeIntervalSince(started) >= 0.5, "it waited")
    #expect(blocked.status == 1)
    #expect(blocked.stderr.contains("another papi is writing to this database (waited 0.5 s)"), "\(blocked.stderr)")
    #expect(blocked.stderr.contains("--wait 60"))
    // Released within the default five seconds: the reader waits and succeeds.
    DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
      try? writer.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
    }
    let waited = try runPapi(["waves", "--db", database])
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stdout.contains("2024"))
    #expect(try runPapi(["waves", "--db", database, "--wait", "-1"]).status == 64)
  }
}
