import Foundation
import Testing

@testable import PapiKit

/// Runs the built `papi` executable as a user would and checks stdout, stderr and the
/// exit status.
@Suite("End to end: the papi executable", .serialized)
struct ExecutableTests {
  func papi(_ arguments: [String]) throws -> PapiRun { try runPapi(arguments) }

  func expectFitsEightyColumns(_ text: String) {
    for line in text.split(separator: "\n") {
      #expect(line.count <= 80, "\(line)")
    }
  }

  @Test func scoreTableIsVietnameseAndFitsEightyColumns() throws {
    let run = try papi(["score", "samples/kobo-kontum-2024.csv", "-q", "questionnaires/papi-2024.yaml"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("điểm theo xã, 12 đơn vị"))
    #expect(run.stdout.contains("Xã Đắk Pnê"))
    expectFitsEightyColumns(run.stdout)
  }

  @Test func scoreDetailInEnglishFitsEightyColumns() throws {
    let run = try papi([
      "score", "samples/kobo-kontum-2024.csv", "-q", "questionnaires/papi-2024.yaml", "--unit", "23491", "--lang", "en",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Xã Đắk Pnê (23491)"))
    #expect(run.stdout.contains("95% CI"))
    expectFitsEightyColumns(run.stdout)
  }

  @Test func scoreJSONHasTheContractShape() throws {
    let run = try papi([
      "score", "samples/kobo-kontum-2024.csv", "-q", "questionnaires/papi-2024.yaml", "--format", "json", "--wave",
      "2024",
    ])
    #expect(run.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    // `weights`: the kobo sample has a weight column, and the output says it was applied.
    #expect(Set(json.keys) == ["tool", "questionnaire", "wave", "level", "units", "weights"])
    #expect((json["weights"] as? [String: String])?["column"] == "weight")
    #expect(json["wave"] as? String == "2024")
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.count == 12)
    #expect(Set(units[0].keys) == ["code", "name", "parent", "respondents", "total", "dimensions", "flags", "actions"])
    let dimension = try #require((units[0]["dimensions"] as? [[String: Any]])?.first)
    #expect(Set(dimension.keys) == ["id", "score", "se", "low", "upp", "n", "complete", "subdimensions"])
    let indicator = try #require(
      ((dimension["subdimensions"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]])?.first)
    #expect(Set(indicator.keys) == ["id", "estimate", "se", "low", "upp", "n"])
  }

  @Test func validateBrokenExportExitsOneWithEveryProblem() throws {
    let run = try papi(["validate", "samples/broken/faults.csv", "-q", "questionnaires/papi-2024.yaml", "--lang", "en"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("samples/broken/faults.csv: 6 errors"))
    for expected in [
      "fields but the header has", "is not one of indicator", "already appears", "code is empty", "the weight must be",
      "never closed",
    ] {
      #expect(run.stderr.contains(expected), "\(expected)")
    }
    #expect(run.stderr.contains("samples/broken/faults.csv, line 8, column 15 (grp_d1/d101)"))
  }

  @Test func scoreRefusesBadInputAndStoresNothing() throws {
    let run = try papi(["score", "samples/broken/cp1258-undeclared.csv", "-q", "questionnaires/papi-2024.yaml"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("vị trí byte 662"))
    #expect(run.stderr.contains("--encoding cp1258"))
    let fixed = try papi([
      "score", "samples/broken/cp1258-undeclared.csv", "-q", "questionnaires/papi-2024.yaml", "--encoding", "cp1258",
    ])
    #expect(fixed.status == 0)
  }

  @Test func usageErrorsExitWith64() throws {
    let run = try papi(["score", "x.csv", "-q", "q.yaml", "--format", "pdf"])
    #expect(run.status == 64)
    let delimiter = try papi(["validate", "x.csv", "-q", "q.yaml", "--delimiter", "|"])
    #expect(delimiter.status == 64)
  }

  @Test func aFeedbackReportOfAWaveWithoutFeedbackSaysWhatToDo() throws {
    let run = try papi([
      "feedback", "report", "--wave", "2024", "--db", try temporaryDirectory().appendingPathComponent("none.db").path,
      "--lang", "en",
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("there is no database here yet"))
    #expect(run.stdout.isEmpty)
  }

  /// An escape sequence or a right-to-left override in a cell reaches no terminal raw: not
  /// through a message, not through a table, Markdown or CSV output.
  @Test func controlCharactersInDataAreShownEscaped() throws {
    let hostile = "1\u{1B}]0;owned\u{07}\u{202E}gnp.exe"
    let export = try writeTemporary(
      "id,commune,name,province,a\nr1,C1,Xã Một,P,\(hostile)\nr2,C1,\"Xã \u{1B}[2J\u{202E}Hai\",P,1\n")
    let questionnaire = try writeTemporary(oneIndicatorQuestionnaire, name: "q.yaml")
    let feedback = try writeTemporary(
      "id,date,unit_code,channel,text,status\n"
        + "F1,2024-01-08,C1,x,\"Đường giao thông hỏng nặng \u{1B}[31m\u{202E}sửa gấp\",x\n",
      name: "feedback.csv")
    let database = try temporaryDirectory().appendingPathComponent("hostile.db").path
    let stored = try papi(["feedback", "import", feedback, "--wave", "2024", "--db", database])
    #expect(stored.status == 0, "\(stored.stderr)")
    var runs = [try papi(["validate", export, "-q", questionnaire])]
    runs += try ["table", "md", "csv", "html"].map {
      try papi(["feedback", "report", "--wave", "2024", "--db", database, "--format", $0])
    }
    for run in runs {
      let raw = (run.stdout + run.stderr).unicodeScalars.filter { [0x07, 0x1B, 0x202E].contains($0.value) }
      #expect(raw.isEmpty, "\(run.stdout)\(run.stderr)")
      #expect((run.stdout + run.stderr).contains(#"\u202E"#), "\(run.stdout)\(run.stderr)")
    }
    #expect(runs[0].status == 1 && runs[0].stderr.contains(#"\u001B]0;owned\u0007\u202Egnp.exe"#), "\(runs[0].stderr)")
  }

  /// `--status xong --today 06/01/2025` are read, not usage errors: the command goes on to
  /// say there is no database.
  @Test func statusAndDateAreTypedAsOfficersWriteThem() throws {
    let missing = try temporaryDirectory().appendingPathComponent("none.db").path
    let run = try papi([
      "actions", "list", "--status", "xong", "đang thực hiện", "--today", "06/01/2025", "--db", missing,
    ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("chưa có cơ sở dữ liệu ở đây"))
  }

  @Test func feedbackClassifyPrintsEachItemsDimensionsAsJSON() throws {
    let run = try papi(["feedback", "classify", "samples/petitions-2024.csv", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(items.count == 36)
    #expect(items.allSatisfy { Set($0.keys) == ["id", "dimensions", "subdimensions", "polarity"] })
    let first = try #require(items.first)
    #expect(first["id"] as? String == "PA-2024-0001")
    #expect(first["dimensions"] as? [String] == ["d6"])
    #expect(
      items.first { $0["id"] as? String == "PA-2024-0034" }?["dimensions"] as? [String] == [],
      "good wishes stay unclassified")
    #expect(!run.stdout.contains("0905"), "no text, so no personal data, is printed")
  }

  @Test func missingQuestionnaireIsAClearError() throws {
    let run = try papi(["score", "samples/kobo-kontum-2024.csv", "-q", "nowhere.yaml", "--lang", "en"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("nowhere.yaml"))
    #expect(run.stderr.contains("Check the file's name and path after -q"))
  }
}
