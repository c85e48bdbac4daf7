import Foundation
import Yams

/// Reads and validates a PAR INDEX criteria set (PRODUCT.md §8.1): a duplicate code, a
/// maximum that is not positive, a parent whose stated maximum is not its children's sum,
/// thresholds that do not descend, a `replaces` year that is not a year: each refused with
/// the file, line, code and fix, every one found at once.
public enum ParCriteriaLoader {
  public static func load(path: String) throws(PapiError) -> ParCriteriaSet {
    let text = try ConfigReader.text(path, kind: L("bộ tiêu chí", "criteria set"), option: "-c")
    return try parse(yaml: text, source: path)
  }

  public static func parse(yaml: String, source: String) throws(PapiError) -> ParCriteriaSet {
    try ConfigReader.parse(yaml, source: source, format: "PRODUCT.md §8.1") { $0.parCriteria($1) }
  }
}

extension ConfigReader {
  static let parKeys = ["id", "kind", "title", "basis", "scale", "bands", "fields"]
  static let parCriterionKeys = ["code", "name", "max", "rule", "offices", "replaces", "papi", "survey", "criteria"]
  /// The points of one criterion, and the scale of an index.
  static let parPointBounds: ClosedRange<Double> = 0.000_001...10_000

  fileprivate mutating func parCriteria(_ root: Node) -> ParCriteriaSet? {
    guard mapping(root, "criteria set", allowed: Self.parKeys) else { return nil }
    let id = string(root, "id", context: "criteria set") ?? ""
    let kind = string(root, "kind", context: "criteria set")
    if let kind, kind != "par" {
      problem(
        Self.value(root, "kind"), L("bộ tiêu chí cần `kind: par`.", "a criteria set needs `kind: par`."),
        L("Viết `kind: par`.", "Write `kind: par`."), value: kind)
    }
    let title = localized(Self.value(root, "title"), context: "title") ?? LocalizedText(vi: id, en: id)
    let basis = string(root, "basis", context: "criteria set", required: false)
    let scale = number(Self.value(root, "scale"), context: "scale", default: 100, in: Self.parPointBounds)
    let bands = parBands(Self.value(root, "bands"))
    let fields = sequence(Self.value(root, "fields"), "fields").compactMap { parCriterion($0, depth: 0) }
    if fields.isEmpty {
      problem(
        root, L("bộ tiêu chí không có lĩnh vực nào (`fields`).", "the criteria set has no fields (`fields`)."),
        L("Thêm `fields:` với các lĩnh vực và tiêu chí.", "Add `fields:` with the fields and their criteria."))
    }
    return ParCriteriaSet(id: id, title: title, basis: basis, scale: scale, bands: bands, fields: fields)
  }

  private mutating func parBands(_ node: Node?) -> [ParBand] {
    var bands: [ParBand] = []
    for item in sequence(node, "bands") {
      guard mapping(item, "bands", allowed: ["name", "min"]) else { continue }
      let name = localized(Self.value(item, "name"), context: "bands: name") ?? L("", "")
      let minimum = number(Self.value(item, "min"), context: "bands: min", default: 0, in: 0...10_000)
      if let last = bands.last, minimum >= last.minimum {
        problem(
          item,
          L(
            "bands: mức “\(name.vi)” (từ \(minimum.shortText)) phải thấp hơn mức trước (\(last.minimum.shortText)).",
            "bands: “\(name.en)” (from \(minimum.shortText)) must be below the band before it "
              + "(\(last.minimum.shortText))."),
          L("Xếp các mức từ cao xuống thấp.", "List the bands from highest to lowest."))
      }
      bands.append(ParBand(name: name, minimum: minimum))
    }
    return bands
  }

