import Foundation
import PapiKit

/// A reader papi runs on files it did not write, as a fuzzer drives it: the bytes are
/// written to a scratch file and read the way the commands read them. An error (a
/// `PapiError`, a list of diagnostics) is the expected answer to bad input; a trap, a
/// memory error, a hang or a runaway allocation is a finding.
enum FuzzTarget: String, CaseIterable {
  /// Survey exports (CSV in every encoding and delimiter), read strictly and with
  /// `--on-error skip`, with the PAPI 2024 questionnaire.
  case export
  /// Questionnaire YAML.
  case questionnaire
  /// Targets YAML.
  case targets
  /// Task catalogue YAML.
  case catalogue
  /// Holiday calendar YAML.
  case calendar
  /// Feedback lexicon YAML.
  case lexicon
  /// Citizen feedback exports (CSV).
  case feedback
  /// `.xlsx` workbooks: every cell of the first sheet, as a feedback export is read, then
  /// as a survey export with the PAPI 2024 questionnaire.
  case workbook

  /// The file name the bytes are written to: readers look at the extension.
  var fileName: String {
    switch self {
    case .export, .feedback: "input.csv"
    case .workbook: "input.xlsx"
    default: "input.yaml"
    }
  }

  /// The questionnaire exports are read with.
  nonisolated(unsafe) static var papi: Questionnaire?

  /// Reads `path` as this target's reader does; the problems found, if any.
  func read(_ path: String) -> [Diagnostic] {
    do throws(PapiError) {
      switch self {
      case .export:
        guard let questionnaire = Self.papi else { return [] }
        _ = ExportReader.read([path], questionnaire: questionnaire, options: ReadOptions(skipBadRows: true))
        return ExportReader.read([path], questionnaire: questionnaire).diagnostics
      case .questionnaire: _ = try QuestionnaireLoader.load(path: path)
      case .targets: _ = try TargetSet.load(path: path)
      case .catalogue: _ = try TaskCatalogue.load(path: path)
      case .calendar: _ = try WorkingCalendar.load(path: path)
      case .lexicon: _ = try FeedbackLexicon.load([path])
      case .feedback: _ = try FeedbackReader.read(path)
      case .workbook:
        guard let questionnaire = Self.papi else { return [] }
        _ = try? FeedbackReader.read(path)
        return ExportReader.read([path], questionnaire: questionnaire).diagnostics
      }
      return []
    } catch {
      return error.diagnostics
    }
  }
}

/// The target named by `PAPI_FUZZ_TARGET` and its scratch file.
enum Harness {
  nonisolated(unsafe) static var target: FuzzTarget?
  nonisolated(unsafe) static var scratch = ""

  /// Chooses the target; the questionnaire comes from `PAPI_FUZZ_QUESTIONNAIRE` (default:
  /// the repository's papi-2024.yaml, run from the repository's root).
  static func start() {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment["PAPI_FUZZ_TARGET"], let chosen = FuzzTarget(rawValue: name) else {
      let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
      FileHandle.standardError.write(Data("papi-fuzz: set PAPI_FUZZ_TARGET to one of: \(names)\n".utf8))
      exit(2)
    }
    target = chosen
    let questionnaire = environment["PAPI_FUZZ_QUESTIONNAIRE"] ?? "questionnaires/papi-2024.yaml"
    do {
      FuzzTarget.papi = try QuestionnaireLoader.load(path: questionnaire)
    } catch {
      FileHandle.standardError.write(Data("papi-fuzz: \(error.text(.en))\n".utf8))
      exit(2)
    }
    // Static state made once (the masking patterns) is made before the first input, so
    // the leak check sees only what an input leaves behind.
    _ = PersonalDataMask.mask("0905 123 456, a@b.vn, số 12 Lê Lợi")
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = "\(base)/papi-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    scratch = "\(folder)/\(chosen.fileName)"
  }

  /// Runs the target on one input; the problems it found.
  @discardableResult
  static func run(_ bytes: UnsafeRawBufferPointer) -> [Diagnostic] {
    guard let target else { return [] }
    let file = FileOutput(path: scratch)
    file.write(bytes)
    do {
      try file.finish()
    } catch {
      fatalError("papi-fuzz: \(error.text(.en))")
    }
    return target.read(scratch)
  }
}
