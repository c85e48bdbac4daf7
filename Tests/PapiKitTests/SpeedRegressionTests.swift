import Crypto
import Foundation
import Testing

@testable import PapiKit

/// The scores must not change when the reader and scorer get faster. The fixture is the
/// first 2,000 rows `../shared/bench/gen.py` writes (its default seed): the benchmark's own
/// data, quoted free text with commas, doubled quotes and embedded newlines included. The
/// hashes are those of the JSON written by the code before the speed work (commit 9ec1c57),
/// so any change of a single bit in any score, SE or CI fails here.
@Suite struct SpeedRegressionTests {
  static let export = repoPath("Tests/PapiKitTests/Fixtures/bench/bench-2000.csv")
  static let questionnaire = repoPath("bench/papi-bench.yaml")
  static let before = [
    "commune": "0346337ae56898114f742cf559a69d1d0cf6689ec65698e93efa349e3c216af8",
    "province": "d6a7f544a398f3cc6232d4e3ac130c14c3c949e64b630f5f910231ff2d10a6ad",
  ]

  static func json(level: String, read: ReadOptions = ReadOptions()) throws -> [UInt8] {
    var bytes: [UInt8] = []
    _ = try ScoreCommand.run(
      ScoreRequest(files: [export], questionnairePath: questionnaire, read: read, level: level, format: .json)
    ) { bytes.append(contentsOf: $0) }
    return bytes
  }

  static func sha256(_ bytes: [UInt8]) -> String { hexadecimal(SHA256.hash(data: bytes)) }

  @Test(arguments: ["commune", "province"])
  func scoresAreBitForBitThoseBeforeTheSpeedWork(level: String) throws {
    let bytes = try Self.json(level: level)
    #expect(Self.sha256(bytes) == Self.before[level])
  }
}
