/// One thread's sums for the design-based variance of every estimate of a unit (the
/// ultimate-cluster estimator of R `survey`): each row's linearised scores z are added to
/// its cluster's totals, the cluster totals to their stratum's sums, and each estimate's
/// variance is `Σ_h (1 − f_h) · m_h/(m_h − 1) · Σ_c (t_hc − t̄_h)²` over the m_h clusters
/// of stratum h that have a contributing respondent. Without a cluster column each
/// respondent is its own cluster, and its scores go straight to its stratum's sums.
/// Estimates are numbered indicators, then sub-dimensions, dimensions and the total.
///
/// The sums live in raw memory that grows by doubling, in properties without run-time
/// exclusivity checks (one thread owns the accumulator): the scorer adds to them for every
/// answer, where an array's or a property's checks would cost more than the addition.
final class DesignAccumulator {
  let estimates: Int
  let clustered: Bool
  let lonely: LonelyPSU
  /// 1 − f_h of every stratum of the table.
  let fpcFactor: [Double]
  /// Cluster of the table → slot of this unit (-1: none yet); stratum → stratum slot.
  private let slotOf: UnsafeMutablePointer<Int32>
  private let stratumSlotOf: UnsafeMutablePointer<Int32>
  @exclusivity(unchecked) private var slotClusters: [Int32] = []
  @exclusivity(unchecked) private var slotStratum: [Int32] = []
  @exclusivity(unchecked) private var slotStrata: [Int32] = []
  /// Per cluster slot × estimate: the total and whether some respondent contributed.
  @exclusivity(unchecked) private var totals = Buffer<Double>(zero: 0)
  @exclusivity(unchecked) private var has = Buffer<Bool>(zero: false)
  /// Per stratum slot × estimate: Σ t, Σ t² and the clusters counted.
  @exclusivity(unchecked) private var sum = Buffer<Double>(zero: 0)
  @exclusivity(unchecked) private var squares = Buffer<Double>(zero: 0)
  @exclusivity(unchecked) private var count = Buffer<Int32>(zero: 0)
  /// Where one row's scores go: its cluster's totals, or (each respondent its own cluster)
  /// its stratum's sums. Raw pointers, valid until the next `beginRow`.
  struct RowSink {
    let clustered: Bool
    let first: UnsafeMutablePointer<Double>
    let second: UnsafeMutablePointer<Double>
    let has: UnsafeMutablePointer<Bool>
    let count: UnsafeMutablePointer<Int32>

    /// Adds the row's score `z` of estimate `k`.
    @inline(__always) func add(_ k: Int, _ z: Double) {
      first[k] += z
      if clustered {
        has[k] = true
      } else {
        second[k] += z * z
        count[k] &+= 1
      }
    }
  }

  /// Raw memory of `capacity` elements, grown by doubling, zeroed when grown.
  struct Buffer<Element> {
    var pointer: UnsafeMutablePointer<Element>
    var capacity = 1

    init(zero: Element) {
      pointer = .allocate(capacity: 1)
      pointer.initialize(to: zero)
    }

    mutating func ensure(_ needed: Int, zero: Element) {
      guard needed > capacity else { return }
      var grown = capacity
      while grown < needed { grown *= 2 }
      let new = UnsafeMutablePointer<Element>.allocate(capacity: grown)
      new.initialize(repeating: zero, count: grown)
      new.update(from: pointer, count: capacity)
      pointer.deallocate()
      pointer = new
      capacity = grown
    }
  }

  init(estimates: Int, design: DesignDirectory, fpcFactor: [Double], lonely: LonelyPSU) {
    self.estimates = estimates
    clustered = design.columns.cluster != nil
    self.lonely = lonely
    self.fpcFactor = fpcFactor
    let clusters = max(1, design.clusters.count)
    slotOf = .allocate(capacity: clusters)
    slotOf.initialize(repeating: -1, count: clusters)
    let strata = max(1, design.strata.count)
    stratumSlotOf = .allocate(capacity: strata)
    stratumSlotOf.initialize(repeating: -1, count: strata)
  }

