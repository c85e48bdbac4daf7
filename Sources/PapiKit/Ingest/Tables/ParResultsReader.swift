import Foundation

/// Reads PAR INDEX results (PRODUCT.md §8.2) from CSV or `.xlsx`, with English or
/// Vietnamese headers, through the readers survey exports use: one row per unit and leaf
/// criterion, and rows whose `stated` column gives a field's or the total's figure as a
/// document states it. Every bad cell is an error naming the file, line, column and value,
/// and nothing is returned while any is left.
public enum ParResultsReader {
  /// The columns, with the Vietnamese headers also accepted.
  static let columns: [(key: String, names: [String])] = [
    ("unit_code", ["unit_code", "mã đơn vị"]), ("unit_name", ["unit_name", "tên đơn vị"]),
    ("parent", ["parent", "đơn vị cấp trên"]), ("year", ["year", "năm"]),
    ("criterion", ["criterion", "tiêu chí", "mã tiêu chí"]), ("score", ["score", "điểm thẩm định", "điểm"]),
    ("self_score", ["self_score", "điểm tự chấm"]), ("status", ["status", "trạng thái"]),
    ("numerator", ["numerator", "tử số"]), ("denominator", ["denominator", "mẫu số"]),
    ("as_of", ["as_of", "tính đến ngày"]), ("reason", ["reason", "lý do", "nguyên nhân"]),
    ("offices", ["offices", "trách nhiệm", "cơ quan chịu trách nhiệm"]), ("stated", ["stated", "điểm công bố"]),
  ]

  /// The words of `status` for a criterion that was not scored.
  static let notScored: Set<String> = [
    "not_scored", "not scored", "không chấm điểm", "không phát sinh", "khong cham diem", "khong phat sinh",
  ]
  static let scoredStatuses: Set<String> = ["scored", "đã chấm điểm", "đã chấm", "chấm điểm", "da cham diem"]

