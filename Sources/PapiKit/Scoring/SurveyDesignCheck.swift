/// What the sample design of a whole table must satisfy before it is scored, and the
/// finite population correction of each stratum.
enum SurveyDesignCheck {
  /// The clusters each stratum has in the whole table (its respondents, without a cluster
  /// column): the sampled n_h of the finite population correction and of the lonely check.
  static func sampledClusters(_ table: ResponseTable) -> [Int] {
    let design = table.design
    var sampled = [Int](repeating: 0, count: design.strata.count)
    if design.columns.cluster != nil {
      for cluster in design.clusters { sampled[Int(cluster.stratum)] += 1 }
    } else {
      for row in 0..<table.count { sampled[Int(table.rowDesign(row).stratum)] += 1 }
    }
    return sampled
  }

  /// The strata with one cluster in the whole table (indices into `design.strata`): their
  /// variance cannot be estimated, so scoring them needs a `LonelyPSU` rule.
  static func lonelyStrata(_ table: ResponseTable, sampled: [Int]? = nil) -> [Int] {
    let sampled = sampled ?? sampledClusters(table)
    return table.design.strata.indices.filter { sampled[$0] == 1 }
  }

  /// Whether the fpc column holds sampling fractions (every value 1 or less) rather than
  /// population counts, as R `survey` decides.
  static func fpcIsFraction(_ design: DesignDirectory) -> Bool {
    design.strata.allSatisfy { ($0.fpc ?? 0) <= 1 }
  }

  /// 1 − f_h of each stratum: f_h is the fraction written, or n_h / N_h (1 without fpc).
  static func fpcFactors(_ table: ResponseTable) -> [Double] {
    let design = table.design
    guard design.columns.fpc != nil else { return Array(repeating: 1, count: design.strata.count) }
    let sampled = sampledClusters(table)
    let fraction = fpcIsFraction(design)
    return design.strata.enumerated().map { index, stratum in
      guard let fpc = stratum.fpc else { return 1 }
      return max(0, 1 - (fraction ? fpc : Double(sampled[index]) / fpc))
    }
  }

  /// Errors for a stratum with one cluster (unless `lonely` says what to do with it) and
  /// for a population smaller than its sample.
  static func check(_ table: ResponseTable, lonely: LonelyPSU, source: String) throws(PapiError) {
    let design = table.design
    guard design.isDeclared else { return }
    let sampled = sampledClusters(table)
    var problems: [Diagnostic] = []
    let location = SourceLocation(file: source)
    if lonely == .fail {
      for index in lonelyStrata(table, sampled: sampled) {
        let stratum = design.strata[index]
        let only = design.clusters.first { $0.stratum == Int32(index) }
        let commune = only.map { table.units.levels[0][Int($0.unit)].code }
        let what =
          only.map {
            L(" (cụm `\($0.value)` của xã \(commune ?? "?"))", " (cluster `\($0.value)` of commune \(commune ?? "?"))")
          } ?? L("", "")
        let name =
          stratum.name.isEmpty ? L("mẫu", "the sample") : L("tầng `\(stratum.name)`", "stratum `\(stratum.name)`")
        problems.append(
          Diagnostic(
            .error, location, value: stratum.name,
            message: L(
              "\(name.vi) chỉ có một cụm\(what.vi): không ước lượng được phương sai trong tầng.",
              "\(name.en) has one cluster only\(what.en): its variance cannot be estimated."),
            fix: L(
              "Gộp tầng này với một tầng gần nó trong tệp, hoặc chọn cách xử lý: --lonely-psu adjust (căn theo trung "
                + "bình chung), certainty (cụm được chọn chắc chắn) hoặc remove (bỏ tầng khỏi phương sai).",
              "Merge the stratum with a neighbouring one in the export, or choose how to treat it: --lonely-psu adjust "
                + "(centre it at the grand mean), certainty (a cluster sampled with certainty) or remove (leave it out "
                + "of the variance).")))
      }
    }
    if design.columns.fpc != nil && !fpcIsFraction(design) {
      for (index, stratum) in design.strata.enumerated() {
        guard let fpc = stratum.fpc, fpc < Double(sampled[index]) else { continue }
        problems.append(
          Diagnostic(
            .error, location, value: fpc.shortestText,
            message: L(
              "tầng `\(stratum.name)` có \(sampled[index]) cụm trong mẫu nhưng cột `\(design.columns.fpc ?? "")` ghi "
                + "tổng thể chỉ có \(fpc.shortestText) cụm.",
              "stratum `\(stratum.name)` has \(sampled[index]) clusters in the sample but column "
                + "`\(design.columns.fpc ?? "")` gives a population of \(fpc.shortestText)."),
            fix: L(
              "Ghi số cụm của tầng trong tổng thể (lớn hơn số cụm được chọn), hoặc tỷ lệ chọn mẫu từ 0 đến 1.",
              "Write the stratum's clusters in the population (more than those sampled), or its sampling fraction "
                + "(0 to 1).")))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
  }
}
