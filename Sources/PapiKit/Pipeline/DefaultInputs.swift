import Foundation

/// The files a command reads when the user names none (`DefaultFile`), with the note that
/// says which one was used.
public enum DefaultInputs {
  /// The lexicon files to merge: papi's default lexicon first (when it can be found), then
  /// the user's (`--lexicon`, repeatable; `replace: true` in a file uses it alone).
  public static func lexicon(_ given: [String], notes: inout [Diagnostic]) throws(PapiError) -> [String] {
    let kind = L("từ điển ý kiến", "feedback lexicon")
    if given.isEmpty {
      let found = try DefaultFile.feedbackLexicon.locate()
      notes.append(found.note(kind))
      return [found.path]
    }
    // The default one, unless it is among the files given.
    guard let found = try? DefaultFile.feedbackLexicon.locate(), !given.map(canonical).contains(canonical(found.path))
    else {
      return given
    }
    notes.append(found.note(kind))
    return [found.path] + given
  }

  /// A path with `.`, `..` and symbolic links resolved, to tell whether two paths name one
  /// file.
  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// The task catalogue: the one given with `--tasks`, else papi's default.
  public static func catalogue(_ given: String?, notes: inout [Diagnostic]) throws(PapiError) -> String {
    if let given { return given }
    let found = try DefaultFile.taskCatalogue.locate()
    notes.append(found.note(L("danh mục nhiệm vụ", "task catalogue")))
    return found.path
  }

  /// A questionnaire named with `-q`: a path, or the name of one papi ships
  /// (`papi-2024`), noted when it was found that way.
  public static func questionnaire(_ given: String, notes: inout [Diagnostic]) -> String {
    let (path, found) = DefaultFiles.questionnaire(given)
    if let found { notes.append(found.note(L("bảng hỏi", "questionnaire"))) }
    return path
  }
}
