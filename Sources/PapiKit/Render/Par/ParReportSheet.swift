/// A PAR INDEX report as a workbook: the lost criteria (the CSV's rows, numbers as
/// numbers), the offices' table and the checks, one sheet each.
struct ParReportSheet {
  var language: Language

  static let officeColumns: [DataColumn] = [
    .init("office", "Cơ quan chịu trách nhiệm", "Responsible office"),
    .init("lost", "Điểm mất", "Points lost", .number(decimals: 2)), .init("criteria", "Tiêu chí", "Criteria"),
  ]
  static let checkColumns: [DataColumn] = [
    .init("unit_code", "Mã đơn vị", "Unit code", .code), .init("kind", "Loại", "Kind"),
    .init("criterion", "Tiêu chí", "Criterion", .code), .init("stated", "Số liệu ghi", "Stated", .number(decimals: 3)),
    .init("computed", "Số liệu tính lại", "Computed", .number(decimals: 3)), .init("file", "Tệp", "File"),
    .init("line", "Dòng", "Line", .integer), .init("message", "Nội dung", "What"),
  ]

  func workbook(_ report: ParReport) -> Workbook {
    let vi = language == .vi
    let lost = ParReportRows(report: report, language: language).rows.map { row in
      row.mapValues { value -> SheetCell in
        switch value {
        case .text(let text): SheetCell(text)
        case .number(let number): SheetCell(number)
        }
      }
    }
    let offices = report.offices.map { office -> [String: SheetCell] in
      [
        "office": SheetCell(office.name), "lost": SheetCell(office.lost),
        "criteria": SheetCell(office.criteria.joined(separator: ", ")),
      ]
    }
    let checks = report.units.flatMap { unit in
      unit.score.checks.map { check -> [String: SheetCell] in
        [
          "unit_code": SheetCell(unit.code), "kind": SheetCell(check.kind.rawValue),
          "criterion": SheetCell(check.criterion),
          "stated": SheetCell(check.stated), "computed": SheetCell(check.computed),
          "file": SheetCell(check.origin.file),
          "line": SheetCell(check.origin.line), "message": SheetCell(check.message(unit: unit.code).text(language)),
        ]
      }
    }
    return Workbook(
      title: vi ? "Chỉ số cải cách hành chính năm \(report.year)" : "PAR INDEX \(report.year)", language: language,
      sheets: [
        SheetTable(
          name: vi ? "Tiêu chí mất điểm" : "Lost criteria", columns: ParReportCSV.columns, language: language,
          rows: lost),
        SheetTable(name: vi ? "Cơ quan" : "Offices", columns: Self.officeColumns, language: language, rows: offices),
        SheetTable(
          name: vi ? "Số liệu không khớp" : "Checks", columns: Self.checkColumns, language: language, rows: checks),
      ])
  }
}
