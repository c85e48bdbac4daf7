/// One row's sample-design cells (cluster, stratum, fpc) as read, and their resolution to
/// the table's clusters and strata. A cluster or stratum met before costs a dictionary
/// lookup on bytes; a `String` is made only for a new one.
struct RowDesignCells {
  private var cluster: [UInt8] = []
  private var stratum: [UInt8] = []
  private var fpc: [UInt8] = []
  /// The unit index and the three cells' bytes (each after its length) of every row met
  /// before → its place: one lookup per row once a village has been seen.
  private var known: [[UInt8]: RowDesign] = [:]
  private var key: [UInt8] = []

  /// What is wrong with a row's design cells, and in which column.
  struct Problem: Error {
    var role: DesignRole
    var value: String
    var message: LocalizedText
    var fix: LocalizedText
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer, _ role: DesignRole) {
    switch role {
    case .cluster: cluster.append(contentsOf: bytes)
    case .stratum: stratum.append(contentsOf: bytes)
    case .fpc: fpc.append(contentsOf: bytes)
    }
  }

  mutating func append(_ bytes: [UInt8], _ role: DesignRole) {
    bytes.withUnsafeBytes { append($0, role) }
  }

  mutating func clear() {
    cluster.removeAll(keepingCapacity: true)
    stratum.removeAll(keepingCapacity: true)
    fpc.removeAll(keepingCapacity: true)
  }

  /// The row's cluster and stratum in `directory` (adding new ones), or what is wrong.
  mutating func resolve(unit: Int32, in directory: inout DesignDirectory) -> Result<RowDesign, Problem> {
    key.removeAll(keepingCapacity: true)
    withUnsafeBytes(of: unit) { key.append(contentsOf: $0) }
    func add(_ cell: [UInt8]) {
      withUnsafeBytes(of: UInt32(cell.count)) { key.append(contentsOf: $0) }
      key.append(contentsOf: cell)
    }
    add(stratum)
    add(cluster)
    add(fpc)
    if let found = known[key] { return .success(found) }
    let result = resolveNew(unit: unit, in: &directory)
    if case .success(let found) = result { known[key] = found }
    return result
  }

  private func resolveNew(unit: Int32, in directory: inout DesignDirectory) -> Result<RowDesign, Problem> {
    let columns = directory.columns
    let name = String(decoding: stratum, as: UTF8.self).trimmedNFC
    if columns.strata != nil && name.isEmpty {
      return .failure(
        Problem(
          role: .stratum, value: "",
          message: L("thiếu tầng mẫu của người trả lời.", "the respondent's stratum is empty."),
          fix: L(
            "Điền tầng mẫu (ví dụ mã huyện) cho dòng này.", "Fill in this row's stratum (for example the district).")
        ))
    }
    let stratumIndex = directory.stratum(name)
    if columns.fpc != nil {
      let text = String(decoding: fpc, as: UTF8.self)
      guard let value = fpc.withUnsafeBytes({ parseDecimal($0) }), value > 0, value.isFinite else {
        return .failure(
          Problem(
            role: .fpc, value: text,
            message: L(
              "hệ số hiệu chỉnh tổng thể hữu hạn phải là một số dương: số cụm của tầng trong tổng thể, hoặc tỷ lệ chọn "
                + "mẫu (từ 0 đến 1).",
              "the finite population correction must be a positive number: the stratum's clusters in the population, "
                + "or its sampling fraction (0 to 1)."),
            fix: L("Sửa ô này, ví dụ 120 hoặc 0.05.", "Correct this cell, for example 120 or 0.05.")))
      }
      if let earlier = directory.setFPC(value, of: stratumIndex) {
        return .failure(
          Problem(
            role: .fpc, value: text,
            message: L(
              "tầng `\(name)` có hệ số \(text) ở dòng này nhưng \(earlier.shortestText) ở dòng trước; mỗi tầng chỉ "
                + "có một hệ số.",
              "stratum `\(name)` has \(text) in this row but \(earlier.shortestText) in an earlier row; a stratum has "
                + "one value."),
            fix: L(
              "Ghi cùng một giá trị cho mọi dòng của tầng này.", "Write the same value in every row of this stratum.")))
      }
    }
    guard columns.cluster != nil else { return .success(RowDesign(cluster: -1, stratum: stratumIndex)) }
    let value = String(decoding: cluster, as: UTF8.self).trimmedNFC
    if value.isEmpty {
      return .failure(
        Problem(
          role: .cluster, value: "",
          message: L("thiếu cụm mẫu (thôn) của người trả lời.", "the respondent's cluster is empty."),
          fix: L("Điền cụm mẫu (ví dụ tên hoặc mã thôn) cho dòng này.", "Fill in this row's cluster (the village).")))
    }
    let (index, other) = directory.cluster(value, unit: unit, stratum: stratumIndex)
    if let other {
      let was = directory.strata[Int(other)].name
      let now = directory.strata[Int(stratumIndex)].name
      return .failure(
        Problem(
          role: .stratum, value: now,
          message: L(
            "cụm `\(value)` đã thuộc tầng `\(was)` ở dòng trước, ở đây lại thuộc tầng `\(now)`; mỗi cụm chỉ nằm trong "
              + "một tầng.",
            "cluster `\(value)` was in stratum `\(was)` in an earlier row but is in `\(now)` here; a cluster lies in "
              + "one stratum."),
          fix: L("Sửa tầng hoặc cụm của dòng này.", "Correct this row's stratum or cluster.")))
    }
    return .success(RowDesign(cluster: index, stratum: stratumIndex))
  }
}

extension ColumnRole {
  /// Whether this is a design column (of `role`, or any when nil).
  func isDesign(_ role: DesignRole?) -> Bool {
    guard case .design(let found) = self else { return false }
    return role == nil || role == found
  }
}

extension DesignDirectory {
  /// Whether `other` (read from a later part of the same file) joins without conflict: no
  /// cluster of a known commune in another stratum, no stratum with another fpc.
  func canAbsorb(_ other: DesignDirectory, theirUnits: UnitDirectory, ourUnits: UnitDirectory) -> Bool {
    for stratum in other.strata {
      if let known = strataLookup[stratum.name], let fpc = stratum.fpc, let ours = strata[Int(known)].fpc,
        fpc != ours
      {
        return false
      }
    }
    for cluster in other.clusters {
      let code = theirUnits.levels[0][Int(cluster.unit)].code
      guard let unit = ourUnits.find(code, level: 0),
        let known = clusterLookup[ClusterKey(unit: unit, value: cluster.value)]
      else { continue }
      if strata[Int(clusters[Int(known)].stratum)].name != other.strata[Int(cluster.stratum)].name { return false }
    }
    return true
  }

  /// Adds `other`'s strata and clusters (their communes mapped through `unitMap`);
  /// returns the maps of its indices to ours. Call after `canAbsorb`.
  mutating func absorb(_ other: DesignDirectory, unitMap: [Int32]) -> (clusters: [Int32], strata: [Int32]) {
    guard other.isDeclared else { return ([], []) }
    var strataMap: [Int32] = []
    for stratum in other.strata {
      let index = self.stratum(stratum.name)
      if let fpc = stratum.fpc { _ = setFPC(fpc, of: index) }
      strataMap.append(index)
    }
    let clusterMap = other.clusters.map {
      cluster($0.value, unit: unitMap[Int($0.unit)], stratum: strataMap[Int($0.stratum)]).index
    }
    return (clusterMap, strataMap)
  }
}
