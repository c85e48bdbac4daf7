/// The numbers of the paragraph that opens the weakness report, in every format (JSON's
/// `summary`): how many units were assessed, how many targets were missed clearly (red) or
/// not (amber), the three weakest dimensions, and what changed since the compared wave.
///
/// The weakest dimensions are those with the lowest mean score over the assessed units,
/// relative to the dimension's maximum (10 for PAPI, 100 for a percent survey), so that
/// the order does not depend on which targets were set. A change counts when it passes the
/// test of `declined` (PRODUCT.md §5) either way: a rise or a drop larger than 1.96 × the
/// SE of the difference, both waves with n ≥ min_n; it is counted on the total and on the
/// dimensions, not on sub-dimensions.
struct ReportSummary: Equatable {
  /// How many flags of a status, and in how many units.
  struct Count: Equatable {
    var flags = 0
    var units = 0
  }

  /// One of the weakest dimensions: its mean over the assessed units that have a score.
  struct WeakDimension: Equatable {
    var id: String
    var mean: Double
    var maximum: Double
    var units: Int
  }

  /// Significant changes from the compared wave: units whose total moved, and (unit,
  /// dimension) pairs that moved, out of the pairs that could be compared.
  struct Change: Equatable {
    var wave: String
    var totalsDeclined = 0
    var totalsImproved = 0
    var dimensionsDeclined = 0
    var dimensionsImproved = 0
    /// Totals and dimensions with a score in both waves, both with n ≥ min_n.
    var totalsCompared = 0
    var dimensionsCompared = 0
  }

  var units: Int
  var assessed: Int
  var minN: Int
  var belowSignificant: Count
  var below: Count
  var weakest: [WeakDimension]
  /// Nil without a compared wave, or for published scores (no SE to test a change with).
  var change: Change?

