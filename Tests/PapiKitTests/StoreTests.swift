import Foundation
import GRDB
import Testing

@testable import PapiKit

/// The embedded store (issue 3): waves, idempotent atomic imports, conflicts, rejects,
/// privacy, scores from the store, registers and crosswalks.
@Suite("Embedded store")
struct StoreTests {
  let database: String
  static let papi = repoPath("questionnaires/papi-2024.yaml")
  static let kobo2023 = repoPath("samples/kobo-kontum-2023.csv")
  static let kobo2024 = repoPath("samples/kobo-kontum-2024.csv")
  static let odk2024 = repoPath("samples/odk-quangtri-2024.csv")

  init() throws {
    database = try temporaryDirectory().appendingPathComponent("papi.db").path
  }

  @discardableResult
  func importFiles(
    _ files: [String], wave: String, questionnaire: String = papi, replace: Bool = false, units: String? = nil,
    skip rejects: String? = nil
  ) throws -> ImportCommand.Result {
    try ImportCommand.run(
      ImportRequest(
        files: files, questionnairePath: questionnaire, wave: wave,
        read: ReadOptions(skipBadRows: rejects != nil), replace: replace, rejectsPath: rejects, unitSet: units),
      store: SQLiteStore(path: database, mode: .createIfMissing))
  }

  func json(
    files: [String] = [], wave: String, level: String? = nil, asOf: String? = nil, questionnaire: String? = papi
  ) throws -> String {
    try ScoreCommand.run(
      ScoreRequest(
        files: files, questionnairePath: files.isEmpty ? nil : questionnaire, level: level, format: .json, wave: wave,
        asOfUnits: asOf), store: SQLiteStore(path: database, mode: .existing)
    ).text
  }

  func count(_ sql: String) throws -> Int {
    let queue = try DatabaseQueue(path: database)
    return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
  }

  @Test func scoresFromTheStoreAreByteIdenticalToScoresFromTheFiles() throws {
    try importFiles([Self.kobo2024], wave: "2024")
    try importFiles([Self.odk2024], wave: "2024")
    for level in [nil, "province"] {
      let stored = try json(wave: "2024", level: level)
      let direct = try json(files: [Self.kobo2024, Self.odk2024], wave: "2024", level: level)
      #expect(stored == direct, "level \(level ?? "commune")")
      #expect(stored.contains("\"wave\": \"2024\""))
    }
  }

  @Test func twoWavesAreListedWithTheirCounts() throws {
    try importFiles([Self.kobo2023], wave: "2023")
    try importFiles([Self.kobo2024, Self.odk2024], wave: "2024")
    let waves = try SQLiteStore.openExisting(path: database).waves()
    #expect(waves.map(\.name) == ["2023", "2024"])
    #expect(waves.map(\.respondents) == [451, 781])
    #expect(waves.map(\.units) == [12, 22])
    #expect(waves.allSatisfy { $0.questionnaireID == "papi-2024" })
    // The 2023 wave keeps its own scores, different from 2024's.
    #expect(try json(wave: "2023") != json(wave: "2024"))
  }

  @Test func theImportLogRecordsFileHashRowsQuestionnaireAndVersion() throws {
    try importFiles([Self.kobo2024, Self.odk2024], wave: "2024")
    let log = try SQLiteStore.openExisting(path: database).importLog()
    #expect(log.map(\.file) == [Self.kobo2024, Self.odk2024])
    #expect(log[0].sha256 == DecodedStream.sha256(ofFile: Self.kobo2024))
    #expect(log[0].sha256.count == 64)
    #expect(log.map(\.rowsRead) == [436, 345])
    #expect(log.map(\.imported) == [436, 345])
    #expect(log[0].questionnaireID == "papi-2024")
    #expect(log[0].questionnaireHash == QuestionnaireText(try String(contentsOfFile: Self.papi, encoding: .utf8)).hash)
    #expect(log[0].toolVersion == PapiVersion.current)
  }

