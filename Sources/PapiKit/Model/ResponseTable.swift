/// The respondents of one or more exports, held compactly: one byte per answer.
///
/// Row r's answers are `codes[r * indicatorCount ..< (r + 1) * indicatorCount]`.
/// Personal data never gets here: the reader drops PII columns before a row is built.
public struct ResponseTable: Sendable {
  public let indicatorCount: Int
  public internal(set) var codes: [UInt8] = []
  public internal(set) var weights: [Double] = []
  /// Index into `units.communes` of each row's unit.
  public internal(set) var unitIndex: [Int32] = []
  /// Where each row came from: file index and data record number.
  public internal(set) var origin: [RowOrigin] = []
  /// Respondent ids, one after the other.
  var idBytes: [UInt8] = []
  var idEnds: [Int] = []
  public internal(set) var units = UnitDirectory()
  /// The files read, in order.
  public internal(set) var files: [String] = []

  public init(indicatorCount: Int) {
    self.indicatorCount = indicatorCount
  }

  public var count: Int { weights.count }

  public func respondentID(_ row: Int) -> String {
    let start = row == 0 ? 0 : idEnds[row - 1]
    return String(decoding: idBytes[start..<idEnds[row]], as: UTF8.self)
  }
}

public struct RowOrigin: Sendable, Equatable {
  public var file: Int32
  public var record: Int32
}

/// The units found in the exports: communes (the unit column) and their parents at each
/// level, keyed by code as byte strings (`00342` and `342` are different units).
public struct UnitDirectory: Sendable {
  public struct Unit: Sendable {
    public var code: String
    public var name: String?
    /// Parent unit index at each parent level, nearest first.
    public var parents: [Int32]
  }

  /// Level 0 is the unit column; level k > 0 is the k-th parent column.
  public internal(set) var levels: [[Unit]] = [[]]
  var lookup: [[String: Int32]] = [[:]]

  mutating func ensureLevels(_ count: Int) {
    while levels.count < count {
      levels.append([])
      lookup.append([:])
    }
  }

  /// The index of `code` at `level`, adding it when new.
  mutating func index(of code: String, level: Int) -> Int32 {
    if let found = lookup[level][code] { return found }
    let index = Int32(levels[level].count)
    levels[level].append(Unit(code: code, name: nil, parents: []))
    lookup[level][code] = index
    return index
  }

  public func find(_ code: String, level: Int) -> Int32? {
    level < lookup.count ? lookup[level][code] : nil
  }
}
