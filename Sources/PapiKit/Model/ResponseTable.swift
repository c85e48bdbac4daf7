#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The respondents of one or more exports, held compactly: one byte per answer.
///
/// Rows live in blocks of `blockRows` rows, each a separate allocation, so that the
/// tables of a file read in parts are joined one block at a time (never a second copy of
/// the whole table) and the scorer reads a row through a stable pointer. Full blocks are
/// never changed again; copies of a table share them and only the last block is copied
/// on write. Personal data never gets here: the reader drops PII columns before a row is
/// built.
public struct ResponseTable: Sendable {
  static let blockShift = 14
  static let blockRows = 1 << blockShift
  static let blockMask = blockRows - 1

  public let indicatorCount: Int
  private(set) var blocks: [RowBlock] = []
  public private(set) var count = 0
  public internal(set) var units = UnitDirectory()
  /// The clusters and strata of the rows, when the questionnaire declares a design.
  public internal(set) var design = DesignDirectory()
  /// The files read, in order.
  public internal(set) var files: [String] = []

  public init(indicatorCount: Int) {
    self.indicatorCount = indicatorCount
  }

  // MARK: Reading rows

  /// Row `row`'s answer codes (`AnswerCode.missing` where unanswered).
  public func answers(_ row: Int) -> UnsafeBufferPointer<UInt8> {
    let block = blocks[row >> Self.blockShift]
    return UnsafeBufferPointer(start: block.codes + (row & Self.blockMask) * indicatorCount, count: indicatorCount)
  }

  public func weight(_ row: Int) -> Double { blocks[row >> Self.blockShift].weights[row & Self.blockMask] }

  /// Index into `units.levels[0]` of the row's unit.
  public func unit(_ row: Int) -> Int32 { blocks[row >> Self.blockShift].units[row & Self.blockMask] }

  /// The row's cluster and stratum (`RowDesign.none` without a design).
  public func rowDesign(_ row: Int) -> RowDesign { blocks[row >> Self.blockShift].design[row & Self.blockMask] }

  /// Where the row came from: file index and data record number.
  public func origin(_ row: Int) -> RowOrigin { blocks[row >> Self.blockShift].origins[row & Self.blockMask] }

  public func respondentID(_ row: Int) -> String { String(decoding: idBytes(row), as: UTF8.self) }

  func idBytes(_ row: Int) -> ArraySlice<UInt8> { blocks[row >> Self.blockShift].id(row & Self.blockMask) }

  // MARK: Adding rows

  mutating func append(
    answers: UnsafeBufferPointer<UInt8>, weight: Double, unit: Int32, origin: RowOrigin, id: some Collection<UInt8>,
    design: RowDesign = .none
  ) {
    precondition(answers.count == indicatorCount)
    if count & Self.blockMask == 0 {
      blocks.append(RowBlock(width: indicatorCount))
    } else if !isKnownUniquelyReferenced(&blocks[blocks.count - 1]) {
      blocks[blocks.count - 1] = blocks[blocks.count - 1].copy()
    }
    blocks[blocks.count - 1].append(
      answers: answers, weight: weight, unit: unit, origin: origin, id: id, design: design)
    count += 1
  }

  /// Appends row `row` of `other` (same questionnaire) with a new weight and unit.
  mutating func append(row: Int, of other: ResponseTable, weight: Double, unit: Int32) {
    append(
      answers: other.answers(row), weight: weight, unit: unit, origin: other.origin(row), id: other.idBytes(row),
      design: other.rowDesign(row))
  }

  /// One row of a table being joined to another, as `absorb` shows it to its `keep`.
  struct IncomingRow {
    var answers: UnsafeBufferPointer<UInt8>
    var weight: Double
    var unit: Int32
    var origin: RowOrigin
    var id: ArraySlice<UInt8>
    var design: RowDesign
  }

  /// Moves the rows of `other` (read from a later part of the same file) to the end of
  /// this table, block by block, releasing each of `other`'s blocks once copied. Its unit
  /// indices are mapped through `unitMap`, its clusters and strata through `designMap`,
  /// and its record numbers shifted by `recordOffset`; `keep` sees each row first (with
  /// this table as it stands) and may leave it out.
  mutating func absorb(
    _ other: inout ResponseTable, unitMap: [Int32], designMap: (clusters: [Int32], strata: [Int32]) = ([], []),
    recordOffset: Int32, keep: (inout ResponseTable, IncomingRow) -> Bool
  ) {
    while !other.blocks.isEmpty {
      // Taken out first, so that the block is released as soon as its rows are copied.
      let block = other.blocks.removeFirst()
      for local in 0..<block.count {
        var origin = block.origins[local]
        origin.record += recordOffset
        var design = block.design[local]
        if design.cluster >= 0 { design.cluster = designMap.clusters[Int(design.cluster)] }
        if !designMap.strata.isEmpty { design.stratum = designMap.strata[Int(design.stratum)] }
        let row = IncomingRow(
          answers: UnsafeBufferPointer(start: block.codes + local * indicatorCount, count: indicatorCount),
          weight: block.weights[local], unit: unitMap[Int(block.units[local])], origin: origin, id: block.id(local),
          design: design)
        guard keep(&self, row) else { continue }
        append(
          answers: row.answers, weight: row.weight, unit: row.unit, origin: row.origin, id: row.id, design: row.design)
      }
    }
    other.count = 0
  }

