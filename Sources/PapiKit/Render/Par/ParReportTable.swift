/// A PAR INDEX report for an 80-column terminal: per unit, its index, band, rank and last
/// year's; its fields; its lost criteria, most points lost first, with the offices; the
/// points to the next band; then the offices' table.
struct ParReportTable: Renderer {
  let language: Language

  func render(_ report: ParReport, to sink: inout some OutputSink) {
    let text = ParText(language: language)
    let vi = text.vi
    var out =
      vi
      ? "Chỉ số cải cách hành chính năm \(report.year) — bộ tiêu chí \(report.set.id)\n"
      : "PAR INDEX \(report.year) — criteria set \(report.set.id)\n"
    for unit in report.units {
      let score = unit.score
      out += "\n" + (score.name.map { "\($0) (\(score.code))" } ?? score.code) + "\n"
      var line =
        (vi ? "  Điểm " : "  Points ") + text.fraction(score.points, score.maximum) + (vi ? " · Chỉ số " : " · Index ")
        + text.index(score.index) + " · " + (score.band?.name.text(language) ?? "—") + " · "
        + text.rank(score.rank, of: score.of)
      if let previous = unit.previous, let index = previous.index, let compare = report.compare {
        line +=
          "\n  " + (vi ? "Năm \(compare): " : "\(compare): ") + text.index(index) + " "
          + "(\(text.change(score.index - index)))"
        if previous.rank != nil { line += ", " + text.rank(previous.rank, of: previous.of) }
      }
      if let gap = score.selfGap {
        line +=
          "\n  " + (vi ? "Tự chấm " : "Self-assessed ") + text.points(score.selfPoints ?? 0)
          + (vi ? ", chênh " : ", gap ") + text.change(gap, decimals: 2)
      }
      out += line + "\n"
      out +=
        "  " + fit(vi ? "Lĩnh vực" : "Field", 46) + " " + fit(vi ? "Điểm" : "Points", 11, right: true) + " "
        + fit(vi ? "Mất" : "Lost", 6, right: true) + "  " + (vi ? "Không chấm" : "Not scored") + "\n"
      for field in score.fields {
        out +=
          ("  " + fit("\(field.code). " + text.name(field.code, in: report.set), 46) + " "
          + fit(text.fraction(field.points, field.maximum), 11, right: true) + " "
          + fit(text.points(field.lost), 6, right: true) + "  " + field.notScored.joined(separator: ", "))
          .trimmingTrailingSpaces() + "\n"
      }
      if !score.lost.isEmpty {
        out += "  " + (vi ? "Tiêu chí mất điểm, nhiều nhất trước:" : "Criteria that lost points, most first:") + "\n"
        for loss in score.recoveryOrder {
          let offices = loss.offices.map(\.office.name).joined(separator: "; ")
          out +=
            ("  " + fit(loss.criterion, 7) + " " + fit(text.fraction(loss.score, loss.maximum), 9, right: true) + " "
            + fit("−" + text.points(loss.lost), 6, right: true) + "  " + fit(offices.isEmpty ? "—" : offices, 52))
            .trimmingTrailingSpaces() + "\n"
        }
      }
      if let next = score.nextBand {
        out +=
          "  "
          + (vi
            ? "Cần thêm \(text.points(next.pointsNeeded)) điểm để đạt \(next.band.name.vi)."
            : "\(text.points(next.pointsNeeded)) more points reach \(next.band.name.en).") + "\n"
      }
      if let rank = report.targetRank, let target = unit.target {
        if unit.score.rank <= rank {
          out += "  " + (vi ? "Đơn vị đã ở hạng \(rank) trở lên." : "The unit is at rank \(rank) or above.") + "\n"
        } else if let index = target.index, let needed = target.pointsNeeded {
          out +=
            "  "
            + (vi
              ? "Hạng \(rank) có chỉ số \(text.index(index)): cần thêm \(text.points(needed)) điểm."
              : "Rank \(rank) has index \(text.index(index)): \(text.points(needed)) more points needed.") + "\n"
        }
      }
      if !score.checks.isEmpty {
        out += "  " + (vi ? "Số liệu không khớp:" : "Figures that do not add up:") + "\n"
        for check in score.checks {
          out +=
            "  - " + wrap(check.message(unit: score.code).text(language), width: 76, indent: 4).joined(separator: "\n")
            + "\n"
        }
      }
    }
    if !report.offices.isEmpty {
      out +=
        "\n" + fit(vi ? "Cơ quan chịu trách nhiệm" : "Responsible office", 40) + " "
        + fit(vi ? "Điểm mất" : "Lost", 8, right: true) + "  " + (vi ? "Tiêu chí" : "Criteria") + "\n"
      for office in report.offices {
        out +=
          (fit(office.name, 40) + " " + fit(text.points(office.lost), 8, right: true) + "  "
          + fit(office.criteria.joined(separator: ", "), 29)).trimmingTrailingSpaces() + "\n"
      }
    }
    sink.write(out)
  }
}
