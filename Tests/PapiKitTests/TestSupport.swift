import Foundation
import Testing
import XMLParts

@testable import PapiKit

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

func repoPath(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

let fixtures = repoPath("Tests/PapiKitTests/Fixtures")

/// A fresh temporary folder for one test.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("papi-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Writes `bytes` to a new temporary file and returns its path.
func writeTemporary(_ bytes: [UInt8], name: String = "export.csv") throws -> String {
  let url = try temporaryDirectory().appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

func writeTemporary(_ text: String, name: String = "export.csv") throws -> String {
  try writeTemporary(Array(text.utf8), name: name)
}

/// A questionnaire of one binary indicator whose rows name their commune and province (the
/// smallest export a test can write by hand).
let oneIndicatorQuestionnaire = """
  id: x
  respondent: {id: [id], unit: commune, unit_name: name, parent: province}
  dimensions:
    - id: d1
      name: {vi: "Một", en: "One"}
      subdimensions:
        - id: d1.1
          indicators:
            - {id: a, column: a, type: binary, yes: ["1"], no: ["0"]}
  """

func questionnaire(_ yaml: String) throws -> Questionnaire {
  try QuestionnaireLoader.parse(yaml: yaml, source: "test.yaml")
}

/// Reads one export with a questionnaire given as YAML text.
func read(_ text: String, _ yaml: String, options: ReadOptions = ReadOptions()) throws -> ReadResult {
  let path = try writeTemporary(text)
  return ExportReader.read([path], questionnaire: try questionnaire(yaml), options: options)
}

/// Scores a file at `level` and renders JSON.
func scoreJSON(
  _ paths: [String], _ q: Questionnaire, options: ReadOptions = ReadOptions(), level: Int = 0
) throws -> String {
  let result = ExportReader.read(paths, questionnaire: q, options: options)
  #expect(!result.hasErrors, "\(result.diagnostics.map { $0.text(.en) })")
  return ScoreJSONRenderer().text(Scorer(questionnaire: q).score(result.table, level: level))
}

/// Writes CSV records the way a platform would: every field quoted or only when needed.
func csv(_ records: [[String]], delimiter: String = ",", quoteAll: Bool = false, newline: String = "\n") -> String {
  records.map { record in
    record.map { field in
      let needs =
        quoteAll || field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
      return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: delimiter)
  }.joined(separator: newline) + newline
}

/// Encodes text in a legacy Vietnamese encoding by inverting the reader's own decoding
/// table: each letter is written as the one byte or the pair of bytes (base letter plus
/// tone or mark) that decodes to it, for writing test fixtures.
func encodeLegacy(_ text: String, _ table: [String?]) throws -> [UInt8] {
  var inverse: [String: [UInt8]] = [:]
  for (byte, entry) in table.enumerated() {
    if let entry, inverse[entry.precomposedStringWithCanonicalMapping] == nil {
      inverse[entry.precomposedStringWithCanonicalMapping] = [UInt8(byte)]
    }
  }
  for (first, a) in table.enumerated() {
    guard let a else { continue }
    for (second, b) in table.enumerated() {
      guard let b else { continue }
      let key = (a + b).precomposedStringWithCanonicalMapping
      if key.count == 1 && inverse[key] == nil { inverse[key] = [UInt8(first), UInt8(second)] }
    }
  }
  var out: [UInt8] = []
  for character in text.precomposedStringWithCanonicalMapping {
    guard let bytes = inverse[String(character)] else { throw EncodingFailure(character: String(character)) }
    out += bytes
  }
  return out
}

struct EncodingFailure: Error { var character: String }

func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
  var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
  for unit in text.utf16 {
    let high = UInt8(unit >> 8)
    let low = UInt8(unit & 0xFF)
    out += bigEndian ? [high, low] : [low, high]
  }
  return out
}

/// What the built `papi` executable did.
struct PapiRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The built executable: beside the test bundle, or in .build/debug.
var papiExecutable: URL {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("papi")
  if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
  return repositoryRoot.appendingPathComponent(".build/debug/papi")
}

/// Runs `papi` in the repository root (or `folder`) as a user would.
func runPapi(
  _ arguments: [String], in folder: URL = repositoryRoot, environment: [String: String] = [:]
) throws -> PapiRun {
  try runProgram(papiExecutable.path, arguments, in: folder, environment: environment)
}

/// Runs a program (papi, or one that runs papi) with the environment of `runPapi`.
func runProgram(
  _ program: String, _ arguments: [String], in folder: URL = repositoryRoot, environment: [String: String] = [:]
) throws -> PapiRun {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = arguments
  process.currentDirectoryURL = folder
  // The machine's locale does not choose the language of a test: only `environment` does.
  var inherited = ProcessInfo.processInfo.environment
  for name in ["LANG", "LC_ALL", "LC_MESSAGES", "PAPI_LANG", "PAGER"] { inherited[name] = nil }
  process.environment = inherited.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return PapiRun(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

/// Compares output with its golden file in Fixtures/golden. A missing file, or
/// RECORD_SNAPSHOTS=1, writes it and fails, so every change of output is a reviewed change.
func assertReportGolden(_ output: String, _ name: String) throws {
  let path = "\(fixtures)/golden/\(name)"
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !record, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
    try output.write(toFile: path, atomically: true, encoding: .utf8)
    Issue.record("recorded \(path); check it and run the tests again")
    return
  }
  #expect(output == expected, "\(name) differs from its golden file")
}

/// The parts of a Word or Excel file papi wrote, in the archive's order, as text.
func officeParts(_ file: Data, name: String) throws -> [(path: String, text: String)] {
  let zip = try ZipParts(path: try writeTemporary(Array(file), name: name))
  return try zip.paths.map { part in
    var content = Data()
    try zip.inflate(part) { chunk in
      content.append(chunk)
      return true
    }
    return (part, String(decoding: content, as: UTF8.self))
  }
}
