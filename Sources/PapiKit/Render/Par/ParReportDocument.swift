import Foundation

/// A PAR INDEX report as a document (Markdown, HTML, Word), in the words of the district
/// reports it replaces (seeds `000_…` part A, `004_…` part I): for each unit, "1. Kết quả
/// xếp loại"; "2. Trách nhiệm …", one part per field ("2.x. Lĩnh vực …: đạt a/b điểm (có n
/// tiêu chí thành phần không thực hiện chấm điểm …)") and, for each lost criterion, "Tiêu
/// chí thành phần “code. name”: đạt a/b điểm (mất c điểm)" with its reason and whose it is
/// (long lists of offices as footnotes); what to recover; the figures to check. Then the
/// table by office and the table of units. The HTML draws each unit's fields as bars with
/// last year's points.
struct ParReportDocument {
  let report: ParReport
  let language: Language
  var issuer: IssuerProfile = .blankReport
  var date: CivilDate = CivilDate.today()

  /// The labels a reason may already start with.
  static let reasonLabels = ["lý do:", "nguyên nhân:", "reason:"]

  /// More offices than this go to a footnote.
  static let officesInline = 3

  var vi: Bool { language == .vi }
  var text: ParText { ParText(language: language) }

  var title: String {
    vi
      ? "Kết quả rà soát các tiêu chí mất điểm của Chỉ số cải cách hành chính \(ofUnit)năm \(report.year)"
      : "Review of the criteria that lost points in the PAR INDEX \(ofUnit)\(report.year)"
  }

  /// The unit's name for a title when the report is of one unit ("huyện Đắk Glei ").
  private var ofUnit: String {
    guard report.units.count == 1, let name = report.units.first?.score.name else { return "" }
    return vi ? PlanDocument.inSentence(name) + " " : name + ", "
  }

  /// Who reports, as the opening sentence names it.
  private var reporter: String {
    vi || issuer != .blankReport ? issuer.name : "The People's Committee"
  }

  var document: Document {
    var blocks: [Block] = [.letterhead(letterhead)]
    if let basis = report.set.basis {
      blocks.append(.paragraph(vi ? "Căn cứ \(basis);" : "Under \(basis);", .basis))
    }
    blocks += issuer.basis.map { Block.paragraph($0, .basis) }
    blocks.append(
      .paragraph(
        vi
          ? "\(reporter) báo cáo kết quả rà soát, đánh giá và trách nhiệm của các cơ quan, đơn vị liên quan đến "
            + "từng tiêu chí, tiêu chí thành phần mất điểm của Chỉ số cải cách hành chính \(ofUnit)năm "
            + "\(report.year), như sau:"
          : "This reports, for each criterion and sub-criterion of the PAR INDEX \(report.year) that lost points, "
            + "what was found and which offices are responsible:"))
    let numbered = report.units.count > 1
    for (position, unit) in report.units.enumerated() {
      var part: [Block] = []
      if numbered {
        part.append(.heading(2, "\(Self.roman(position + 1)). " + unitName(unit.score).uppercased()))
      }
      part += self.unit(unit)
      if numbered { blocks.append(.section(part)) } else { blocks += part }
    }
    blocks += summaryTables()
    blocks.append(.signature(signature))
    return Document(kind: .parReport, language: language, title: title, blocks: blocks)
  }

  // MARK: Head and end

  private var letterhead: Letterhead {
    Letterhead(
      parent: issuer.parent, issuer: issuer.body, number: issuer.numberLine(kind: "BC"),
      placeAndDate: vi ? issuer.placeAndDate(date) : "\(issuer.place), \(date.english)",
      kind: vi ? "BÁO CÁO" : "REPORT",
      summary: vi
        ? [
          "Kết quả rà soát, đánh giá và trách nhiệm đối với các tiêu chí,",
          "tiêu chí thành phần mất điểm của Chỉ số cải cách hành chính \(ofUnit)năm \(report.year)",
        ]
        : ["Review of, and responsibility for, the criteria that lost points", "in the PAR INDEX \(report.year)"])
  }

  private var signature: SignatureBlock { issuer.signature(language) }

  // MARK: One unit

