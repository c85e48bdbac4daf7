import Foundation
import GRDB
internal import GRDBSQLite

/// A table's sample design as the `respondent` table keeps it: each row's cluster, stratum
/// and fpc as text and a number, NULL without a design (schema v7).
struct StoredDesign {
  private let declared: Bool
  private let clusters: [[UInt8]]
  private let strata: [[UInt8]]
  private let fpc: [Double?]

  init(_ design: DesignDirectory) {
    declared = design.isDeclared
    clusters = design.clusters.map { Array($0.value.utf8) }
    strata = design.strata.map { Array($0.name.utf8) }
    fpc = design.strata.map(\.fpc)
  }

  /// What the row stores: its cluster (nil when each respondent is its own), stratum and
  /// fpc, all nil without a design.
  private func cells(_ row: RowDesign) -> (cluster: [UInt8]?, stratum: [UInt8]?, fpc: Double?) {
    guard declared else { return (nil, nil, nil) }
    let stratum = Int(row.stratum)
    return (row.cluster >= 0 ? clusters[Int(row.cluster)] : nil, strata[stratum], fpc[stratum])
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
    let cells = cells(row)
    try text(cells.cluster, first)
    try text(cells.stratum, first + 1)
    if let value = cells.fpc {
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
    let cells = cells(row)
    return same(first, cells.cluster) && same(first + 1, cells.stratum)
  }

  /// The row's values for an UPDATE.
  func values(_ row: RowDesign) -> (cluster: String?, stratum: String?, fpc: Double?) {
    let cells = cells(row)
    return (
      cells.cluster.map { String(decoding: $0, as: UTF8.self) },
      cells.stratum.map { String(decoding: $0, as: UTF8.self) },
      cells.fpc
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
