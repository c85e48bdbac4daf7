import Foundation
import Testing

@testable import PapiKit

/// Every output format of `papi score` for the KoboToolbox sample, compared with checked-in
/// files. A missing golden file, or RECORD_SNAPSHOTS=1, writes it and fails the test, so a
/// change of output is always a reviewed change of these files.
@Suite("Golden outputs of papi score")
struct GoldenTests {
  static let q = "questionnaires/papi-2024.yaml"
  static let sample = "samples/kobo-kontum-2024.csv"

  func run(_ format: OutputFormat, _ language: Language, unit: String? = nil, level: String? = nil) throws -> String {
    try ScoreCommand.run(
      ScoreRequest(
        files: [repoPath(Self.sample)], questionnairePath: repoPath(Self.q), level: level, unit: unit, format: format,
        language: language, wave: "2024")
    ).text
  }

  @Test func tableVietnamese() throws { try assertReportGolden(try run(.table, .vi), "kobo-commune.vi.txt") }
  @Test func tableEnglishOneCommune() throws {
    try assertReportGolden(try run(.table, .en, unit: "23494"), "kobo-23494.en.txt")
  }
  @Test func tableProvince() throws {
    try assertReportGolden(try run(.table, .vi, level: "province"), "kobo-province.vi.txt")
  }
  @Test func json() throws { try assertReportGolden(try run(.json, .vi), "kobo-commune.json") }
}

@Suite("JSON output is deterministic and valid")
struct JSONOutputTests {
  /// Every object's keys appear in sorted order (a scan of the text, since a parsed
  /// dictionary forgets the order).
  @Test func keysAreSortedEverywhere() throws {
    let q = try QuestionnaireLoader.load(path: repoPath("questionnaires/papi-2024.yaml"))
    let text = try scoreJSON([repoPath("samples/kobo-kontum-2024.csv")], q)
    var lastKey: [String?] = []
    var inString = false
    var escaped = false
    var current = ""
    var pendingString: String?
    var checked = 0
    for character in text {
      if inString {
        if escaped {
          escaped = false
          current.append(character)
          continue
        }
        if character == "\\" {
          escaped = true
          continue
        }
        if character == "\"" {
          inString = false
          pendingString = current
          continue
        }
        current.append(character)
        continue
      }
      switch character {
      case "\"":
        inString = true
        current = ""
      case "{": lastKey.append(nil)
      case "}": lastKey.removeLast()
      case ":":
        if let key = pendingString, let index = lastKey.indices.last {
          if let previous = lastKey[index] { #expect(previous < key, "\(previous) before \(key)") }
          lastKey[index] = key
          checked += 1
        }
      default: break
      }
      if character != "\"" && !character.isWhitespace && character != ":" { pendingString = nil }
    }
    #expect(checked > 9_000)
  }

  @Test func specialCharactersAreEscaped() {
    var writer = JSONWriter()
    writer.string("a\"b\\c\nd\u{01}é")
    #expect(writer.text == "\"a\\\"b\\\\c\\nd\\u0001é\"")
  }
}