  private func unitName(_ score: ParUnitScore) -> String { score.name ?? score.code }

  /// The unit's name inside a sentence ("huyện Đắk Glei").
  private func inSentence(_ score: ParUnitScore) -> String {
    vi ? PlanDocument.inSentence(unitName(score)) : unitName(score)
  }

  private func unit(_ unit: ParUnitReport) -> [Block] {
    let score = unit.score
    var footnotes: [String] = []
    var blocks: [Block] = [.heading(3, vi ? "1. Kết quả xếp loại" : "1. Result")]
    blocks.append(.paragraph(result(unit)))
    if let figure = figure(unit) { blocks.append(.figure(figure)) }
    blocks.append(
      .heading(
        3,
        vi
          ? "2. Trách nhiệm của các cơ quan, đơn vị liên quan trong tham mưu thực hiện Chỉ số CCHC"
          : "2. The offices responsible"))
    for (position, field) in score.fields.enumerated() {
      blocks.append(
        .heading(4, "2.\(position + 1). " + (vi ? "Lĩnh vực " : "Field: ") + text.name(field.code, in: report.set)))
      blocks.append(.paragraph(fieldSentence(field, unit: unit)))
      let losses = score.lost.filter { fieldCode(of: $0.criterion) == field.code }
      if !losses.isEmpty {
        blocks.append(.list(losses.map { lossItem($0, unit: unit, footnotes: &footnotes) }, .plain))
      }
    }
    blocks.append(.heading(3, vi ? "3. Các tiêu chí cần tập trung khắc phục" : "3. Where to recover points"))
    blocks.append(.paragraph(recovery(unit)))
    if !score.checks.isEmpty {
      blocks.append(.heading(3, vi ? "4. Số liệu cần đối chiếu" : "4. Figures to check"))
      blocks.append(
        .list(
          score.checks.map { ListItem($0.message(unit: unitName(score)).text(language)) }, .plain))
    }
    if !footnotes.isEmpty {
      blocks += footnotes.enumerated().map { index, note in .paragraph("\(Self.superscript(index + 1)) \(note)", .note)
      }
    }
    return blocks
  }

  /// "Năm 2023, huyện Kon Rẫy đạt 89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm),
  /// xếp loại Xuất sắc, xếp thứ 01/10 …; so với năm 2022 …". A rank the document published
  /// is the one written; a published index the criteria do not give is said as such.
  private func result(_ unit: ParUnitReport) -> String {
    let score = unit.score
    let band = score.band?.name.text(language) ?? "—"
    let name = inSentence(score)
    let published = unit.published
    var rank =
      vi
      ? "xếp thứ \(Self.padded(score.rank))/\(Self.padded(score.of)) trong các đơn vị được tổng hợp"
      : "rank \(score.rank) of the \(score.of) units reported"
    if let place = published?.rank {
      let of = published?.of ?? score.of
      rank = vi ? "xếp thứ \(Self.padded(place))/\(Self.padded(of))" : "rank \(place) of \(of)"
    }
    var sentence =
      vi
      ? "Năm \(report.year), \(name) đạt \(text.fraction(score.points, score.maximum)) điểm (Chỉ số cải cách hành "
        + "chính: \(text.index(score.index)) điểm), xếp loại \(band), \(rank)."
      : "In \(report.year), \(name) scored \(text.fraction(score.points, score.maximum)) points (PAR INDEX "
        + "\(text.index(score.index))), band \(band), \(rank)."
    if let index = published?.index, abs(index - score.index) > 0.01 {
      sentence +=
        vi
        ? " Kết quả công bố ghi Chỉ số \(text.points(index)) điểm; theo điểm của các tiêu chí thì Chỉ số là "
          + "\(text.index(score.index)) (xem mục 4)."
        : " The published result gives an index of \(text.points(index)); the criteria's points give "
          + "\(text.index(score.index)) (see 4)."
    }
    if let previous = unit.previous, let index = previous.index, let compare = report.compare {
      let change = score.index - index
      let direction = vi ? (change >= 0 ? "tăng" : "giảm") : (change >= 0 ? "up" : "down")
      var then = text.index(index) + (vi ? " điểm" : "")
      if let band = previous.band { then += vi ? ", xếp loại \(band.name.vi)" : ", band \(band.name.en)" }
      if let rank = previous.rank {
        then += vi ? ", xếp thứ \(Self.padded(rank))" : ", rank \(rank)"
        if let of = previous.of { then += vi ? "/\(Self.padded(of))" : " of \(of)" }
      }
      sentence +=
        vi
        ? " So với năm \(compare) (\(then)), Chỉ số \(direction) \(text.index(abs(change))) điểm."
        : " Compared with \(compare) (\(then)), the index is \(direction) \(text.index(abs(change))) points."
    }
    if let selfPoints = score.selfPoints, let gap = score.selfGap {
      sentence +=
        vi
        ? " Điểm tự chấm \(text.points(selfPoints)), chênh lệch so với điểm thẩm định \(text.change(gap, decimals: 2)) "
          + "điểm."
        : " Self-assessed \(text.points(selfPoints)), \(text.change(gap, decimals: 2)) points from the appraised score."
    }
    return sentence
  }

