import Foundation

/// The feedback of one file, read whole or not at all.
public struct FeedbackFile: Sendable {
  public var path: String
  public var items: [FeedbackItem]
  /// Rows that repeated an earlier row exactly (same id, same content): read once.
  public var repeats: Int
  /// SHA-256 of the file's bytes, computed while reading it, for the import log.
  public var sha256: String
}

/// Reads standalone feedback exports (petitions, hotline and portal records) through the
/// same formats, encodings and messages as survey exports (the comments of a survey's
/// free-text columns are read with its answers, by `ExportParser`). Every text is masked
/// (`PersonalDataMask`) as it is read, before anything keeps it.
public enum FeedbackReader {
  /// The columns of a feedback export and the headers accepted for each (compared without
  /// case, diacritics, spaces, `_` or `-`, and after a group path such as `grp/`).
  enum Field: Int, CaseIterable {
    case id, date, unit, channel, text, status

    var names: [String] {
      switch self {
      case .id: ["id", "mã", "mã phản ánh", "mã hồ sơ", "số hiệu", "uuid", "_uuid", "key", "instanceID", "_id"]
      case .date:
        [
          "date", "ngày", "ngày tiếp nhận", "ngày gửi", "ngày phản ánh", "received", "submitted", "_submission_time",
          "SubmissionDate", "created",
        ]
      case .unit: ["unit_code", "unit", "commune_code", "mã xã", "mã đơn vị", "ward_code", "commune"]
      case .channel: ["channel", "kênh", "kênh tiếp nhận", "nguồn", "source", "hình thức"]
      case .text:
        [
          "text", "nội dung", "nội dung phản ánh", "nội dung kiến nghị", "ý kiến", "content", "comment", "feedback",
          "message",
        ]
      case .status: ["status", "trạng thái", "tình trạng", "kết quả xử lý"]
      }
    }

    var label: LocalizedText {
      switch self {
      case .id: L("mã", "id")
      case .date: L("ngày", "date")
      case .unit: L("mã đơn vị", "unit code")
      case .channel: L("kênh", "channel")
      case .text: L("nội dung", "text")
      case .status: L("trạng thái", "status")
      }
    }
  }

  /// A header as compared: lower case, no diacritics, letters and digits only.
  static func headerKey(_ name: some StringProtocol) -> String {
    String(
      foldedUnitName(String(name)).unicodeScalars.filter {
        $0.properties.isAlphabetic || $0.properties.numericType != nil
      }.map(Character.init))
  }

  private static let fieldByHeader: [String: Field] = {
    var map: [String: Field] = [:]
    for field in Field.allCases {
      for name in field.names { map[headerKey(name)] = field }
    }
    return map
  }()

