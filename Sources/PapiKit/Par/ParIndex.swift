import Foundation

/// One unit's PAR INDEX for a year (PRODUCT.md §8.3): points over the applicable maximum,
/// the index on the set's scale, its band and rank, each field, each lost criterion with the
/// offices it falls to, and the checks its figures fail.
public struct ParUnitScore: Sendable {
  public var code: String
  public var name: String?
  public var parent: String?
  public var year: String
  public var points: Double
  /// The maximum of the criteria that were scored.
  public var maximum: Double
  public var index: Double
  public var band: ParBand?
  /// 1 is best; units with the same index share a rank (1, 2, 2, 4); among `of` units of the
  /// same year and parent.
  public var rank = 0
  public var of = 0
  /// Σ of the unit's own scores, nil when it gave none.
  public var selfPoints: Double?
  public var fields: [ParFieldScore]
  /// Lost criteria, most points lost first (then by code).
  public var lost: [ParLoss]
  public var checks: [ParCheck]
  /// The points still needed to reach the next band up, and which band.
  public var nextBand: (band: ParBand, pointsNeeded: Double)?
}

/// A field's points over its applicable maximum, and its criteria that were not scored.
public struct ParFieldScore: Sendable {
  public var code: String
  public var points: Double
  public var maximum: Double
  public var lost: Double { maximum - points }
  public var notScored: [String]
}

/// A criterion that lost points, why, and whose they are.
public struct ParLoss: Sendable {
  public var criterion: String
  public var score: Double
  public var maximum: Double
  public var lost: Double { maximum - score }
  public var reason: String?
  /// Each office and its share of the lost points.
  public var offices: [(office: ParOffice, lost: Double)]
}

/// A figure that does not add up (warnings; the JSON's `checks`).
public enum ParCheck: Sendable, Equatable {
  /// A stated field or total differs from the sum of its criteria by more than 0.01.
  case statedMismatch(criterion: String, stated: Double, computed: Double)
  /// A given score differs from what its rule gives for its counts by more than 0.01.
  case ruleMismatch(criterion: String, given: Double, computed: Double)
  /// A percentage written in the reason differs from numerator ÷ denominator by more than
  /// 0.05 points.
  case percentMismatch(criterion: String, written: Double, computed: Double)
}

