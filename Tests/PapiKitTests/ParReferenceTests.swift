import Foundation
import Testing

@testable import PapiKit

/// Compares `papi par report --format json` with the independent Python computation in
/// Tests/Independent/par_reference.py (written from PRODUCT.md §8 without the Swift code),
/// after importing the same files through `papi par import`.
@Suite("PAR INDEX reports agree with the independent reference computation")
struct ParReferenceTests {
  /// Each case: the expected file, the years imported (file, set, year), and the report asked for.
  static let cases:
    [(
      expected: String, imports: [(file: String, set: String, year: String)], year: String, compare: String?,
      unit: String?, targetRank: Int?
    )] = [
      (
        "par-tiny-2025",
        [
          ("Tests/Independent/tiny-par-2024.csv", "Tests/Independent/tiny-par-2024.yaml", "2024"),
          ("Tests/Independent/tiny-par-2025.csv", "Tests/Independent/tiny-par.yaml", "2025"),
        ], "2025", "2024", nil, 1
      ),
      (
        "par-kontum-2023",
        [
          ("samples/par-kontum-2022.csv", "questionnaires/par-kontum-huyen-2023.yaml", "2022"),
          ("samples/par-kontum-2023.csv", "questionnaires/par-kontum-huyen-2023.yaml", "2023"),
        ], "2023", "2022", nil, nil
      ),
      (
        "par-kontum-2023-unit-614",
        [
          ("samples/par-kontum-2022.csv", "questionnaires/par-kontum-huyen-2023.yaml", "2022"),
          ("samples/par-kontum-2023.csv", "questionnaires/par-kontum-huyen-2023.yaml", "2023"),
        ], "2023", "2022", "614", 1
      ),
    ]

  @Test(arguments: cases.map(\.expected))
  func agreesWithReference(_ name: String) throws {
    let entry = try #require(Self.cases.first { $0.expected == name })
    let store = SQLiteStore(
      path: try temporaryDirectory().appendingPathComponent("par.db").path, mode: .createIfMissing)
    for (file, set, year) in entry.imports {
      _ = try ParImportCommand.run(
        ParImportRequest(files: [repoPath(file)], criteriaPath: repoPath(set), year: year, replace: false), store: store
      )
    }
    var buffer = ByteBuffer()
    _ = try ParReportCommand.run(
      ParReportRequest(
        year: entry.year, compare: entry.compare, unit: entry.unit, targetRank: entry.targetRank, format: .json),
      store: store, to: &buffer)
    let ours = try JSONSerialization.jsonObject(with: Data(buffer.text.utf8))
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: repoPath("Tests/Independent/expected/\(name).json"))))
    var differences: [String] = []
    ReferenceTests().compare(ours, expected, path: name, into: &differences)
    #expect(differences.isEmpty, "\(differences.prefix(10))")
  }
}
