/// Scores units from respondents exactly as PRODUCT.md §4: weighted indicator means with
/// linearised standard errors, and sub-dimension, dimension and total composites whose SEs
/// use the same linearisation. Every level is computed from respondents, never by
/// averaging the units below.
public struct Scorer: Sendable {
  let questionnaire: Questionnaire
  /// x for each indicator and answer code: `values[valueOffset[i] + code]`.
  let values: [Double]
  let valueOffset: [Int]
  /// Sub-dimension of each indicator (flat index).
  let subOf: [Int]
  /// Dimension of each sub-dimension (flat index).
  let dimOf: [Int]
  /// Number of sub-dimensions of each dimension.
  let subCount: [Int]
  let indicatorWeights: [Double]
  /// Per sub-dimension: what it starts from, and its weight in its dimension; per
  /// dimension, its weight in the total (`ScoringScheme`).
  let subFloor: [Double]
  let subScale: [Double]
  let dimScale: [Double]
  let scheme: ScoringScheme
  /// What a stratum with one cluster adds to a design variance (`LonelyPSU`); `fail` is
  /// checked before scoring (`SurveyDesignCheck`), and adds nothing here.
  let lonely: LonelyPSU

  public init(questionnaire: Questionnaire, lonely: LonelyPSU = .fail) {
    self.questionnaire = questionnaire
    self.lonely = lonely
    let indicators = questionnaire.indicators
    var values: [Double] = []
    var valueOffset: [Int] = []
    for coding in AnswerCoding.all(questionnaire) {
      valueOffset.append(values.count)
      values += coding.values
    }
    self.values = values
    self.valueOffset = valueOffset
    var subOf: [Int] = []
    var dimOf: [Int] = []
    var subCount: [Int] = []
    for (d, dimension) in questionnaire.dimensions.enumerated() {
      subCount.append(dimension.subdimensions.count)
      for subdimension in dimension.subdimensions {
        for _ in subdimension.indicators { subOf.append(dimOf.count) }
        dimOf.append(d)
      }
    }
    self.subOf = subOf
    self.dimOf = dimOf
    self.subCount = subCount
    indicatorWeights = indicators.map(\.weight)
    let scheme = questionnaire.scheme
    self.scheme = scheme
    subFloor = dimOf.map { d in
      scheme.subdimensionsShareTheScale ? scheme.subdimensionFloor / Double(subCount[d]) : scheme.subdimensionFloor
    }
    subScale = dimOf.map { d in scheme.compositesAreMeans ? 1 / Double(subCount[d]) : 1.0 }
    let totalWeight = questionnaire.dimensions.reduce(0) { $0 + $1.weight }
    dimScale = questionnaire.dimensions.map { scheme.compositesAreMeans ? $0.weight / totalWeight : 1.0 }
  }

  /// Scores every unit at `level` (0 = the unit column, k = the k-th parent column).
  /// Units are scored on all cores; each unit's sums run over its respondents in file
  /// order, so the result is the same bit for bit whatever the number of cores.
  public func score(_ table: ResponseTable, level: Int, wave: String? = nil, levelNames: [String]? = nil) -> ScoreReport
  {
    let units = table.units.levels[level]
    let communes = table.units.levels[0]
    let groupOf: [Int32] = level == 0 ? Array(0..<Int32(communes.count)) : communes.map { $0.parents[level - 1] }
    // Rows of each unit, in file order (a stable counting sort).
    var starts = [Int](repeating: 0, count: units.count + 1)
    var rows = [Int32](repeating: 0, count: table.count)
    var weighted = false
    table.forEachBlock { _, count, _, weights, unit in
      for local in 0..<count {
        starts[Int(groupOf[Int(unit[local])]) + 1] += 1
        weighted = weighted || weights[local] != 1
      }
    }
    for index in 0..<units.count { starts[index + 1] += starts[index] }
    var fill = starts
    table.forEachBlock { first, count, _, _, unit in
      for local in 0..<count {
        let group = Int(groupOf[Int(unit[local])])
        rows[fill[group]] = Int32(first + local)
        fill[group] += 1
      }
    }
    let levelNames = levelNames ?? UnitLevels.names(for: questionnaire.respondent)
    let access = RowAccess(table)
    let design = table.design
    let fpcFactor = design.isDeclared ? SurveyDesignCheck.fpcFactors(table) : []
    let estimateCount = table.indicatorCount + dimOf.count + subCount.count + 1
    let parts = min(Parallel.width, max(1, units.count))
    let scored: [[UnitScore]] = rows.withUnsafeBufferPointer { rows in
      let rows = Unchecked(rows)
      return Parallel.map(parts) { part in
        let scratch = Scratch(scorer: self, indicatorCount: table.indicatorCount)
        let accumulator =
          design.isDeclared
          ? DesignAccumulator(estimates: estimateCount, design: design, fpcFactor: fpcFactor, lonely: lonely) : nil
        var out: [UnitScore] = []
        for index in stride(from: part, to: units.count, by: parts) {
          let unit = units[index]
          var result = scoreUnit(
            access, rows: UnsafeBufferPointer(rebasing: rows.value[starts[index]..<starts[index + 1]]),
            scratch: scratch,
            design: accumulator)
          result.code = unit.code
          result.name = unit.name
          if let parent = unit.parents.first, level + 1 < table.units.levels.count {
            result.parent = table.units.levels[level + 1][Int(parent)].code
          }
          out.append(result)
        }
        return out
      }
    }
    withExtendedLifetime(table) {}
    var scores = scored.flatMap { $0 }
    scores.sort { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }
    var report = ScoreReport(
      tool: "papi", version: PapiVersion.current, questionnaireID: questionnaire.id, kind: questionnaire.kind,
      wave: wave, level: level < levelNames.count ? levelNames[level] : "level\(level)", units: scores, unitsAsOf: nil)
    report.weights = weighted ? questionnaire.respondent.weight : nil
    if design.isDeclared { report.design = ScoredDesign(columns: design.columns, lonelyPSU: lonely) }
    return report
  }

