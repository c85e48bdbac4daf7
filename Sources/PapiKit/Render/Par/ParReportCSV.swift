/// A PAR INDEX report as CSV: one row per unit and lost criterion (a unit that lost none has
/// one row without a criterion), with the unit's index, band and rank on each row; the data
/// as it is, or for Excel (`CSVCells`).
struct ParReportCSV: Renderer {
  var cells: CSVCells

  static let columns: [DataColumn] = [
    .init("year", "Năm", "Year", .code), .init("unit_code", "Mã đơn vị", "Unit code", .code),
    .init("unit_name", "Đơn vị", "Unit"), .init("parent", "Đơn vị cấp trên", "Parent", .code),
    .init("points", "Điểm", "Points", .number(decimals: 2)),
    .init("max", "Điểm tối đa", "Maximum", .number(decimals: 2)),
    .init("index", "Chỉ số", "Index", .number(decimals: 3)), .init("band", "Xếp loại", "Band"),
    .init("rank", "Thứ hạng", "Rank", .integer), .init("of", "Trên tổng số", "Of", .integer),
    .init("previous_index", "Chỉ số năm trước", "Previous index", .number(decimals: 3)),
    .init("previous_rank", "Thứ hạng năm trước", "Previous rank", .integer),
    .init("criterion", "Tiêu chí", "Criterion", .code), .init("criterion_name", "Tên tiêu chí", "Criterion name"),
    .init("score", "Điểm đạt", "Score", .number(decimals: 2)),
    .init("criterion_max", "Điểm tối đa tiêu chí", "Criterion maximum", .number(decimals: 2)),
    .init("lost", "Điểm mất", "Points lost", .number(decimals: 2)),
    .init("self_score", "Điểm tự chấm", "Self score", .number(decimals: 2)),
    .init("previous_score", "Điểm năm trước", "Previous score", .number(decimals: 2)),
    .init("offices", "Trách nhiệm", "Responsible offices"), .init("reason", "Lý do", "Reason"),
  ]

  func render(_ report: ParReport, to sink: inout some OutputSink) {
    var out = cells.start + cells.header(Self.columns)
    for row in ParReportRows(report: report, language: cells.language).rows {
      out += cells.row(
        Self.columns.map { column in
          switch row[column.key] {
          case .text(let text)?: return column.kind == .code ? cells.code(text) : cells.text(text)
          case .number(let value)?:
            if case .number(let decimals) = column.kind { return cells.number(value, decimals: decimals) }
            return String(Int(value))
          case nil: return ""
          }
        })
    }
    sink.write(out)
  }
}

/// The rows of the CSV and of the workbook's first sheet: one per unit and lost criterion.
struct ParReportRows {
  enum Value {
    case text(String)
    case number(Double)
  }

  let report: ParReport
  let language: Language

  var rows: [[String: Value]] {
    var rows: [[String: Value]] = []
    for unit in report.units {
      let score = unit.score
      var common: [String: Value] = [
        "year": .text(report.year), "unit_code": .text(score.code), "points": .number(score.points),
        "max": .number(score.maximum), "index": .number(score.index), "rank": .number(Double(score.rank)),
        "of": .number(Double(score.of)),
      ]
      common["unit_name"] = score.name.map(Value.text)
      common["parent"] = score.parent.map(Value.text)
      common["band"] = score.band.map { .text($0.name.text(language)) }
      common["previous_index"] = unit.previous?.index.map(Value.number)
      common["previous_rank"] = unit.previous?.rank.map { .number(Double($0)) }
      if score.lost.isEmpty { rows.append(common) }
      for loss in score.lost {
        var row = common
        row["criterion"] = .text(loss.criterion)
        row["criterion_name"] = report.set.criterion(loss.criterion).map { .text($0.name.text(language)) }
        row["score"] = .number(loss.score)
        row["criterion_max"] = .number(loss.maximum)
        row["lost"] = .number(loss.lost)
        row["self_score"] = loss.selfScore.map(Value.number)
        row["previous_score"] = unit.previousScores[loss.criterion].map(Value.number)
        row["offices"] = .text(ParText(language: language).offices(loss))
        row["reason"] = loss.reason.map(Value.text)
        rows.append(row)
      }
    }
    return rows
  }
}