  /// Calls `body` with each block's rows as pointers, in row order: the first row's index,
  /// the row count, the answer codes (rows × `indicatorCount`), weights and units.
  func forEachBlock(_ body: (Int, Int, UnsafePointer<UInt8>, UnsafePointer<Double>, UnsafePointer<Int32>) -> Void) {
    for (index, block) in blocks.enumerated() {
      withExtendedLifetime(block) {
        body(index << Self.blockShift, block.count, block.codes, block.weights, block.units)
      }
    }
  }
}

/// Up to `ResponseTable.blockRows` rows in one memory mapping made at full size: pages
/// not yet written cost no memory, and the whole block goes back to the system when it is
/// released (the allocator's per-thread arenas would keep the blocks a reading thread
/// made). Mutated only while its table holds the only reference.
final class RowBlock: @unchecked Sendable {
  let width: Int
  private let region: UnsafeMutableRawPointer
  private let regionSize: Int
  let codes: UnsafeMutablePointer<UInt8>
  let weights: UnsafeMutablePointer<Double>
  let units: UnsafeMutablePointer<Int32>
  let origins: UnsafeMutablePointer<RowOrigin>
  /// Each row's cluster and stratum.
  let design: UnsafeMutablePointer<RowDesign>
  let idEnds: UnsafeMutablePointer<Int32>
  /// Respondent ids one after the other; row r's ends at `idEnds[r]`.
  private(set) var idBytes: [UInt8] = []
  private(set) var count = 0

  init(width: Int) {
    self.width = width
    let rows = ResponseTable.blockRows
    // Widest fields first, so that each stays aligned.
    let weightsAt = 0
    let originsAt = weightsAt + rows * MemoryLayout<Double>.stride
    let designAt = originsAt + rows * MemoryLayout<RowOrigin>.stride
    let unitsAt = designAt + rows * MemoryLayout<RowDesign>.stride
    let idEndsAt = unitsAt + rows * MemoryLayout<Int32>.stride
    let codesAt = idEndsAt + rows * MemoryLayout<Int32>.stride
    regionSize = codesAt + rows * width
    let mapped = mmap(nil, regionSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let mapped, mapped != MAP_FAILED else {
      fatalError("papi: out of memory (\(regionSize) bytes for a block of rows)")
    }
    region = mapped
    weights = (mapped + weightsAt).bindMemory(to: Double.self, capacity: rows)
    origins = (mapped + originsAt).bindMemory(to: RowOrigin.self, capacity: rows)
    design = (mapped + designAt).bindMemory(to: RowDesign.self, capacity: rows)
    units = (mapped + unitsAt).bindMemory(to: Int32.self, capacity: rows)
    idEnds = (mapped + idEndsAt).bindMemory(to: Int32.self, capacity: rows)
    codes = (mapped + codesAt).bindMemory(to: UInt8.self, capacity: rows * width)
  }

  deinit {
    munmap(region, regionSize)
  }

  func append(
    answers: UnsafeBufferPointer<UInt8>, weight: Double, unit: Int32, origin: RowOrigin, id: some Collection<UInt8>,
    design: RowDesign
  ) {
    (codes + count * width).update(from: answers.baseAddress!, count: width)
    weights[count] = weight
    self.design[count] = design
    units[count] = unit
    origins[count] = origin
    // Room for the whole block's ids at its first row, as long as this one: the ids of an
    // export are mostly of one length (UUIDs), and a buffer doubled again and again would
    // leave its copies behind in the allocator.
    if count == 0 { idBytes.reserveCapacity(ResponseTable.blockRows * max(8, id.count)) }
    idBytes.append(contentsOf: id)
    idEnds[count] = Int32(idBytes.count)
    count += 1
  }

  func id(_ row: Int) -> ArraySlice<UInt8> {
    idBytes[(row == 0 ? 0 : Int(idEnds[row - 1]))..<Int(idEnds[row])]
  }

  func copy() -> RowBlock {
    let copy = RowBlock(width: width)
    copy.codes.update(from: codes, count: count * width)
    copy.weights.update(from: weights, count: count)
    copy.units.update(from: units, count: count)
    copy.origins.update(from: origins, count: count)
    copy.design.update(from: design, count: count)
    copy.idEnds.update(from: idEnds, count: count)
    copy.idBytes = idBytes
    copy.count = count
    return copy
  }
}

/// Where a row came from: the file's index and its data record.
public struct RowOrigin: Sendable, Equatable {
  public var file: Int32
  public var record: Int32
}

/// The units found in the exports: communes (the unit column) and their parents at each
/// level, keyed by code as byte strings (`00342` and `342` are different units).
public struct UnitDirectory: Sendable {
  /// A unit of one level, with its name and its parents.
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
