/// The units of a PAR INDEX results file for an 80-column terminal: points over the
/// applicable maximum, the index, the band, the rank and how many criteria lost points
/// ("Mất điểm").
struct ParValidateTable: Renderer {
  let set: ParCriteriaSet
  let language: Language

  func render(_ units: [ParUnitScore], to sink: inout some OutputSink) {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    sink.write(
      (vi ? "Bộ tiêu chí \(set.id): \(units.count) đơn vị.\n" : "Criteria set \(set.id): \(units.count) units.\n"))
    let header =
      vi
      ? [
        ("Mã", 6), ("Đơn vị", 18), ("Năm", 5), ("Điểm", 12), ("Chỉ số", 7), ("Xếp loại", 10), ("Hạng", 6),
        ("Mất điểm", 8),
      ]
      : [("Code", 6), ("Unit", 18), ("Year", 5), ("Points", 12), ("Index", 7), ("Band", 10), ("Rank", 6), ("Lost", 8)]
    sink.write(header.map { fit($0.0, $0.1) }.joined(separator: " ").trimmingTrailingSpaces() + "\n")
    for unit in units {
      let cells = [
        fit(unit.code, 6), fit(unit.name ?? "", 18), fit(unit.year, 5),
        fit("\(format.fixed(unit.points, 2))/\(format.fixed(unit.maximum, 1))", 12, right: true),
        fit(format.fixed(unit.index, 3), 7, right: true), fit(unit.band?.name.text(language) ?? "—", 10),
        fit("\(unit.rank)/\(unit.of)", 6, right: true), fit("\(unit.lost.count)", 8, right: true),
      ]
      sink.write(cells.joined(separator: " ").trimmingTrailingSpaces() + "\n")
    }
  }
}
