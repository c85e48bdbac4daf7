import Foundation

/// A year's PAR INDEX report (`papi par report`, PRODUCT.md §8.4): each unit's index, band
/// and rank with last year's, every field and lost criterion with the offices it falls to,
/// the points to recover, the checks; and the offices' table over the units reported.
public struct ParReport: Sendable {
  public var set: ParCriteriaSet
  public var year: String
  /// The year compared with, when there is one.
  public var compare: String?
  public var units: [ParUnitReport]
  /// Per office, the points lost over the units reported, most first.
  public var offices: [ParOfficeTotal]
  /// The rank asked for with `--target-rank`.
  public var targetRank: Int?
}

/// One unit in a PAR INDEX report.
public struct ParUnitReport: Sendable {
  public var score: ParUnitScore
  /// Last year's figures: computed from its results, or as a document published them.
  public var previous: ParPrevious?
  /// Each field's points over its maximum in the compared year, by field code.
  public var previousFields: [String: (points: Double, maximum: Double)]
  /// Each lost criterion's score in the compared year (through `replaces`), by code; a
  /// criterion absent here has no such score.
  public var previousScores: [String: Double]
  /// This year's figures as a document published them (`index`, `rank` rows), when given.
  public var published: ParPrevious?
  /// With `--target-rank K`: the K-th unit's index among those of the same parent, and the
  /// points needed to reach it (0 when the unit is there already); nil index when fewer
  /// units were scored.
  public var target: (index: Double?, pointsNeeded: Double?)?

  public var code: String { score.code }
}

/// A unit's figures of the compared year.
public struct ParPrevious: Sendable, Equatable {
  public var points: Double?
  public var maximum: Double?
  public var index: Double?
  public var band: ParBand?
  public var rank: Int?
  public var of: Int?
  /// True when the figures are a document's (a published index and rank), not computed
  /// from criterion-by-criterion results.
  public var published: Bool
}

/// An office's share of the points lost, and the criteria they were lost on.
public struct ParOfficeTotal: Sendable, Equatable {
  public var name: String
  public var lost: Double
  public var criteria: [String]
}

extension ParReport {
  /// Builds the report of `year` (every unit, or `unit` only: none when it has no results),
  /// compared with `previous` when it is given.
  public static func build(
    _ year: StoredParYear, previous: StoredParYear?, unit: String? = nil, targetRank: Int? = nil
  ) throws(PapiError) -> ParReport {
    let set = try year.criteria()
    let units = try ParIndex.score(set, results: year.results, stated: year.stated)
    let earlier: (set: ParCriteriaSet, units: [ParUnitScore], stated: [ParStated])?
    if let previous {
      let previousSet = try previous.criteria()
      earlier = (
        previousSet, try ParIndex.score(previousSet, results: previous.results, stated: previous.stated),
        previous.stated
      )
    } else {
      earlier = nil
    }
    let reported = units.filter { unit == nil || $0.code == unit }
    var reports: [ParUnitReport] = []
    for score in reported.sorted(by: { ParIndex.codeBefore($0.code, $1.code) || $0.code < $1.code }) {
      var report = ParUnitReport(
        score: score, previous: nil, previousFields: [:], previousScores: [:],
        published: ParPrevious.published(year.stated.filter { $0.unitCode == score.code }, set: set), target: nil)
      if let earlier, let previous {
        report.fill(
          from: earlier.units.first { $0.code == score.code }, set: set, earlierSet: earlier.set, year: previous)
        if report.previous == nil {
          report.previous = ParPrevious.published(earlier.stated.filter { $0.unitCode == score.code }, set: earlier.set)
        }
      }
      if let targetRank {
        let index = ParIndex.indexAtRank(targetRank, of: score, among: units)
        report.target = (index, index.map { max(0, $0 / set.scale * score.maximum - score.points) })
      }
      reports.append(report)
    }
    return ParReport(
      set: set, year: year.year, compare: previous?.year, units: reports, offices: offices(reported),
      targetRank: targetRank)
  }

  /// The offices' table: each office's shares of lost points summed over `units`, offices
  /// written differently only in spacing around "-" and "&" or in case counted as one.
  static func offices(_ units: [ParUnitScore]) -> [ParOfficeTotal] {
    var totals: [String: (name: String, parts: [Double], criteria: Set<String>)] = [:]
    for unit in units {
      for loss in unit.lost {
        for share in loss.offices {
          let key = officeKey(share.office.name)
          totals[key, default: (share.office.name, [], [])].parts.append(share.lost)
          totals[key]?.criteria.insert(loss.criterion)
        }
      }
    }
    return totals.map { key, total in
      (
        key,
        ParOfficeTotal(
          name: total.name, lost: total.parts.reduce(0, +), criteria: total.criteria.sorted(by: ParIndex.codeBefore))
      )
    }
    .sorted { one, other in
      let (a, b) = ((one.1.lost * 1e9).rounded(), (other.1.lost * 1e9).rounded())
      return a != b ? a > b : one.0 < other.0
    }
    .map(\.1)
  }

  /// An office's name as compared: spaces collapsed, none around "-" and "&", lower case.
  static func officeKey(_ name: String) -> String {
    var key = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    for mark in ["-", "&"] {
      key = key.replacingOccurrences(of: " \(mark)", with: mark).replacingOccurrences(of: "\(mark) ", with: mark)
    }
    return key
  }
}

extension ParUnitReport {
  /// Last year's figures of the unit, when it was scored then.
  fileprivate mutating func fill(
    from earlier: ParUnitScore?, set: ParCriteriaSet, earlierSet: ParCriteriaSet, year: StoredParYear
  ) {
    guard let earlier else { return }
    previous = ParPrevious(
      points: earlier.points, maximum: earlier.maximum, index: earlier.index, band: earlier.band, rank: earlier.rank,
      of: earlier.of, published: false)
    for field in earlier.fields { previousFields[field.code] = (field.points, field.maximum) }
    let rows = Dictionary(
      year.results.filter { $0.unitCode == score.code }.map { ($0.criterion, $0) }, uniquingKeysWith: { one, _ in one })
    for loss in score.lost {
      let code = set.criterion(loss.criterion)?.replaces[year.year] ?? loss.criterion
      if earlierSet.criterion(code)?.children.isEmpty == true, let row = rows[code], row.scored, let value = row.score {
        previousScores[loss.criterion] = value
      }
    }
  }
}

extension ParPrevious {
  /// The figures a document published for a year known only from them (its index and rank).
  static func published(_ stated: [ParStated], set: ParCriteriaSet) -> ParPrevious? {
    let index = stated.first { $0.criterion == "index" }?.value
    let rank = stated.first { $0.criterion == "rank" }
    let total = stated.first { $0.criterion == "total" }?.value
    guard index != nil || rank != nil || total != nil else { return nil }
    return ParPrevious(
      points: total, maximum: nil, index: index, band: index.flatMap(set.band(of:)), rank: rank.map { Int($0.value) },
      of: rank?.of, published: true)
  }
}
