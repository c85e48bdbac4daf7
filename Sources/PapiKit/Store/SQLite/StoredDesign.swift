import Foundation
import GRDB
internal import GRDBSQLite

/// A table's sample design as the `respondent` table keeps it: each row's cluster, stratum
/// and fpc as text and a number, NULL without a design (schema v7).
struct StoredDesign {
  let declared: Bool
  private let clusters: [[UInt8]]
  private let strata: [[UInt8]]
  private let fpc: [Double?]
  private let hasCluster: Bool
  private let hasStrata: Bool

  init(_ design: DesignDirectory) {
    declared = design.isDeclared
    hasCluster = design.columns.cluster != nil
    hasStrata = design.columns.strata != nil
    clusters = design.clusters.map { Array($0.value.utf8) }
    strata = design.strata.map { Array($0.name.utf8) }
    fpc = design.strata.map(\.fpc)
  }

  /// Binds the row's cluster, stratum and fpc at `first`, `first + 1` and `first + 2`.
  func bind(_ row: RowDesign, to statement: OpaquePointer?, from first: Int32, check: (Int32) throws -> Void) throws {
    func text(_ bytes: [UInt8]?, _ index: Int32) throws {
      guard let bytes else { return try check(sqlite3_bind_null(statement, index)) }
      try bytes.withUnsafeBytes {
        try check(
          sqlite3_bind_text(
            statement, index, $0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32($0.count), nil))
      }
    }
    try text(declared && hasCluster && row.cluster >= 0 ? clusters[Int(row.cluster)] : nil, first)
    try text(declared ? strata[Int(row.stratum)] : nil, first + 1)
    if declared, let value = fpc[Int(row.stratum)] {
      try check(sqlite3_bind_double(statement, first + 2, value))
    } else {
      try check(sqlite3_bind_null(statement, first + 2))
    }
  }

  /// Whether the stored cluster and stratum (columns `first`, `first + 1` of a step) are
  /// the row's.
  func matches(_ row: RowDesign, _ statement: OpaquePointer?, from first: Int32) -> Bool {
    func same(_ index: Int32, _ bytes: [UInt8]?) -> Bool {
      guard let bytes else { return sqlite3_column_type(statement, index) == SQLITE_NULL }
      guard sqlite3_column_type(statement, index) != SQLITE_NULL else { return false }
      let stored = UnsafeRawBufferPointer(
        start: sqlite3_column_text(statement, index), count: Int(sqlite3_column_bytes(statement, index)))
      return stored.elementsEqual(bytes)
    }
    return same(first, declared && hasCluster && row.cluster >= 0 ? clusters[Int(row.cluster)] : nil)
      && same(first + 1, declared ? strata[Int(row.stratum)] : nil)
  }

  /// The row's values for an UPDATE.
  func values(_ row: RowDesign) -> (cluster: String?, stratum: String?, fpc: Double?) {
    guard declared else { return (nil, nil, nil) }
    return (
      hasCluster && row.cluster >= 0 ? String(decoding: clusters[Int(row.cluster)], as: UTF8.self) : nil,
      String(decoding: strata[Int(row.stratum)], as: UTF8.self), fpc[Int(row.stratum)]
    )
  }
}

extension DesignDirectory {
  /// A stored row's place in the design (its unit already known): rebuilds the clusters and
  /// strata a wave's rows were imported with.
  mutating func stored(cluster: String?, stratum: String?, fpc: Double?, unit: Int32) -> RowDesign {
    let index = self.stratum(stratum ?? "")
    if let fpc { _ = setFPC(fpc, of: index) }
    guard let cluster else { return RowDesign(cluster: -1, stratum: index) }
    return RowDesign(cluster: self.cluster(cluster, unit: unit, stratum: index).index, stratum: index)
  }
}