  public static func read(
    _ path: String, options: ReadOptions = ReadOptions()
  ) throws(PapiError) -> (results: [ParResult], stated: [ParStated]) {
    let table = try RecordTable.read(path, options: options)
    var index: [String: Int] = [:]
    for (key, names) in columns { index[key] = table.column(names) }
    let required = ["unit_code", "year", "criterion"].filter { index[$0] == nil }
    guard required.isEmpty else {
      throw PapiError(
        file: path, line: 1, value: table.header.joined(separator: ", "),
        message: L(
          "thiếu cột \(required.joined(separator: ", ")).",
          "the columns \(required.joined(separator: ", ")) are missing."
        ),
        fix: L(
          "Cần ít nhất: unit_code (mã đơn vị), year (năm), criterion (tiêu chí), và score (điểm thẩm định) "
            + "hoặc stated.",
          "At least: unit_code, year, criterion, and score or stated."))
    }
    var results: [ParResult] = []
    var stated: [ParStated] = []
    var problems: [Diagnostic] = []
    func place(_ row: RecordTable.Row, _ key: String) -> SourceLocation {
      SourceLocation(
        file: path, line: row.line, column: index[key].map { $0 + 1 },
        columnName: index[key].map { table.header[$0] })
    }
    func number(_ row: RecordTable.Row, _ key: String) -> Double? {
      guard let text = row.value(index[key]) else { return nil }
      if let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, value >= 0 { return value }
      problems.append(
        Diagnostic(
          .error, place(row, key), value: text,
          message: L("`\(text)` không phải một số không âm.", "`\(text)` is not a non-negative number."),
          fix: L("Ghi một số, ví dụ 0,75 hoặc 0.75.", "Write a number, for example 0.75.")))
      return nil
    }
    /// A count as documents write it: "1.224" is 1224 (a dot before groups of three digits
    /// separates thousands), "3,5" is 3.5.
    func count(_ row: RecordTable.Row, _ key: String) -> Double? {
      guard let text = row.value(index[key]) else { return nil }
      if let value = ParPercentages.count(text), value.isFinite { return value }
      problems.append(
        Diagnostic(
          .error, place(row, key), value: text,
          message: L("`\(text)` không phải một số đếm.", "`\(text)` is not a count."),
          fix: L("Ghi số, ví dụ 692 hoặc 1.224.", "Write a number, for example 692 or 1,224.")))
      return nil
    }
    for row in table.rows {
      guard let unit = row.value(index["unit_code"]), let year = row.value(index["year"]),
        let criterion = row.value(index["criterion"])
      else {
        if row.fields.allSatisfy(\.isEmpty) { continue }
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: path, line: row.line), value: row.joined,
            message: L("dòng thiếu mã đơn vị, năm hoặc tiêu chí.", "the row lacks the unit code, year or criterion."),
            fix: L("Điền đủ ba cột này.", "Fill in these three columns.")))
        continue
      }
      let origin = SourceLocation(file: path, line: row.line, sheet: table.sheet)
      if criterion == "rank", let text = row.value(index["stated"]) {
        // A published rank: "1/10", "01/10" (first of ten).
        let parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let rank = Int(parts[0]), let of = Int(parts[1]), rank >= 1, rank <= of {
          stated.append(
            ParStated(
              unitCode: unit, unitName: row.value(index["unit_name"]), parent: row.value(index["parent"]), year: year,
              criterion: criterion, value: Double(rank), of: of, origin: origin))
        } else {
          problems.append(
            Diagnostic(
              .error, place(row, "stated"), value: text,
              message: L("thứ hạng `\(text)` không đọc được.", "rank `\(text)` cannot be read."),
              fix: L("Ghi thứ hạng trên tổng số đơn vị, ví dụ 1/10.", "Write the rank over the number of units: 1/10."))
          )
        }
        continue
      }
      if let figure = number(row, "stated") {
        stated.append(
          ParStated(
            unitCode: unit, unitName: row.value(index["unit_name"]), parent: row.value(index["parent"]), year: year,
            criterion: criterion, value: figure, origin: origin))
        continue
      }
      let status = row.value(index["status"]).map { $0.lowercased() } ?? "scored"
      let scored = !notScored.contains(status)
      if scored && !scoredStatuses.contains(status) {
        problems.append(
          Diagnostic(
            .error, place(row, "status"), value: status,
            message: L("trạng thái `\(status)` không rõ.", "status `\(status)` is not known."),
            fix: L("Dùng scored hoặc not_scored (không chấm điểm).", "Use scored or not_scored.")))
      }
      let score = number(row, "score")
      if scored && score == nil && row.value(index["score"]) == nil {
        problems.append(
          Diagnostic(
            .error, place(row, "criterion"), value: criterion,
            message: L(
              "tiêu chí \(criterion) không có điểm thẩm định.", "criterion \(criterion) has no appraised score."),
            fix: L(
              "Ghi điểm vào cột score (điểm thẩm định), hoặc trạng thái not_scored.",
              "Write the score, or the status not_scored.")))
      }
      let numerator = count(row, "numerator")
      let denominator = count(row, "denominator")
      if let numerator, let denominator, numerator > denominator {
        problems.append(
          Diagnostic(
            .error, place(row, "numerator"), value: "\(numerator.shortText)/\(denominator.shortText)",
            message: L("tử số lớn hơn mẫu số.", "the numerator is larger than the denominator."),
            fix: L("Kiểm tra hai số đếm.", "Check the two counts.")))
      }
      var offices: [ParOffice]?
      if let text = row.value(index["offices"]) {
        offices = ParOffice.list(text)
        if offices == nil {
          problems.append(
            Diagnostic(
              .error, place(row, "offices"), value: text,
              message: L("không đọc được danh sách cơ quan.", "the list of offices cannot be read."),
              fix: L(
                "Ngăn cách bằng “;”, số hồ sơ sau “=”: Phòng Tư pháp=3; UBND xã A=1.",
                "Separate them with “;”, counts after “=”: Phòng Tư pháp=3; UBND xã A=1.")))
        }
      }
      results.append(
        ParResult(
          unitCode: unit, unitName: row.value(index["unit_name"]), parent: row.value(index["parent"]), year: year,
          criterion: criterion, score: scored ? score : nil, selfScore: number(row, "self_score"), scored: scored,
          numerator: numerator, denominator: denominator, reason: row.value(index["reason"]), offices: offices,
          asOf: row.value(index["as_of"]), origin: origin))
    }
    if !problems.isEmpty { throw PapiError(problems).inSheet(table.sheet, of: path) }
    return (results, stated)
  }

  /// Checks each result against the set: a score above its criterion's maximum is an error
  /// (the unknown criteria and missing ones are `ParIndex.score`'s).
  public static func check(
    _ results: [ParResult], stated: [ParStated] = [], against set: ParCriteriaSet
  ) throws(PapiError) {
    var problems: [Diagnostic] = []
    let fields = Set(set.fields.map(\.code))
    for figure in stated where !ParStated.wholeUnit.contains(figure.criterion) && !fields.contains(figure.criterion) {
      problems.append(
        Diagnostic(
          .error, figure.origin, value: figure.criterion,
          message: L(
            "điểm công bố chỉ ghi cho một lĩnh vực (\(set.fields.map(\.code).joined(separator: ", "))), total, index "
              + "hoặc rank; `\(figure.criterion)` không phải.",
            "a stated figure is for a field (\(set.fields.map(\.code).joined(separator: ", "))), total, index or "
              + "rank; `\(figure.criterion)` is none of them."),
          fix: L(
            "Ghi điểm của tiêu chí vào cột score; cột stated dành cho số liệu văn bản công bố.",
            "Put a criterion's points in the score column; stated is for figures a document publishes.")))
    }
    for result in results {
      guard let criterion = set.criterion(result.criterion), let score = result.score else { continue }
      if score > criterion.maximum + 1e-9 {
        problems.append(
          Diagnostic(
            .error, result.origin, value: score.shortText,
            message: L(
              "tiêu chí \(result.criterion): điểm \(score.shortText) lớn hơn điểm tối đa "
                + "\(criterion.maximum.shortText).",
              "criterion \(result.criterion): score \(score.shortText) is above its maximum "
                + "\(criterion.maximum.shortText)."),
            fix: L("Kiểm tra điểm thẩm định.", "Check the appraised score.")))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
  }
}
