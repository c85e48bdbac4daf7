import Foundation
import Testing

@testable import PapiKit

/// Issue 14: configuration files (questionnaires, targets, task catalogues, calendars,
/// lexicons) that once crashed papi, or changed a score without a word, are now refused
/// with the file, line and a fix.
@Suite("Hostile configuration files are refused, never obeyed in silence")
struct HostileConfigTests {
  static let questionnaireHead = """
    id: t
    respondent: {id: [_uuid], unit: commune_code}
    dimensions:
      - id: d1
        name: {vi: "Một", en: "One"}
        subdimensions:
          - id: d1.1
            indicators:
    """

  func questionnaireProblems(_ indicators: String, head: String = Self.questionnaireHead) -> [Diagnostic] {
    do {
      _ = try QuestionnaireLoader.parse(yaml: indicators.isEmpty ? head : head + "\n" + indicators, source: "q.yaml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  func targetProblems(_ yaml: String) -> [Diagnostic] {
    do {
      _ = try TargetSet.parse(yaml: yaml, source: "t.yaml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  func catalogueProblems(_ yaml: String) throws -> [Diagnostic] {
    let path = try writeTemporary(yaml, name: "tasks.yaml")
    do {
      _ = try TaskCatalogue.load(path: path)
      return []
    } catch {
      return error.diagnostics
    }
  }

  // MARK: Crashes

  @Test func aRangeAsWideAsAnIntegerIsRefusedNotAnOverflow() {
    let problems = questionnaireProblems(
      "          - {id: x, column: a, type: scale, range: [-9223372036854775808, 9223372036854775807]}")
    #expect(!problems.isEmpty)
    #expect(problems.allSatisfy { $0.location.line == 9 })
    #expect(problems.contains { $0.message.en.contains("-9223372036854775808") })
    // The widest range papi scores is 250 steps.
    #expect(!questionnaireProblems("          - {id: x, column: a, type: scale, range: [0, 251]}").isEmpty)
    #expect(questionnaireProblems("          - {id: x, column: a, type: scale, range: [0, 250]}").isEmpty)
  }

  @Test func aDeadlineCenturiesAwayIsRefusedNotATrap() throws {
    let task = "{id: t1, applies_to: [d1], title: {vi: \"Việc\"}, lead: \"UBND xã\", due: \"%@\"}"
    for due in ["+9223372036854775807d", "+9223372036854775807wd", "+3661d", "+2601wd", "9999-12-31", "1899-12-31"] {
      let problems = try catalogueProblems("tasks:\n  - " + task.replacingOccurrences(of: "%@", with: due) + "\n")
      #expect(problems.count == 1, "\(due)")
      #expect(problems.first?.message.en == "task t1: deadline `\(due)` is not valid.", "\(due)")
      #expect(problems.first?.fix.en.contains("at most +3660d") == true)
      #expect(problems.first?.location.line == 2)
    }
    for due in ["+3660d", "+2600wd", "2199-12-31"] {
      let yaml = "calendar: holidays-vn.yaml\ntasks:\n  - " + task.replacingOccurrences(of: "%@", with: due) + "\n"
      let path = try writeTemporary(yaml, name: "tasks.yaml")
      try FileManager.default.copyItem(
        atPath: repoPath("questionnaires/holidays-vn.yaml"),
        toPath: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("holidays-vn.yaml").path)
      #expect(throws: Never.self) { try TaskCatalogue.load(path: path) }
    }
    // Dates given on the command line have the same bounds.
    #expect(throws: PapiError.self) { try CivilDate.checked(CivilDate("9999-12-31"), option: "--start") }
    #expect(try CivilDate.checked(CivilDate("2199-12-31"), option: "--start") == CivilDate("2199-12-31"))
  }

  @Test func thousandsOfIdenticalRulesGiveOneMessageEach() {
    let rule = "  - {metric: d1, level: commune, target: 5}\n"
    let problems = targetProblems("rules:\n" + String(repeating: rule, count: 3000))
    #expect(problems.count == 2999)
    #expect(problems.last?.message.en == "two equally specific rules for the same metric (lines 2 and 3001).")
    let shown = PapiError(problems).text(.en, limit: 200)
    #expect(shown.components(separatedBy: "two equally specific rules").count - 1 == 200)
    #expect(shown.hasSuffix("\n… and 2799 more problems (the first 200 are shown; fix these and run again)."))
  }

  // MARK: Scores changed in silence

  @Test func reverseMustBeAnUnquotedBoolean() {
    for value in ["\"true\"", "1", "yes", "'false'", "[true]"] {
      let problems = questionnaireProblems(
        "          - {id: x, column: a, type: likert, range: [1, 5], reverse: \(value)}")
      #expect(problems.count == 1, "\(value)")
      #expect(problems.first?.message.en.contains("x.reverse:") == true, "\(value)")
      #expect(problems.first?.message.en.contains("is not `true` or `false`") == true, "\(value)")
      #expect(problems.first?.location.line == 9)
    }
    #expect(questionnaireProblems("          - {id: x, column: a, type: likert, range: [1, 5], reverse: true}").isEmpty)
  }

  @Test func targetsMustBeFiniteAndSane() {
    for value in ["nan", ".nan", "inf", ".inf", "-.inf", "1e999", "1001", "\"5\""] {
      let problems = targetProblems("rules:\n  - {metric: d1, level: commune, target: \(value)}\n")
      #expect(problems.count == 1, "\(value)")
      #expect(problems.first?.location.line == 2, "\(value)")
      #expect(problems.first?.message.en.hasPrefix("rule on line 2: target: ") == true, "\(value)")
    }
    #expect(
      targetProblems("rules:\n  - {metric: d1, level: commune, previous: -.inf}\n").first?.message.en
        == "rule on line 2: previous: `-.inf` is not a number.")
    #expect(targetProblems("min_n: 1e9\n").first?.message.en == "min_n: `1e9` is not a whole number.")
    #expect(targetProblems("rules:\n  - {metric: rank, level: commune, top: 0}\n").count == 1)
    #expect(targetProblems("rules:\n  - {metric: d1, level: commune, target: -1000}\n").isEmpty)
  }

  @Test func weightsMustBePositiveFiniteAndBounded() {
    for weight in ["0", "-1", ".nan", ".inf", "1e999", "1001", "\"2\""] {
      let problems = questionnaireProblems(
        "          - {id: x, column: a, type: binary, yes: [\"1\"], no: [\"0\"], weight: \(weight)}")
      #expect(problems.count == 1, "\(weight)")
      #expect(problems.first?.message.en.hasPrefix("x.weight: ") == true, "\(weight)")
    }
  }

  @Test func aListThatIsNotAListIsRefused() throws {
    #expect(
      targetProblems("rules: {metric: d1, level: commune, target: 5}\n").first?.message.en
        == "rules: expected a list.")
    #expect(targetProblems("rules: d1\n").first?.location.line == 1)
    let tasks = try catalogueProblems("tasks: {id: t1}\n")
    #expect(tasks.first?.message.en == "tasks: expected a list.")
    #expect(tasks.first?.location.line == 1)
  }

  @Test func labelsAndAliasesMustBeMappings() {
    let labels = questionnaireProblems("          - {id: x, column: a, type: likert, range: [1, 5], labels: [Tốt]}")
    #expect(labels.first?.message.en == "x.labels: expected a mapping (key: value).")
    #expect(labels.first?.location.line == 9)
    let head = Self.questionnaireHead.replacingOccurrences(
      of: "respondent: {id: [_uuid], unit: commune_code}",
      with: "respondent: {id: [_uuid], unit: commune_code, aliases: [ma_xa]}")
    let aliases = questionnaireProblems(
      "          - {id: x, column: a, type: binary, yes: [\"1\"], no: [\"0\"]}", head: head)
    #expect(aliases.first?.message.en == "respondent.aliases: expected a mapping (key: value).")
    #expect(aliases.first?.location.line == 2)
  }

  @Test func emptyIdsAreRefused() throws {
    let indicator = questionnaireProblems("          - {id: \"\", column: a, type: binary, yes: [\"1\"], no: [\"0\"]}")
    #expect(indicator.first?.message.en.contains("`id` is empty") == true)
    #expect(indicator.first?.location.line == 9)
    let task = try catalogueProblems(
      "tasks:\n  - {id: \" \", applies_to: [d1], title: {vi: \"Việc\"}, lead: \"UBND xã\", due: +1d}\n")
    #expect(task.first?.message.en.contains("`id` is empty") == true)
    let rule = targetProblems("rules:\n  - {metric: \"\", level: commune, target: 5}\n")
    #expect(rule.first?.message.en.contains("`metric` is empty") == true)
  }

  @Test func aQuotedKeyIsTheSameKey() throws {
    let q = try questionnaire(
      Self.questionnaireHead + "\n          - {id: x, column: a, type: binary, \"yes\": [\"Có\"], 'no': [\"Không\"]}")
    #expect(q.indicators.first?.yes == ["Có"])
    #expect(q.indicators.first?.no == ["Không"])
  }

  @Test func unknownKeysAreRefusedWithTheNearestOne() throws {
    let problems = questionnaireProblems(
      "          - {id: x, column: a, type: likert, range: [1, 5], revers: true}")
    #expect(problems.first?.message.en == "x: unknown key `revers`.")
    #expect(problems.first?.fix.en == "Did you mean `reverse`?")
    let lexicon = try writeTemporary("id: l\nterms: {}\nreplce: true\n", name: "lexicon.yaml")
    #expect(throws: PapiError.self) { try FeedbackLexicon.load([lexicon]) }
    let calendar = "covers: {from: 2024-01-01, to: 2024-12-31}\nholiday: []\n"
    let error = try #require(throws: PapiError.self) { try WorkingCalendar.parse(yaml: calendar, source: "c.yaml") }
    #expect(error.diagnostics.first?.message.en.contains("unknown key `holiday`") == true)
    #expect(error.diagnostics.first?.fix.en == "Did you mean `holidays`?")
  }

  // MARK: Messages

  @Test func aDuplicateKeyNamesItsLineNotTheWholeFile() {
    let filler = (1...2000).map { "# comment line \($0) padding padding padding" }.joined(separator: "\n")
    let yaml =
      Self.questionnaireHead + "\n          - {id: x, column: a, type: binary, yes: [\"1\"], no: [\"0\"]}\n"
      + filler + "\nid: again\n"
    let problems = questionnaireProblems("", head: yaml)
    #expect(problems.count == 1)
    #expect(problems.first?.location.line == 2010)
    #expect(problems.first?.message.en == "the key `id` is written twice in one mapping (first on line 1).")
    #expect((problems.first.map { $0.text(.en).utf8.count } ?? .max) < 400)
  }

  @Test func yamlSyntaxErrorsNameTheirLine() throws {
    let broken = [
      ("id: t\ndimensions: [\n", 3),
      ("id: t\nrespondent: {id: [a}\n", 2),
      ("id: t\n  bad indent: 1\n", 2),
      ("id: t\nname: \"unterminated\n\n", 2),
      ("id: t\n- item\n", 2),
    ]
    for (yaml, line) in broken {
      let problems = questionnaireProblems("", head: yaml)
      #expect(problems.count == 1, "\(yaml)")
      #expect(problems.first?.location.line == line, "\(yaml)")
      #expect(problems.first?.location.column != nil, "\(yaml)")
      #expect(problems.first?.message.en.contains(yaml) == false)
    }
    for (yaml, line) in broken {
      let targets = targetProblems(yaml)
      #expect(targets.first?.location.line == line, "targets: \(yaml)")
      let catalogue = try catalogueProblems(yaml)
      #expect(catalogue.first?.location.line == line, "catalogue: \(yaml)")
    }
  }

  // MARK: Linear work

  @Test func aHundredThousandMissingCodesAreOneSharedSet() throws {
    let codes = (0..<100_000).map { "\"m\($0)\"" }.joined(separator: ", ")
    let yaml = """
      id: t
      respondent: {id: [id], unit: unit}
      missing: [\(codes), "98"]
      dimensions:
        - id: d1
          subdimensions:
            - id: d1.1
              indicators:
                - {id: a, column: a, type: binary, yes: ["1"], no: ["0"]}
                - {id: b, column: b, type: likert, range: [1, 5]}
      """
    let q = try questionnaire(yaml)
    let codings = AnswerCoding.all(q)
    #expect(codings.count == 2)
    #expect(codings[0].missing.texts.count == 100_001)
    #expect(codings[0].missing.integers == [98])
    #expect(codings[0].accepted.count <= 2 + 12)
    let result = try read("id,unit,a,b\n1,U,m99999,98\n2,U,1,5\n3,U,m5,m\n", yaml)
    #expect(result.diagnostics.map(\.value) == ["m"])
    #expect(result.table.count == 2)
  }

  @Test func fiftyThousandRulesAreIndexedNotScanned() {
    let rules = (0..<50_000).map { "  - {metric: d1, unit: \"u\($0)\", target: \($0 % 10)}" }.joined(separator: "\n")
    let set = try? TargetSet.parse(
      yaml: "rules:\n" + rules + "\n  - {metric: '*', level: commune, target: 1}\n", source: "t.yaml")
    #expect(set?.rules.count == 50_001)
    let index = RuleIndex(set?.rules ?? [])
    #expect(index.rule(for: "d1", isDimension: true, unit: "u49999", parent: nil, level: "commune")?.line == 50_001)
    #expect(index.rule(for: "d1", isDimension: true, unit: "v", parent: nil, level: "commune")?.metric == "*")
    #expect(index.rule(for: "d1.1", isDimension: false, unit: "v", parent: nil, level: "commune") == nil)
  }
}
