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
    var buffer = ByteBuffer()
    _ = try ScoreCommand.run(
      ScoreRequest(files: [export], questionnairePath: questionnaire, read: read, level: level, format: .json),
      store: nil, to: &buffer)
    // The scores as they were pinned: the key saying which column weighted them came later.
    let text = buffer.text.replacingOccurrences(
      of: #",\n  "weights": \{\n    "column": "weight"\n  \}"#, with: "", options: .regularExpression)
    #expect(text != buffer.text, "the bench rows are weighted, and the output says so")
    return Array(text.utf8)
  }

  static func sha256(_ bytes: [UInt8]) -> String { hexadecimal(SHA256.hash(data: bytes)) }

  @Test(arguments: ["commune", "province"])
  func scoresAreBitForBitThoseBeforeTheSpeedWork(level: String) throws {
    let bytes = try Self.json(level: level)
    #expect(Self.sha256(bytes) == Self.before[level])
  }
}

/// A large export is read in parts, one per core, and the parts joined. Whatever the number
/// of parts, the result must be the one of reading the file whole: the same rows in the
/// same order, the same problems on the same lines, the same scores to the bit.
@Suite struct ReadInPartsTests {
  static let yaml = """
    id: parts
    kind: papi
    title: {vi: "Thử đọc từng phần", en: "Reading in parts"}
    respondent:
      id: [_uuid]
      unit: commune_code
      unit_name: commune_name
      parent: province_code
      weight: weight
    missing: ["", "98", "99"]
    dimensions:
      - id: d1
        name: {vi: "Tham gia", en: "Participation"}
        subdimensions:
          - id: d1.1
            name: {vi: "Tri thức", en: "Knowledge"}
            indicators:
              - {id: d1.1.a, column: q1, type: binary, yes: ["1"], no: ["0"]}
              - {id: d1.1.b, column: q2, type: likert, range: [1, 5]}
          - id: d1.2
            name: {vi: "Cơ hội", en: "Opportunities"}
            indicators:
              - {id: d1.2.a, column: q3, type: scale, range: [0, 10]}
    """

  /// 3,000 rows over 40 communes, with free text that has commas, doubled quotes and
  /// newlines (so that some cuts must skip a newline inside quotes); `edit` changes rows.
  static func export(_ edit: (inout [[String]]) -> Void = { _ in }) -> String {
    var rows: [[String]] = []
    for index in 0..<3000 {
      let commune = index * 7 % 40
      let text: String
      switch index % 5 {
      case 0: text = "Cán bộ \"tận tình\",\nnhưng thủ tục\n\"rườm rà\""
      case 1: text = "đường xấu, mưa ngập"
      case 2: text = ""
      case 3: text = "\"\"\n\n"
      default: text = "ý kiến số \(index)"
      }
      rows.append([
        "u\(index)", String(format: "%05d", 100 + commune), "Xã số \(commune)", String(format: "%02d", commune % 4),
        "1.\(index % 9)", ["1", "0", "", "98"][index % 4], String(1 + index % 5), String(index % 11), text,
      ])
    }
    edit(&rows)
    return csv(
      [["_uuid", "commune_code", "commune_name", "province_code", "weight", "q1", "q2", "q3", "comment"]] + rows)
  }

  /// Everything a read produced, as text: problems with their lines, file counts and rows.
  static func describe(_ result: ReadResult) -> [String] {
    var lines = result.diagnostics.map { $0.text(.en) }
    for file in result.files {
      lines.append(
        "read \(file.recordsRead) kept \(file.rowsKept) dropped \(file.duplicatesDropped) suppressed "
          + "\(file.suppressed)/\(file.suppressedErrors)"
      )
    }
    let table = result.table
    for row in 0..<table.count {
      let unit = table.units.levels[0][Int(table.unit(row))]
      lines.append(
        "\(table.respondentID(row)) \(unit.code) \(unit.name ?? "-") \(unit.parents) \(table.weight(row)) "
          + "\(Array(table.answers(row))) \(table.origin(row))"
      )
    }
    return lines
  }