  /// "Đối với lĩnh vực này, … đạt a/b điểm (có n tiêu chí thành phần không thực hiện chấm
  /// điểm …)." and whether it lost points.
  private func fieldSentence(_ field: ParFieldScore, unit: ParUnitReport) -> String {
    var sentence =
      vi
      ? "Đối với lĩnh vực này, \(inSentence(unit.score)) đạt \(text.fraction(field.points, field.maximum)) điểm"
      : "In this field, \(inSentence(unit.score)) scored \(text.fraction(field.points, field.maximum)) points"
    if !field.notScored.isEmpty {
      let named = field.notScored.map { "\($0). \(text.name($0, in: report.set))" }.joined(separator: "; ")
      sentence +=
        vi
        ? " (có \(Self.padded(field.notScored.count)) tiêu chí thành phần không thực hiện chấm điểm: \(named))"
        : " (\(field.notScored.count) \(field.notScored.count == 1 ? "criterion" : "criteria") not scored: \(named))"
    }
    if let previous = unit.previousFields[field.code], let compare = report.compare {
      sentence +=
        vi
        ? "; năm \(compare): \(text.fraction(previous.points, previous.maximum))"
        : "; \(compare): "
          + text.fraction(previous.points, previous.maximum)
    }
    let lost = unit.score.lost.contains { fieldCode(of: $0.criterion) == field.code }
    return sentence
      + (lost
        ? (vi ? ". Lĩnh vực này có tiêu chí, tiêu chí thành phần bị mất điểm, cụ thể:" : ". Criteria that lost points:")
        : (vi ? ". Lĩnh vực này không có tiêu chí nào bị mất điểm." : ". No criterion lost points."))
  }

