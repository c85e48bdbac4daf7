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
    if result.table.design.isDeclared { summary += Self.designLine(result.table).text(language) + "\n" }
    // Every problem is listed; rows left out by --on-error skip are summed up once more.
    let diagnostics =
      result.hasErrors
      ? SkippedRows.withHint(result.diagnostics) : SkippedRows.summarized(result, listRows: false)
    return Outcome(summary: summary, diagnostics: diagnostics, passed: !result.hasErrors)
  }

  /// "Thiết kế mẫu: 24 cụm (cột `village`) trong 1 tầng.", with the strata that have one
  /// cluster only (scoring them needs --lonely-psu).
  static func designLine(_ table: ResponseTable) -> LocalizedText {
    let design = table.design
    let clusters = design.columns.cluster.map { (design.clusters.count, $0) }
    var vi = "Thiết kế mẫu: " + (clusters.map { "\($0.0) cụm (cột `\($0.1)`)" } ?? "mỗi người trả lời là một cụm")
    var en = "Sample design: " + (clusters.map { "\($0.0) clusters (column `\($0.1)`)" } ?? "each respondent a cluster")
    if let strata = design.columns.strata {
      vi += " trong \(design.strata.count) tầng (cột `\(strata)`)"
      en += " in \(design.strata.count) strata (column `\(strata)`)"
    }
    if let fpc = design.columns.fpc {
      vi += ", hiệu chỉnh tổng thể hữu hạn theo cột `\(fpc)`"
      en += ", finite population correction from column `\(fpc)`"
    }
    let lonely = SurveyDesignCheck.lonelyStrata(table).map { design.strata[$0].name }
    if !lonely.isEmpty {
      let list = lonely.prefix(10).map { $0.isEmpty ? "—" : $0 }.joined(separator: ", ")
      vi += "; tầng chỉ có một cụm: \(list) (khi tính điểm cần --lonely-psu)"
      en += "; strata with one cluster: \(list) (scoring them needs --lonely-psu)"
    }
    return L(vi + ".", en + ".")
  }
}
