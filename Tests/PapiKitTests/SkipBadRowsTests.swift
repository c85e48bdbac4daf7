import Foundation
import Testing

@testable import PapiKit

/// `--on-error skip` on the commands that score (issue 16, item 5): the good rows are used,
/// the bad ones told once.
@Suite("Skip and go on: score, report and validate leave bad rows out")
struct SkipBadRowsTests {
  let faults = repoPath("samples/broken/faults.csv")
  let papi2024 = repoPath("questionnaires/papi-2024.yaml")

  /// An export of `good` rows and `bad` rows whose answer is not a code, the bad ones first.
  func export(good: Int, bad: Int) throws -> String {
    var rows = [["id", "commune", "name", "province", "a"]]
    for index in 0..<bad { rows.append(["b\(index)", "00001", "Xã Một", "01", "7"]) }
    for index in 0..<good { rows.append(["g\(index)", "00001", "Xã Một", "01", index % 2 == 0 ? "1" : "0"]) }
    return try writeTemporary(csv(rows))
  }

  @Test func scoreUsesTheGoodRowsAndRecordsTheCountInJSON() throws {
    let request = ScoreRequest(
      files: [faults], questionnairePath: papi2024, read: ReadOptions(skipBadRows: true), format: .json)
    let output = try ScoreCommand.run(request)
    #expect(output.text.contains("\"rows_left_out\": 6"))
    let summary = try #require(output.warnings.first { $0.message.en.contains("were left out") })
    let text = summary.text(.en)
    #expect(text.contains("6 of 15 rows were left out for errors (--on-error skip); the results use the other 9"))
    #expect(text.contains("line 6: the row has 112 fields but the header has 113 columns."))
    #expect(text.contains("line 12: the unit (commune) code is empty."))
    // Told once: not a warning per row besides the summary.
    #expect(!output.warnings.contains { $0.message.en.hasPrefix("the row has 112 fields") })
  }

  @Test func withoutSkipTheErrorSuggestsIt() throws {
    let request = ScoreRequest(files: [faults], questionnairePath: papi2024)
    let error = try #require(throws: PapiError.self) { try ScoreCommand.run(request) }
    let hint = try #require(error.diagnostics.first { $0.severity == .note })
    #expect(hint.text(.en).contains("run again with --on-error skip"))
    #expect(hint.text(.vi).contains("chạy lại với --on-error skip"))
    // Right after the first bad row, so that a long list does not hide it.
    #expect(error.diagnostics.firstIndex { $0.severity == .note } == 1)
  }

  @Test func importSuggestsSkipWithRejects() throws {
    let folder = try temporaryDirectory()
    let store = SQLiteStore(path: folder.appendingPathComponent("papi.db").path, mode: .createIfMissing)
    let error = try #require(throws: PapiError.self) {
      try ImportCommand.run(ImportRequest(files: [faults], questionnairePath: papi2024, wave: "w"), store: store)
    }
    #expect(error.text(.en).contains("run again with --on-error skip --rejects FILE"))
  }

  @Test func theFirstTwentyRowsAreListedWithTheirLineAndReason() throws {
    let path = try export(good: 4, bad: 25)
    let data = try ExportFiles(
      files: [path], questionnaire: try questionnaire(oneIndicatorQuestionnaire),
      options: ReadOptions(skipBadRows: true)
    ).read()
    #expect(data.reading.rowsLeftOut == 25)
    #expect(data.table.count == 4)
    #expect(data.warnings.count == 1)
    let text = data.warnings[0].text(.en)
    #expect(text.contains("25 of 29 rows were left out"))
    #expect(text.contains("25 × the answer is not one of indicator a's codes"))
    #expect(text.contains("The first 20:"))
    #expect(text.contains("line 21: the answer"))
    #expect(!text.contains("line 22:"))
    let score = try ScoringStage.score(data, level: 0, wave: nil)
    #expect(score.reading.rowsLeftOut == 25)
  }

  @Test func theCommandsTakeTheOption() throws {
    let score = try runPapi(["score", faults, "-q", papi2024, "--on-error", "skip", "--lang", "en"])
    #expect(score.status == 0, "\(score.stderr)")
    #expect(score.stderr.contains("6 of 15 rows were left out"))
    #expect(score.stdout.contains("23485"))
    let refused = try runPapi(["score", faults, "-q", papi2024, "--lang", "en"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--on-error skip"))
    let validate = try runPapi(["validate", faults, "-q", papi2024, "--on-error", "skip", "--lang", "en"])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(validate.stderr.contains("6 of 15 rows were left out"))
    let report = try runPapi(["report", faults, "-q", papi2024, "--on-error", "skip", "--lang", "en"])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr.contains("6 of 15 rows were left out"))
  }
}