  /// One unit: the two passes of PRODUCT.md §4 over its rows, through raw pointers.
  func scoreUnit(
    _ table: RowAccess, rows: UnsafeBufferPointer<Int32>, scratch: Scratch, design: DesignAccumulator? = nil
  ) -> UnitScore {
    let indicatorCount = table.width
    let subTotal = dimOf.count
    let dimTotal = subCount.count
    scratch.reset()
    let n = scratch.n
    let sumW = scratch.sumW
    let sumWX = scratch.sumWX
    let values = scratch.values
    let offsets = scratch.offsets

    // Pass 1: weighted means.
    for row in rows {
      let w = table.weight(Int(row))
      let codes = table.answers(Int(row))
      for i in 0..<indicatorCount {
        let code = codes[i]
        if code == AnswerCode.missing { continue }
        n[i] &+= 1
        sumW[i] += w
        sumWX[i] += w * values[offsets[i] &+ Int(code)]
      }
    }
    var p = [Double?](repeating: nil, count: indicatorCount)
    for i in 0..<indicatorCount where n[i] > 0 { p[i] = sumWX[i] / sumW[i] }

    // Composite coefficients: S = c0 + Σ c_i p_i over the indicators that have an estimate.
    var activeWeight = [Double](repeating: 0, count: subTotal)
    var subComplete = [Bool](repeating: true, count: subTotal)
    for i in 0..<indicatorCount {
      if p[i] != nil { activeWeight[subOf[i]] += indicatorWeights[i] } else { subComplete[subOf[i]] = false }
    }
    var coefficient = [Double](repeating: 0, count: indicatorCount)
    var subValue = [Double?](repeating: nil, count: subTotal)
    for s in 0..<subTotal where activeWeight[s] > 0 { subValue[s] = subFloor[s] }
    let indicatorScale = scheme.indicatorScale
    let dividesByCount = scheme.subdimensionsShareTheScale
    for i in 0..<indicatorCount {
      guard let estimate = p[i] else { continue }
      let s = subOf[i]
      let share = indicatorWeights[i] / activeWeight[s]
      var c = indicatorScale * share
      if dividesByCount { c /= Double(subCount[dimOf[s]]) }
      coefficient[i] = c
      subValue[s] = (subValue[s] ?? 0) + c * estimate
    }

    // Pass 2: linearised scores z of every respondent, for indicators and composites.
    let zz = scratch.zz
    let mean = scratch.mean
    let coefficients = scratch.coefficient
    let subOfIndicator = scratch.subOf
    let dimOfSub = scratch.dimOf
    let subZZ = scratch.subZZ
    let dimZZ = scratch.dimZZ
    let subN = scratch.subN
    let dimN = scratch.dimN
    let zSub = scratch.zSub
    let hasSub = scratch.hasSub
    let zDim = scratch.zDim
    let hasDim = scratch.hasDim
    let subScales = scratch.subScale
    let dimScales = scratch.dimScale
    for i in 0..<indicatorCount {
      mean[i] = p[i] ?? 0
      coefficients[i] = coefficient[i]
    }
    for s in 0..<subTotal { subScales[s] = subScale[s] }
    for d in 0..<dimTotal { dimScales[d] = dimScale[d] }
    var totalZZ = 0.0
    var totalN = 0
    design?.reset()
    let subBase = indicatorCount
    let dimBase = indicatorCount + subTotal
    let totalIndex = dimBase + dimTotal
    for row in rows {
      let w = table.weight(Int(row))
      let codes = table.answers(Int(row))
      let sink = design?.beginRow(table.design(Int(row)))
      for s in 0..<subTotal {
        zSub[s] = 0
        hasSub[s] = false
      }
      for i in 0..<indicatorCount {
        let code = codes[i]
        if code == AnswerCode.missing { continue }
        let z = w * (values[offsets[i] &+ Int(code)] - mean[i]) / sumW[i]
        zz[i] += z * z
        if let sink { sink.add(i, z) }
        let s = subOfIndicator[i]
        zSub[s] += coefficients[i] * z
        hasSub[s] = true
      }
      for d in 0..<dimTotal {
        zDim[d] = 0
        hasDim[d] = false
      }
      for s in 0..<subTotal where hasSub[s] {
        subZZ[s] += zSub[s] * zSub[s]
        subN[s] &+= 1
        if let sink { sink.add(subBase + s, zSub[s]) }
        let d = dimOfSub[s]
        zDim[d] += subScales[s] * zSub[s]
        hasDim[d] = true
      }
      var zTotal = 0.0
      var any = false
      for d in 0..<dimTotal where hasDim[d] {
        dimZZ[d] += zDim[d] * zDim[d]
        dimN[d] &+= 1
        if let sink { sink.add(dimBase + d, zDim[d]) }
        zTotal += dimScales[d] * zDim[d]
        any = true
      }
      if any {
        totalZZ += zTotal * zTotal
        totalN += 1
        if let sink { sink.add(totalIndex, zTotal) }
      }
    }
    let variances = design?.finish()
    func estimate(_ k: Int, value: Double?, n: Int, sumOfSquares: Double, complete: Bool) -> Estimate {
      guard let variances else { return Estimate(value: value, n: n, sumOfSquares: sumOfSquares, complete: complete) }
      return Estimate(value: value, n: n, sumOfSquares: sumOfSquares, complete: complete, design: variances[k])
    }

    // Assemble, propagating nulls upwards.
    var dimensions: [DimensionScore] = []
    var totalValue: Double? = 0
    var totalComplete = true
    var flatIndicator = 0
    var flatSub = 0
    for (d, dimension) in questionnaire.dimensions.enumerated() {
      var subs: [SubdimensionScore] = []
      var dimValue: Double? = 0
      var dimComplete = true
      for subdimension in dimension.subdimensions {
        var indicators: [IndicatorScore] = []
        for indicator in subdimension.indicators {
          let i = flatIndicator
          let estimate = estimate(i, value: p[i], n: n[i], sumOfSquares: zz[i], complete: n[i] > 0)
          indicators.append(IndicatorScore(id: indicator.id, estimate: estimate))
          flatIndicator += 1
        }
        let s = flatSub
        let score = estimate(
          subBase + s, value: subValue[s], n: subN[s], sumOfSquares: subZZ[s], complete: subComplete[s])
        subs.append(SubdimensionScore(id: subdimension.id, score: score, indicators: indicators))
        if let value = subValue[s], let sum = dimValue { dimValue = sum + subScale[s] * value } else { dimValue = nil }
        dimComplete = dimComplete && subComplete[s]
        flatSub += 1
      }
      let score = estimate(dimBase + d, value: dimValue, n: dimN[d], sumOfSquares: dimZZ[d], complete: dimComplete)
      dimensions.append(DimensionScore(id: dimension.id, score: score, subdimensions: subs))
      if let value = dimValue, let sum = totalValue { totalValue = sum + dimScale[d] * value } else { totalValue = nil }
      totalComplete = totalComplete && dimComplete
    }
    let total = estimate(totalIndex, value: totalValue, n: totalN, sumOfSquares: totalZZ, complete: totalComplete)
    return UnitScore(code: "", name: nil, parent: nil, respondents: rows.count, total: total, dimensions: dimensions)
  }
}

