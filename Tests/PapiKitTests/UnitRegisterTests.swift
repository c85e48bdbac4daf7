import Foundation
import Testing

@testable import PapiKit

@Suite("Unit register and crosswalks")
struct UnitRegisterTests {
  let database: String
  let store: SQLiteStore

  init() throws {
    database = try temporaryDirectory().appendingPathComponent("papi.db").path
    store = try SQLiteStore.open(path: database)
  }

  @Test func namesAreComparedWithoutDiacriticsCaseSpacingOrUnicodeForm() {
    #expect(foldedUnitName("Xã Đắk Tờ Re") == foldedUnitName("Xã Đăk Tờ Re"))
    #expect(foldedUnitName("Xã Vĩnh Hoà") == foldedUnitName("Xã Vĩnh Hòa"), "tone-mark placement")
    #expect(foldedUnitName("Xã  Đắk Pnê".decomposedStringWithCanonicalMapping) == "xa dak pne")
    #expect(foldedUnitName("XÃ ĐẮK GLEI") == foldedUnitName("xa dak glei"))
    #expect(foldedUnitName("Xã Đắk Pnê") != foldedUnitName("Xã Đắk Long"))
  }

  @Test func anImportWithAnUnknownUnitCodeIsAnErrorListingTheCodes() throws {
    let register =
      try String(contentsOfFile: repoPath("samples/units-2024.csv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("23341,") && !$0.hasPrefix("23497,") }.joined(separator: "\n")
      + "\n"
    _ = try ReferenceCommands.loadUnits(try writeTemporary(register, name: "units.csv"), as: "2024", store: store)
    let error = try #require(throws: PapiError.self) {
      try ImportCommand.run(
        ImportRequest(
          files: [repoPath("samples/kobo-kontum-2024.csv")],
          questionnairePath: repoPath("questionnaires/papi-2024.yaml"),
          wave: "2024"), store: SQLiteStore(path: database, mode: .createIfMissing))
    }
    let problem = try #require(error.diagnostics.first)
    #expect(problem.message.en == "2 unit codes are not in the unit register; nothing was stored.")
    #expect(problem.value == "23341, 23497")
    #expect(try store.waves().isEmpty)
  }

  @Test func aRealNameMismatchIsReportedNotGuessed() throws {
    // The register spells 23494 "Xã Đắk Tờ Re" and the export "Xã Đăk Tờ Re": the same name.
    // 23491 is renamed in this register: a real mismatch.
    let register = try String(contentsOfFile: repoPath("samples/units-2024.csv"), encoding: .utf8)
      .replacingOccurrences(of: "23491,Xã Đắk Pnê", with: "23491,Xã Đắk Long Mới")
    _ = try ReferenceCommands.loadUnits(try writeTemporary(register, name: "units.csv"), as: "2024", store: store)
    let result = try ImportCommand.run(
      ImportRequest(
        files: [repoPath("samples/kobo-kontum-2024.csv")], questionnairePath: repoPath("questionnaires/papi-2024.yaml"),
        wave: "2024", unitSet: "2024"), store: SQLiteStore(path: database, mode: .createIfMissing))
    let mismatches = result.warnings.filter { $0.message.en.contains("differs from the register") }
    #expect(mismatches.count == 1)
    #expect(mismatches.first?.value == "Xã Đắk Pnê")
    #expect(mismatches.first?.message.en.contains("23491") == true)
    #expect(result.outcome.files[0].imported == 436, "a name mismatch is reported, the rows are stored")
  }

  @Test func registerProblemsAreRefused() throws {
    let duplicate = try writeTemporary(
      "code,name,level,parent_code\n01,Tỉnh A,province,\n001,Xã B,commune,01\n001,Xã C,commune,01\n002,Xã "
        + "D,commune,99\n"
    )
    let error = try #require(throws: PapiError.self) {
      try ReferenceCommands.loadUnits(duplicate, as: "x", store: store)
    }
    #expect(error.diagnostics.map(\.location.line) == [4, 5])
    #expect(error.diagnostics[0].message.en == "code 001 repeats (already on line 3).")
    #expect(error.diagnostics[1].message.en == "parent 99 of 002 is not in the register.")
  }

  // A split and a merge worked by hand. Old communes A, B, C in province P; one binary
  // indicator. A → N1; B is split: half to N1, half to N2; C → N2 (merged with B's half).
  static let yaml = """
    id: x
    respondent: {id: [id], unit: commune, parent: province, weight: w}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
              - {id: a, column: a, type: binary, yes: ["1"], no: ["0"]}
    """
  static let rows = "id,commune,province,w,a\na1,A,P,1,1\na2,A,P,1,1\nb1,B,P,1,0\nb2,B,P,1,1\nc1,C,P,2,0\n"

