import Foundation
import GRDB
import Testing

@testable import PapiKit

/// Feedback stored with a wave: survey comments, petitions exports, aggregates, and the
/// feedback beside the weakness report and in the plan (issue 7).
@Suite("Citizen feedback in the store and the reports")
struct FeedbackStoreTests {
  let database: String
  static let papi = repoPath("questionnaires/papi-2024.yaml")
  static let petitions = repoPath("samples/petitions-2024.csv")
  static let lexicon = repoPath("questionnaires/feedback-lexicon.yaml")

  init() throws {
    database = try temporaryDirectory().appendingPathComponent("papi.db").path
  }

  func importSurvey(_ files: [String], wave: String) throws -> ImportCommand.Result {
    try ImportCommand.run(
      ImportRequest(files: files.map(repoPath), questionnairePath: Self.papi, wave: wave),
      store: SQLiteStore(path: database, mode: .createIfMissing))
  }

  func importFeedback(_ files: [String], wave: String = "2024", replace: Bool = false) throws -> [FeedbackCounts] {
    try FeedbackImportCommand.run(
      FeedbackImportRequest(files: files, wave: wave, replace: replace),
      store: SQLiteStore(path: database, mode: .createIfMissing)
    ).counts
  }

  /// The samples as `make demo` stores them.
  func samples() throws {
    _ = try importSurvey(["samples/kobo-kontum-2023.csv"], wave: "2023")
    _ = try importSurvey(["samples/kobo-kontum-2024.csv", "samples/odk-quangtri-2024.csv"], wave: "2024")
    _ = try importFeedback([Self.petitions])
  }

  func feedbackReport(_ format: OutputFormat, unit: String? = nil) throws -> String {
    try FeedbackReportCommand.run(
      FeedbackReportRequest(wave: "2024", compare: nil, unit: unit, lexicons: [Self.lexicon], format: format),
      store: SQLiteStore(path: database, mode: .existing)
    ).text
  }

  func count(_ sql: String) throws -> Int {
    try DatabaseQueue(path: database).read { try Int.fetchOne($0, sql: sql) ?? -1 }
  }

