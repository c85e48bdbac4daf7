import Foundation

/// What `papi init` did: the files it wrote and the ones it found and kept.
public struct InitOutcome: Sendable, Equatable {
  public var folder: String
  public var written: [String] = []
  public var kept: [String] = []
}

/// `papi init [FOLDER]`: a starter folder an office edits — a copy of the questionnaire,
/// targets with a comment for each kind of rule, a local task catalogue that extends
/// papi's, the issuer of its documents and a README.txt saying what to do next; with
/// `--par SET`, a copy of a shipped PAR INDEX criteria set for the province to adapt. A file
/// that is already there is never overwritten.
public enum InitCommand {
  /// The questionnaire copied into the folder.
  public static let questionnaireName = "bang-hoi-papi-2024.yaml"

  /// The PAR INDEX criteria sets papi ships, which `--par` copies for a province to edit.
  public static let parSets = ["par-xa-2026", "par-kontum-huyen-2023"]

  public static func run(folder: String, parSet: String? = nil) throws(PapiError) -> InitOutcome {
    guard let shipped = DefaultFiles.builtIn("papi-2024.yaml") ?? DefaultFiles.find("papi-2024.yaml")?.path,
      let questionnaire = try? String(contentsOfFile: shipped, encoding: .utf8)
    else {
      throw PapiError(
        .missingResource, file: "papi-2024.yaml",
        message: L("không tìm thấy bảng hỏi có sẵn của papi.", "papi's own questionnaire is missing."),
        fix: L("Cài lại papi (make install).", "Install papi again (make install)."))
    }
    var files: [(String, String)] = [
      (questionnaireName, questionnaire),
      ("chi-tieu.yaml", StarterFiles.targets),
      ("nhiem-vu.yaml", StarterFiles.tasks),
      ("co-quan-ban-hanh.yaml", StarterFiles.issuer),
      ("README.txt", StarterFiles.readme(questionnaire: questionnaireName)),
    ]
    if let parSet {
      let id = parSet.hasSuffix(".yaml") ? String(parSet.dropLast(5)) : parSet
      guard parSets.contains(id),
        let path = DefaultFiles.builtIn(id + ".yaml") ?? DefaultFiles.find(id + ".yaml")?.path,
        let text = try? String(contentsOfFile: path, encoding: .utf8)
      else {
        throw PapiError(
          .notFound, file: parSet, value: parSet,
          message: L(
            "papi không có bộ tiêu chí Chỉ số CCHC tên \(parSet).",
            "papi ships no PAR INDEX criteria set named \(parSet)."),
          fix: L(
            "Chọn một trong: \(parSets.joined(separator: ", ")).", "Choose one of: \(parSets.joined(separator: ", ")).")
        )
      }
      files.insert(("bo-tieu-chi-\(id).yaml", text), at: 1)
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      let code = SystemReason.code(of: error) ?? SystemReason.folderCause(folder)
      let reason = code.map { SystemReason.of(errno: $0) } ?? SystemReason.of(error)
      throw PapiError(
        .unreadableFile, file: folder,
        message: L("không tạo được thư mục (\(reason.vi)).", "cannot create the folder (\(reason.en))."),
        fix: SystemReason.fix(errno: code, writing: true))
    }
    var outcome = InitOutcome(folder: folder)
    for (name, text) in files {
      let path = (folder as NSString).appendingPathComponent(name)
      guard var output = FileOutput.creatingNew(path) else {
        outcome.kept.append(name)
        continue
      }
      output.write(text)
      try output.finish()
      outcome.written.append(name)
    }
    return outcome
  }

  /// What `papi init` prints.
  public static func summary(_ outcome: InitOutcome, language: Language) -> String {
    let vi = language == .vi
    var out = ""
    for name in outcome.written { out += (vi ? "  đã tạo     " : "  created    ") + name + "\n" }
    for name in outcome.kept { out += (vi ? "  đã có, giữ " : "  kept       ") + name + "\n" }
    let here = outcome.folder == "." || outcome.folder == "./"
    let folder = here ? (vi ? "này" : "this folder") : outcome.folder
    let readme = here ? "README.txt" : (outcome.folder as NSString).appendingPathComponent("README.txt")
    if outcome.written.isEmpty {
      out +=
        vi
        ? "Thư mục \(folder) đã đủ các tệp; không ghi gì.\n"
        : "\(here ? "This folder" : folder) has every file; nothing written.\n"
    } else {
      out +=
        vi
        ? "Thư mục làm việc: \(here ? "thư mục này" : folder). Đọc \(readme) để biết các bước tiếp theo.\n"
        : "Working folder: \(folder). Read \(readme) for the next steps.\n"
    }
    return out
  }
}