  func convertedScores(level: String?) throws -> ScoreReport {
    _ = try ReferenceCommands.loadUnits(
      try writeTemporary(
        "code,name,level,parent_code\nP2,Tỉnh Mới,province,\nN1,Xã Một,commune,P2\nN2,Xã Hai,commune,P2\n"), as: "new",
      store: store)
    _ = try ReferenceCommands.loadCrosswalk(
      try writeTemporary("old_code,new_code,share\nA,N1,1\nB,N1,0.5\nB,N2,0.5\nC,N2,1\n"), to: "new", store: store)
    let q = try writeTemporary(Self.yaml, name: "q.yaml")
    let export = try writeTemporary(Self.rows)
    let text = try ScoreCommand.run(
      ScoreRequest(files: [export], questionnairePath: q, level: level, format: .json, asOfUnits: "new"),
      store: SQLiteStore(path: database, mode: .existing)
    ).text
    #expect(text.contains("\"units_as_of\": \"new\""))
    #expect(text.contains("\"derived\": true"))
    let questionnaire = try QuestionnaireLoader.load(path: q)
    let read = ExportReader.read([export], questionnaire: questionnaire)
    let register = try store.registerUnits(set: "new")
    let converted = try UnitConversion.convert(
      read.table, crosswalk: try store.crosswalk(to: "new"), register: register, set: "new", source: export,
      level: level == nil ? 0 : 1)
    return Scorer(questionnaire: questionnaire).score(
      converted.table, level: level == nil ? 0 : 1, levelNames: converted.levelNames)
  }

  @Test func splitAndMergedCommunesByHand() throws {
    let report = try convertedScores(level: nil)
    #expect(report.units.map(\.code) == ["N1", "N2"])
    let n1 = report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    let n2 = report.units[1].dimensions[0].subdimensions[0].indicators[0].estimate
    // N1: a1 (w 1, x 1), a2 (1, 1), b1 (0.5, 0), b2 (0.5, 1): W = 3, Σwx = 2.5.
    #expect(n1.value == 2.5 / 3)
    #expect(n1.n == 4)
    // z = w(x − p)/W: 1/18, 1/18, −5/36, 1/36; Σz² = 1/324 + 1/324 + 25/1296 + 1/1296 = 34/1296.
    #expect(abs(n1.se! - (4.0 / 3 * 34 / 1296).squareRoot()) < 1e-15)
    // N2: b1 (0.5, 0), b2 (0.5, 1), c1 (2, 0): W = 3, Σwx = 0.5.
    #expect(n2.value == 0.5 / 3)
    #expect(n2.n == 3)
    #expect(report.units[0].name == "Xã Một")
    #expect(report.units[0].parent == "P2")
  }

  @Test func aboveCommunesEachRespondentCountsOnce() throws {
    let report = try convertedScores(level: "province")
    #expect(report.level == "province")
    let p2 = report.units[0].dimensions[0].subdimensions[0].indicators[0].estimate
    // Every respondent once with its own weight: W = 6, Σwx = 3, n = 5 — as old province P.
    #expect(p2.value == 0.5)
    #expect(p2.n == 5)
    let questionnaire = try QuestionnaireLoader.parse(yaml: Self.yaml, source: "q")
    let old = Scorer(questionnaire: questionnaire).score(
      ExportReader.read([try writeTemporary(Self.rows)], questionnaire: questionnaire).table, level: 1)
    #expect(old.units[0].dimensions[0].subdimensions[0].indicators[0].estimate == p2)
  }

  @Test func crosswalkSharesMustAddUpAndNewCodesMustExist() throws {
    _ = try ReferenceCommands.loadUnits(
      try writeTemporary("code,name,level,parent_code\nP2,Tỉnh Mới,province,\nN1,Xã Một,commune,P2\n"), as: "new",
      store: store)
    let error = try #require(throws: PapiError.self) {
      try ReferenceCommands.loadCrosswalk(
        try writeTemporary("old_code,new_code,share\nA,N1,0.6\nB,N9,1\n"), to: "new", store: store)
    }
    #expect(
      error.diagnostics.map(\.message.en) == [
        "new code N9 is not in unit set new.", "the shares of old code A add up to 0.6, not 1.",
      ])
    #expect(error.diagnostics.map(\.location.line) == [3, 2])
  }

  @Test func aCommuneWithoutACrosswalkIsAnError() throws {
    _ = try ReferenceCommands.loadUnits(
      try writeTemporary("code,name,level,parent_code\nP2,Tỉnh Mới,province,\nN1,Xã Một,commune,P2\n"), as: "new",
      store: store)
    _ = try ReferenceCommands.loadCrosswalk(
      try writeTemporary("old_code,new_code,share\nA,N1,1\n"), to: "new", store: store)
    let error = try #require(throws: PapiError.self) {
      try ScoreCommand.run(
        ScoreRequest(
          files: [try writeTemporary(Self.rows)], questionnairePath: try writeTemporary(Self.yaml, name: "q.yaml"),
          format: .json, asOfUnits: "new"), store: SQLiteStore(path: database, mode: .existing))
    }
    #expect(error.diagnostics.first?.value == "B, C")
  }
}
