/// `papi validate FILE… -q Q`: checks exports against a questionnaire and lists every
/// problem; writes nothing.
public enum ValidateCommand {
  /// What `papi validate` found: a summary line per file and every problem.
  public struct Outcome: Sendable {
    /// One summary line per file, for stdout.
    public var summary: String
    /// Every problem found, for stderr.
    public var diagnostics: [Diagnostic]
    public var passed: Bool
  }

  public static func run(
    files: [String], questionnairePath: String, read: ReadOptions, language: Language
  ) throws(PapiError) -> Outcome {
    let questionnaire = try QuestionnaireLoader.load(path: questionnairePath)
    let result = ExportReader.read(files, questionnaire: questionnaire, options: read)
    let format = NumberFormatting(language: language)
    let vi = language == .vi
    var summary = ""
    for file in result.files {
      let errors =
        result.diagnostics.filter { $0.location.file == file.path && $0.severity == .error }.count
        + file.suppressedErrors
      let warnings = result.diagnostics.filter { $0.location.file == file.path && $0.severity == .warning }.count
      let delimiter = file.delimiter.map { $0 == 9 ? "tab" : "'\(Character(Unicode.Scalar($0)))'" } ?? "?"
      let encoding = file.encoding?.rawValue ?? "?"
      let source =
        file.sheet.map { vi ? "trang tính \"\($0)\"" : "sheet \"\($0)\"" }
        ?? (file.encoding == nil
          ? (vi ? "không đọc được" : "not read")
          : (vi ? "mã hóa \(encoding), phân cách \(delimiter)" : "encoding \(encoding), delimiter \(delimiter)"))
      let verdict = errors == 0 ? (vi ? "hợp lệ" : "valid") : (vi ? "\(errors) lỗi" : "\(errors) errors")
      summary +=
        vi
        ? "\(file.path): \(verdict); \(format.integer(file.rowsKept))/\(format.integer(file.recordsRead)) dòng dùng "
          + "được, \(warnings) cảnh báo; \(source)\n"
        : "\(file.path): \(verdict); \(format.integer(file.rowsKept))/\(format.integer(file.recordsRead)) rows "
          + "usable, \(warnings) warnings; \(source)\n"
    }
    let communes = result.table.units.levels[0].count
    summary +=
      vi
      ? "Tổng: \(format.integer(result.table.count)) người trả lời ở \(communes) xã.\n"
      : "Total: \(format.integer(result.table.count)) respondents in \(communes) communes.\n"
    // Every problem is listed; rows left out by --on-error skip are summed up once more.
    let diagnostics =
      result.hasErrors
      ? SkippedRows.withHint(result.diagnostics) : SkippedRows.summarized(result, listRows: false)
    return Outcome(summary: summary, diagnostics: diagnostics, passed: !result.hasErrors)
  }
}