/// The table's blocks as raw pointers, for the scorer's inner loops. Valid while the
/// table it was made from is alive.
struct RowAccess: @unchecked Sendable {
  let width: Int
  private let codes: [UnsafePointer<UInt8>]
  private let weights: [UnsafePointer<Double>]
  private let designs: [UnsafePointer<RowDesign>]

  init(_ table: ResponseTable) {
    width = table.indicatorCount
    codes = table.blocks.map { UnsafePointer($0.codes) }
    weights = table.blocks.map { UnsafePointer($0.weights) }
    designs = table.blocks.map { UnsafePointer($0.design) }
  }

  @inline(__always) func answers(_ row: Int) -> UnsafePointer<UInt8> {
    codes.withUnsafeBufferPointer { $0[row >> ResponseTable.blockShift] } + (row & ResponseTable.blockMask) &* width
  }

  @inline(__always) func design(_ row: Int) -> RowDesign {
    designs.withUnsafeBufferPointer { $0[row >> ResponseTable.blockShift] }[row & ResponseTable.blockMask]
  }

  @inline(__always) func weight(_ row: Int) -> Double {
    weights.withUnsafeBufferPointer { $0[row >> ResponseTable.blockShift] }[row & ResponseTable.blockMask]
  }
}

/// One thread's working memory for scoring units, allocated once and cleared per unit,
/// with the questionnaire's lookup tables beside it.
final class Scratch {
  let indicators: Int
  let subs: Int
  let dims: Int
  let n: UnsafeMutablePointer<Int>
  let sumW, sumWX, zz, mean, coefficient: UnsafeMutablePointer<Double>
  let subZZ, zSub, subScale: UnsafeMutablePointer<Double>
  let subN: UnsafeMutablePointer<Int>
  let hasSub: UnsafeMutablePointer<Bool>
  let dimZZ, zDim, dimScale: UnsafeMutablePointer<Double>
  let dimN: UnsafeMutablePointer<Int>
  let hasDim: UnsafeMutablePointer<Bool>
  let values: UnsafeMutablePointer<Double>
  let offsets, subOf, dimOf: UnsafeMutablePointer<Int>

