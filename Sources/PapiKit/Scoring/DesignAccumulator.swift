/// One thread's sums for the design-based variance of every estimate of a unit (the
/// ultimate-cluster estimator of R `survey`): each row's linearised scores z are added to
/// its cluster's totals, the cluster totals to their stratum's sums, and each estimate's
/// variance is `Σ_h (1 − f_h) · m_h/(m_h − 1) · Σ_c (t_hc − t̄_h)²` over the m_h clusters
/// of stratum h that have a contributing respondent. Without a cluster column each
/// respondent is its own cluster. Estimates are numbered indicators, then sub-dimensions,
/// dimensions and the total.
final class DesignAccumulator {
  let estimates: Int
  let clustered: Bool
  let lonely: LonelyPSU
  /// 1 − f_h of every stratum of the table.
  let fpcFactor: [Double]
  /// The row being added: its scores and whether it contributes to each estimate.
  let rowZ: UnsafeMutablePointer<Double>
  let rowHas: UnsafeMutablePointer<Bool>
  /// Cluster of the table → slot of this unit (-1: none yet), and each slot's stratum slot.
  private var slotOf: [Int32]
  private var slotClusters: [Int32] = []
  private var slotStratum: [Int32] = []
  /// Per slot × estimate: the cluster total and whether some respondent contributed.
  private var totals: [Double] = []
  private var has: [Bool] = []
  /// Stratum of the table → stratum slot of this unit, and the slots' strata.
  private var stratumSlotOf: [Int32]
  private var slotStrata: [Int32] = []
  /// Per stratum slot × estimate: Σ t, Σ t² and the clusters counted.
  private var sum: [Double] = []
  private var sumOfSquares: [Double] = []
  private var count: [Int32] = []

  init(estimates: Int, design: DesignDirectory, fpcFactor: [Double], lonely: LonelyPSU) {
    self.estimates = estimates
    clustered = design.columns.cluster != nil
    self.lonely = lonely
    self.fpcFactor = fpcFactor
    rowZ = .allocate(capacity: max(1, estimates))
    rowZ.initialize(repeating: 0, count: max(1, estimates))
    rowHas = .allocate(capacity: max(1, estimates))
    rowHas.initialize(repeating: false, count: max(1, estimates))
    slotOf = Array(repeating: -1, count: design.clusters.count)
    stratumSlotOf = Array(repeating: -1, count: max(1, design.strata.count))
  }

  deinit {
    rowZ.deallocate()
    rowHas.deallocate()
  }

  /// Forgets the previous unit.
  func reset() {
    for cluster in slotClusters { slotOf[Int(cluster)] = -1 }
    for stratum in slotStrata { stratumSlotOf[Int(stratum)] = -1 }
    slotClusters.removeAll(keepingCapacity: true)
    slotStratum.removeAll(keepingCapacity: true)
    slotStrata.removeAll(keepingCapacity: true)
    totals.removeAll(keepingCapacity: true)
    has.removeAll(keepingCapacity: true)
    sum.removeAll(keepingCapacity: true)
    sumOfSquares.removeAll(keepingCapacity: true)
    count.removeAll(keepingCapacity: true)
  }

  /// Clears the row buffer before a row's scores are written into it.
  @inline(__always) func beginRow() {
    rowZ.update(repeating: 0, count: estimates)
    rowHas.update(repeating: false, count: estimates)
  }

  private func stratumSlot(_ stratum: Int32) -> Int {
    let known = stratumSlotOf[Int(stratum)]
    if known >= 0 { return Int(known) }
    let slot = slotStrata.count
    stratumSlotOf[Int(stratum)] = Int32(slot)
    slotStrata.append(stratum)
    sum += repeatElement(0, count: estimates)
    sumOfSquares += repeatElement(0, count: estimates)
    count += repeatElement(0, count: estimates)
    return slot
  }

  /// Adds the row buffer to the row's cluster (or, as its own cluster, to its stratum).
  func endRow(_ design: RowDesign) {
    if !clustered {
      let base = stratumSlot(design.stratum) * estimates
      for k in 0..<estimates where rowHas[k] {
        let z = rowZ[k]
        sum[base + k] += z
        sumOfSquares[base + k] += z * z
        count[base + k] += 1
      }
      return
    }
    var slot = Int(slotOf[Int(design.cluster)])
    if slot < 0 {
      slot = slotClusters.count
      slotOf[Int(design.cluster)] = Int32(slot)
      slotClusters.append(design.cluster)
      slotStratum.append(Int32(stratumSlot(design.stratum)))
      totals += repeatElement(0, count: estimates)
      has += repeatElement(false, count: estimates)
    }
    let base = slot * estimates
    for k in 0..<estimates where rowHas[k] {
      totals[base + k] += rowZ[k]
      has[base + k] = true
    }
  }

  /// Every estimate's design variance, degrees of freedom and clusters.
  func finish() -> [DesignVariance] {
    if clustered {
      for slot in 0..<slotClusters.count {
        let base = Int(slotStratum[slot]) * estimates
        let from = slot * estimates
        for k in 0..<estimates where has[from + k] {
          let t = totals[from + k]
          sum[base + k] += t
          sumOfSquares[base + k] += t * t
          count[base + k] += 1
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
        let m = Int(count[index])
        guard m > 0 else { continue }
        clusters += m
        strata += 1
        let factor = fpcFactor[Int(stratum)]
        if m >= 2 {
          let mean = sum[index] / Double(m)
          let centred = max(0, sumOfSquares[index] - sum[index] * mean)
          variance += factor * Double(m) / Double(m - 1) * centred
        } else if lonely == .adjust {
          // Centred at the grand mean of the scores, which is 0.
          variance += factor * sum[index] * sum[index]
        }
      }
      result.append(DesignVariance(variance: variance, df: clusters - strata, clusters: clusters))
    }
    return result
  }
}
