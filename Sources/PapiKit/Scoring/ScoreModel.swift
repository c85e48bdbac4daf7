/// One estimate with its uncertainty (PRODUCT.md §4). Unknown values are nil, never made up.
public struct Estimate: Sendable, Equatable {
  public var value: Double?
  public var se: Double?
  public var low: Double?
  public var upp: Double?
  /// Unweighted count of contributing respondents.
  public var n: Int
  /// False when some indicator below this score had no valid answer.
  public var complete: Bool
  /// With a declared sample design: its degrees of freedom, clusters, design effect and
  /// effective n (nil without a design: respondents independent, normal intervals).
  public var design: EstimateDesign? = nil

  static let z95 = 1.959964

  static func null(complete: Bool = false) -> Estimate {
    Estimate(value: nil, se: nil, low: nil, upp: nil, n: 0, complete: complete)
  }

  /// An estimate from its value, n and Σ z² (the linearised variance before the n/(n−1)
  /// correction); the SE is nil below 2 respondents.
  init(value: Double?, n: Int, sumOfSquares: Double, complete: Bool) {
    guard let value else {
      self = .null()
      return
    }
    self.value = value
    self.n = n
    self.complete = complete
    if n >= 2 {
      let se = (Double(n) / Double(n - 1) * sumOfSquares).squareRoot()
      self.se = se
      self.low = value - Self.z95 * se
      self.upp = value + Self.z95 * se
    }
  }

  /// An estimate under a sample design: `design.variance` is the ultimate-cluster variance
  /// over `design.clusters` clusters with `design.df` degrees of freedom; the SE is nil below
  /// 1 degree of freedom, the interval uses Student's t, and the design effect compares the
  /// variance with that of independent respondents (Σ z² with the n/(n−1) correction).
  init(value: Double?, n: Int, sumOfSquares: Double, complete: Bool, design: DesignVariance) {
    guard let value else {
      self = .null()
      self.design = EstimateDesign(df: 0, clusters: 0, deff: nil, nEff: nil)
      return
    }
    self.value = value
    self.n = n
    self.complete = complete
    let independent = n >= 2 ? Double(n) / Double(n - 1) * sumOfSquares : 0
    var summary = EstimateDesign(df: design.df, clusters: design.clusters, deff: nil, nEff: nil)
    if design.df >= 1 {
      // A variance that is zero but for rounding (clusters with equal means) is zero.
      let variance = design.variance > 1e-20 * independent ? design.variance : 0
      let se = variance.squareRoot()
      let critical = StudentT.critical95(df: design.df)
      self.se = se
      self.low = value - critical * se
      self.upp = value + critical * se
      if n >= 2 { summary.independentSE = independent.squareRoot() }
      if independent > 0 && variance > 0 {
        let deff = variance / independent
        summary.deff = deff
        summary.nEff = Double(n) / deff
      }
    }
    self.design = summary
  }

  /// The SE a flag may count on: under a design, never smaller than that of independent
  /// respondents. A design effect below 1 from a handful of clusters is the noise of a
  /// variance estimated from two or three cluster totals, not precision, and a flag must
  /// not be raised on it (`below_significant`, `declined`, a significant re-measurement).
  public var flagSE: Double? {
    guard let se, let design else { return se }
    return max(se, design.independentSE ?? se)
  }

  /// The 95% interval a flag counts on: the design's t with `flagSE`.
  public var flagInterval: (low: Double, upp: Double)? {
    guard let value, let se = flagSE else { return nil }
    return (value - critical95 * se, value + critical95 * se)
  }

  /// The half-width multiplier of the 95% interval: Student's t with the design's degrees
  /// of freedom, or the normal 1.959964.
  public var critical95: Double { design.map { StudentT.critical95(df: max(1, $0.df)) } ?? Self.z95 }

  /// The multiplier for the difference of two independent estimates (this one and
  /// `other`): t with the smaller of their degrees of freedom when either has a design.
  public func critical95(against other: Estimate) -> Double {
    guard let df = [design?.df, other.design?.df].compactMap({ $0 }).min() else { return Self.z95 }
    return StudentT.critical95(df: max(1, df))
  }

  init(value: Double?, se: Double?, low: Double?, upp: Double?, n: Int, complete: Bool) {
    self.value = value
    self.se = se
    self.low = low
    self.upp = upp
    self.n = n
    self.complete = complete
  }
}

/// What a sample design says of one estimate (PRODUCT.md §4 with clusters and strata).
public struct EstimateDesign: Sendable, Equatable {
  /// Clusters − strata among the contributing respondents.
  public var df: Int
  /// Clusters among the contributing respondents (respondents, without a cluster column).
  public var clusters: Int
  /// The design's variance over that of independent respondents; nil without an SE.
  public var deff: Double?
  /// n / deff.
  public var nEff: Double?
  /// The SE the same respondents would have as independent ones (PRODUCT.md §4).
  public var independentSE: Double? = nil
}

/// An estimate's design-based variance before it becomes an `Estimate`.
struct DesignVariance {
  var variance: Double
  var df: Int
  var clusters: Int
}

