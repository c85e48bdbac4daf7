/// What the reader does with each column of an export.
enum ColumnRole {
  case ignore
  /// A personal-data column: never read.
  case pii
  case id
  case unit
  case unitName
  case parent(Int)
  case weight
  /// The sample design's cluster, stratum or fpc (`respondent.cluster`, `strata`, `fpc`).
  case design(DesignRole)
  /// Indicators whose answer is this cell.
  case answer([Int])
  /// A select-multiple cell holding the chosen options (`SelectColumn`).
  case summary(SelectColumn)
  /// A select-multiple 0/1 column for one option of one indicator.
  case option(Int)
  /// A LimeSurvey checkbox column `Q[SQ]` of one indicator's option: `Y` (or the option's
  /// code or label) when chosen, empty when not.
  case checkbox(Int, option: String, label: String?)
  /// The column that is empty for an incomplete response (`respondent.complete`).
  case complete
  /// A free-text answer kept as a comment (`ExportParser.comments`), by its slot.
  case comment(Int)
}

/// Which of the sample design's columns a column is.
enum DesignRole: Hashable {
  case cluster, stratum, fpc
}

struct SelectTarget {
  var indicator: Int
  /// NFC, trimmed.
  var option: String
}

/// Matches an export's header to the questionnaire (questionnaires/README.md,
/// "How export headers are matched").
struct ColumnPlan {
  var roles: [ColumnRole]
  var problems: [Diagnostic]
  /// Index of the column chosen as respondent id.
  var idColumn: Int?
  /// No id column (`id: none`, or none of the names found): each row is known by the
  /// file's SHA-256 and its row.
  var rowIdentity = false
  /// The indicators read from LimeSurvey `Q[SQ]` checkbox columns, grouped by question.
  var checkboxGroups: [[Int]] = []
  /// The columns of the questionnaire's free-text answers (`feedback:`), with the name
  /// each was declared under, and a warning for each declared name the header lacks.
  var commentColumns: [(index: Int, name: String)]
  var commentWarnings: [Diagnostic]
  /// Design columns that are also the unit or a parent column (strata by district, when
  /// the district is the parent): read from that column's cells.
  var designShared: [DesignRole: ColumnRole] = [:]

  private enum Target: Hashable {
    case id(Int)
    case unit, unitName
    case parent(Int)
    case weight, pii
    case design(DesignRole)
    case answer(Int)
    case summary(Int)
    case option(Int)
    case checkbox(Int)
    case complete
  }

  /// What `find` knows for `header`, or for the header without its group path: `grp/q101`
  /// and `grp-sub-q101` are tried as `q101` too (after `grp/`, then after `sub-`).
  static func lookup<T>(_ header: String, _ find: (Substring) -> T?) -> T? {
    var candidate = Substring(header)
    while true {
      if let hit = find(candidate) { return hit }
      guard let cut = candidate.firstIndex(where: { $0 == "/" || $0 == "-" }) else { return nil }
      candidate = candidate[candidate.index(after: cut)...]
      if candidate.isEmpty { return nil }
    }
  }