  /// "Tiêu chí thành phần “3.4.1. …”: đạt 0/1 điểm (mất 1 điểm)." with its reason and
  /// whose it is.
  private func lossItem(_ loss: ParLoss, unit: ParUnitReport, footnotes: inout [String]) -> ListItem {
    let kind =
      vi
      ? (loss.criterion.split(separator: ".").count > 2 ? "Tiêu chí thành phần" : "Tiêu chí")
      : (loss.criterion.split(separator: ".").count > 2 ? "Sub-criterion" : "Criterion")
    var head =
      "\(kind) “\(loss.criterion). \(text.name(loss.criterion, in: report.set))”: "
      + (vi
        ? "đạt \(text.fraction(loss.score, loss.maximum)) điểm (mất \(text.points(loss.lost)) điểm)"
        : "\(text.fraction(loss.score, loss.maximum)) points (\(text.points(loss.lost)) lost)")
    if let previous = unit.previousScores[loss.criterion], let compare = report.compare {
      head += vi ? "; năm \(compare) đạt \(text.points(previous)) điểm" : "; \(compare): \(text.points(previous))"
    }
    var children: [ListItem] = []
    if let reason = loss.reason, !reason.isEmpty {
      // The office's explanation (giải trình) after the reason is an item of its own, as the seeds write it.
      let parts = reason.components(separatedBy: " Giải trình: ")
      let cause = parts[0]
      // A reason transcribed with its own label ("Lý do: …", "Nguyên nhân: …") keeps it.
      if let label = Self.reasonLabels.first(where: { cause.lowercased().hasPrefix($0) }) {
        let rest = cause.dropFirst(label.count).drop { $0 == " " }
        children.append(ListItem([.strong(String(cause.prefix(label.count))), .text(" " + rest)]))
      } else {
        children.append(ListItem([.strong(vi ? "Lý do:" : "Reason:"), .text(" " + cause)]))
      }
      if parts.count > 1 {
        children.append(
          ListItem([.strong("Giải trình:"), .text(" " + parts.dropFirst().joined(separator: " Giải trình: "))]))
      }
    }
    if !loss.offices.isEmpty {
      let listed = loss.offices.map { share -> String in
        var name = share.office.name
        if let count = share.office.count {
          name += vi ? " (\(text.points(count)) hồ sơ)" : " (\(text.points(count)) cases)"
        }
        if let role = share.office.role { name += " (\(role))" }
        return name
      }
      // Shares are written when the results gave counts; an equal split is only the offices' table's.
      let byCounts = loss.offices.allSatisfy { $0.office.count != nil }
      let shares = loss.offices.map { "\($0.office.name): \(text.points($0.lost))" }.joined(separator: "; ")
      if listed.count > Self.officesInline {
        footnotes.append(
          listed.joined(separator: "; ")
            + (byCounts ? (vi ? ". Điểm mất theo cơ quan: " : ". Points lost by office: ") + shares : "") + ".")
        children.append(
          ListItem([
            .strong(vi ? "Trách nhiệm" : "Responsibility"),
            .text(
              vi
                ? " thuộc về các cơ quan, đơn vị được giao tham mưu\(Self.superscript(footnotes.count))."
                : " lies with the offices in charge\(Self.superscript(footnotes.count))."),
          ]))
      } else {
        children.append(
          ListItem([
            .strong(vi ? "Trách nhiệm" : "Responsibility"),
            .text(
              (vi
                ? " thuộc về " + PlanDocument.inSentence(listed.joined(separator: "; "))
                : " lies with " + listed.joined(separator: "; "))
                + (listed.count > 1 && byCounts ? " (\(shares))." : ".")),
          ]))
      }
    }
    return ListItem([.text(head + ".")], children: children)
  }

  /// The points to the next band and to the target rank, and where to find them.
  private func recovery(_ unit: ParUnitReport) -> String {
    let score = unit.score
    var parts: [String] = []
    if let next = score.nextBand {
      parts.append(
        vi
          ? "Để đạt xếp loại \(next.band.name.vi) cần thêm \(text.points(next.pointsNeeded)) điểm (Chỉ số từ "
            + "\(text.index(score.index)) lên \(text.points(next.band.minimum)))."
          : "Band \(next.band.name.en) needs \(text.points(next.pointsNeeded)) more points (index from "
            + "\(text.index(score.index)) to \(text.points(next.band.minimum))).")
    } else if score.band != nil {
      parts.append(vi ? "Đơn vị đã ở mức xếp loại cao nhất." : "The unit is in the top band.")
    }
    if let rank = report.targetRank, score.rank <= rank {
      parts.append(vi ? "Đơn vị đã ở hạng \(rank) trở lên." : "The unit is at rank \(rank) or above.")
    } else if let rank = report.targetRank, let target = unit.target, let index = target.index,
      let needed = target.pointsNeeded
    {
      parts.append(
        vi
          ? "Để đạt thứ hạng \(rank) (chỉ số \(text.index(index))) cần thêm \(text.points(needed)) điểm."
          : "Rank \(rank) (index \(text.index(index))) needs \(text.points(needed)) more points.")
    }
    let first = score.recoveryOrder.prefix(5).map { "\($0.criterion) (\(text.points($0.lost)))" }
    if !first.isEmpty {
      parts.append(
        (vi ? "Các tiêu chí mất nhiều điểm nhất: " : "The criteria that lost most: ") + first.joined(separator: ", ")
          + ".")
    }
    return parts.joined(separator: " ")
  }

