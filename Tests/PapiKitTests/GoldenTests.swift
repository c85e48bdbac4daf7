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

  func assertGolden(_ output: String, _ name: String) throws {
    let path = "\(fixtures)/golden/\(name)"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      try output.write(toFile: path, atomically: true, encoding: .utf8)
      Issue.record("recorded \(path); check it and run the tests again")
      return
    }
    #expect(output == expected, "\(name) differs from its golden file")
  }

  func run(_ format: ScoreFormat, _ language: Language, unit: String? = nil, level: String? = nil) throws -> String {
    try ScoreCommand.run(
      ScoreRequest(files: [repoPath(Self.sample)], questionnairePath: repoPath(Self.q), level: level, unit: unit, format: format, language: language, wave: "2024")
    ).text
  }

  @Test func tableVietnamese() throws { try assertGolden(try run(.table, .vi), "kobo-commune.vi.txt") }
  @Test func tableEnglishOneCommune() throws { try assertGolden(try run(.table, .en, unit: "23494"), "kobo-23494.en.txt") }
  @Test func tableProvince() throws { try assertGolden(try run(.table, .vi, level: "province"), "kobo-province.vi.txt") }
  @Test func json() throws { try assertGolden(try run(.json, .vi), "kobo-commune.json") }
}