  /// Reads `text` whole and in 2, 3 and 7 parts; expects the same everywhere, and that the
  /// parts were joined (`joined`) or the file read again whole.
  static func compare(_ text: String, joined: Bool, limit: Int = 10_000) throws -> [String] {
    let path = try writeTemporary(text)
    let q = try questionnaire(Self.yaml)
    let whole = ExportReader.read([path], questionnaire: q, options: ReadOptions(diagnosticLimit: limit, parts: 1))
    #expect(whole.files[0].parts == 1)
    for count in [2, 3, 7] {
      let inParts = ExportReader.read(
        [path], questionnaire: q, options: ReadOptions(diagnosticLimit: limit, minimumPartBytes: 4096, parts: count))
      #expect(describe(inParts) == describe(whole), "\(count) parts")
      #expect(inParts.files[0].parts == (joined ? count : 1))
    }
    return describe(whole)
  }

  @Test func theBenchSampleScoresTheSameInAnyNumberOfParts() throws {
    for parts in [2, 3, 8] {
      for level in ["commune", "province"] {
        let bytes = try SpeedRegressionTests.json(
          level: level, read: ReadOptions(minimumPartBytes: 65_536, parts: parts))
        #expect(SpeedRegressionTests.sha256(bytes) == SpeedRegressionTests.before[level], "\(parts) parts, \(level)")
      }
    }
  }

  @Test func aCleanExportGivesTheSameRows() throws {
    let whole = try Self.compare(Self.export(), joined: true)
    #expect(whole.count == 3001)
  }

  @Test func duplicatesAcrossPartsAreFoundAsInOneRead() throws {
    // Identical copies far from their first (warnings, dropped), and one id reused with
    // other answers (an error): both found while joining the parts.
    let warnings = try Self.compare(
      Self.export { rows in
        rows[2900] = rows[10]
        rows[2950] = rows[1500]
      }, joined: true)
    #expect(warnings.filter { $0.contains("repeats with identical answers") }.count == 2)
    #expect(warnings.contains { $0.contains("read 3000 kept 2998 dropped 2") })
    let errors = try Self.compare(Self.export { rows in rows[2990][0] = "u20" }, joined: true)
    #expect(errors.contains { $0.contains("respondent id u20 already appears") })
  }

  @Test func problemsInAnyPartAreReportedAsInOneRead() throws {
    _ = try Self.compare(Self.export { rows in rows[2800][6] = "7" }, joined: false)  // not a Likert 1–5 answer
    // a commune under another province
    _ = try Self.compare(Self.export { rows in rows[2999][3] = "99" }, joined: false)
    _ = try Self.compare(Self.export { rows in rows[2500].removeLast() }, joined: false)  // a short row
    let many = try Self.compare(
      Self.export { rows in for index in stride(from: 5, to: 3000, by: 10) { rows[index][5] = "x" } }, joined: false,
      limit: 50)
    #expect(many.contains { $0.contains("read 3000 kept 2700 dropped 0 suppressed 250/250") })
    // A stray quote in an unquoted field: libcsv stops, and the message is the same.
    var text = Self.export()
    text = text.replacingOccurrences(of: "ý kiến số 2999", with: "ý kiến \"số\" 2999")
    _ = try Self.compare(text, joined: false)
  }

  @Test func quoteParityIsFoundEightBytesAtATime() throws {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 1000, 4099] {
      let choices: [UInt8] = [0x22, 0x22 ^ 0x80, 0xA2, 0, 0x21, 0x23]
      let bytes: [UInt8] = (0..<length).map { _ in
        Bool.random(using: &generator)
          ? choices.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
      }
      let odd = bytes.withUnsafeBytes { FileParts.quoteParity($0) }
      #expect(odd == (bytes.filter { $0 == UInt8(ascii: "\"") }.count % 2 == 1), "\(length) bytes")
    }
  }

  @Test func cutsFallAfterANewlineOutsideQuotes() throws {
    let text = "a,b\n\"x\ny\",1\n\"p\"\"\nq\",2\nlast,3\n"
    let path = try writeTemporary(text)
    let bytes = Array(text.utf8)
    // Every starting point: the cut is the end of the record that holds the byte before it.
    let recordEnds = [4, 12, 22, 29]
    for from in 1..<bytes.count {
      let quotes = bytes[..<from].filter { $0 == UInt8(ascii: "\"") }.count
      let cut = FileParts.recordEnd(path: path, from: from, size: bytes.count, insideQuotes: quotes % 2 == 1)
      #expect(cut == recordEnds.first { $0 > from }, "from \(from)")
    }
    #expect(FileParts.boundaries(path: path, size: bytes.count, parts: 3, minimumPartBytes: 8) == [0, 12, 22, 29])
  }
}