  init(_ report: WeaknessReport) {
    let units = report.scores.units
    self.units = units.count
    minN = report.minN
    let assessedUnits = units.filter { report.published || $0.total.n >= report.minN }
    assessed = assessedUnits.count
    func count(_ status: FlagStatus) -> Count {
      let counts = units.map { unit in (report.flags[unit.code] ?? []).filter { $0.status == status }.count }
      return Count(flags: counts.reduce(0, +), units: counts.filter { $0 > 0 }.count)
    }
    belowSignificant = count(.belowSignificant)
    below = count(.below)
    let maximum = report.questionnaire.scheme.dimensionMaximum
    var means: [(WeakDimension, Int)] = []
    for (index, dimension) in report.questionnaire.dimensions.enumerated() {
      let values = assessedUnits.compactMap { $0.dimensions.indices.contains(index) ? $0.dimensions[index] : nil }
        .compactMap(\.score.value)
      guard !values.isEmpty else { continue }
      let mean = values.reduce(0, +) / Double(values.count)
      means.append((WeakDimension(id: dimension.id, mean: mean, maximum: maximum, units: values.count), index))
    }
    weakest = means.sorted { ($0.0.mean / $0.0.maximum, $0.1) < ($1.0.mean / $1.0.maximum, $1.1) }.prefix(3).map(\.0)
    change = nil
    if let wave = report.previousWave, let previous = report.previous, !report.published {
      let before = Dictionary(previous.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
      var change = Change(wave: wave)
      for unit in units {
        guard let then = before[unit.code] else { continue }
        for metric in ["total"] + report.questionnaire.dimensions.map(\.id) {
          guard let now = MetricIndex.estimate(unit, metric), let earlier = MetricIndex.estimate(then, metric),
            let move = Self.significantChange(now, earlier, minN: report.minN)
          else { continue }
          if metric == "total" {
            change.totalsCompared += 1
            if move < 0 { change.totalsDeclined += 1 } else if move > 0 { change.totalsImproved += 1 }
          } else {
            change.dimensionsCompared += 1
            if move < 0 { change.dimensionsDeclined += 1 } else if move > 0 { change.dimensionsImproved += 1 }
          }
        }
      }
      self.change = change
    }
  }

  /// −1 for a significant drop, +1 for a significant rise, 0 for neither; nil when the two
  /// estimates cannot be compared (a score, an SE or enough respondents missing).
  static func significantChange(_ now: Estimate, _ then: Estimate, minN: Int) -> Int? {
    guard let value = now.value, let earlier = then.value, let se = now.flagSE, let seBefore = then.flagSE,
      now.n >= minN, then.n >= minN
    else { return nil }
    let threshold = now.critical95(against: then) * (se * se + seBefore * seBefore).squareRoot()
    return earlier - value > threshold ? -1 : value - earlier > threshold ? 1 : 0
  }

  /// The paragraph, sentence by sentence.
  func sentences(_ report: WeaknessReport, _ language: Language) -> [String] {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    let decimals = report.questionnaire.scheme.decimals
    let level = levelLabel(report.scores.level, language)
    func noun(_ count: Int) -> String { vi || count == 1 ? level : level + "s" }
    var sentences: [String] = []
    let left = units - assessed
    var first =
      vi
      ? "Đánh giá \(assessed)/\(units) \(level)"
      : "\(assessed) of \(units) \(noun(units)) assessed"
    if left > 0 {
      first +=
        vi
        ? " (\(left) \(level) dưới \(minN) người trả lời: không đủ dữ liệu)"
        : " (\(left) with fewer than \(minN) respondents: insufficient data)"
    }
    sentences.append(first + ".")
    if assessed > 0 {
      if vi {
        sentences.append(
          "\(belowSignificant.flags) nội dung thấp hơn rõ rệt so với mục tiêu (ở \(belowSignificant.units) \(level)), "
            + "\(below.flags) nội dung dưới mục tiêu (ở \(below.units) \(level)).")
      } else {
        sentences.append(
          "\(belowSignificant.flags) \(belowSignificant.flags == 1 ? "measure" : "measures") clearly below target "
            + "(in \(belowSignificant.units) \(noun(belowSignificant.units))), \(below.flags) below target "
            + "(in \(below.units) \(noun(below.units))).")
      }
    }
    if !weakest.isEmpty {
      let names = weakest.map { weak in
        ReportRows.metricName(weak.id, report.questionnaire, language) + " "
          + format.fixed(weak.mean, decimals) + "/" + format.fixed(weak.maximum, 0)
      }
      let head =
        weakest.count == 3
        ? (vi ? "Ba chỉ số nội dung yếu nhất" : "The three weakest dimensions")
        : (vi ? "Chỉ số nội dung yếu nhất" : "The weakest dimensions")
      sentences.append(
        head
          + (vi
            ? " (điểm bình quân của các \(level) được đánh giá, so với điểm tối đa): "
            : " (mean score of the assessed \(noun(2)), against the maximum): ")
          + names.joined(separator: "; ") + ".")
    }
    if let change {
      if vi {
        sentences.append(
          "So với đợt \(change.wave): tổng điểm giảm rõ rệt ở \(change.totalsDeclined) \(level), "
            + "tăng rõ rệt ở \(change.totalsImproved) \(level); \(change.dimensionsDeclined) lượt chỉ số nội dung "
            + "giảm điểm rõ rệt, \(change.dimensionsImproved) lượt tăng rõ rệt "
            + "(trong \(change.dimensionsCompared) lượt so sánh được).")
      } else {
        sentences.append(
          "Since wave \(change.wave): the total declined significantly in \(change.totalsDeclined) "
            + "\(noun(change.totalsDeclined)) and improved significantly in \(change.totalsImproved); "
            + "\(change.dimensionsDeclined) dimension scores declined significantly and "
            + "\(change.dimensionsImproved) improved (of \(change.dimensionsCompared) that could be compared).")
      }
    }
    return sentences
  }

  /// The `summary` object of the report's JSON.
  func write(into json: inout JSONWriter) {
    func counts(_ count: Count) {
      json.open("{")
      json.key("flags", first: true)
      json.integer(count.flags)
      json.key("units")
      json.integer(count.units)
      json.close("}")
    }
    json.key("summary")
    json.open("{")
    json.key("assessed", first: true)
    json.integer(assessed)
    json.key("below")
    counts(below)
    json.key("below_significant")
    counts(belowSignificant)
    json.key("change")
    if let change {
      json.open("{")
      json.key("dimensions_compared", first: true)
      json.integer(change.dimensionsCompared)
      json.key("dimensions_declined")
      json.integer(change.dimensionsDeclined)
      json.key("dimensions_improved")
      json.integer(change.dimensionsImproved)
      json.key("totals_compared")
      json.integer(change.totalsCompared)
      json.key("totals_declined")
      json.integer(change.totalsDeclined)
      json.key("totals_improved")
      json.integer(change.totalsImproved)
      json.key("wave")
      json.string(change.wave)
      json.close("}")
    } else {
      json.string(nil)
    }
    json.key("min_n")
    json.integer(minN)
    json.key("units")
    json.integer(units)
    json.key("weakest_dimensions")
    json.array(weakest) { json, weak in
      json.open("{")
      json.key("id", first: true)
      json.string(weak.id)
      json.key("maximum")
      json.number(weak.maximum)
      json.key("mean")
      json.number(weak.mean)
      json.key("units")
      json.integer(weak.units)
      json.close("}")
    }
    json.close("}")
  }
}