  @Test func reimportingTheSameRowsIsANoOpThatSaysSo() throws {
    try importFiles([Self.kobo2024], wave: "2024")
    let before = try json(wave: "2024")
    let again = try importFiles([Self.kobo2024], wave: "2024")
    #expect(again.outcome.noOp)
    #expect(again.outcome.files[0].unchanged == 436)
    let text = ImportReport.text(
      again.outcome, rejected: again.rejected, rejectsPath: nil, database: database, language: .en)
    #expect(text.contains("Nothing changed"))
    #expect(try count("SELECT COUNT(*) FROM import_log") == 1)
    #expect(try count("SELECT COUNT(*) FROM respondent") == 436)
    #expect(try json(wave: "2024") == before)
  }

  @Test func allFilesLandOrNone() throws {
    try importFiles([Self.kobo2023], wave: "2023")
    let broken = repoPath("samples/broken/faults.csv")
    #expect(throws: PapiError.self) { try importFiles([Self.kobo2024, broken], wave: "2024") }
    #expect(try count("SELECT COUNT(*) FROM respondent") == 451)
    #expect(try count("SELECT COUNT(*) FROM wave") == 1)
    #expect(try count("SELECT COUNT(*) FROM import_log") == 1)
  }

  @Test func aStoredIdWithDifferentAnswersIsAConflictUnlessReplace() throws {
    let q = try writeTemporary(SurveyFixture.yaml, name: "q.yaml")
    let first = try writeTemporary(SurveyFixture.odk(), name: "first.csv")
    try importFiles([first], wave: "w", questionnaire: q)
    let before = try json(wave: "w")
    // u02 answers d201 with 9 instead of 7, u05 moves its weight.
    let changed = SurveyFixture.odk().replacingOccurrences(of: ",7,1,00101,", with: ",9,1,00101,")
      .replacingOccurrences(of: ",9,2,00102,Xã Ia Grai,62,1,", with: ",9,2,00102,Xã Ia Grai,62,1.5,")
    #expect(changed != SurveyFixture.odk())
    let second = try writeTemporary(changed, name: "second.csv")
    let error = try #require(throws: PapiError.self) { try importFiles([second], wave: "w", questionnaire: q) }
    let message = try #require(error.diagnostics.first)
    #expect(message.message.en.contains("2 respondent ids are already stored in wave w with different answers"))
    #expect(message.value?.contains("u02") == true && message.value?.contains("u05") == true)
    #expect(message.fix.en.contains("--replace"))
    #expect(try json(wave: "w") == before, "nothing was stored")
    let replaced = try importFiles([second], wave: "w", questionnaire: q, replace: true)
    #expect(replaced.outcome.files[0].replaced == 2)
    #expect(replaced.outcome.files[0].unchanged == 8)
    #expect(try json(wave: "w") == json(files: [second], wave: "w", questionnaire: q))
  }

