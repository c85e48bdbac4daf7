import Foundation
import Testing

@testable import PapiKit

@Suite("The same respondents in every layout, delimiter and encoding give identical scores")
struct ReaderVariantTests {
  let q: Questionnaire
  let reference: String

  init() throws {
    q = try questionnaire(SurveyFixture.yaml)
    reference = try scoreJSON([try writeTemporary(SurveyFixture.kobo())], q)
  }

  func expectSame(_ bytes: [UInt8], options: ReadOptions = ReadOptions(), _ comment: Comment) throws {
    let json = try scoreJSON([try writeTemporary(bytes)], q, options: options)
    #expect(json == reference, comment)
  }

  @Test func referenceHasEveryCommune() throws {
    let result = ExportReader.read([try writeTemporary(SurveyFixture.kobo())], questionnaire: q)
    #expect(result.table.count == 10)
    #expect(result.table.units.levels[0].map(\.code) == ["00101", "00102", "00203"])
    #expect(result.table.units.levels[0][0].name == "Xã Đắk Pnê")
    #expect(result.files[0].delimiter == UInt8(ascii: ";"))
    #expect(result.files[0].recordsRead == 10, "the HXL row is not a respondent")
  }

  @Test func personalDataIsNeverHeld() throws {
    let path = try writeTemporary(SurveyFixture.kobo())
    let result = ExportReader.read([path], questionnaire: q)
    // Everything the reader kept, dumped as text: no phone number or name from the export.
    var kept = ""
    Swift.dump(result, to: &kept)
    kept += (0..<result.table.count).map { result.table.respondentID($0) }.joined()
    #expect(!kept.contains("0905123456"))
    #expect(!kept.contains("Nguyễn Văn A"))
    #expect(kept.contains("u01"), "the dump does hold what the reader keeps")
    let json = ScoreJSONRenderer().text(Scorer(questionnaire: q).score(result.table, level: 0))
    #expect(!json.contains("0905123456"))
  }

  @Test func odkLayout() throws {
    try expectSame(
      Array(SurveyFixture.odk().utf8), "ODK Central: comma, minimal quoting, LF, '-' paths, one select cell")
  }

  @Test func tabAndSemicolonDelimiters() throws {
    try expectSame(Array(SurveyFixture.odk(delimiter: "\t").utf8), "tab")
    try expectSame(Array(SurveyFixture.odk(delimiter: ";").utf8), "semicolon, minimal quoting")
  }

  @Test func delimiterGivenExplicitly() throws {
    try expectSame(
      Array(SurveyFixture.kobo().utf8), options: ReadOptions(delimiter: UInt8(ascii: ";")), "--delimiter ';'")
  }

  @Test func utf8WithBOM() throws {
    try expectSame([0xEF, 0xBB, 0xBF] + Array(SurveyFixture.kobo().utf8), "UTF-8 with BOM")
  }

  @Test(arguments: [false, true])
  func utf16WithBOM(bigEndian: Bool) throws {
    try expectSame(utf16(SurveyFixture.kobo(), bigEndian: bigEndian), "UTF-16 \(bigEndian ? "BE" : "LE")")
  }

  @Test(arguments: [InputEncoding.cp1258, .tcvn3, .vni])
  func legacyVietnameseEncodings(_ encoding: InputEncoding) throws {
    let table: [String?]
    switch encoding {
    case .cp1258: table = VietnameseLegacyTables.cp1258
    case .tcvn3: table = VietnameseLegacyTables.tcvn3
    default: table = VietnameseLegacyTables.vni
    }
    let bytes = try encodeLegacy(SurveyFixture.kobo(), table)
    #expect(bytes.contains { $0 >= 0x80 }, "the fixture really uses the encoding's own bytes")
    try expectSame(bytes, options: ReadOptions(encoding: encoding), "\(encoding.rawValue)")
  }

  @Test func decomposedUnicode() throws {
    try expectSame(Array(SurveyFixture.kobo().decomposedStringWithCanonicalMapping.utf8), "NFD text and headers")
  }

  @Test func lfAndChunkBoundaries() throws {
    // Many copies of the rows push records and multi-byte letters across 1 MiB chunk edges.
    var records = [["_uuid", "commune_code", "commune_name", "province_code", "weight", "d101", "comment"]]
    for index in 0..<40_000 {
      records.append([
        "id\(index)", "00101", "Xã Đắk Pnê", "62", "1", index % 3 == 0 ? "2" : "Có",
        "ước mơ ổn định, \"đẹp\"\nthêm dòng",
      ])
    }
    let path = try writeTemporary(csv(records))
    let result = ExportReader.read([path], questionnaire: q)
    #expect(!result.hasErrors)
    #expect(result.table.count == 40_000)
    let scores = Scorer(questionnaire: q).score(result.table, level: 0)
    let estimate = try #require(scores.units[0].dimensions[0].subdimensions[0].indicators[0].estimate.value)
    #expect(estimate == Double(26_666) / 40_000)
  }
}
