import Foundation

/// A file papi ships with and uses when none is given: the task catalogue (with its
/// holiday calendar) and the feedback lexicon; the questionnaires too, by name.
///
/// The order that decides which file is used: the option that names it (`--tasks`,
/// `--lexicon`, `-q`), then the working folder's `questionnaires/`, then the copy built into
/// papi (`papi_PapiKit.resources` beside the executable, or `share/papi` of an
/// installation). Every command that used a default says which file in a note.
public enum DefaultFile: String, Sendable, CaseIterable {
  case taskCatalogue = "papi-tasks.yaml"
  case feedbackLexicon = "feedback-lexicon.yaml"

  /// What the file is, for messages.
  var kind: LocalizedText {
    switch self {
    case .taskCatalogue: L("danh mục nhiệm vụ", "task catalogue")
    case .feedbackLexicon: L("từ điển ý kiến", "feedback lexicon")
    }
  }

  /// The option that names another file instead.
  var option: String {
    switch self {
    case .taskCatalogue: "--tasks"
    case .feedbackLexicon: "--lexicon"
    }
  }

  /// Where the default is found, or an error that says how to give one.
  public func locate() throws(PapiError) -> DefaultFiles.Found {
    if let found = DefaultFiles.find(rawValue) { return found }
    throw PapiError(
      .missingResource, file: DefaultFiles.folder + "/" + rawValue,
      message: L(
        "không tìm thấy \(kind.vi) mặc định (trong thư mục hiện tại và trong bản cài của papi).",
        "the default \(kind.en) is not here (neither in this folder nor in papi's installation)."),
      fix: L(
        "Chỉ tệp bằng \(option) FILE, hoặc cài lại papi (`make install`).",
        "Give the file with \(option) FILE, or install papi again (`make install`)."))
  }
}

/// Finds the files papi ships with (`DefaultFile`, questionnaires by name).
public enum DefaultFiles {
  /// The working folder's copy, relative to it.
  public static let folder = "questionnaires"

  /// A default file as found: its path, and whether it is the working folder's copy or
  /// papi's own.
  public struct Found: Sendable, Equatable {
    /// Whether the default came from the working folder or from papi itself.
    public enum Origin: Sendable { case workingFolder, builtIn }

    public var path: String
    public var origin: Origin

    /// The note a command prints when it used this default.
    public func note(_ kind: LocalizedText) -> Diagnostic {
      Diagnostic(
        .note, SourceLocation(file: path),
        message: origin == .builtIn
          ? L("dùng \(kind.vi) có sẵn của papi.", "using papi's built-in \(kind.en).")
          : L("dùng \(kind.vi) mặc định của thư mục này.", "using this folder's default \(kind.en)."),
        fix: L("", ""))
    }
  }

  /// papi's own copy of `name`, when there is one (a catalogue's `extends:` or
  /// `calendar:` naming a shipped file that is not beside it).
  static func builtIn(_ name: String) -> String? {
    guard let builtInFolder, !name.contains("/"), exists(builtInFolder + "/" + name) else { return nil }
    return builtInFolder + "/" + name
  }

  /// `name` in the working folder's `questionnaires/`, else in papi's own copy.
  static func find(_ name: String) -> Found? {
    let local = folder + "/" + name
    if exists(local) { return Found(path: local, origin: .workingFolder) }
    if let builtIn = builtInFolder, exists(builtIn + "/" + name) {
      return Found(path: builtIn + "/" + name, origin: .builtIn)
    }
    return nil
  }

  /// A questionnaire given with `-q`: the path as given when it exists; else, for a bare
  /// name such as `papi-2024` or `sipas-2024.yaml`, the working folder's or papi's own
  /// copy. Anything else is returned as given, for the loader to report.
  public static func questionnaire(_ given: String) -> (path: String, found: Found?) {
    if given.contains("/") || exists(given) { return (given, nil) }
    let name = given.hasSuffix(".yaml") ? given : given + ".yaml"
    if let found = find(name) { return (found.path, found) }
    return (given, nil)
  }

  /// Whether a file is there (the C library's `access`: a command that needs no default
  /// does not start Foundation's file manager for it).
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// papi's own copy of the files: beside the executable (the build folder's resource
  /// bundle), or in `share/papi` next to the `bin/` of an installation.
  public static let builtInFolder: String? = {
    let executable =
      Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let candidates = [
      executable.appendingPathComponent("papi_PapiKit.resources/\(folder)"),
      executable.deletingLastPathComponent().appendingPathComponent("share/papi/\(folder)"),
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.path
  }()
}