  @Test func aWaveKeepsItsQuestionnaire() throws {
    let q = try writeTemporary(SurveyFixture.yaml, name: "q.yaml")
    try importFiles([try writeTemporary(SurveyFixture.odk())], wave: "w", questionnaire: q)
    let before = try json(wave: "w")
    // Editing the questionnaire file afterwards does not change the stored wave's scores…
    try SurveyFixture.yaml.replacingOccurrences(of: "reverse: true", with: "reverse: false").write(
      toFile: q, atomically: true, encoding: .utf8)
    #expect(try json(wave: "w") == before)
    // …and importing into the wave with the edited questionnaire is refused.
    let error = try #require(throws: PapiError.self) {
      try importFiles([try writeTemporary(SurveyFixture.odk())], wave: "w", questionnaire: q)
    }
    #expect(error.diagnostics.first?.message.en.contains("different questionnaire") == true)
  }

  @Test func skipRunImportsGoodRowsAndWritesRejectsWithReasons() throws {
    let header = "_uuid,phone,commune_code,commune_name,province_code,weight,d101,d102,comment\n"
    let text =
      header
      + "a,0905111111,00101,Xã A,62,1,1,3,fine\n"
      + "b,0905222222,00101,Xã A,62,1,7,3,\"bad, answer\"\n"
      + "c,0905333333,00101,Xã A,62,1,1,3\n"
      + "d,0905444444,00101,Xã A,62,x,1,3,bad weight\n"
      + "e,0905555555,00102,Xã B,62,1,2,5,\"fine \"\"too\"\"\"\n"
    let export = try writeTemporary(text)
    let q = try writeTemporary(SurveyFixture.yaml, name: "q.yaml")
    let rejects = try temporaryDirectory().appendingPathComponent("rejects.csv").path
    let result = try importFiles([export], wave: "w", questionnaire: q, skip: rejects)
    #expect(result.outcome.files[0].imported == 2)
    #expect(result.outcome.files[0].rejected == 3)
    #expect(result.rejected == 3)
    let log = try SQLiteStore.openExisting(path: database).importLog()
    #expect(log[0].rejected == 3 && log[0].imported == 2)
    let table = try RecordTable.read(rejects)
    #expect(
      table.header == [
        "_uuid", "phone", "commune_code", "commune_name", "province_code", "weight", "d101", "d102", "comment",
        "papi_file", "papi_line", "papi_reason",
      ])
    #expect(table.rows.map { $0.fields[0] } == ["b", "", "d"], "the shifted row c is not written")
    #expect(table.rows[0].fields[8] == "bad, answer", "fields are kept unchanged")
    #expect(table.rows.allSatisfy { $0.fields[1].isEmpty }, "personal data is left blank")
    #expect(table.rows.map { $0.fields[10] } == ["3", "4", "5"])
    #expect(table.rows[0].fields[11].contains("is not one of indicator d1.1.a's codes"))
    #expect(table.rows[1].fields[11].contains("8 fields but the header has 9"))
    #expect(table.rows[2].fields[11].contains("weight"))
  }

  /// Issue 14: with every row rejected, the second personal-data column (the name) and the
  /// phone were written out; a shifted row put them under columns that are not blanked.
  @Test func personalDataNeverReachesARejectsFileWhateverTheRowsShape() throws {
    let header = "_uuid,phone,commune_code,commune_name,province_code,weight,respondent_name,d101,d102,comment\n"
    var text = header
    for index in 0..<20 {
      text += "r\(index),09051\(String(format: "%05d", index)),00101,Xã A,62,x,Nguyễn Văn \(index),1,3,gọi tôi nhé\n"
    }
    text += "s1,0905200001,00101,Xã A,62,Trần Thị Bé,1,3,thiếu một cột\n"  // a field short: all shifted left
    text += "s2,0905200002,00101,Xã A,62,1,Lê Văn Cư,1,3,thừa,0905200003\n"  // a field too many
    text += "s3,0905200004,00101,Xã A,62,1,Phạm Thị Du,9,3,\"sai mã\"\n"
    text += "s4,0905200005,00101,Xã A,62,1,Hoàng Văn Em,1,3,\"không đóng ngoặc, Đỗ Thị Gấm 0905200006\n"
    let export = try writeTemporary(text)
    let q = try writeTemporary(
      SurveyFixture.yaml.replacingOccurrences(
        of: "pii: [phone, respondent_name]", with: "pii: [phone, respondent_name]"),
      name: "q.yaml")
    let rejects = try temporaryDirectory().appendingPathComponent("rejects.csv").path
    let error = try #require(throws: PapiError.self) {
      try importFiles([export], wave: "w", questionnaire: q, skip: rejects)
    }
    #expect(error.diagnostics.first?.message.en == "all 24 data rows were rejected; nothing was stored.")
    let written = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(written.split(separator: "\r\n").count == 25, "the header and 24 rejected rows")
    for index in 0..<20 { #expect(!written.contains("Nguyễn Văn \(index)")) }
    for leaked in ["0905", "Trần Thị Bé", "Lê Văn Cư", "Phạm Thị Du", "Hoàng Văn Em", "Đỗ Thị Gấm"] {
      #expect(!written.contains(leaked), "\(leaked) reached the rejects file")
    }
    #expect(written.contains("gọi tôi nhé"), "other cells are kept")
    // Nor does a message show them.
    let result = ExportReader.read(
      [export], questionnaire: try QuestionnaireLoader.load(path: q), options: ReadOptions(skipBadRows: true))
    let messages = result.diagnostics.map { $0.text(.en) }.joined(separator: "\n")
    for leaked in ["0905200003", "0905200006"] {
      #expect(!messages.contains(leaked), "\(leaked) reached a message")
    }
  }

  @Test func skipRunOnTheBrokenSampleKeepsEveryRowSomewhere() throws {
    let rejects = try temporaryDirectory().appendingPathComponent("rejects.csv").path
    let result = try importFiles([repoPath("samples/broken/faults.csv")], wave: "test", skip: rejects)
    #expect(result.outcome.files[0].imported == 9)
    #expect(result.rejected == 6)
    let table = try RecordTable.read(rejects)
    let line = try #require(table.column(["papi_line"]))
    let reason = try #require(table.column(["papi_reason"]))
    #expect(table.rows.map { $0.fields[line] } == ["6", "8", "10", "12", "14", "17"])
    #expect(table.rows[2].fields[reason].contains("already appears (line 5) with different answers"))
    #expect(
      table.rows[5].fields[reason].contains("never closed"), "a file cut off in its last record loses only that record")
    #expect(table.rows.allSatisfy { $0.fields.count == table.header.count })
  }

  @Test func personalDataNeverReachesTheDatabase() throws {
    try importFiles([Self.kobo2024], wave: "2024")
    let export = try RecordTable.read(Self.kobo2024)
    let phone = try #require(export.column(["phone"]))
    let name = try #require(export.column(["respondent_name"]))
    let phones = export.rows.map { $0.fields[phone] }.filter { $0.count >= 9 }
    let names = Set(export.rows.map { $0.fields[name] }.filter { $0.count > 5 })
    #expect(phones.count > 300)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
    for value in phones + names { #expect(bytes.range(of: Data(value.utf8)) == nil, "\(value) is in the database") }
    #expect(bytes.range(of: Data("23491".utf8)) != nil, "the search does find what is stored")
  }

  @Test func theSchemaIsVersionedByMigrations() throws {
    _ = try SQLiteStore.open(path: database)
    let queue = try DatabaseQueue(path: database)
    let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
    #expect(
      applied == [
        "v1: waves, respondents, import log, unit register", "v2: published scores",
        "v3: action register with append-only history",
        "v4: respondents kept in key order only", "v5: citizen feedback",
        "v6: PAR INDEX results; actions from PAR INDEX criteria",
        "v7: respondents' sample design (cluster, stratum, fpc)",
      ])
    #expect(try queue.read { try SQLiteSchema.migrator.hasCompletedMigrations($0) })
    // Opening again leaves a database made earlier as it was.
    try importFiles([Self.kobo2024], wave: "2024")
    _ = try SQLiteStore.open(path: database)
    #expect(try count("SELECT COUNT(*) FROM respondent") == 436)
  }

  @Test func aDatabaseOfTheLastReleaseIsBroughtUpToDate() throws {
    // A database as the previous build (schema v2) left it, with a loaded published set.
    let queue = try DatabaseQueue(path: database)
    try SQLiteSchema.migrator.migrate(queue, upTo: "v2: published scores")
    try queue.write {
      try $0.execute(sql: "INSERT INTO benchmark_set VALUES ('official', 'f.csv', 'abc', '2025-01-01T00:00:00Z')")
    }
    try queue.close()
    _ = try SQLiteStore.open(path: database)
    #expect(try count("SELECT COUNT(*) FROM grdb_migrations") == SQLiteSchema.version)
    #expect(try count("SELECT COUNT(*) FROM benchmark_set") == 1)
    #expect(try count("SELECT COUNT(*) FROM action") == 0)
  }

  @Test func actionsStoredBeforeV6KeepTheirHistoryAndComeFromASurvey() throws {
    // Schema v5 with an action of wave 2024 and its history: v6 rebuilds the table.
    let queue = try DatabaseQueue(path: database)
    try SQLiteSchema.migrator.migrate(queue, upTo: "v5: citizen feedback")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO questionnaire VALUES ('h', 'q', 'papi', 'id: q', '2025-01-01T00:00:00Z');
          INSERT INTO wave (name, questionnaire_hash, created_at) VALUES ('2024', 'h', '2025-01-01T00:00:00Z');
          INSERT INTO action (id, seq, wave, level, unit_code, metric, metric_vi, metric_en, flag, n, complete, task,
            title_vi, title_en, lead, support, due, priority, status, flagged, catalogue, created_at)
          VALUES ('a1', 1, '2024', 'commune', '23491', 'd2', 'D2', 'D2', 'below', 30, 1, 't-d2-01', 'Việc', 'Task',
            'UBND xã', '', '2025-03-01', 'high', 'open', 1, 'papi-tasks.yaml', '2025-01-06T00:00:00Z');
          INSERT INTO action_event (action_id, at, author, kind, to_status) VALUES ('a1', '2025-01-06', 'x', 'created',
            'open');
          """)
    }
    try queue.close()
    let store = try SQLiteStore.open(path: database)
    let action = try store.action(id: "a1")
    #expect(action.source == .survey && action.wave == "2024" && action.lead == "UBND xã")
    #expect(try store.history(id: "a1").map(\.kind) == [.created])
    _ = try store.updateAction(id: "a1", status: .done, note: nil, author: "x")
    #expect(try store.history(id: "a1").count == 2)
  }

  @Test func aWaveStoredBeforeV4KeepsItsOrderAndGrowsAfterIt() throws {
    // Schema v3 with a wave of two respondents whose ids sort against their file order.
    let queue = try DatabaseQueue(path: database)
    try SQLiteSchema.migrator.migrate(queue, upTo: "v3: action register with append-only history")
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO questionnaire VALUES (?, 'fixture', 'papi', ?, '2025-01-01T00:00:00Z')",
        arguments: [QuestionnaireText(SurveyFixture.yaml).hash, SurveyFixture.yaml])
      try db.execute(
        sql: """
          INSERT INTO wave VALUES ('w', ?, '2025-01-01T00:00:00Z');
          INSERT INTO wave_unit VALUES ('w', 1, '62', NULL, NULL, 0), ('w', 0, '00101', 'Xã Đắk Pnê', '62', 0);
          INSERT INTO import_log VALUES (1, 'w', 'old.csv', 'abc', 2, 2, 0, 0, 0, 0, 'fixture', ?,\
           '2025-01-01T00:00:00Z', '0.3');
          INSERT INTO respondent VALUES ('w', 'zz', 0, '00101', 1.0, zeroblob(7), 1), ('w', 'aa', 1, '00101', 1.0,\
           zeroblob(7), 1);
          """, arguments: [QuestionnaireText(SurveyFixture.yaml).hash, QuestionnaireText(SurveyFixture.yaml).hash])
    }
    try queue.close()
    let q = try writeTemporary(SurveyFixture.yaml, name: "q.yaml")
    _ = try SQLiteStore.open(path: database)
    #expect(try count("SELECT next_seq FROM wave WHERE name = 'w'") == 2)
    #expect(try count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'respondent_order'") == 0)
    try importFiles([try writeTemporary(SurveyFixture.odk(), name: "new.csv")], wave: "w", questionnaire: q)
    let (_, table) = try SQLiteStore.openExisting(path: database).wave("w")
    let fileIDs = SurveyFixture.rows.map { $0[0] }
    #expect((0..<table.count).map(table.respondentID) == ["zz", "aa"] + fileIDs, "stored order, then the file's order")
    #expect((0..<table.count).map { Int(table.origin($0).record) } == Array(0..<(2 + fileIDs.count)))
    #expect(try count("SELECT next_seq FROM wave WHERE name = 'w'") == 2 + fileIDs.count)
  }

  @Test func aStoredRowThatNoLongerFitsItsQuestionnaireIsSaidAsSuch() throws {
    try importFiles([Self.kobo2024], wave: "2024")
    try DatabaseQueue(path: database).write {
      try $0.execute(sql: "UPDATE respondent SET answers = x'01' WHERE id = (SELECT MIN(id) FROM respondent)")
    }
    let error = try #require(throws: PapiError.self) { try json(wave: "2024") }
    #expect(error.diagnostics.first?.message.en == "the stored rows of wave 2024 do not match its questionnaire.")
  }

  @Test func scoringAWaveThatIsNotThereNamesTheWaves() throws {
    try importFiles([Self.kobo2024], wave: "2024")
    let error = try #require(throws: PapiError.self) { try json(wave: "2019") }
    #expect(
      error.diagnostics.first?.message.en.contains("there is no wave 2019 in the database (it has: 2024)") == true)
  }
}
