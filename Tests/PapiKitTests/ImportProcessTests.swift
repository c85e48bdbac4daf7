import Foundation
import GRDB
import Testing

@testable import PapiKit

#if canImport(Glibc)
  import Glibc
#endif

/// `papi import` as a process: crash safety under SIGKILL, and progress only on a terminal.
@Suite("papi import as a process", .serialized)
struct ImportProcessTests {
  /// An export of `rows` respondents for the fixture questionnaire.
  func bigExport(rows: Int) throws -> String {
    var text = "_uuid,commune_code,commune_name,province_code,weight,d101,d102,d103,d104,d201,d202\n"
    text.reserveCapacity(rows * 60)
    for index in 0..<rows {
      text +=
        "r\(index),\(String(format: "%05d", index % 300)),Xã Số "
        + "\(index % 300),62,1.\(index % 7),\(1 + index % 2),\(1 + index % 5),\(1 + index % 3),yte,"
        + "\(index % 11),\(1 + index % 2)\n"
    }
    return try writeTemporary(text, name: "big.csv")
  }

  @Test func aKilledImportLeavesTheDatabaseExactlyAsItWas() throws {
    let folder = try temporaryDirectory()
    let database = folder.appendingPathComponent("papi.db").path
    let q = try writeTemporary(SurveyFixture.yaml, name: "q.yaml")
    let small = try writeTemporary(SurveyFixture.odk(), name: "small.csv")
    let first = try runPapi(["import", small, "-q", q, "--wave", "small", "--db", database])
    #expect(first.status == 0, "\(first.stderr)")
    let scoresBefore = try runPapi(["score", "--wave", "small", "--db", database, "--format", "json"]).stdout
    let big = try bigExport(rows: 250_000)

    let process = Process()
    process.executableURL = papiExecutable
    process.arguments = ["import", big, "-q", q, "--wave", "big", "--db", database]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The rollback journal exists only while the import's write transaction is open: kill then.
    let journal = database + "-journal"
    let deadline = Date().addingTimeInterval(120)
    while !FileManager.default.fileExists(atPath: journal) && process.isRunning && Date() < deadline { usleep(500) }
    let killedMidWrite = process.isRunning && FileManager.default.fileExists(atPath: journal)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(killedMidWrite, "the import was killed inside its write transaction")
    #expect(process.terminationReason == .uncaughtSignal)

    let queue = try DatabaseQueue(path: database)
    let check = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    #expect(check == ["ok"])
    let counts = try queue.read { db in
      try ["wave", "respondent", "import_log", "wave_unit"].map {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
      }
    }
    #expect(counts == [1, 10, 1, 5])
    let scoresAfter = try runPapi(["score", "--wave", "small", "--db", database, "--format", "json"]).stdout
    #expect(scoresAfter == scoresBefore)
  }

  @Test func noProgressWhenStderrIsNotATerminal() throws {
    let database = try temporaryDirectory().appendingPathComponent("papi.db").path
    let run = try runPapi([
      "import", repoPath("samples/kobo-kontum-2024.csv"), "-q", repoPath("questionnaires/papi-2024.yaml"), "--wave",
      "2024", "--db", database,
    ])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("436"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
  func progressOnATerminal() throws {
    let database = try temporaryDirectory().appendingPathComponent("papi.db").path
    let command = [
      papiExecutable.path, "import", repoPath("samples/kobo-kontum-2024.csv"), "-q",
      repoPath("questionnaires/papi-2024.yaml"),
      "--wave", "2024", "--db", database, "--lang", "en",
    ].joined(separator: " ")
    let run = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("rows/s"))
    #expect(run.stdout.contains("%"))
  }
}

func runProcess(_ path: String, _ arguments: [String]) throws -> PapiRun {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let out = Pipe()
  process.standardOutput = out
  process.standardError = out
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return PapiRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
}