/// The computations of PRODUCT.md §8.3 over a year's results: scores, ranks, shares of
/// lost points, recovery and checks.
public enum ParIndex {
  /// The scores of every unit in `results` (one year each), ranked within year and parent;
  /// `stated` figures are checked against the sums. A leaf criterion missing for a unit (not
  /// even `not_scored`) or a result for a criterion the set does not have is an error, with
  /// every such row named.
  public static func score(
    _ set: ParCriteriaSet, results: [ParResult], stated: [ParStated] = []
  ) throws(PapiError) -> [ParUnitScore] {
    var problems: [Diagnostic] = []
    let leaves = set.leaves
    let leafCodes = Set(leaves.map(\.code))
    for result in results where !leafCodes.contains(result.criterion) {
      problems.append(
        Diagnostic(
          .error, result.origin, value: result.criterion,
          message: L(
            "tiêu chí `\(result.criterion)` không phải một tiêu chí được chấm điểm của bộ \(set.id).",
            "criterion `\(result.criterion)` is not a scored criterion of set \(set.id)."),
          fix: L(
            "Dùng mã tiêu chí thành phần của bộ (ví dụ 3.4.1), không dùng mã lĩnh vực.",
            "Use the code of a leaf criterion of the set (for example 3.4.1), not a field's.")))
    }
    var units: [ParUnitScore] = []
    let byUnit = Dictionary(grouping: results.filter { leafCodes.contains($0.criterion) }) {
      "\($0.year)\u{1F}\($0.unitCode)"
    }
    for key in byUnit.keys.sorted() {
      guard let rows = byUnit[key], let first = rows.first else { continue }
      let byCode = Dictionary(rows.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
      let missing = leaves.map(\.code).filter { byCode[$0] == nil }
      if !missing.isEmpty {
        problems.append(
          Diagnostic(
            .error, first.origin, value: first.unitCode,
            message: L(
              "đơn vị \(first.unitCode) năm \(first.year) thiếu \(missing.count) tiêu chí: "
                + "\(missing.prefix(12).joined(separator: ", "))\(missing.count > 12 ? ", …" : "").",
              "unit \(first.unitCode) in \(first.year) lacks \(missing.count) criteria: "
                + "\(missing.prefix(12).joined(separator: ", "))\(missing.count > 12 ? ", …" : "")."),
            fix: L(
              "Thêm một dòng cho mỗi tiêu chí; tiêu chí không chấm điểm ghi trạng thái `not_scored`.",
              "Add a row for each criterion; one that was not scored has status `not_scored`.")))
        continue
      }
      units.append(unit(set, rows: byCode, first: first, stated: stated))
    }
    if !problems.isEmpty { throw PapiError(problems) }
    rank(&units)
    return units
  }

  private static func unit(
    _ set: ParCriteriaSet, rows: [String: ParResult], first: ParResult, stated: [ParStated]
  ) -> ParUnitScore {
    var checks: [ParCheck] = []
    var fields: [ParFieldScore] = []
    for field in set.fields {
      let leaves = field.withDescendants.filter(\.children.isEmpty)
      let scored = leaves.filter { rows[$0.code]?.scored == true }
      fields.append(
        ParFieldScore(
          code: field.code, points: scored.reduce(0) { $0 + (rows[$1.code]?.score ?? 0) },
          maximum: scored.reduce(0) { $0 + $1.maximum },
          notScored: leaves.filter { rows[$0.code]?.scored != true }.map(\.code)))
    }
    let points = fields.reduce(0) { $0 + $1.points }
    let maximum = fields.reduce(0) { $0 + $1.maximum }
    let index = maximum > 0 ? points / maximum * set.scale : 0
    var lost: [ParLoss] = []
    for leaf in set.leaves {
      guard let row = rows[leaf.code], row.scored, let score = row.score else { continue }
      if let rule = leaf.rule, let numerator = row.numerator, let denominator = row.denominator,
        let computed = rule.points(numerator: numerator, denominator: denominator, maximum: leaf.maximum),
        abs(computed - score) > 0.01
      {
        checks.append(.ruleMismatch(criterion: leaf.code, given: score, computed: computed))
      }
      if let numerator = row.numerator, let denominator = row.denominator, denominator > 0, let reason = row.reason {
        let computed = numerator / denominator * 100
        for written in percentages(in: reason) where abs(written - computed) > 0.05 {
          checks.append(.percentMismatch(criterion: leaf.code, written: written, computed: computed))
        }
      }
      guard leaf.maximum - score > 1e-9 else { continue }
      let offices = row.offices ?? leaf.offices.map { ParOffice(name: $0) }
      lost.append(
        ParLoss(
          criterion: leaf.code, score: score, maximum: leaf.maximum, reason: row.reason,
          offices: shares(of: leaf.maximum - score, among: offices)))
    }
    lost.sort { one, other in
      abs(one.lost - other.lost) > 1e-9
        ? one.lost > other.lost : codeOrder(one.criterion).lexicographicallyPrecedes(codeOrder(other.criterion))
    }
    for figure in stated where figure.unitCode == first.unitCode && figure.year == first.year {
      let computed =
        figure.criterion == "total" ? points : fields.first { $0.code == figure.criterion }?.points
      if let computed, abs(computed - figure.value) > 0.01 {
        checks.append(.statedMismatch(criterion: figure.criterion, stated: figure.value, computed: computed))
      }
    }
    let selfScores = rows.values.compactMap { $0.scored ? $0.selfScore : nil }
    let band = set.band(of: index)
    var next: (band: ParBand, pointsNeeded: Double)?
    if let band, let position = set.bands.firstIndex(of: band), position > 0 {
      let above = set.bands[position - 1]
      next = (above, max(0, above.minimum / set.scale * maximum - points))
    }
    return ParUnitScore(
      code: first.unitCode, name: first.unitName, parent: first.parent, year: first.year, points: points,
      maximum: maximum, index: index, band: band, selfPoints: selfScores.isEmpty ? nil : selfScores.reduce(0, +),
      fields: fields, lost: lost, checks: checks, nextBand: next)
  }

  /// Lost points shared among the offices named: by their counts when every one has a
  /// count, else equally.
  static func shares(of lost: Double, among offices: [ParOffice]) -> [(office: ParOffice, lost: Double)] {
    guard !offices.isEmpty else { return [] }
    let counts = offices.compactMap(\.count)
    let total = counts.reduce(0, +)
    if counts.count == offices.count && total > 0 {
      return offices.map { ($0, lost * ($0.count ?? 0) / total) }
    }
    return offices.map { ($0, lost / Double(offices.count)) }
  }

  /// Ranks by index within each year and parent; equal indices share a rank (1, 2, 2, 4).
  static func rank(_ units: inout [ParUnitScore]) {
    let groups = Dictionary(grouping: units.indices) { "\(units[$0].year)\u{1F}\(units[$0].parent ?? "")" }
    for members in groups.values {
      for index in members {
        units[index].rank = 1 + members.filter { units[$0].index > units[index].index + 1e-9 }.count
        units[index].of = members.count
      }
    }
  }

  /// The points needed to reach the index of the unit ranked `rank` among those of the
  /// same year and parent (nil when there is no such unit, or the unit is already there).
  public static func pointsToRank(
    _ rank: Int, of unit: ParUnitScore, among units: [ParUnitScore], in set: ParCriteriaSet
  ) -> Double? {
    let peers = units.filter { $0.year == unit.year && $0.parent == unit.parent }.sorted { $0.index > $1.index }
    guard rank >= 1, rank <= peers.count, unit.index < peers[rank - 1].index else { return nil }
    return peers[rank - 1].index / set.scale * unit.maximum - unit.points
  }

  /// The percentages a text writes ("8,68%", "82.9 %"), as numbers.
  static func percentages(in text: String) -> [Double] {
    var found: [Double] = []
    let pattern = #"(\d+(?:[.,]\d+)?)\s*%"#
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    for match in expression.matches(in: text, range: range) {
      guard let number = Range(match.range(at: 1), in: text) else { continue }
      if let value = Double(text[number].replacingOccurrences(of: ",", with: ".")) { found.append(value) }
    }
    return found
  }

  /// Criterion codes in numeric order by segment: 1.10 after 1.9.
  static func codeOrder(_ code: String) -> [Int] {
    code.split(separator: ".").map { Int($0) ?? Int.max }
  }
}