  @Test func surveyCommentsAreStoredMaskedWithTheirRespondents() throws {
    let result = try importSurvey(["samples/kobo-kontum-2024.csv"], wave: "2024")
    let stored = try #require(result.outcome.feedback.first)
    #expect(stored.imported == 233)
    #expect(
      try count("SELECT COUNT(*) FROM feedback WHERE source = 'survey' AND id LIKE '%#comment' AND channel = 'survey'")
        == 233)
    // Importing the same export again changes nothing, comments included.
    let again = try importSurvey(["samples/kobo-kontum-2024.csv"], wave: "2024")
    #expect(again.outcome.noOp && again.outcome.feedback.first?.unchanged == 233)
  }

  @Test func aPetitionsExportIsStoredAllOrNothingAndReimportIsANoOp() throws {
    let broken = try writeTemporary(
      "id,date,unit_code,channel,text\nx1,2024-01-01,23491,hotline,Đường lầy lội\nx2,2024-99-01,23491,hotline,ngày "
        + "sai\n"
    )
    #expect(throws: PapiError.self) { try importFeedback([Self.petitions, broken]) }
    #expect(!FileManager.default.fileExists(atPath: database), "every file is checked before the database is touched")
    #expect(try importFeedback([Self.petitions]) == [FeedbackCounts(file: Self.petitions, imported: 36)])
    #expect(try importFeedback([Self.petitions]) == [FeedbackCounts(file: Self.petitions, unchanged: 36)])
    #expect(try count("SELECT COUNT(*) FROM feedback_import") == 2)
    let logged = try DatabaseQueue(path: database).read {
      try String.fetchAll($0, sql: "SELECT sha256 FROM feedback_import")
    }
    #expect(logged == Array(repeating: DecodedStream.sha256(ofFile: Self.petitions), count: 2))
    // No phone number, e-mail or ID number of the export reaches the database.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
    for secret in ["0905 318 442", "nguyenvana.kt@gmail.com", "045123004567", "0987.654.321", "số nhà 12"] {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)")
    }
  }

  @Test func unitsTheSurveyDoesNotHaveAreStoredAndSaid() throws {
    _ = try importSurvey(["samples/kobo-kontum-2024.csv"], wave: "2024")
    let file = try writeTemporary(
      "id,date,unit_code,channel,text\nq1,2024-01-01,23491,hotline,Đường lầy lội\nq2,2024-01-01,2349l,hotline,Sổ đỏ\n")
    let result = try FeedbackImportCommand.run(
      FeedbackImportRequest(files: [file], wave: "2024"), store: SQLiteStore(path: database, mode: .createIfMissing))
    #expect(result.counts.first?.imported == 2)
    let warning = try #require(result.warnings.first)
    #expect(warning.value == "2349l" && warning.location.line == 3)
    #expect(warning.message.en.contains("1 items concern 1 units that wave 2024's survey does not have"))
  }

  @Test func aChangedItemIsAConflictUnlessReplace() throws {
    let first = try writeTemporary(
      "id,date,unit_code,channel,text\np1,2024-01-01,23491,hotline,Đường lầy lội\np2,2024-01-02,23491,hotline,Sổ đỏ "
        + "chậm\n",
      name: "a.csv")
    let second = try writeTemporary(
      "id,date,unit_code,channel,text\np1,2024-01-01,23491,hotline,Đường lầy lội lắm\np2,2024-01-02,23491,hotline,Sổ "
        + "đỏ chậm\n",
      name: "b.csv")
    _ = try importFeedback([first])
    let error = try #require(throws: PapiError.self) { try importFeedback([second]) }
    #expect(
      error.diagnostics[0].message.en.contains("1 feedback ids are already stored in wave 2024 with different content"))
    #expect(error.diagnostics[0].value?.contains("p1 (\(second), dòng/line 2)") == true)
    #expect(try importFeedback([second], replace: true) == [FeedbackCounts(file: second, replaced: 1, unchanged: 1)])
  }

  @Test func aggregatesCountSharesTermsQuotesAndChangeByHand() throws {
    let classifier = FeedbackClassifier(lexicon: try FeedbackLexicon.load([Self.lexicon]))
    func item(_ id: String, _ unit: String, _ text: String) -> FeedbackItem {
      FeedbackItem(id: id, unit: unit, text: text, line: 1)
    }
    let now = [
      item("1", "A", "Sổ đỏ chờ lâu quá"), item("2", "A", "Sổ đỏ nộp từ năm ngoái chưa có"),
      item("3", "A", "Trạm y tế thiếu thuốc"), item("4", "A", "Cảm ơn cán bộ"), item("5", "B", "Sổ đỏ chậm"),
    ]
    let before = [item("9", "A", "Sổ đỏ chậm"), item("8", "A", "Rác thải không ai thu gom")]
    let summary = FeedbackSummary.build(
      wave: "2024", items: now, previousWave: "2023", previous: before, classifier: classifier, unitNames: ["A": "Xã A"]
    )
    let a = try #require(summary.unit("A"))
    #expect(a.items == 4 && a.unclassified == 1 && a.previousItems == 2 && a.name == "Xã A")
    #expect(a.themes.map(\.dimension) == ["d5", "d6"])
    let d5 = try #require(a.theme("d5"))
    #expect(d5.count == 2 && d5.share == 0.5)
    #expect(d5.subdimensions.map(\.id) == ["d5.2", "d5.3"] && d5.subdimensions.map(\.count) == [2, 1])
    #expect(d5.terms[0].term == "sổ đỏ" && d5.terms[0].count == 2)
    #expect(d5.quotes.map(\.item.id) == ["1", "2"])
    #expect(d5.previousCount == 1 && d5.previousShare == 0.5)
    #expect(a.theme("d6")?.previousCount == 0)
    #expect(summary.unit("B")?.previousItems == nil, "a unit without feedback before is unknown there, not zero")
    #expect(summary.unit("B")?.theme("d5")?.previousCount == nil)
    #expect(summary.items == 5 && summary.unclassified == 1)
  }

  @Test func quotesAreCutAtAWord() {
    let long = String(repeating: "đường lầy lội ", count: 40)
    let cut = FeedbackSummary.excerpt(long)
    #expect(cut.hasSuffix("…") && cut.count <= FeedbackSummary.quoteLength + 1 && !cut.contains("  "))
  }

  func fixtureImport(_ csv: String, replace: Bool = false, skip rejects: String? = nil) throws -> ImportCommand.Result {
    let q = try writeTemporary(SurveyFixture.yaml + "\nfeedback: [comment]\n", name: "q.yaml")
    return try ImportCommand.run(
      ImportRequest(
        files: [try writeTemporary(csv)], questionnairePath: q, wave: "w",
        read: ReadOptions(skipBadRows: rejects != nil), replace: replace, rejectsPath: rejects),
      store: SQLiteStore(path: database, mode: .createIfMissing))
  }

  @Test func aCorrectedExportWithdrawsACommentWithReplace() throws {
    _ = try fixtureImport(SurveyFixture.odk())
    #expect(try count("SELECT COUNT(*) FROM feedback WHERE id = 'u01#comment'") == 1)
    let corrected = SurveyFixture.odk().replacingOccurrences(of: "Cán bộ tận tình, chu đáo", with: "")
    #expect(corrected != SurveyFixture.odk())
    let result = try fixtureImport(corrected, replace: true)
    #expect(result.outcome.feedback.first?.removed == 1)
    #expect(try count("SELECT COUNT(*) FROM feedback WHERE id = 'u01#comment'") == 0)
  }

  @Test func aRepeatedRespondentKeepsTheCommentOfTheRowTheImportKeeps() throws {
    // The last line repeats u01 with the same answers and another comment: the survey
    // import keeps the first row, and so does the feedback.
    var lines = SurveyFixture.odk().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let u01 = try #require(lines.first { $0.contains(",u01,") })
    lines.append(u01.replacingOccurrences(of: "Cán bộ tận tình, chu đáo", with: "Khác hẳn"))
    _ = try fixtureImport(lines.joined(separator: "\n") + "\n")
    let text = try DatabaseQueue(path: database).read {
      try String.fetchOne($0, sql: "SELECT text FROM feedback WHERE id = 'u01#comment'")
    }
    #expect(text == "Cán bộ tận tình, chu đáo")
  }

  @Test func rejectedRowsKeepTheirCommentsMasked() throws {
    var lines = SurveyFixture.odk().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let index = try #require(lines.firstIndex { $0.contains(",u01,") })
    lines[index] = lines[index].replacingOccurrences(of: "Cán bộ tận tình, chu đáo", with: "Gọi tôi 0905123456")
      .replacingOccurrences(of: ",1.2,", with: ",nặng,")
    let rejects = try temporaryDirectory().appendingPathComponent("rejects.csv").path
    let result = try fixtureImport(lines.joined(separator: "\n") + "\n", skip: rejects)
    #expect(result.rejected == 1)
    let written = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(written.contains("Gọi tôi [số điện thoại]") && !written.contains("0905123456"))
  }

  @Test func theSameIdInTwoFilesOfOneImportIsAnError() throws {
    let a = try writeTemporary(
      "id,date,unit_code,channel,text\n1,2024-01-01,23491,hotline,Đường lầy lội\n", name: "hotline.csv")
    let b = try writeTemporary(
      "id,date,unit_code,channel,text,status\n1,2024-01-02,23491,portal,Sổ đỏ chậm,Đã gọi lại 0905123456\n",
      name: "portal.csv")
    let error = try #require(throws: PapiError.self) { try importFeedback([a, b]) }
    #expect(error.diagnostics[0].message.en == "id 1 is also in \(a), line 2.")
    #expect(error.diagnostics[0].location.file == b && error.diagnostics[0].location.line == 2)
    let file = try FeedbackReader.read(b)
    #expect(file.items[0].status == "Đã gọi lại [số điện thoại]", "statuses are masked too")
  }

  @Test func aWaveWithoutFeedbackNamesTheWavesThatHaveSome() throws {
    try samples()
    let error = try #require(throws: PapiError.self) {
      try FeedbackReportCommand.run(
        FeedbackReportRequest(wave: "2022", lexicons: [Self.lexicon]),
        store: SQLiteStore(path: database, mode: .existing)
      ).text
    }
    #expect(error.diagnostics[0].message.en.contains("wave 2022 has no feedback (waves with feedback: 2023, 2024)"))
    #expect(error.diagnostics[0].fix.en.contains("papi feedback import FILE --wave 2022"))
  }

  @Test(arguments: OutputFormat.allCases.filter { !$0.binary })
  func feedbackReportGoldenFiles(_ format: OutputFormat) throws {
    try samples()
    let ext = format == .table ? "txt" : format.rawValue
    // The lexicon's path is the checkout's: the golden file has it from the repository root.
    let text = try feedbackReport(format, unit: "19369").replacingOccurrences(of: repositoryRoot.path + "/", with: "")
    try assertReportGolden(text, "feedback-19369.\(ext)")
  }

  @Test func theWeaknessReportShowsFeedbackBesideTheFlaggedDimensions() throws {
    try samples()
    var request = ReportRequest()
    request.wave = "2024"
    request.compareWave = "2023"
    request.targetsPath = repoPath("samples/targets.yaml")
    request.lexicons = [Self.lexicon]
    request.unit = "19369"
    for format in OutputFormat.allCases where !format.binary {
      request.format = format
      let ext = format == .table ? "txt" : format.rawValue
      try assertReportGolden(
        try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text,
        "report-feedback-19369.\(ext)")
    }
    let (report, _) = try ReportCommand.build(request, store: SQLiteStore(path: database, mode: .existing))
    #expect(report.flaggedDimensions("19369") == ["d2", "d3", "d5", "d6", "d8"])
    let notes = report.feedbackNotes("19369", .en)
    #expect(notes[0].heading.contains("no citizen feedback"))
    #expect(notes[1].heading.hasPrefix("D3 ") && notes[1].quotes.count == 1)
    // Praise is no evidence of a weakness: it is shown apart, as acknowledged (issue 17).
    let praise = "Cán bộ một cửa lịch sự, giải quyết nhanh."
    let d5 = try #require(report.feedbackNotes("19369", .vi).first { $0.heading.hasPrefix("D5 ") })
    #expect(!d5.quotes.contains { $0.contains(praise) })
    #expect(d5.acknowledged.contains { $0.contains(praise) })
    for format in OutputFormat.allCases {
      request.format = format
      let text = try ReportCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
      guard text.contains("lịch sự") else { continue }
      #expect(
        text.contains(format == .csv ? "" : format == .json ? "\"acknowledged\"" : "Ý kiến ghi nhận"), "\(format)")
    }
  }

  @Test func thePlanLinksFeedbackThemesToTheirTasks() throws {
    try samples()
    var request = PlanRequest(wave: "2024", targetsPath: repoPath("samples/targets.yaml"))
    request.tasksPath = repoPath("questionnaires/papi-tasks.yaml")
    request.lexicons = [Self.lexicon]
    request.start = CivilDate("2025-01-06")
    request.today = CivilDate("2025-02-28")
    request.format = .md
    let text = try PlanCommand.run(request, store: SQLiteStore(path: database, mode: .existing)).text
    // In the appendix: by dimension, the units with tasks for it, what their citizens said
    // and the plan's tasks (section II) for it.
    let section = try #require(text.range(of: "Ý kiến, kiến nghị của người dân năm 2024 về các nội dung có nhiệm vụ"))
    let table = text[section.upperBound...]
    #expect(table.contains("| Chỉ số nội dung | Số đơn vị | Số ý kiến | Từ khóa thường gặp | Nhiệm vụ (Mục II) |"))
    #expect(table.contains("| D3 Trách nhiệm giải trình với người dân | 5 | 7 | chưa thấy trả lời, không ai trả lời, "))
    #expect(table.contains("| 3.a, 3.b |"))
  }
}
