import Foundation

/// Turns an export's records into respondent rows: header matching, the KoboToolbox HXL
/// row, answer coding, ids, units, weights and, when asked, the comments of the
/// questionnaire's free-text columns. Cells are read from the format's buffer; a `String`
/// is made only for headers, new units, comments and answers that are not plain numbers.
final class ExportParser: RecordSink, PartitionedSink {
  let questionnaire: Questionnaire
  let file: String
  let fileIndex: Int32
  let codings: [AnswerCoding]
  /// The questionnaire's missing codes, shared with the codings.
  let missingAnswers: MissingAnswers
  let indicatorIDs: [String]
  let diagnosticLimit: Int
  /// Skip bad rows (keeping them, less personal data, in `rejected`) instead of failing.
  let skipBadRows: Bool
  /// Keep the comments of the free-text columns of the rows kept (`comments`).
  let readComments: Bool
  var table: ResponseTable
  private(set) var rejected: [RejectedRow] = []
  /// The current row's fields as text, kept only when skipping bad rows.
  private var rowFields: [String] = []
  private var rowDiagnosticStart = 0
  var idIndex: IDIndex

  private(set) var diagnostics: [Diagnostic] = []
  private(set) var suppressed = 0
  /// Errors among `suppressed` (rows rejected with --on-error skip are not errors).
  private(set) var suppressedErrors = 0
  private var rowFailed = false
  private(set) var recordsRead = 0
  private(set) var rowsKept = 0
  private(set) var duplicatesDropped = 0
  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } || suppressedErrors > 0 }

  private(set) var header: [String] = []
  private var roles: [ColumnRole] = []
  /// The questionnaire's free-text (feedback) columns, with their declared names.
  private var commentColumns: [(index: Int, name: String)] = []
  /// Their indices, masked in a rejects file.
  private var freeText: Set<Int> = []
  /// The comments of the rows kept, masked, with the line each row starts on.
  private(set) var comments: [FeedbackItem] = []
  /// The ids of the rows kept, when comments are read (a corrected export may have
  /// withdrawn a respondent's comment).
  private(set) var commentRespondents: [String] = []
  /// The declared free-text columns the header lacks.
  private(set) var commentWarnings: [Diagnostic] = []
  private var commentBytes: [[UInt8]] = []
  private var hxlChecked = false
  /// No id column: each row's id is its data record, `@` and the file's SHA-256 (computed
  /// at the first row).
  private(set) var rowIdentity = false
  private var rowIdentityPrefix: [UInt8]?
  /// Parts of select-multiple cells that are none of the declared options.
  private(set) var unknownOptions = UnknownOptions()
  /// The indicators of each LimeSurvey checkbox question, and those whose box is not empty
  /// in this row.
  private var checkboxGroups: [[Int]] = []
  private var checkedBoxes: [Int] = []
  /// This row's, counted once the row is known to be a complete response.
  private var rowUnknownOptions: [(value: String, column: Int)] = []

  /// The state touched for every cell, behind a pointer: Swift checks exclusive access to a
  /// class's stored properties at run time, which cost a fifth of the reading time.
  private struct Hot {
    var record = 0
    var fieldIndex = 0
    /// Records from this one on are data rows read by the fast path.
    var fastFrom = Int.max
    var columnCount = 0
    /// Per column: 0 ignore, 1 one indicator's answer (`target`), 2 anything else.
    var kind: UnsafeMutablePointer<UInt8>?
    var target: UnsafeMutablePointer<Int32>?
  }

  private let hot: UnsafeMutablePointer<Hot>
  /// The current row's answer codes.
  private let row: UnsafeMutableBufferPointer<UInt8>
  /// Codes of the answers 0…99 of every indicator, `smallCodes[i << 7 + answer]`: small
  /// enough to stay in the processor's first-level cache (other answers go through the
  /// indicator's `AnswerCoding`).
  private let smallCodes: UnsafeMutablePointer<UInt8>

  private(set) var record: Int {
    get { hot.pointee.record }
    set { hot.pointee.record = newValue }
  }

  private(set) var fieldIndex: Int {
    get { hot.pointee.fieldIndex }
    set { hot.pointee.fieldIndex = newValue }
  }
  private var buffered: [[UInt8]] = []

  // The row being read.
  private var rowBad = false
  /// Problems in this row's cells, reported only if the row is not ragged (a missing
  /// field shifts every later cell, and one message says so better than fifty).
  private var cellProblems: [Diagnostic] = []
  private var idBytes: [UInt8] = []
  /// The row's `respondent.complete` cell; empty: an incomplete response, left out.
  private var completeBytes: [UInt8] = []
  private var hasCompleteColumn = false
  /// Incomplete responses left out.
  private(set) var incompleteLeftOut = 0
  private var unitBytes: [UInt8] = []
  private var nameBytes: [UInt8] = []
  private var parentBytes: [[UInt8]]
  private var weight = 1.0
  /// The row's cluster, stratum and fpc cells, when the questionnaire declares a design.
  private var designCells = RowDesignCells()
  /// Design columns read from the unit or a parent column (`ColumnPlan.designShared`).
  private var designShared: [DesignRole: ColumnRole] = [:]
  private var extraValue: String?
  /// Unit and parent codes already resolved (each code preceded by its length) → unit.
  private var knownUnits: [[UInt8]: Int32] = [:]
  private var unitKey: [UInt8] = []
  /// Stop once the header is read (to learn the columns before reading in parts).
  var stopAfterHeader = false
  /// True in a parser reading a file from its start. A parser of a later part has no
  /// header, numbers its records from 0 and leaves duplicate ids to the join (`absorb`).
  private(set) var fromStart = true

  init(
    questionnaire: Questionnaire, file: String, fileIndex: Int32, table: ResponseTable, idIndex: IDIndex,
    diagnosticLimit: Int, skipBadRows: Bool = false, readComments: Bool = false, codings: [AnswerCoding]? = nil
  ) {
    self.skipBadRows = skipBadRows
    self.readComments = readComments && !questionnaire.feedback.isEmpty
    self.questionnaire = questionnaire
    self.file = file
    self.fileIndex = fileIndex
    self.table = table
    self.idIndex = idIndex
    self.diagnosticLimit = diagnosticLimit
    let indicators = questionnaire.indicators
    // The parsers of one file's parts share their codings (some 2 KiB per indicator).
    self.codings = codings ?? AnswerCoding.all(questionnaire)
    self.missingAnswers = self.codings.first?.missing ?? MissingAnswers(questionnaire.missing)
    self.indicatorIDs = indicators.map(\.id)
    self.row = .allocate(capacity: indicators.count)
    self.row.initialize(repeating: AnswerCode.missing)
    self.smallCodes = .allocate(capacity: indicators.count << 7)
    self.smallCodes.initialize(repeating: AnswerCode.invalid, count: indicators.count << 7)
    for (index, coding) in self.codings.enumerated() {
      for answer in 0..<100 { smallCodes[index << 7 | answer] = coding.integerCodes[answer] }
    }
    self.hot = .allocate(capacity: 1)
    self.hot.initialize(to: Hot())
    self.parentBytes = Array(repeating: [], count: questionnaire.respondent.parents.count)
    self.table.units.ensureLevels(1 + questionnaire.respondent.parents.count)
    super.init()
  }

  /// A parser like this one before it read anything, with an empty table.
  func emptyCopy() -> ExportParser {
    ExportParser(
      questionnaire: questionnaire, file: file, fileIndex: fileIndex,
      table: ResponseTable(indicatorCount: table.indicatorCount),
      idIndex: IDIndex(), diagnosticLimit: diagnosticLimit, skipBadRows: skipBadRows, readComments: readComments,
      codings: codings)
  }

  /// Comments are kept with the line their row starts on.
  override var wantsRecordLines: Bool { readComments }

  var hasHeader: Bool { !header.isEmpty }

  /// Rows without ids are numbered from the file's start: such a file is read in one part.
  var readsInParts: Bool { !rowIdentity }

  deinit {
    hot.pointee.kind?.deallocate()
    hot.pointee.target?.deallocate()
    hot.deallocate()
    row.deallocate()
    smallCodes.deallocate()
  }

  // MARK: libcsv callbacks

  override func field(_ bytes: UnsafeRawBufferPointer) {
    let state = hot
    if state.pointee.record >= state.pointee.fastFrom {
      let column = state.pointee.fieldIndex
      state.pointee.fieldIndex = column + 1
      if column < state.pointee.columnCount, let kind = state.pointee.kind, let target = state.pointee.target {
        switch kind[column] {
        case 0: return
        case 1:
          let indicator = Int(target[column])
          let code = answerCode(bytes, indicator)
          if code == AnswerCode.invalid {
            badAnswer(bytes, indicator: indicator, column: column)
          } else {
            row[indicator] = code
          }
          return
        default: break
        }
      }
      state.pointee.fieldIndex = column
      cell(bytes)
      state.pointee.fieldIndex = column + 1
      return
    }
    if stop { return }
    if record == 0 {
      header.append(String(decoding: bytes, as: UTF8.self).trimmedNFC)
    } else if record == 1 && !hxlChecked {
      buffered.append(Array(bytes))
    } else {
      capture(bytes)
      cell(bytes)
    }
    fieldIndex += 1
  }

  /// Keeps the field's text for a possible rejects file; personal data is never kept.
  private func capture(_ bytes: UnsafeRawBufferPointer) {
    guard skipBadRows else { return }
    rowFields.append(keptText(bytes, column: fieldIndex))
  }

  /// A cell as a rejects file may show it: personal-data columns empty, free text masked.
  private func keptText(_ bytes: UnsafeRawBufferPointer, column: Int) -> String {
    if isPersonal(column) { return "" }
    // Citizens' comments may carry phone numbers and addresses.
    if freeText.contains(column) { return PersonalDataMask.mask(String(decoding: bytes, as: UTF8.self).nfc) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `column` is one of the questionnaire's personal-data columns.
  func isPersonal(_ column: Int) -> Bool {
    guard column < roles.count, case .pii = roles[column] else { return false }
    return true
  }

  override func endRecord(_ terminator: Int32) {
    if stop { return }
    if record == 0 && fromStart {
      startData()
      if stopAfterHeader { stop = true }
    } else if record == 1 && !hxlChecked {
      hxlChecked = true
      if !skipBadRows { hot.pointee.fastFrom = 2 }
      let isHXL =
        buffered.contains { !$0.isEmpty } && buffered.allSatisfy { $0.isEmpty || $0.first == UInt8(ascii: "#") }
      if !isHXL {
        let fields = buffered
        fieldIndex = 0
        for field in fields {
          field.withUnsafeBytes {
            capture($0)
            cell($0)
          }
          fieldIndex += 1
        }
        finishRow()
      }
      buffered = []
    } else {
      finishRow()
    }
    record += 1
    fieldIndex = 0
  }

  // MARK: Header

  private func startData() {
    let plan = ColumnPlan(header: header, questionnaire: questionnaire, file: file)
    commentColumns = plan.commentColumns
    rowIdentity = plan.rowIdentity
    checkboxGroups = plan.checkboxGroups
    if readComments { commentWarnings = plan.commentWarnings }
    install(plan.roles)
    designShared = plan.designShared
    if plan.roles.contains(where: { $0.isDesign(nil) }) || !designShared.isEmpty {
      table.design.columns = questionnaire.respondent.design
    }
    for problem in plan.problems { report(problem) }
    if plan.problems.contains(where: { $0.severity == .error }) { stop = true }
  }

  /// Makes this parser read a later part of `first`'s file: records from a byte offset on,
  /// all of them data rows, numbered from 0. Call once `first` has read the header.
  func continueAfter(_ first: ExportParser) {
    header = first.header
    commentColumns = first.commentColumns
    checkboxGroups = first.checkboxGroups
    install(first.roles)
    designShared = first.designShared
    table.design.columns = first.table.design.columns
    hxlChecked = true
    hot.pointee.fastFrom = 0
    fromStart = false
  }

  private func install(_ roles: [ColumnRole]) {
    var roles = roles
    freeText = Set(commentColumns.map(\.index))
    if readComments {
      for (slot, column) in commentColumns.enumerated() where column.index < roles.count {
        if case .ignore = roles[column.index] { roles[column.index] = .comment(slot) }
      }
      commentBytes = Array(repeating: [], count: commentColumns.count)
    }
    self.roles = roles
    hasCompleteColumn = roles.contains { if case .complete = $0 { true } else { false } }
    let kind = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, roles.count))
    let target = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, roles.count))
    for (column, role) in roles.enumerated() {
      switch role {
      case .ignore, .pii:
        kind[column] = 0
        target[column] = 0
      case .answer(let indicators) where indicators.count == 1:
        kind[column] = 1
        target[column] = Int32(indicators[0])
      default:
        kind[column] = 2
        target[column] = 0
      }
    }
    hot.pointee.kind = kind
    hot.pointee.target = target
    hot.pointee.columnCount = roles.count
  }

  // MARK: Cells

  private func cell(_ bytes: UnsafeRawBufferPointer) {
    let column = fieldIndex
    guard column < roles.count else {
      // A field past the header: the row is shifted, so it may be any column's, personal
      // data included; shown masked.
      if column == roles.count { extraValue = PersonalDataMask.mask(String(decoding: bytes, as: UTF8.self).nfc) }
      return
    }
    switch roles[column] {
    case .ignore, .pii:
      return
    case .comment(let slot):
      commentBytes[slot].append(contentsOf: bytes)
    case .answer(let indicators):
      for indicator in indicators {
        let code = answerCode(bytes, indicator)
        if code == AnswerCode.invalid {
          badAnswer(bytes, indicator: indicator, column: column)
        } else {
          row[indicator] = code
        }
      }
    case .summary(let select):
      summary(bytes, select, column: column)
    case .option(let indicator):
      let code = codings[indicator].code(bytes)
      if code == AnswerCode.invalid {
        badAnswer(bytes, indicator: indicator, column: column)
      } else {
        row[indicator] = code
      }
    case .checkbox(let indicator, let option, let label):
      checkbox(bytes, indicator: indicator, option: option, label: label, column: column)
    case .complete:
      completeBytes.append(contentsOf: bytes)
    case .id:
      idBytes.append(contentsOf: bytes)
    case .unit:
      unitBytes.append(contentsOf: bytes)
    case .unitName:
      nameBytes.append(contentsOf: bytes)
    case .parent(let level):
      parentBytes[level].append(contentsOf: bytes)
    case .design(let role):
      designCells.append(bytes, role)
    case .weight:
      if let value = parseDecimal(bytes), value > 0, value.isFinite {
        weight = value
      } else {
        rowBad = true
        cellProblems.append(
          Diagnostic(
            .error, location(column), record: record, field: column, value: String(decoding: bytes, as: UTF8.self),
            message: L(
              "trọng số phải là một số dương (dấu chấm thập phân).",
              "the weight must be a positive number (decimal point)."),
            fix: L("Sửa trọng số của dòng này, ví dụ 1.25.", "Correct this row's weight, for example 1.25.")))
      }
    }
  }

  /// The code of a cell for one indicator: integers from the flat table, the rest through
  /// the indicator's coding.
  @inline(__always)
  private func answerCode(_ bytes: UnsafeRawBufferPointer, _ indicator: Int) -> UInt8 {
    let count = bytes.count
    if count == 0 { return AnswerCode.missing }
    if count <= 2 {
      let base = bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self)
      var number = UInt(base[0]) &- 48
      var digits = number < 10
      if count == 2 {
        let second = UInt(base[1]) &- 48
        // "07" is not the code 7: a leading zero goes to the exact comparison.
        digits = digits && second < 10 && number != 0
        number = number &* 10 &+ second
      }
      if digits {
        let code = smallCodes[indicator &<< 7 | Int(number)]
        if code != AnswerCode.invalid { return code }
      }
    }
    return codings[indicator].code(bytes)
  }

  private func summary(_ bytes: UnsafeRawBufferPointer, _ select: SelectColumn, column: Int) {
    let text = String(decoding: bytes, as: UTF8.self).trimmedNFC
    if text.isEmpty || missingAnswers.texts.contains(text) {
      for target in select.targets { row[target.indicator] = AnswerCode.missing }
      return
    }
    let (chosen, unknown) = select.match(text)
    for target in select.targets { row[target.indicator] = chosen.contains(target.option) ? 1 : 0 }
    for value in unknown { rowUnknownOptions.append((value, column)) }
  }

  /// A LimeSurvey checkbox cell: chosen (`Y`, the option's code or label), not chosen
  /// (empty, `N`), or a missing code.
  private func checkbox(_ bytes: UnsafeRawBufferPointer, indicator: Int, option: String, label: String?, column: Int) {
    let text = String(decoding: bytes, as: UTF8.self).trimmedNFC
    if !text.isEmpty { checkedBoxes.append(indicator) }
    // "Yes" and "No" are LimeSurvey's full answers.
    if text.isEmpty || text == "N" || text == "0" || text == "No" {
      row[indicator] = 0
    } else if text == "Y" || text == "1" || text == "Yes" || text == option || text == label {
      row[indicator] = 1
    } else if missingAnswers.texts.contains(text) || text == "N/A" {
      row[indicator] = AnswerCode.missing
    } else {
      rowBad = true
      let accepted = (["Y", "N", option] + [label].compactMap { $0 }).joined(separator: ", ")
      cellProblems.append(
        Diagnostic(
          .error, location(column), record: record, field: column, value: text,
          message: L(
            "ô lựa chọn của chỉ số \(indicatorIDs[indicator]) phải là Y (đã chọn) hoặc trống (hợp lệ: \(accepted)).",
            "the checkbox cell of indicator \(indicatorIDs[indicator]) must be Y (chosen) or empty (valid: "
              + "\(accepted))."),
          fix: L(
            "Sửa ô này trong tệp, hoặc xuất lại từ LimeSurvey với câu trả lời dạng mã (Y).",
            "Correct this cell in the export, or export again from LimeSurvey with answer codes (Y).")))
    }
  }

  private func badAnswer(_ bytes: UnsafeRawBufferPointer, indicator: Int, column: Int) {
    rowBad = true
    let accepted = codings[indicator].accepted.prefix(12).joined(separator: ", ")
    cellProblems.append(
      Diagnostic(
        .error, location(column), record: record, field: column, value: String(decoding: bytes, as: UTF8.self),
        message: L(
          "câu trả lời không thuộc các mã của chỉ số \(indicatorIDs[indicator]) (hợp lệ: \(accepted)).",
          "the answer is not one of indicator \(indicatorIDs[indicator])'s codes (valid: \(accepted))."),
        fix: L(
          "Sửa câu trả lời trong tệp, hoặc nếu đó là một mã hợp lệ, thêm nó vào `yes`/`no`/`labels`/`scores` hay "
            + "`missing` của chỉ số trong bảng hỏi.",
          "Correct the answer in the export, or if it is a valid code, add it to the indicator's "
            + "`yes`/`no`/`labels`/`scores` or `missing` in the questionnaire."
        )))
  }

  // MARK: Rows

  private func finishRow() {
    defer {
      if skipBadRows { rejectIfBad() }
      resetRow()
    }
    recordsRead += 1
    if fieldIndex != header.count {
      let fewer = fieldIndex < header.count
      let column = fewer ? fieldIndex : header.count
      report(
        Diagnostic(
          .error,
          SourceLocation(file: file, column: column + 1, columnName: fewer ? header[column] : nil),
          record: record, value: fewer ? nil : extraValue,
          message: fewer
            ? L(
              "dòng có \(fieldIndex) trường nhưng tiêu đề có \(header.count) cột.",
              "the row has \(fieldIndex) fields but the header has \(header.count) columns.")
            : L(
              "dòng có \(fieldIndex) trường, nhiều hơn \(header.count) cột của tiêu đề.",
              "the row has \(fieldIndex) fields, more than the header's \(header.count) columns."),
          fix: L(
            "Thường do thiếu hoặc thừa dấu phân cách hay dấu ngoặc kép; sửa dòng này trong tệp.",
            "Usually a missing or extra delimiter or quote; correct this row in the export.")))
      return
    }
    if hasCompleteColumn && completeBytes.isEmpty {
      // Not submitted: neither a respondent nor an error.
      incompleteLeftOut += 1
      return
    }
    for (value, column) in rowUnknownOptions { unknownOptions.add(value, column: column, record: record) }
    // A LimeSurvey checkbox question with no box ticked was not answered (as an unanswered
    // Kobo question): LimeSurvey writes the same empty cell for both.
    for group in checkboxGroups where !group.contains(where: checkedBoxes.contains) {
      for indicator in group { row[indicator] = AnswerCode.missing }
    }
    for problem in cellProblems { report(problem) }
    if rowBad { return }
    if rowIdentity && idBytes.isEmpty {
      // The row first, so that a shortened id still tells rows apart.
      if rowIdentityPrefix == nil { rowIdentityPrefix = Array(("@" + DecodedStream.sha256(ofFile: file)).utf8) }
      idBytes = Array(String(record).utf8) + (rowIdentityPrefix ?? [])
    }
    if idBytes.isEmpty {
      report(
        rowProblem(
          column: nil, L("thiếu mã người trả lời.", "the respondent id is empty."),
          L(
            "Điền mã người trả lời (ví dụ _uuid) cho dòng này.", "Fill in this row's respondent id (for example _uuid)."
          )))
      return
    }
    if unitBytes.isEmpty {
      report(
        rowProblem(
          column: roles.firstIndex { if case .unit = $0 { return true } else { return false } },
          L("thiếu mã đơn vị (xã/phường).", "the unit (commune) code is empty."),
          L("Điền mã xã của người trả lời này.", "Fill in this respondent's commune code.")))
      return
    }
    guard let unit = resolveUnit() else { return }
    var design = RowDesign.none
    if table.design.isDeclared {
      for (role, source) in designShared {
        if case .parent(let level) = source { designCells.append(parentBytes[level], role) }
        if case .unit = source { designCells.append(unitBytes, role) }
      }
      switch designCells.resolve(unit: unit, in: &table.design) {
      case .success(let found): design = found
      case .failure(let problem):
        let column = roles.firstIndex { $0.isDesign(problem.role) }
        report(
          Diagnostic(
            .error, location(column), record: record, field: column, value: problem.value, message: problem.message,
            fix: problem.fix))
        return
      }
    }
    let answers = UnsafeBufferPointer(row)
    if fromStart && !isNewID(idBytes, in: table, answers: answers, weight: weight, unit: unit, record: record) {
      return
    }
    table.append(
      answers: answers, weight: weight, unit: unit, origin: RowOrigin(file: fileIndex, record: Int32(record)),
      id: idBytes, design: design)
    rowsKept += 1
    if readComments { keepComments() }
  }

  /// The row's comments as feedback items (id `respondent#column`, channel `survey`):
  /// empty cells, missing codes and "no comment" answers are not feedback.
  private func keepComments() {
    let id = String(decoding: idBytes, as: UTF8.self).trimmedNFC
    let unit = String(decoding: unitBytes, as: UTF8.self).trimmedNFC
    commentRespondents.append(id)
    for (slot, column) in commentColumns.enumerated() {
      let text = String(decoding: commentBytes[slot], as: UTF8.self).trimmedNFC
      guard !text.isEmpty, !missingAnswers.texts.contains(text), !FeedbackReader.isNoComment(text) else { continue }
      comments.append(
        FeedbackItem(
          id: "\(id)#\(column.name)", unit: unit, channel: "survey", text: PersonalDataMask.mask(text), line: recordLine
        ))
    }
  }

  /// A warning for each value met in select-multiple cells that is none of the declared
  /// options, with the line of its first row and how many rows have it.
  func reportUnknownOptions() {
    for problem in unknownOptions.problems(header: header, file: file, select: selectColumn) { report(problem) }
  }

  private func selectColumn(_ column: Int) -> SelectColumn? {
    guard column < roles.count, case .summary(let select) = roles[column] else { return nil }
    return select
  }

  /// An empty file is an error; a header without rows, a warning.
  func checkNotEmpty() {
    if header.isEmpty {
      report(
        Diagnostic(
          .error, SourceLocation(file: file, line: 1), message: L("tệp rỗng.", "the file is empty."),
          fix: L("Xuất lại dữ liệu từ nền tảng khảo sát.", "Export the data again from the survey platform.")))
    } else if recordsRead == 0 && !stop {
      report(
        Diagnostic(
          .warning, SourceLocation(file: file, line: 1),
          message: L("tệp chỉ có dòng tiêu đề, không có câu trả lời.", "the file has a header but no responses."),
          fix: L("Kiểm tra bộ lọc khi xuất dữ liệu.", "Check the filters used when exporting.")))
    }
  }

  /// Whether no earlier row of `table` has this id (it is then indexed as the next row).
  /// Otherwise the row is reported as a duplicate, and counted as dropped when it is an
  /// identical copy.
  private func isNewID(
    _ id: some Collection<UInt8>, in table: ResponseTable, answers: UnsafeBufferPointer<UInt8>, weight: Double,
    unit: Int32,
    record: Int
  ) -> Bool {
    let found =
      id.withContiguousStorageIfAvailable {
        idIndex.insert(UnsafeRawBufferPointer($0), row: Int32(table.count), table: table)
      }
      ?? Array(id).withUnsafeBytes { idIndex.insert($0, row: Int32(table.count), table: table) }
    guard case .existing(let other) = found else { return true }
    let (problem, same) = duplicate(
      of: other, in: table, id: id, answers: answers, weight: weight, unit: unit, record: record)
    if same { duplicatesDropped += 1 }
    report(problem)
    return false
  }

  /// The problem of a row whose id row `other` of `table` already has: a warning, and the
  /// row dropped, when everything else is the same too; an error otherwise.
  func duplicate(
    of other: Int, in table: ResponseTable, id: some Collection<UInt8>, answers: UnsafeBufferPointer<UInt8>,
    weight: Double,
    unit: Int32, record: Int
  ) -> (Diagnostic, dropped: Bool) {
    let same = table.answers(other).elementsEqual(answers) && table.weight(other) == weight && table.unit(other) == unit
    let first = table.origin(other)
    let firstFile = table.files[Int(first.file)]
    // In the same file the earlier record's line is filled in after reading ({related});
    // in an earlier file its data-record number is given.
    let sameFile = firstFile == file
    let whereVI = sameFile ? "dòng {related}" : "\(firstFile), bản ghi dữ liệu \(first.record)"
    let whereEN = sameFile ? "line {related}" : "\(firstFile), data record \(first.record)"
    let id = String(decoding: id, as: UTF8.self)
    var problem: Diagnostic
    if same {
      problem = rowProblem(
        column: nil,
        L(
          "mã người trả lời \(id) lặp lại với câu trả lời giống hệt (\(whereVI)); bỏ bản sao.",
          "respondent id \(id) repeats with identical answers (\(whereEN)); the copy is dropped."),
        L(
          "Không cần làm gì; xóa bản nộp trùng trên nền tảng khảo sát nếu muốn.",
          "Nothing to do; delete the duplicate submission on the survey platform if you like."),
        severity: .warning, record: record)
    } else {
      problem = rowProblem(
        column: nil,
        L(
          "mã người trả lời \(id) đã có (\(whereVI)) với câu trả lời khác.",
          "respondent id \(id) already appears (\(whereEN)) with different answers."),
        L(
          "Giữ lại bản đúng và xóa bản kia, hoặc sửa mã nếu đó là hai người khác nhau.",
          "Keep the correct submission and delete the other, or correct the id if they are two different people."),
        record: record)
    }
    if sameFile { problem.related = Int(first.record) }
    return (problem, same)
  }

  /// The unit of this row. A combination of unit and parent codes met before costs a
  /// dictionary lookup on bytes; a new one goes through `resolveNewUnit`.
  private func resolveUnit() -> Int32? {
    unitKey.removeAll(keepingCapacity: true)
    func add(_ bytes: [UInt8]) {
      unitKey.append(UInt8(truncatingIfNeeded: bytes.count >> 8))
      unitKey.append(UInt8(truncatingIfNeeded: bytes.count))
      unitKey.append(contentsOf: bytes)
    }
    add(unitBytes)
    for bytes in parentBytes { add(bytes) }
    if let known = knownUnits[unitKey] {
      if !nameBytes.isEmpty && table.units.levels[0][Int(known)].name == nil {
        table.units.levels[0][Int(known)].name = String(decoding: nameBytes, as: UTF8.self).nfc
      }
      return known
    }
    guard let unit = resolveNewUnit() else { return nil }
    knownUnits[unitKey] = unit
    return unit
  }

  private func resolveNewUnit() -> Int32? {
    let code = String(decoding: unitBytes, as: UTF8.self)
    var parentCodes: [String] = []
    for (level, bytes) in parentBytes.enumerated() {
      if bytes.isEmpty {
        report(
          rowProblem(
            column: nil,
            L(
              "thiếu mã đơn vị cấp trên (\(questionnaire.respondent.parents[level])).",
              "the parent unit code (\(questionnaire.respondent.parents[level])) is empty."),
            L("Điền mã đơn vị cấp trên cho dòng này.", "Fill in this row's parent unit code.")))
        return nil
      }
      parentCodes.append(String(decoding: bytes, as: UTF8.self))
    }
    let name = nameBytes.isEmpty ? nil : String(decoding: nameBytes, as: UTF8.self).nfc
    guard let known = table.units.find(code, level: 0) else { return addUnit(code, parents: parentCodes, name: name) }
    let parents = parentCodes.enumerated().map { table.units.index(of: $0.element, level: $0.offset + 1) }
    if table.units.levels[0][Int(known)].parents != parents {
      let earlier = table.units.levels[0][Int(known)].parents.map { table.units.levels[1][Int($0)].code }
      report(
        rowProblem(
          column: nil,
          L(
            "xã \(code) đã thuộc đơn vị \(earlier.first ?? "?") ở dòng trước, ở đây lại thuộc "
              + "\(parentCodes.first ?? "?").",
            "commune \(code) was under \(earlier.first ?? "?") in an earlier row but is under "
              + "\(parentCodes.first ?? "?") here."
          ),
          L("Sửa mã đơn vị cấp trên hoặc mã xã của dòng này.", "Correct this row's parent or commune code.")))
      return nil
    }
    if table.units.levels[0][Int(known)].name == nil, let name { table.units.levels[0][Int(known)].name = name }
    return known
  }

  /// Adds a unit first met now, with its parents (nearest first), each parent's own
  /// parents when not known yet, and its name.
  private func addUnit(_ code: String, parents parentCodes: [String], name: String?) -> Int32 {
    let parents = parentCodes.enumerated().map { table.units.index(of: $0.element, level: $0.offset + 1) }
    let unit = table.units.index(of: code, level: 0)
    table.units.levels[0][Int(unit)].parents = parents
    table.units.levels[0][Int(unit)].name = name
    for level in 0..<parents.count where level + 1 < parents.count {
      let child = Int(parents[level])
      if table.units.levels[level + 1][child].parents.isEmpty {
        table.units.levels[level + 1][child].parents = Array(parents[(level + 1)...])
      }
    }
    return unit
  }

  // MARK: Parts

  /// Joins the rows `part` read from the next part of this file, as if this parser had
  /// read on: units mapped by code, record numbers shifted, duplicate ids found and
  /// reported in record order. Returns false, changing nothing, when the file must be
  /// read again in one part to report exactly: `part` stopped or found errors, or a unit
  /// has other parents there than here.
  func absorb(_ part: ExportParser) -> Bool {
    guard !part.stop, !part.hasErrors, part.diagnostics.isEmpty, !stop, readsInParts else { return false }
    let theirs = part.table.units
    func parentCodes(_ unit: UnitDirectory.Unit, in units: UnitDirectory) -> [String] {
      unit.parents.enumerated().map { units.levels[$0.offset + 1][Int($0.element)].code }
    }
    for unit in theirs.levels[0] {
      if let known = table.units.find(unit.code, level: 0),
        parentCodes(table.units.levels[0][Int(known)], in: table.units) != parentCodes(unit, in: theirs)
      {
        return false
      }
    }
    // A cluster in two strata, or two fpc values of a stratum, are reported where they are
    // when the file is read again in one part.
    guard table.design.canAbsorb(part.table.design, theirUnits: theirs, ourUnits: table.units) else { return false }
    var unitMap: [Int32] = []
    for unit in theirs.levels[0] {
      if let known = table.units.find(unit.code, level: 0) {
        if table.units.levels[0][Int(known)].name == nil, let name = unit.name {
          table.units.levels[0][Int(known)].name = name
        }
        unitMap.append(known)
      } else {
        unitMap.append(addUnit(unit.code, parents: parentCodes(unit, in: theirs), name: unit.name))
      }
    }
    let offset = record
    var kept = 0
    idIndex.reserve(table.count + part.table.count)
    let designMap = table.design.absorb(part.table.design, unitMap: unitMap)
    table.absorb(&part.table, unitMap: unitMap, designMap: designMap, recordOffset: Int32(offset)) { table, row in
      let new = isNewID(
        row.id, in: table, answers: row.answers, weight: row.weight, unit: row.unit, record: Int(row.origin.record))
      if new { kept += 1 }
      return new
    }
    rowsKept += kept
    unknownOptions.absorb(part.unknownOptions, recordOffset: offset)
    incompleteLeftOut += part.incompleteLeftOut
    recordsRead += part.recordsRead
    record = offset + part.record
    return true
  }

  /// With `--on-error skip`, a file that ends inside a quoted field loses only its last
  /// record: it is set aside with the fields read so far and the unfinished one.
  func rejectUnfinished(partial: String, problem: Diagnostic) {
    var warning = problem
    warning.severity = .warning
    report(warning)
    // The unfinished field runs to the end of the file, across other rows and their
    // personal data: it is left out.
    rejected.append(RejectedRow(file: file, record: record, fields: rowFields + [""], reason: problem.message))
  }

  /// When this row had errors: turns them into warnings and keeps the row for the rejects
  /// file with their reasons.
  private func rejectIfBad() {
    var reasons: [LocalizedText] = []
    for index in rowDiagnosticStart..<diagnostics.count
    where diagnostics[index].severity == .error && diagnostics[index].record == record {
      diagnostics[index].severity = .warning
      reasons.append(diagnostics[index].message)
    }
    guard rowFailed else { return }
    if reasons.isEmpty { reasons.append(L("xem các thông báo ở trên", "see the messages above")) }
    // A row with a field too many or too few is shifted: any of its cells may hold another
    // column's personal data, so none is written.
    rejected.append(
      RejectedRow(
        file: file, record: record, fields: rowFields.count == header.count ? rowFields : [],
        reason: LocalizedText(
          vi: reasons.map(\.vi).joined(separator: "; "), en: reasons.map(\.en).joined(separator: "; "))))
  }

  private func resetRow() {
    rowFailed = false
    rowFields.removeAll(keepingCapacity: true)
    rowDiagnosticStart = diagnostics.count
    row.update(repeating: AnswerCode.missing)
    rowBad = false
    cellProblems.removeAll(keepingCapacity: true)
    idBytes.removeAll(keepingCapacity: true)
    completeBytes.removeAll(keepingCapacity: true)
    rowUnknownOptions.removeAll(keepingCapacity: true)
    checkedBoxes.removeAll(keepingCapacity: true)
    unitBytes.removeAll(keepingCapacity: true)
    nameBytes.removeAll(keepingCapacity: true)
    for level in parentBytes.indices { parentBytes[level].removeAll(keepingCapacity: true) }
    for slot in commentBytes.indices { commentBytes[slot].removeAll(keepingCapacity: true) }
    weight = 1
    designCells.clear()
    extraValue = nil
  }

  // MARK: Diagnostics

  private func location(_ column: Int?) -> SourceLocation {
    SourceLocation(file: file, column: column.map { $0 + 1 }, columnName: column.map { header[$0] })
  }

  private func rowProblem(
    column: Int?, _ message: LocalizedText, _ fix: LocalizedText, severity: Diagnostic.Severity = .error,
    record: Int? = nil
  ) -> Diagnostic {
    Diagnostic(
      severity, location(column), record: record ?? self.record, field: column, value: column == nil ? nil : "",
      message: message, fix: fix)
  }

  func report(_ diagnostic: Diagnostic) {
    let rowError = skipBadRows && diagnostic.severity == .error && diagnostic.record == record && record > 0
    if rowError { rowFailed = true }
    if diagnostics.count < diagnosticLimit {
      diagnostics.append(diagnostic)
    } else {
      suppressed += 1
      if diagnostic.severity == .error && !rowError { suppressedErrors += 1 }
    }
  }
}
