/// The sample design's columns of an export (`respondent.cluster`, `respondent.strata`,
/// `respondent.fpc`): each optional. With none of them respondents are independent and the
/// standard errors are those of PRODUCT.md §4 bit for bit.
public struct DesignColumns: Sendable, Equatable {
  /// The primary sampling unit (a village): a cluster is named by its value within its
  /// commune, so "Thôn 1" of two communes are two clusters.
  public var cluster: String?
  /// The stratum the cluster was drawn in (a district).
  public var strata: String?
  /// The stratum's population of clusters (a count above 1) or its sampling fraction (1 or
  /// less): the finite population correction.
  public var fpc: String?

  public init(cluster: String? = nil, strata: String? = nil, fpc: String? = nil) {
    self.cluster = cluster
    self.strata = strata
    self.fpc = fpc
  }

  /// Whether any design column is named.
  public var isDeclared: Bool { cluster != nil || strata != nil || fpc != nil }
}

/// What to do with a stratum that has one cluster (R `survey`'s `survey.lonely.psu`).
public enum LonelyPSU: String, Sendable, CaseIterable {
  /// The default: a stratum with one cluster in the data is an error.
  case fail
  /// Centre the stratum at the grand mean instead of its own (its one cluster counts).
  case adjust
  /// The cluster was sampled with certainty: the stratum adds no variance.
  case certainty
  /// The stratum adds no variance. With the single-stage (ultimate cluster) estimator
  /// papi uses, the same figures as `certainty`, as in R for a one-stage design.
  case remove
}

/// The clusters and strata of the rows of a `ResponseTable`, each row pointing at one of
/// each (`RowDesign`). Empty when the questionnaire declares no design or the exports lack
/// its columns.
public struct DesignDirectory: Sendable {
  /// One primary sampling unit: its commune (index into the table's communes), its value
  /// and its stratum.
  public struct Cluster: Sendable, Equatable {
    public var unit: Int32
    public var value: String
    public var stratum: Int32
  }

  /// One stratum: its name ("" without a strata column) and its finite population
  /// correction as written (nil without an fpc column).
  public struct Stratum: Sendable, Equatable {
    public var name: String
    public var fpc: Double?
  }

  /// The design columns the rows carry (those the exports had).
  public internal(set) var columns = DesignColumns()
  public internal(set) var clusters: [Cluster] = []
  public internal(set) var strata: [Stratum] = []
  var clusterLookup: [ClusterKey: Int32] = [:]
  var strataLookup: [String: Int32] = [:]

  struct ClusterKey: Hashable {
    var unit: Int32
    var value: String
  }

  /// Whether the rows carry a design (then every row has a stratum, and a cluster when
  /// `columns.cluster` is set).
  public var isDeclared: Bool { columns.isDeclared }

  /// The stratum named `name`, added when new.
  mutating func stratum(_ name: String) -> Int32 {
    if let found = strataLookup[name] { return found }
    let index = Int32(strata.count)
    strata.append(Stratum(name: name, fpc: nil))
    strataLookup[name] = index
    return index
  }

  /// The cluster `value` of commune `unit`, added in `stratum` when new. Returns the
  /// cluster and, for a cluster met before in another stratum, that stratum.
  mutating func cluster(_ value: String, unit: Int32, stratum: Int32) -> (index: Int32, otherStratum: Int32?) {
    let key = ClusterKey(unit: unit, value: value)
    if let found = clusterLookup[key] {
      let known = clusters[Int(found)].stratum
      return (found, known == stratum ? nil : known)
    }
    let index = Int32(clusters.count)
    clusters.append(Cluster(unit: unit, value: value, stratum: stratum))
    clusterLookup[key] = index
    return (index, nil)
  }

  /// Sets the stratum's fpc; returns the value it had when that differs.
  mutating func setFPC(_ value: Double, of stratum: Int32) -> Double? {
    if let known = strata[Int(stratum)].fpc { return known == value ? nil : known }
    strata[Int(stratum)].fpc = value
    return nil
  }
}

/// A row's place in the design: its cluster (-1 when the row is its own cluster) and its
/// stratum.
public struct RowDesign: Sendable, Equatable {
  public var cluster: Int32
  public var stratum: Int32

  public static let none = RowDesign(cluster: -1, stratum: 0)
}
