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
  let dimensionShare: [Double]

  public init(questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    let indicators = questionnaire.indicators
    var values: [Double] = []
    var valueOffset: [Int] = []
    for indicator in indicators {
      valueOffset.append(values.count)
      values += AnswerCoding(indicator: indicator, kind: questionnaire.kind, missing: questionnaire.missing).values
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
    let totalWeight = questionnaire.dimensions.reduce(0) { $0 + $1.weight }
    dimensionShare = questionnaire.dimensions.map { $0.weight / totalWeight }
  }

  /// Scores every unit at `level` (0 = the unit column, k = the k-th parent column).
  public func score(_ table: ResponseTable, level: Int, wave: String? = nil, levelNames: [String]? = nil) -> ScoreReport {
    let units = table.units.levels[level]
    let groupOf: (Int) -> Int
    if level == 0 {
      groupOf = { Int(table.unitIndex[$0]) }
    } else {
      let communes = table.units.levels[0]
      groupOf = { Int(communes[Int(table.unitIndex[$0])].parents[level - 1]) }
    }
    // Rows of each unit, in file order (a stable counting sort).
    var starts = [Int](repeating: 0, count: units.count + 1)
    for row in 0..<table.count { starts[groupOf(row) + 1] += 1 }
    for index in 0..<units.count { starts[index + 1] += starts[index] }
    var fill = starts
    var rows = [Int](repeating: 0, count: table.count)
    for row in 0..<table.count {
      let group = groupOf(row)
      rows[fill[group]] = row
      fill[group] += 1
    }
    let levelNames = levelNames ?? UnitLevels.names(for: questionnaire.respondent)
    var scores: [UnitScore] = []
    for (index, unit) in units.enumerated() {
      let members = rows[starts[index]..<starts[index + 1]]
      var result = scoreUnit(table, rows: members)
      result.code = unit.code
      result.name = unit.name
      if let parent = unit.parents.first, level + 1 < table.units.levels.count {
        result.parent = table.units.levels[level + 1][Int(parent)].code
      }
      scores.append(result)
    }
    scores.sort { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }
    return ScoreReport(
      tool: "papi", version: PapiVersion.current, questionnaireID: questionnaire.id, kind: questionnaire.kind,
      wave: wave, level: level < levelNames.count ? levelNames[level] : "level\(level)", units: scores, unitsAsOf: nil)
  }

  /// Runs `body` with the answer codes, weights and value tables as unsafe buffers, so the
  /// inner loops neither retain arrays nor check bounds twice.
  private func withBuffers<R>(
    _ table: ResponseTable,
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>) -> R
  ) -> R {
    table.codes.withUnsafeBufferPointer { codes in
      table.weights.withUnsafeBufferPointer { weights in
        values.withUnsafeBufferPointer { values in
          valueOffset.withUnsafeBufferPointer { offsets in body(codes, weights, values, offsets) }
        }
      }
    }
  }

  /// Scores one unit from its respondents' rows.
  func scoreUnit(_ table: ResponseTable, rows: ArraySlice<Int>) -> UnitScore {
    let indicatorCount = table.indicatorCount
    let subTotal = dimOf.count
    let dimTotal = subCount.count
    let percent = questionnaire.kind == .percent

    // Pass 1: weighted means.
    var n = [Int](repeating: 0, count: indicatorCount)
    var sumW = [Double](repeating: 0, count: indicatorCount)
    var sumWX = [Double](repeating: 0, count: indicatorCount)
    withBuffers(table) { codes, weights, values, offsets in
      n.withUnsafeMutableBufferPointer { n in
        sumW.withUnsafeMutableBufferPointer { sumW in
          sumWX.withUnsafeMutableBufferPointer { sumWX in
            for row in rows {
              let w = weights[row]
              let base = row &* indicatorCount
              for i in 0..<indicatorCount {
                let code = codes[base &+ i]
                if code == AnswerCode.missing { continue }
                n[i] &+= 1
                sumW[i] += w
                sumWX[i] += w * values[offsets[i] &+ Int(code)]
              }
            }
          }
        }
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
    for s in 0..<subTotal where activeWeight[s] > 0 {
      let k = Double(subCount[dimOf[s]])
      subValue[s] = percent ? 0 : 1 / k
    }
    for i in 0..<indicatorCount {
      guard let estimate = p[i] else { continue }
      let s = subOf[i]
      let k = Double(subCount[dimOf[s]])
      let share = indicatorWeights[i] / activeWeight[s]
      let c = percent ? 100 * share : 9 * share / k
      coefficient[i] = c
      subValue[s] = (subValue[s] ?? 0) + c * estimate
    }
    let subScale = (0..<subTotal).map { percent ? 1 / Double(subCount[dimOf[$0]]) : 1.0 }
    let dimScale = (0..<dimTotal).map { percent ? dimensionShare[$0] : 1.0 }

    // Pass 2: linearised scores z of every respondent, for indicators and composites.
    var zz = [Double](repeating: 0, count: indicatorCount)
    var subZZ = [Double](repeating: 0, count: subTotal)
    var dimZZ = [Double](repeating: 0, count: dimTotal)
    var totalZZ = 0.0
    var subN = [Int](repeating: 0, count: subTotal)
    var dimN = [Int](repeating: 0, count: dimTotal)
    var totalN = 0
    var zSub = [Double](repeating: 0, count: subTotal)
    var hasSub = [Bool](repeating: false, count: subTotal)
    var zDim = [Double](repeating: 0, count: dimTotal)
    var hasDim = [Bool](repeating: false, count: dimTotal)
    let mean = p.map { $0 ?? 0 }
    withBuffers(table) { codes, weights, values, offsets in
      for row in rows {
        let w = weights[row]
        let base = row &* indicatorCount
        for s in 0..<subTotal {
          zSub[s] = 0
          hasSub[s] = false
        }
        for i in 0..<indicatorCount {
          let code = codes[base &+ i]
          if code == AnswerCode.missing { continue }
          let z = w * (values[offsets[i] &+ Int(code)] - mean[i]) / sumW[i]
          zz[i] += z * z
          zSub[subOf[i]] += coefficient[i] * z
          hasSub[subOf[i]] = true
        }
        for d in 0..<dimTotal {
          zDim[d] = 0
          hasDim[d] = false
        }
        for s in 0..<subTotal where hasSub[s] {
          subZZ[s] += zSub[s] * zSub[s]
          subN[s] += 1
          zDim[dimOf[s]] += subScale[s] * zSub[s]
          hasDim[dimOf[s]] = true
        }
        var zTotal = 0.0
        var any = false
        for d in 0..<dimTotal where hasDim[d] {
          dimZZ[d] += zDim[d] * zDim[d]
          dimN[d] += 1
          zTotal += dimScale[d] * zDim[d]
          any = true
        }
        if any {
          totalZZ += zTotal * zTotal
          totalN += 1
        }
      }
    }

    // Assemble, propagating nulls upwards.
    var dimensions: [DimensionScore] = []
    var totalValue: Double? = percent ? 0 : 0
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
          let estimate = Estimate(value: p[i], n: n[i], sumOfSquares: zz[i], complete: n[i] > 0)
          indicators.append(IndicatorScore(id: indicator.id, estimate: estimate))
          flatIndicator += 1
        }
        let s = flatSub
        let score = Estimate(value: subValue[s], n: subN[s], sumOfSquares: subZZ[s], complete: subComplete[s])
        subs.append(SubdimensionScore(id: subdimension.id, score: score, indicators: indicators))
        if let value = subValue[s], let sum = dimValue { dimValue = sum + subScale[s] * value } else { dimValue = nil }
        dimComplete = dimComplete && subComplete[s]
        flatSub += 1
      }
      let score = Estimate(value: dimValue, n: dimN[d], sumOfSquares: dimZZ[d], complete: dimComplete)
      dimensions.append(DimensionScore(id: dimension.id, score: score, subdimensions: subs))
      if let value = dimValue, let sum = totalValue { totalValue = sum + dimScale[d] * value } else { totalValue = nil }
      totalComplete = totalComplete && dimComplete
    }
    let total = Estimate(value: totalValue, n: totalN, sumOfSquares: totalZZ, complete: totalComplete)
    return UnitScore(code: "", name: nil, parent: nil, respondents: rows.count, total: total, dimensions: dimensions)
  }
}