  /// The unit's fields as bars of points over their maximum, last year's points as ticks.
  private func figure(_ unit: ParUnitReport) -> Figure? {
    let bars = unit.score.fields.filter { $0.maximum > 0 }.map { field in
      let previous = unit.previousFields[field.code]
      return BarChart.Bar(
        label: (vi ? "LV " : "F") + field.code, value: field.points,
        valueText: text.fraction(field.points, field.maximum), low: nil, upp: nil, maximum: field.maximum,
        target: previous.map { $0.points / max($0.maximum, 1e-9) * field.maximum },
        status: field.lost > 1e-9 ? .below : .met)
    }
    guard !bars.isEmpty else { return nil }
    return .bars(
      BarChart(
        caption: vi ? "điểm / tối đa theo lĩnh vực (LV)" : "points / maximum by field (F)", intervalLabel: "",
        targetLabel: unit.previousFields.isEmpty ? "" : report.compare.map { vi ? "năm \($0)" : "\($0)" } ?? "",
        bars: bars))
  }

  // MARK: Tables

  private func summaryTables() -> [Block] {
    var blocks: [Block] = []
    if !report.offices.isEmpty {
      blocks.append(.heading(2, vi ? "TỔNG HỢP ĐIỂM MẤT THEO CƠ QUAN, ĐƠN VỊ" : "POINTS LOST BY OFFICE"))
      blocks.append(
        .table(
          Table(
            columns: [
              .init(vi ? "Cơ quan, đơn vị" : "Office"), .init(vi ? "Mất (điểm)" : "Points lost", alignment: .right),
              .init(vi ? "Tiêu chí" : "Criteria"),
            ],
            rows: report.offices.map { office in
              [.init(office.name), .init(text.points(office.lost)), .init(office.criteria.joined(separator: ", "))]
            }, compact: true)))
    }
    blocks.append(.heading(2, vi ? "TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ" : "THE UNITS"))
    // A column no unit has a figure for is left out.
    let selfScored = report.units.contains { $0.score.selfPoints != nil }
    let compare = report.units.contains { $0.previous?.index != nil } ? report.compare : nil
    var columns: [Table.Column] = [.init(vi ? "Đơn vị" : "Unit")]
    if selfScored { columns.append(.init(vi ? "Tự chấm" : "Self", alignment: .right)) }
    columns += [
      .init(vi ? "Thẩm định / tối đa" : "Appraised / max", alignment: .right),
      .init(vi ? "Chỉ số (%)" : "Index (%)", alignment: .right), .init(vi ? "Xếp loại" : "Band"),
      .init(vi ? "Hạng" : "Rank", alignment: .right),
    ]
    if let compare { columns.append(.init(vi ? "Năm \(compare)" : "\(compare)", alignment: .right)) }
    let rows = report.units.map { unit -> [Table.Cell] in
      let score = unit.score
      var row: [Table.Cell] = [.init(unitName(score))]
      if selfScored { row.append(.init(score.selfPoints.map(text.points) ?? "—")) }
      let rank = unit.published?.rank.map { "\($0)/\(unit.published?.of ?? score.of)" } ?? "\(score.rank)/\(score.of)"
      row += [
        .init(text.fraction(score.points, score.maximum)), .init(text.index(score.index)),
        .init(score.band?.name.text(language) ?? "—"), .init(rank),
      ]
      if compare != nil { row.append(.init(unit.previous?.index.map(text.index) ?? "—")) }
      return row
    }
    blocks.append(.table(Table(columns: columns, rows: rows, compact: true)))
    return blocks
  }

  // MARK: Helpers

  /// The field a criterion belongs to: its first code segment.
  private func fieldCode(of criterion: String) -> String {
    String(criterion.split(separator: ".").first ?? Substring(criterion))
  }

  /// Numbers under 10 as documents write counts and ranks: "01", "06".
  static func padded(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

  static func roman(_ number: Int) -> String {
    let numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var rest = number
    var out = ""
    for (value, numeral) in numerals {
      while rest >= value {
        out += numeral
        rest -= value
      }
    }
    return out
  }

  static func superscript(_ number: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }
}
