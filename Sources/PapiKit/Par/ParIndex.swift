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
  /// Lost criteria, in code order (1.10 after 1.9).
  public var lost: [ParLoss]
  public var checks: [ParCheck]
  /// The lost criteria to recover first: most points lost first, then by code.
  public var recoveryOrder: [ParLoss] {
    lost.sorted { one, other in
      abs(one.lost - other.lost) > 1e-9
        ? one.lost > other.lost : ParIndex.codeBefore(one.criterion, other.criterion)
    }
  }
  /// The unit's own score minus the appraised one, when it gave its own.
  public var selfGap: Double? { selfPoints.map { $0 - points } }
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
  /// Σ of the unit's own scores of the field's scored criteria, nil when it gave none.
  public var selfPoints: Double?
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
  /// The unit's own score, when it gave one.
  public var selfScore: Double?
}

/// A figure that does not add up (warnings; the JSON's `checks`), with the row it is on.
public struct ParCheck: Sendable, Equatable {
  /// What does not add up.
  public enum Kind: String, Sendable {
    /// A stated field, total or index differs from what its criteria give by more than 0.01.
    case statedMismatch = "stated_mismatch"
    /// A given score differs from what its rule gives for its counts by more than 0.01.
    case ruleMismatch = "rule_mismatch"
    /// A percentage written in the reason differs from numerator ÷ denominator by more
    /// than 0.05 points, or than the rounding of the digits written ("92%" for 92,3%).
    case percentMismatch = "percent_mismatch"
  }

  public var kind: Kind
  /// A criterion's or field's code, `total` or `index`.
  public var criterion: String
  /// The figure given (stated, scored, or written in the reason).
  public var stated: Double
  public var computed: Double
  /// The percentage as the reason writes it ("8,68%").
  public var text: String?
  public var origin: SourceLocation

  public init(
    _ kind: Kind, criterion: String, stated: Double, computed: Double, text: String? = nil, origin: SourceLocation
  ) {
    self.kind = kind
    self.criterion = criterion
    self.stated = stated
    self.computed = computed
    self.text = text
    self.origin = origin
  }
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
      let selfScores = scored.compactMap { rows[$0.code]?.selfScore }
      fields.append(
        ParFieldScore(
          code: field.code, points: scored.reduce(0) { $0 + (rows[$1.code]?.score ?? 0) },
          maximum: scored.reduce(0) { $0 + $1.maximum },
          notScored: leaves.filter { rows[$0.code]?.scored != true }.map(\.code),
          selfPoints: selfScores.isEmpty ? nil : selfScores.reduce(0, +)))
    }
    let points = fields.reduce(0) { $0 + $1.points }
    let maximum = fields.reduce(0) { $0 + $1.maximum }
    var lost: [ParLoss] = []
    for leaf in set.leaves {
      guard let row = rows[leaf.code], row.scored, let score = row.score else { continue }
      if let rule = leaf.rule, let numerator = row.numerator, let denominator = row.denominator,
        let computed = rule.points(numerator: numerator, denominator: denominator, maximum: leaf.maximum),
        abs(computed - score) > 0.01 + 1e-9
      {
        checks.append(
          ParCheck(.ruleMismatch, criterion: leaf.code, stated: score, computed: computed, origin: row.origin))
      }
      if let numerator = row.numerator, let denominator = row.denominator, denominator > 0, let reason = row.reason {
        let computed = numerator / denominator * 100
        for written in ParPercentages.checked(in: reason, numerator: numerator, denominator: denominator)
        where abs(written.value - computed) > written.tolerance + 1e-9 {
          checks.append(
            ParCheck(
              .percentMismatch, criterion: leaf.code, stated: written.value, computed: computed, text: written.text,
              origin: row.origin))
        }
      }
      guard leaf.maximum - score > 1e-9 else { continue }
      let offices = row.offices ?? leaf.offices.map { ParOffice(name: $0) }
      lost.append(
        ParLoss(
          criterion: leaf.code, score: score, maximum: leaf.maximum, reason: row.reason,
          offices: shares(of: leaf.maximum - score, among: offices), selfScore: row.selfScore))
    }
    let index = maximum > 0 ? points / maximum * set.scale : 0
    for figure in stated where figure.unitCode == first.unitCode && figure.year == first.year {
      let computed: Double? =
        switch figure.criterion {
        case "total": points
        case "index": index
        default: fields.first { $0.code == figure.criterion }?.points
        }
      if let computed, abs(computed - figure.value) > 0.01 + 1e-9 {
        checks.append(
          ParCheck(
            .statedMismatch, criterion: figure.criterion, stated: figure.value, computed: computed,
            origin: figure.origin))
      }
    }
    checks.sort { one, other in
      if one.criterion != other.criterion { return codeBefore(one.criterion, other.criterion) }
      return (one.kind.rawValue, one.origin.line ?? 0) < (other.kind.rawValue, other.origin.line ?? 0)
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
    guard let index = indexAtRank(rank, of: unit, among: units), unit.index < index else { return nil }
    return index / set.scale * unit.maximum - unit.points
  }

  /// The index of the unit ranked `rank` among those of `unit`'s year and parent (tied
  /// units counted one by one); nil when fewer units were scored.
  public static func indexAtRank(_ rank: Int, of unit: ParUnitScore, among units: [ParUnitScore]) -> Double? {
    let peers = units.filter { $0.year == unit.year && $0.parent == unit.parent }.map(\.index).sorted(by: >)
    return rank >= 1 && rank <= peers.count ? peers[rank - 1] : nil
  }

  /// Criterion codes in numeric order by segment: 1.10 after 1.9 (`total` and `index`, which
  /// are not numbers, after every code).
  static func codeOrder(_ code: String) -> [Int] {
    code.split(separator: ".").map { Int($0) ?? Int.max }
  }

  /// Whether `one` comes before `other` in code order.
  public static func codeBefore(_ one: String, _ other: String) -> Bool {
    codeOrder(one).lexicographicallyPrecedes(codeOrder(other))
  }
}