/// An indicator's estimate.
public struct IndicatorScore: Sendable {
  public var id: String
  public var estimate: Estimate
}

/// A sub-dimension's score and its indicators' estimates.
public struct SubdimensionScore: Sendable {
  public var id: String
  public var score: Estimate
  public var indicators: [IndicatorScore]
}

/// A dimension's score and its sub-dimensions'.
public struct DimensionScore: Sendable {
  public var id: String
  public var score: Estimate
  public var subdimensions: [SubdimensionScore]
}

/// The scores of one unit (a commune, or any unit above it).
public struct UnitScore: Sendable {
  public var code: String
  public var name: String?
  public var parent: String?
  public var respondents: Int
  public var total: Estimate
  public var dimensions: [DimensionScore]
  /// The parent's name, for people (`ParentNames`); nil when no register or list has it.
  public var parentName: String? = nil

  /// The parent as people read it: "Kon Tum (62)", or the code alone when it has no name.
  public var parentLabel: String? {
    guard let parent else { return nil }
    return parentName.map { "\($0) (\(parent))" } ?? parent
  }
}

/// The scores of every unit at one level.
public struct ScoreReport: Sendable {
  public var tool: String
  public var version: String
  public var questionnaireID: String
  public var kind: QuestionnaireKind
  public var wave: String?
  public var level: String
  public var units: [UnitScore]
  /// The unit set the respondents were converted to (`--as-of-units`): the scores are derived.
  public var unitsAsOf: String?
  /// What reading the exports left out (rows with errors, incomplete responses) or could not
  /// check (duplicates without ids); empty for a stored wave or published scores.
  public var reading = ReadingSummary()
  /// The column the respondents' weights came from, when weights were applied (some
  /// respondent weighs other than 1); nil when every respondent counted once.
  public var weights: String?
  /// The sample design the SEs took into account, when the questionnaire declares one and
  /// the exports carry its columns; nil: respondents independent (PRODUCT.md §4).
  public var design: ScoredDesign?

  /// What every human output says of a sample design: which columns the standard errors
  /// took into account, the t intervals, the lonely-stratum rule, and the units whose one
  /// cluster gives no standard error (so none of their flags can be "clearly below").
  public var designNotes: [LocalizedText] {
    guard let design else { return [] }
    let columns = design.columns
    var vi: [String] = []
    var en: [String] = []
    if let cluster = columns.cluster {
      vi.append("cụm theo cột `\(cluster)`")
      en.append("clusters from column `\(cluster)`")
    }
    if let strata = columns.strata {
      vi.append("tầng theo cột `\(strata)`")
      en.append("strata from column `\(strata)`")
    }
    if let fpc = columns.fpc {
      vi.append("hiệu chỉnh tổng thể hữu hạn theo cột `\(fpc)`")
      en.append("finite population correction from column `\(fpc)`")
    }
    var notes = [
      L(
        "Sai số chuẩn theo thiết kế mẫu (\(vi.joined(separator: ", "))); KTC 95% theo phân phối t với bậc tự do = "
          + "số cụm − số tầng.",
        "Standard errors follow the sample design (\(en.joined(separator: ", "))); 95% CIs use Student's t with "
          + "clusters − strata degrees of freedom.")
    ]
    switch design.lonelyPSU {
    case .fail: break
    case .adjust:
      notes.append(
        L(
          "Tầng chỉ có một cụm được căn theo trung bình chung (--lonely-psu adjust).",
          "A stratum with one cluster is centred at the grand mean (--lonely-psu adjust)."))
    case .certainty, .remove:
      notes.append(
        L(
          "Tầng chỉ có một cụm không được tính vào phương sai (--lonely-psu \(design.lonelyPSU.rawValue)).",
          "A stratum with one cluster adds no variance (--lonely-psu \(design.lonelyPSU.rawValue))."))
    }
    let single = units.filter { $0.total.value != nil && ($0.total.design?.df ?? 1) < 1 }.map(\.code)
    if !single.isEmpty {
      let list = single.prefix(12).joined(separator: ", ") + (single.count > 12 ? ", …" : "")
      notes.append(
        L(
          "\(single.count) đơn vị chỉ có một cụm nên không có sai số chuẩn, và không thể kết luận “thấp hơn rõ rệt”: "
            + "\(list).",
          "\(single.count) unit\(single.count == 1 ? " has" : "s have") one cluster only, so no standard error, and "
            + "cannot be found “clearly below”: \(list)."))
    }
    return notes
  }

  /// The sentence every human output carries when weights were applied.
  static func weightsNote(_ column: String) -> LocalizedText {
    L(
      "Điểm tính có trọng số: mỗi người trả lời được tính theo giá trị ở cột `\(column)`.",
      "Weighted scores: each respondent counts by the value in column `\(column)`.")
  }
}

/// The design behind a score report's standard errors.
public struct ScoredDesign: Sendable, Equatable {
  public var columns: DesignColumns
  public var lonelyPSU: LonelyPSU
}

/// The tool's name and version as written into every output.
public enum PapiVersion {
  public static let current = "0.1.0"
}