  init(header: [String], questionnaire q: Questionnaire, file: String) {
    var exact: [String: [Target]] = [:]
    // The questionnaire's names are normalised as the header is (`trimmedNFC`): a declared
    // `"1st preference "` is the header `1st preference`.
    func add(_ name: String, _ target: Target) {
      exact[name.trimmedNFC, default: []].append(target)
    }
    let respondent = q.respondent
    let aliases = Dictionary(respondent.aliases.map { ($0.key.trimmedNFC, $0.value) }, uniquingKeysWith: +)
    func addRespondent(_ name: String, _ target: Target) {
      add(name, target)
      for alias in aliases[name.trimmedNFC] ?? [] { add(alias, target) }
    }
    for (rank, name) in respondent.id.enumerated() { addRespondent(name, .id(rank)) }
    addRespondent(respondent.unit, .unit)
    if let name = respondent.unitName { addRespondent(name, .unitName) }
    for (level, name) in respondent.parents.enumerated() { addRespondent(name, .parent(level)) }
    if let name = respondent.weight { addRespondent(name, .weight) }
    for (name, role) in Self.designColumns(respondent.design) { addRespondent(name, .design(role)) }
    for name in respondent.pii { addRespondent(name, .pii) }
    let indicators = q.indicators
    for (index, indicator) in indicators.enumerated() {
      for column in indicator.columns.map(\.trimmedNFC) {
        if let option = indicator.select?.trimmedNFC {
          add(column, .summary(index))
          add("\(column)/\(option)", .option(index))
          add("\(column)-\(option)", .option(index))
          add("\(column)[\(option)]", .checkbox(index))
        } else {
          add(column, .answer(index))
        }
      }
    }
    var folded: [String: [Target]] = [:]
    for (key, value) in exact { folded[key.lowercased(), default: []].append(contentsOf: value) }

    // LimeSurvey: incomplete responses have an empty `submitdate`, left out unless the
    // questionnaire names another column.
    if let name = respondent.complete ?? (LimeSurveyHeading.isLayout(header) ? "submitdate" : nil) {
      add(name, .complete)
    }
    func targets(for header: String) -> [Target] {
      if let found = Self.lookup(header, { exact[String($0)] ?? folded[$0.lowercased()] }) { return found }
      // LimeSurvey's "code. text" and "text [code]" headings, by their code.
      return LimeSurveyHeading.code(header).flatMap { exact[$0] ?? folded[$0.lowercased()] } ?? []
    }

    var roles = [ColumnRole](repeating: .ignore, count: header.count)
    var problems: [Diagnostic] = []
    var claimed: [Target: Int] = [:]
    var idColumns: [Int: Int] = [:]  // rank → column
    var answerColumns: [Int: [Int]] = [:]
    var summaryColumns: [Int: [Int]] = [:]
    var optionColumn: [Int: Int] = [:]
    var checkboxColumn: [Int: Int] = [:]
    for (column, name) in header.enumerated() {
      for target in targets(for: name) {
        // Every personal-data column is one, however many the questionnaire names.
        if case .pii = target {
          roles[column] = .pii
          if claimed[target] == nil { claimed[target] = column }
          continue
        }
        if let first = claimed[target] {
          if case .id = target { continue }
          problems.append(
            Diagnostic(
              .warning, SourceLocation(file: file, line: 1, column: column + 1, columnName: name), record: 0,
              message: L(
                "cột này trùng tên với cột \(first + 1) (\(header[first])); chỉ dùng cột đầu tiên.",
                "this column has the same name as column \(first + 1) (\(header[first])); only the first is used."),
              fix: L(
                "Đổi tên một trong hai cột nếu chúng chứa dữ liệu khác nhau.",
                "Rename one of the two columns if they hold different data.")))
          continue
        }
        claimed[target] = column
        switch target {
        case .id(let rank): idColumns[rank] = column
        case .unit, .parent:
          let role: ColumnRole
          if case .parent(let level) = target { role = .parent(level) } else { role = .unit }
          if case .design(let design) = roles[column] { designShared[design] = role }
          roles[column] = role
        case .unitName: roles[column] = .unitName
        case .weight: roles[column] = .weight
        case .design(let role):
          switch roles[column] {
          case .unit, .parent: designShared[role] = roles[column]
          default: roles[column] = .design(role)
          }
        case .pii: roles[column] = .pii
        case .answer(let index): answerColumns[column, default: []].append(index)
        case .summary(let index): summaryColumns[column, default: []].append(index)
        case .option(let index): optionColumn[index] = column
        case .checkbox(let index): checkboxColumn[index] = column
        case .complete: roles[column] = .complete
        }
      }
    }
    for (column, list) in answerColumns { roles[column] = .answer(list) }
    // Google Forms joins the chosen labels with ", "; its first column is the time of the answer.
    let googleForms = header.first.map { ["timestamp", "dấu thời gian"].contains($0.lowercased()) } ?? false
    for (column, list) in summaryColumns {
      let kept = list.filter { optionColumn[$0] == nil && checkboxColumn[$0] == nil }
      if !kept.isEmpty {
        let separator = kept.lazy.compactMap { indicators[$0].separator }.first ?? (googleForms ? ", " : nil)
        roles[column] = .summary(
          SelectColumn(
            targets: kept.map { SelectTarget(indicator: $0, option: (indicators[$0].select ?? "").trimmedNFC) },
            others: list.flatMap { indicators[$0].options.map(\.trimmedNFC) }, separator: separator))
      }
    }
    for (index, column) in optionColumn { roles[column] = .option(index) }
    let questions = Dictionary(grouping: checkboxColumn.keys.sorted()) { indicators[$0].columns[0].trimmedNFC }
    checkboxGroups = questions.keys.sorted().compactMap { questions[$0] }
    for (index, column) in checkboxColumn {
      roles[column] = .checkbox(
        index, option: indicators[index].select?.trimmedNFC ?? "", label: LimeSurveyHeading.optionLabel(header[column]))
    }
    var respondentRoles: [RespondentColumnProblems.Role] = []
    func role(_ what: LocalizedText, _ key: String, _ name: String, _ target: Target) {
      if let column = claimed[target] {
        respondentRoles.append(RespondentColumnProblems.Role(what: what, key: key, name: name, column: column))
      }
    }
    if let rank = idColumns.keys.min(), let column = idColumns[rank] {
      roles[column] = .id
      idColumn = column
      role(L("mã người trả lời", "respondent id"), "respondent.id", respondent.id[rank], .id(rank))
    }
    role(L("mã đơn vị", "unit code"), "respondent.unit", respondent.unit, .unit)
    if let name = respondent.unitName { role(L("tên đơn vị", "unit name"), "respondent.unit_name", name, .unitName) }
    for (level, name) in respondent.parents.enumerated() {
      role(L("mã đơn vị cấp trên", "parent unit code"), "respondent.parent", name, .parent(level))
    }
    if let name = respondent.weight { role(L("trọng số", "weight"), "respondent.weight", name, .weight) }
    for (name, design) in Self.designColumns(respondent.design) where designShared[design] == nil {
      role(Self.designWhat(design), "respondent.\(Self.designKey(design))", name, .design(design))
    }
    problems += RespondentColumnProblems.shared(respondentRoles, header: header, file: file)

    let location = SourceLocation(file: file, line: 1)
    func missingColumn(_ name: String, _ what: LocalizedText) {
      problems.append(
        Diagnostic(
          .error, location, record: 0, value: name,
          message: L(
            "không có cột nào khớp với cột bắt buộc `\(name)` (\(what.vi)).",
            "no header matches the required column `\(name)` (\(what.en))."),
          fix: L(
            "Đổi tên cột trong tệp thành `\(name)`, hoặc thêm tên cột của tệp vào `respondent.aliases` trong bảng hỏi.",
            "Rename the column in the export to `\(name)`, or add the export's header to `respondent.aliases` in the "
              + "questionnaire."
          )))
    }
    if idColumn == nil {
      rowIdentity = true
      problems.append(
        respondent.id.isEmpty
          ? RespondentColumnProblems.noID(file: file)
          : RespondentColumnProblems.missingID(
            RespondentColumnProblems.idNames(respondent, aliases: aliases), file: file))
    }
    if claimed[.unit] == nil { missingColumn(respondent.unit, L("mã đơn vị", "unit code")) }
    for (level, name) in respondent.parents.enumerated() where claimed[.parent(level)] == nil {
      missingColumn(name, L("mã đơn vị cấp trên", "parent unit code"))
    }
    for (name, design) in Self.designColumns(respondent.design) where claimed[.design(design)] == nil {
      let key = "respondent.\(Self.designKey(design))"
      problems.append(
        Diagnostic(
          .error, location, record: 0, value: name,
          message: L(
            "bảng hỏi khai báo thiết kế mẫu `\(key): \(name)` (\(Self.designWhat(design).vi)) nhưng tệp không có cột "
              + "nào khớp.",
            "the questionnaire declares the sample design `\(key): \(name)` (\(Self.designWhat(design).en)) but no "
              + "header matches it."),
          fix: L(
            "Thêm cột đó vào tệp, thêm tên cột của tệp vào `respondent.aliases.\(name)`, hoặc bỏ `\(key)` khỏi bảng "
              + "hỏi (khi đó người trả lời được coi là độc lập).",
            "Add the column to the export, add the export's header to `respondent.aliases.\(name)`, or remove `\(key)` "
              + "from the questionnaire (respondents are then taken as independent).")))
    }
    if let name = respondent.weight, claimed[.weight] == nil {
      problems.append(
        Diagnostic(
          .warning, location, record: 0, value: name,
          message: L(
            "không có cột trọng số `\(name)`; mọi người trả lời có trọng số 1.",
            "no weight column `\(name)`; every respondent weighs 1."),
          fix: L(
            "Nếu tệp có trọng số dưới tên khác, thêm tên đó vào `respondent.aliases.\(name)`.",
            "If the export has weights under another name, add it to `respondent.aliases.\(name)`.")))
    }
    var absent: [String] = []
    for (index, indicator) in indicators.enumerated() {
      let present = [.answer(index), .summary(index), .option(index), .checkbox(index)].contains {
        claimed[$0] != nil
      }
      if !present { absent.append("\(indicator.id) (\(indicator.columns[0]))") }
    }
    if absent.count == indicators.count {
      problems.append(
        Diagnostic(
          .error, location, record: 0,
          message: L(
            "không cột nào của tệp khớp với câu hỏi của bảng hỏi \(q.id).",
            "no column of the export matches a question of questionnaire \(q.id)."),
          fix: LimeSurveyHeading.isFullText(header)
            ? L(
              "Tệp LimeSurvey này đặt tên cột bằng cả câu hỏi, không có mã: xuất lại với tiêu đề \"Mã câu hỏi\" "
                + "hoặc \"Mã câu hỏi & nội dung câu hỏi\".",
              "This LimeSurvey export names its columns by the full question text, without codes: export again with "
                + "\"Question code\" or \"Question code & question text\" headings.")
            : L(
              "Kiểm tra đã chọn đúng bảng hỏi (-q), hoặc thêm tên cột của tệp vào `columns:` của các chỉ số; nếu tên "
                + "cột không ở dòng đầu (có tên bảng hay ghi chú ở trên), chỉ dòng của chúng bằng --header-row SỐ.",
              "Check that the right questionnaire was given (-q), or add the export's headers to the indicators' "
                + "`columns:`; if the headings are not on the first line (a title or notes above them), give their "
                + "line with --header-row N."
            )))
    } else if !absent.isEmpty {
      problems.append(
        Diagnostic(
          .warning, location, record: 0, value: absent.joined(separator: ", "),
          message: L(
            "\(absent.count) chỉ số thành phần không có cột trong tệp; ước lượng của chúng sẽ là null.",
            "\(absent.count) indicators have no column in the export; their estimates will be null."),
          fix: L(
            "Nếu tệp đặt tên khác cho các cột này, thêm tên đó vào `columns:` của chỉ số.",
            "If the export names these columns differently, add that name to the indicator's `columns:`.")))
    }
    self.roles = roles
    self.problems = problems
    // Free-text columns: the header itself, or after its group path ("grp/comment"),
    // without case; or by a LimeSurvey heading's code.
    commentColumns = q.feedback.compactMap { name in
      let wanted = name.trimmedNFC.lowercased()
      let found =
        header.indices.first { Self.lookup(header[$0]) { $0.lowercased() == wanted ? true : nil } != nil }
        ?? header.indices.first { LimeSurveyHeading.code(header[$0])?.lowercased() == wanted }
      return found.map { ($0, name) }
    }
    let found = commentColumns
    commentWarnings = q.feedback.filter { name in !found.contains { $0.name == name } }.map { name in
      Diagnostic(
        .warning, SourceLocation(file: file, line: 1), value: name,
        message: L(
          "không có cột ý kiến `\(name)` mà bảng hỏi khai báo (feedback).",
          "no column `\(name)` for the feedback the questionnaire declares."),
        fix: L(
          "Sửa tên cột trong `feedback:` của bảng hỏi cho khớp với tệp.",
          "Correct the column name in the questionnaire's `feedback:` to match the export."))
    }
  }
}

extension ColumnPlan {
  /// The design columns a questionnaire names, with their roles.
  static func designColumns(_ design: DesignColumns) -> [(String, DesignRole)] {
    [(design.cluster, .cluster), (design.strata, .stratum), (design.fpc, .fpc)].compactMap { name, role in
      name.map { ($0, role) }
    }
  }

  static func designKey(_ role: DesignRole) -> String {
    switch role {
    case .cluster: "cluster"
    case .stratum: "strata"
    case .fpc: "fpc"
    }
  }

  static func designWhat(_ role: DesignRole) -> LocalizedText {
    switch role {
    case .cluster: L("cụm mẫu, ví dụ thôn", "sampling cluster, for example the village")
    case .stratum: L("tầng mẫu", "sampling stratum")
    case .fpc: L("hệ số hiệu chỉnh tổng thể hữu hạn", "finite population correction")
    }
  }
}