  init(scorer: Scorer, indicatorCount: Int) {
    indicators = indicatorCount
    subs = scorer.dimOf.count
    dims = scorer.subCount.count
    func doubles(_ count: Int) -> UnsafeMutablePointer<Double> {
      let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
      pointer.initialize(repeating: 0, count: max(1, count))
      return pointer
    }
    func integers(_ source: [Int], count: Int) -> UnsafeMutablePointer<Int> {
      let pointer = UnsafeMutablePointer<Int>.allocate(capacity: max(1, count))
      pointer.initialize(repeating: 0, count: max(1, count))
      for (index, value) in source.prefix(count).enumerated() { pointer[index] = value }
      return pointer
    }
    func flags(_ count: Int) -> UnsafeMutablePointer<Bool> {
      let pointer = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, count))
      pointer.initialize(repeating: false, count: max(1, count))
      return pointer
    }
    n = integers([], count: indicators)
    sumW = doubles(indicators)
    sumWX = doubles(indicators)
    zz = doubles(indicators)
    mean = doubles(indicators)
    coefficient = doubles(indicators)
    subZZ = doubles(subs)
    zSub = doubles(subs)
    subScale = doubles(subs)
    subN = integers([], count: subs)
    hasSub = flags(subs)
    dimZZ = doubles(dims)
    zDim = doubles(dims)
    dimScale = doubles(dims)
    dimN = integers([], count: dims)
    hasDim = flags(dims)
    values = doubles(scorer.values.count)
    for (index, value) in scorer.values.enumerated() { values[index] = value }
    offsets = integers(scorer.valueOffset, count: indicators)
    subOf = integers(scorer.subOf, count: indicators)
    dimOf = integers(scorer.dimOf, count: subs)
  }

  /// Clears the sums of the previous unit.
  func reset() {
    n.update(repeating: 0, count: indicators)
    sumW.update(repeating: 0, count: indicators)
    sumWX.update(repeating: 0, count: indicators)
    zz.update(repeating: 0, count: indicators)
    subZZ.update(repeating: 0, count: subs)
    subN.update(repeating: 0, count: subs)
    dimZZ.update(repeating: 0, count: dims)
    dimN.update(repeating: 0, count: dims)
  }

  deinit {
    for pointer in [sumW, sumWX, zz, mean, coefficient, subZZ, zSub, subScale, dimZZ, zDim, dimScale, values] {
      pointer.deallocate()
    }
    for pointer in [n, subN, dimN, offsets, subOf, dimOf] { pointer.deallocate() }
    hasSub.deallocate()
    hasDim.deallocate()
  }
}