  /// A field (depth 0), criterion or sub-criterion, with its children.
  private mutating func parCriterion(_ item: Node, depth: Int) -> ParCriterion? {
    let line = item.mark?.line ?? 0
    let context = Context(vi: "tiêu chí dòng \(line)", en: "criterion on line \(line)")
    guard mapping(item, context, allowed: Self.parCriterionKeys), let code = string(item, "code", context: context)
    else { return nil }
    claim(code, item, what: L("tiêu chí", "criterion"))
    let name = localized(Self.value(item, "name"), context: Context(code)) ?? LocalizedText(vi: code, en: code)
    let children = sequence(Self.value(item, "criteria"), Context(code)).compactMap {
      parCriterion($0, depth: depth + 1)
    }
    let stated = Self.value(item, "max").map {
      number($0, context: Context(code).key("max"), default: 0, in: -10_000...10_000)
    }
    var maximum = stated ?? 0
    if children.isEmpty {
      if stated == nil {
        problem(
          item, L("tiêu chí \(code): thiếu `max`.", "criterion \(code): `max` is missing."),
          L("Ghi số điểm tối đa, ví dụ `max: 1`.", "Give its maximum points, for example `max: 1`."), value: code)
      } else if maximum <= 0 {
        problem(
          Self.value(item, "max"),
          L("tiêu chí \(code): điểm tối đa phải lớn hơn 0.", "criterion \(code): the maximum must be above 0."),
          L("Sửa `max`, hoặc bỏ tiêu chí khỏi bộ.", "Correct `max`, or remove the criterion from the set."),
          value: code)
      }
    } else {
      let sum = children.reduce(0) { $0 + $1.maximum }
      if let stated, abs(stated - sum) > 1e-9 {
        problem(
          Self.value(item, "max"),
          L(
            "tiêu chí \(code): `max: \(stated.shortText)` khác tổng điểm tối đa các tiêu chí con "
              + "(\(sum.shortText)).",
            "criterion \(code): `max: \(stated.shortText)` differs from the sum of its children's maxima "
              + "(\(sum.shortText))."),
          L(
            "Sửa `max` thành \(sum.shortText), hoặc bỏ `max` (papi cộng các tiêu chí con).",
            "Make `max` \(sum.shortText), or leave it out (papi adds the children up)."),
          value: code)
      }
      maximum = sum
    }
    let rule = Self.value(item, "rule").flatMap { parRule($0, code: code, maximum: maximum) }
    if rule != nil && !children.isEmpty {
      problem(
        Self.value(item, "rule"),
        L(
          "tiêu chí \(code): chỉ tiêu chí không có tiêu chí con mới có `rule`.",
          "criterion \(code): only a "
            + "criterion without children has a `rule`."),
        L("Chuyển `rule` xuống tiêu chí con.", "Move the `rule` down to the sub-criteria."), value: code)
    }
    var replaces: [String: String] = [:]
    for (year, yearNode, value) in entries(Self.value(item, "replaces"), Context(code).key("replaces")) {
      guard year.count == 4, Int(year) != nil, let old = value.scalar?.string else {
        problem(
          yearNode,
          L(
            "tiêu chí \(code): `replaces` cần năm (4 chữ số) và mã tiêu chí năm đó.",
            "criterion \(code): `replaces` needs a year (4 digits) and the criterion's code that year."),
          L("Ví dụ `replaces: {\"2022\": \"1.2.1\"}`.", "For example `replaces: {\"2022\": \"1.2.1\"}`."),
          value: year)
        continue
      }
      replaces[year] = old
    }
    return ParCriterion(
      code: code, name: name, maximum: maximum, rule: rule,
      offices: names(Self.value(item, "offices"), context: Context(code).key("offices")), replaces: replaces,
      papi: names(Self.value(item, "papi"), context: Context(code).key("papi")),
      survey: bool(Self.value(item, "survey"), context: Context(code).key("survey"), default: false),
      children: children)
  }

  /// `{ratio: true}` or `{thresholds: [[1.0, 1], [0.98, 0.5], [0, 0]]}`.
  private mutating func parRule(_ node: Node, code: String, maximum: Double) -> ParRule? {
    let context = Context(code).key("rule")
    guard mapping(node, context, allowed: ["ratio", "thresholds"]) else { return nil }
    if Self.value(node, "ratio").map({ bool($0, context: context.key("ratio"), default: false) }) == true {
      return .ratio
    }
    guard let thresholds = Self.value(node, "thresholds") else {
      problem(
        node,
        L(
          "tiêu chí \(code): `rule` cần `ratio: true` hoặc `thresholds`.",
          "criterion \(code): `rule` needs "
            + "`ratio: true` or `thresholds`."),
        L(
          "Ví dụ `rule: {thresholds: [[1.0, 1], [0.98, 0.5], [0, 0]]}`.",
          "For example `rule: {thresholds: "
            + "[[1.0, 1], [0.98, 0.5], [0, 0]]}`."), value: code)
      return nil
    }
    var steps: [(ratio: Double, points: Double)] = []
    for pair in sequence(thresholds, context.key("thresholds")) {
      let values = sequence(pair, context.key("thresholds"))
      guard values.count == 2 else {
        problem(
          pair,
          L(
            "tiêu chí \(code): mỗi ngưỡng là [tỷ lệ, điểm].",
            "criterion \(code): each threshold is [ratio, "
              + "points]."),
          L("Ví dụ `[0.98, 0.5]`.", "For example `[0.98, 0.5]`."), value: code)
        continue
      }
      let ratio = number(values[0], context: context.key("thresholds"), default: 0, in: 0...1)
      let points = number(values[1], context: context.key("thresholds"), default: 0, in: 0...maximum)
      if let last = steps.last, ratio >= last.ratio {
        problem(
          pair,
          L(
            "tiêu chí \(code): các ngưỡng phải giảm dần (\(ratio.shortText) sau \(last.ratio.shortText)).",
            "criterion \(code): thresholds must descend (\(ratio.shortText) after \(last.ratio.shortText))."),
          L("Xếp các ngưỡng từ tỷ lệ cao xuống thấp.", "List the thresholds from the highest ratio down."),
          value: code)
      }
      steps.append((ratio, points))
    }
    return steps.isEmpty ? nil : .thresholds(steps)
  }
}
