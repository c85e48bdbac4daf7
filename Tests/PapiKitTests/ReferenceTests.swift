import Foundation
import Testing

@testable import PapiKit

/// Compares the scorer with the independent Python computation in Tests/Independent
/// (written from PRODUCT.md §4 without the Swift code; see its README).
@Suite("Scores agree with the independent reference computation")
struct ReferenceTests {
  static let cases: [(expected: String, export: String, questionnaire: String, level: Int)] = [
    ("tiny-commune", "Tests/Independent/tiny.csv", "Tests/Independent/tiny.yaml", 0),
    ("tiny-province", "Tests/Independent/tiny.csv", "Tests/Independent/tiny.yaml", 1),
    ("kobo-kontum-2024-commune", "samples/kobo-kontum-2024.csv", "questionnaires/papi-2024.yaml", 0),
    ("kobo-kontum-2024-province", "samples/kobo-kontum-2024.csv", "questionnaires/papi-2024.yaml", 1),
    ("odk-quangtri-2024-commune", "samples/odk-quangtri-2024.csv", "questionnaires/papi-2024.yaml", 0),
    ("sipas-limesurvey-2024-commune", "samples/sipas-limesurvey-2024.csv", "questionnaires/sipas-2024.yaml", 0),
  ]

  @Test(arguments: cases.map(\.expected))
  func agreesWithReference(_ name: String) throws {
    let entry = try #require(Self.cases.first { $0.expected == name })
    let expectedPath = repoPath("Tests/Independent/expected/\(name).json")
    let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expectedPath)))
    let q = try QuestionnaireLoader.load(path: repoPath(entry.questionnaire))
    let ours = try JSONSerialization.jsonObject(
      with: Data(try scoreJSON([repoPath(entry.export)], q, level: entry.level).utf8))
    var differences: [String] = []
    compare(ours, expected, path: name, into: &differences)
    #expect(differences.isEmpty, "\(differences.prefix(10))")
  }

  /// Every key of the reference must be in ours with the same value (numbers within 1e-9
  /// relative: the two sum in different orders).
  func compare(_ ours: Any, _ reference: Any, path: String, into differences: inout [String]) {
    switch reference {
    case let object as [String: Any]:
      guard let mine = ours as? [String: Any] else { return differences.append("\(path): not an object") }
      for (key, value) in object {
        guard let other = mine[key] else {
          differences.append("\(path).\(key): missing")
          continue
        }
        compare(other, value, path: "\(path).\(key)", into: &differences)
      }
    case let array as [Any]:
      guard let mine = ours as? [Any], mine.count == array.count else { return differences.append("\(path): length") }
      for (index, pair) in zip(mine, array).enumerated() {
        compare(pair.0, pair.1, path: "\(path)[\(index)]", into: &differences)
      }
    case is NSNull:
      if !(ours is NSNull) { differences.append("\(path): \(ours) but reference null") }
    case let number as NSNumber:
      guard let mine = ours as? NSNumber else { return differences.append("\(path): \(ours) vs \(number)") }
      let a = mine.doubleValue
      let b = number.doubleValue
      if abs(a - b) > 1e-9 * max(1, abs(b)) { differences.append("\(path): \(a) vs \(b)") }
    default:
      if "\(ours)" != "\(reference)" { differences.append("\(path): \(ours) vs \(reference)") }
    }
  }
}