  /// Reads a feedback export: every problem is listed (file, line, column, value, fix) and
  /// any error means no item is returned.
  public static func read(_ path: String, options: ReadOptions = ReadOptions()) throws(PapiError) -> FeedbackFile {
    var columns: [Field: Int] = [:]
    var header: [String] = []
    var problems: [Diagnostic] = []
    var items: [FeedbackItem] = []
    var itemOfID: [String: Int] = [:]
    var usable = false
    var repeats = 0
    func problem(_ line: Int, _ field: Field?, _ value: String?, _ message: LocalizedText, _ fix: LocalizedText) {
      let column = field.flatMap { columns[$0] }
      problems.append(
        Diagnostic(
          .error,
          SourceLocation(file: path, line: line, column: column.map { $0 + 1 }, columnName: column.map { header[$0] }),
          value: value, message: message, fix: fix))
    }
    var wanted: Set<Int>?
    let format = try ExportFormats.detect(path)
    let read: RecordsRead
    do {
      read = try format.records(
        path, options: options, keep: { wanted?.contains($0) ?? true },
        each: { line, fields in
          if header.isEmpty {
            header = fields.map { $0.trimmedNFC }
            for (index, name) in header.enumerated() {
              if let field = ColumnPlan.lookup(name, { fieldByHeader[headerKey($0)] }), columns[field] == nil {
                columns[field] = index
              }
            }
            wanted = Set(columns.values)
            let missing = Field.allCases.filter { $0 != .status && columns[$0] == nil }
            usable = missing.isEmpty
            if !usable {
              func listed(_ language: Language) -> String {
                missing.map { "\($0.label.text(language)) (\($0.names.prefix(4).joined(separator: " | ")))" }
                  .joined(separator: "; ")
              }
              problem(
                1, nil, header.joined(separator: ", "),
                L("thiếu cột: \(listed(.vi)).", "missing columns: \(listed(.en))."),
                L(
                  "Tệp ý kiến cần các cột id, date, unit_code, channel, text (status nếu có); đổi tên tiêu đề cột cho "
                    + "khớp (xem README, \"Ý kiến người dân\").",
                  "A feedback export needs the columns id, date, unit_code, channel, text (and status if any); rename "
                    + "the headers to match (see the README, \"Citizen feedback\")."
                ))
            }
            return
          }
          guard usable, problems.count < options.diagnosticLimit else { return }
          if fields.count != header.count {
            problem(
              line, nil, "\(fields.count)",
              L(
                "dòng có \(fields.count) trường nhưng tiêu đề có \(header.count).",
                "the row has \(fields.count) fields but the header has \(header.count)."),
              L(
                "Kiểm tra dấu phân cách và dấu ngoặc kép của dòng này (ô có dấu phẩy phải đặt trong ngoặc kép).",
                "Check this row's delimiters and quotes (a cell with a comma must be quoted)."))
            return
          }
          func cell(_ field: Field) -> String? {
            guard let index = columns[field] else { return nil }
            let value = fields[index].trimmedNFC
            return value.isEmpty ? nil : value
          }
          var bad = false
          func required(_ field: Field) -> String {
            if let value = cell(field) { return value }
            bad = true
            problem(
              line, field, "", L("ô \(field.label.vi) trống.", "the \(field.label.en) cell is empty."),
              L(
                "Điền \(field.label.vi) cho dòng này, hoặc xóa dòng nếu nó không phải một ý kiến.",
                "Fill in the \(field.label.en) of this row, or delete the row if it is not feedback."))
            return ""
          }
          let id = required(.id)
          let unit = required(.unit)
          let text = required(.text)
          var date: String?
          if let raw = cell(.date) {
            date = parseDate(raw)
            if date == nil {
              bad = true
              problem(
                line, .date, raw, L("không đọc được ngày \"\(raw)\".", "cannot read the date \"\(raw)\"."),
                L(
                  "Viết ngày dạng 2024-03-15 hoặc 15/03/2024 (có thể kèm giờ).",
                  "Write the date as 2024-03-15 or 15/03/2024 (a time may follow)."))
            }
          }
          guard !bad else { return }
          // Every free text is masked, the channel and status too (a status may say whom an
          // officer called back, at which number).
          let item = FeedbackItem(
            id: id, unit: unit, date: date, channel: cell(.channel).map(PersonalDataMask.mask),
            status: cell(.status).map(PersonalDataMask.mask),
            text: PersonalDataMask.mask(text), line: line)
          if let earlier = itemOfID[id] {
            var same = items[earlier]
            same.line = line
            if same == item {
              repeats += 1
              return
            }
            let first = items[earlier].line
            problem(
              line, .id, id,
              L(
                "mã \(id) đã có ở dòng \(first) với nội dung khác.",
                "id \(id) is already used on line \(first) with different content."),
              L(
                "Mỗi ý kiến cần một mã riêng: sửa mã của một trong hai dòng.",
                "Each item needs its own id: correct the id of one of the two rows."))
            return
          }
          itemOfID[id] = items.count
          items.append(item)
        })
    } catch {
      // The field libcsv stopped in is shown masked, like every text of a feedback file.
      var diagnostics = error.diagnostics
      for index in diagnostics.indices {
        diagnostics[index].value = diagnostics[index].value.map(PersonalDataMask.mask)
      }
      throw PapiError(diagnostics)
    }
    if header.isEmpty {
      throw PapiError(
        file: path, line: 1, message: L("tệp rỗng.", "the file is empty."),
        fix: L("Xuất lại tệp ý kiến, có dòng tiêu đề.", "Export the feedback again, with its header row."))
    }
    if !problems.isEmpty { throw PapiError(problems).inSheet(read.sheet, of: path) }
    return FeedbackFile(path: path, items: items, repeats: repeats, sha256: read.sha256)
  }

  /// "Không có ý kiến", "ko co y kien gi them", "Không.": an answer that says there is none.
  static func isNoComment(_ text: String) -> Bool {
    let none: Set<String> = ["khong", "ko", "k", "co", "y", "kien", "gi", "them", "nua", "khac", "a", "j"]
    return VietnameseWords.words(text).allSatisfy { none.contains($0.plain) }
  }

  /// `YYYY-MM-DD`, `DD/MM/YYYY` or `D/M/YYYY`, with or without a time after it (ISO `T` or a
  /// space), as `YYYY-MM-DD`; nil when it is not a real date.
  static func parseDate(_ text: String) -> String? {
    let day = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? text
    if let date = CivilDate(day) { return date.description }
    let parts = day.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
      let date = CivilDate(year: y, month: m, day: d)
    else { return nil }
    return date.description
  }
}