  deinit {
    slotOf.deallocate()
    stratumSlotOf.deallocate()
    totals.pointer.deallocate()
    has.pointer.deallocate()
    sum.pointer.deallocate()
    squares.pointer.deallocate()
    count.pointer.deallocate()
  }

  /// Forgets the previous unit.
  func reset() {
    for cluster in slotClusters { slotOf[Int(cluster)] = -1 }
    for stratum in slotStrata { stratumSlotOf[Int(stratum)] = -1 }
    totals.pointer.update(repeating: 0, count: slotClusters.count * estimates)
    has.pointer.update(repeating: false, count: slotClusters.count * estimates)
    sum.pointer.update(repeating: 0, count: slotStrata.count * estimates)
    squares.pointer.update(repeating: 0, count: slotStrata.count * estimates)
    count.pointer.update(repeating: 0, count: slotStrata.count * estimates)
    slotClusters.removeAll(keepingCapacity: true)
    slotStratum.removeAll(keepingCapacity: true)
    slotStrata.removeAll(keepingCapacity: true)
  }

  private func stratumSlot(_ stratum: Int32) -> Int {
    let known = stratumSlotOf[Int(stratum)]
    if known >= 0 { return Int(known) }
    let slot = slotStrata.count
    stratumSlotOf[Int(stratum)] = Int32(slot)
    slotStrata.append(stratum)
    let needed = (slot + 1) * estimates
    sum.ensure(needed, zero: 0)
    squares.ensure(needed, zero: 0)
    count.ensure(needed, zero: 0)
    return slot
  }

  /// Where the row's scores go: its cluster (or, as its own cluster, its stratum).
  @inline(__always) func beginRow(_ design: RowDesign) -> RowSink {
    if !clustered {
      let base = stratumSlot(design.stratum) * estimates
      return RowSink(
        clustered: false, first: sum.pointer + base, second: squares.pointer + base, has: has.pointer,
        count: count.pointer + base)
    }
    var slot = Int(slotOf[Int(design.cluster)])
    if slot < 0 {
      slot = slotClusters.count
      slotOf[Int(design.cluster)] = Int32(slot)
      slotClusters.append(design.cluster)
      slotStratum.append(Int32(stratumSlot(design.stratum)))
      totals.ensure((slot + 1) * estimates, zero: 0)
      has.ensure((slot + 1) * estimates, zero: false)
    }
    let base = slot * estimates
    return RowSink(
      clustered: true, first: totals.pointer + base, second: totals.pointer + base, has: has.pointer + base,
      count: count.pointer)
  }

  /// Every estimate's design variance, degrees of freedom and clusters.
  func finish() -> [DesignVariance] {
    if clustered {
      for slot in 0..<slotClusters.count {
        let to = Int(slotStratum[slot]) * estimates
        let from = slot * estimates
        for k in 0..<estimates where has.pointer[from + k] {
          let t = totals.pointer[from + k]
          sum.pointer[to + k] += t
          squares.pointer[to + k] += t * t
          count.pointer[to + k] += 1
        }
      }
    }
    var result: [DesignVariance] = []
    result.reserveCapacity(estimates)
    for k in 0..<estimates {
      var variance = 0.0
      var clusters = 0
      var strata = 0
      for (slot, stratum) in slotStrata.enumerated() {
        let index = slot * estimates + k
        let m = Int(count.pointer[index])
        guard m > 0 else { continue }
        clusters += m
        strata += 1
        let factor = fpcFactor[Int(stratum)]
        let total = sum.pointer[index]
        if m >= 2 {
          let centred = max(0, squares.pointer[index] - total * (total / Double(m)))
          variance += factor * Double(m) / Double(m - 1) * centred
        } else if lonely == .adjust {
          // Centred at the grand mean of the scores, which is 0.
          variance += factor * total * total
        }
      }
      result.append(DesignVariance(variance: variance, df: clusters - strata, clusters: clusters))
    }
    return result
  }
}
