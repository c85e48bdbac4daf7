import Foundation
import Testing

@testable import PapiKit

/// Exports written by KoboToolbox for real surveys (../shared/data/real-exports, see its
/// SOURCES.md): label headers with HTML and `/`, doubled quotes in headers, bare LF inside
/// quoted fields of a CRLF file, duplicate headers.
@Suite("Real KoboToolbox exports")
struct RealExportTests {
  static let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/real-exports")

  @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "needs ../shared/data/real-exports"))
  func blantyreMarketWasteMonitoring() throws {
    let q = try questionnaire(
      """
      id: blantyre
      respondent: {id: [_uuid], unit: "Name of the market", pii: ["Name of RA"]}
      missing: [""]
      dimensions:
        - id: d1
          name: {vi: "Quản lý chợ", en: "Market management"}
          subdimensions:
            - id: d1.1
              indicators:
                - {id: master, column: "Is the market master present?", type: binary, yes: ["yes"], no: ["no"]}
                - {id: bcc, column: "Was organic skip 1 picked yesterday?", type: binary, yes: ["yes"], no: ["no"]}
      """)
    let path = Self.folder.appendingPathComponent("blantyre-market-waste-kobo.csv").path
    let result = ExportReader.read([path], questionnaire: q)
    #expect(result.errors.isEmpty, "\(result.errors.prefix(3).map { $0.text(.en) })")
    #expect(result.files[0].delimiter == UInt8(ascii: ";"))
    #expect(result.files[0].recordsRead == 1_770)
    #expect(result.table.count == 1_770)
    #expect(result.table.units.levels[0].map(\.code).sorted() == ["BCA", "Bangwe", "Chigumula", "Limbe", "Naizi"])
    let report = Scorer(questionnaire: q).score(result.table, level: 0)
    let master = report.units.map { $0.dimensions[0].subdimensions[0].indicators[0].estimate.n }.reduce(0, +)
    #expect(master == 1_765, "5 empty answers are missing, not 'no'")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "needs ../shared/data/real-exports"))
  func damAndYouHasDuplicateHeadersAndSlashesInLabels() throws {
    let q = try questionnaire(
      """
      id: dam
      respondent: {id: [_uuid], unit: "How was the respondent affected by the construction of the dam?"}
      dimensions:
        - id: d1
          name: {vi: "Tham gia", en: "Participation"}
          subdimensions:
            - id: d1.1
              indicators:
                - {id: consent, column: "Do you consent to participating in our research?", type: binary, yes:\
       ["Yes"], no: ["No"]}
      """)
    let path = Self.folder.appendingPathComponent("dam-and-you-tehri-kobo.csv").path
    let result = ExportReader.read([path], questionnaire: q)
    // One respondent really left the grouping question empty: reported where it is.
    let errors = result.errors
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 113)
    #expect(errors.first?.location.column == 12)
    #expect(errors.first?.message.en == "the unit (commune) code is empty.")
    #expect(result.files[0].recordsRead == 138)
    #expect(result.table.count == 137)
  }
}
