import Foundation
import Yams

/// One rule of a targets file (PRODUCT.md §3.3): a metric, a scope and how the target is set.
public struct TargetRule: Sendable, Equatable {
  /// Which units a rule applies to: a level, the children of a parent, or one unit.
  public enum Scope: Sendable, Hashable {
    case level(String)
    case parent(String)
    case unit(String)

    /// unit over parent over level.
    var rank: Int {
      switch self {
      case .level: return 1
      case .parent: return 2
      case .unit: return 3
      }
    }
  }

  /// How a rule sets the target: a number, the previous wave, the peers' mean, a published set, a rank.
  public enum Kind: Sendable, Equatable {
    case target(Double)
    case previous(Double)
    case peerMean(Double)
    case benchmark(String)
    case top(Int)
  }

  /// `total`, a dimension, sub-dimension or indicator id, `rank`, or `*` for every dimension.
  public var metric: String
  public var scope: Scope
  public var kind: Kind
  public var line: Int
  /// How the rule reads in outputs: `targets.yaml:3 d7 level=commune target=5`.
  public var label: String

  /// How specific the rule is for a metric: scope first, then a named metric over `*`.
  var specificity: Int { scope.rank * 2 + (metric == "*" ? 0 : 1) }
}

/// A targets file: `min_n` and the rules.
public struct TargetSet: Sendable {
  public var minN: Int
  public var rules: [TargetRule]
  public var source: String

  public init(minN: Int = 10, rules: [TargetRule] = [], source: String = "") {
    self.minN = minN
    self.rules = rules
    self.source = source
  }

  /// Benchmark sets the rules refer to.
  var benchmarkNames: Set<String> {
    Set(rules.compactMap { if case .benchmark(let name) = $0.kind { return name } else { return nil } })
  }

  public static func load(path: String) throws(PapiError) -> TargetSet {
    try parse(yaml: try ConfigReader.text(path, kind: L("mục tiêu", "targets"), option: "--targets"), source: path)
  }

  /// The largest target, previous-wave or peer delta a rule may set, either way.
  static let valueBounds: ClosedRange<Double> = -1000...1000
  static let ruleKeys = ["metric", "level", "parent", "unit", "target", "previous", "peer_mean", "benchmark", "top"]

  public static func parse(yaml: String, source: String) throws(PapiError) -> TargetSet {
    let root = try ConfigReader.root(yaml, source: source, format: "PRODUCT.md §3.3")
    var reader = ConfigReader(source: source)
    var set = TargetSet(source: source)
    guard reader.mapping(root, "targets", allowed: ["min_n", "rules"]) else {
      throw PapiError(
        file: source, message: L("tệp mục tiêu phải là một ánh xạ YAML.", "a targets file must be a YAML mapping."),
        fix: L("Xem PRODUCT.md §3.3 và samples/targets.yaml.", "See PRODUCT.md §3.3 and samples/targets.yaml."))
    }
    if let minN = reader.integer(ConfigReader.value(root, "min_n"), context: "min_n", in: 0...1_000_000) {
      set.minN = minN
    }
    let file = URL(fileURLWithPath: source).lastPathComponent
    // Rules by (metric, scope), to find two equally specific ones in one pass.
    var firstOfKey: [String: TargetRule] = [:]
    for item in reader.sequence(ConfigReader.value(root, "rules"), "rules") {
      let line = item.mark?.line ?? 0
      let context = ConfigReader.Context(vi: "quy tắc dòng \(line)", en: "rule on line \(line)")
      guard reader.mapping(item, context, allowed: ruleKeys) else { continue }
      guard let metric = reader.string(item, "metric", context: context) else { continue }
      let scopes = ["level", "parent", "unit"].filter { ConfigReader.value(item, $0) != nil }
      let kinds = ["target", "previous", "peer_mean", "benchmark", "top"].filter { ConfigReader.value(item, $0) != nil }
      guard scopes.count == 1, kinds.count == 1 else {
        reader.problem(
          item,
          L(
            "quy tắc dòng \(line) cần đúng một phạm vi (level, parent hoặc unit) và đúng một loại mục tiêu.",
            "the rule on line \(line) needs exactly one scope (level, parent or unit) and exactly one kind of target."),
          L(
            "Ví dụ: `{metric: d7, level: commune, target: 5.0}`.",
            "For example `{metric: d7, level: commune, target: 5.0}`."))
        continue
      }
      guard let scopeValue = reader.string(item, scopes[0], context: context) else { continue }
      let scope: TargetRule.Scope =
        scopes[0] == "level" ? .level(scopeValue) : scopes[0] == "parent" ? .parent(scopeValue) : .unit(scopeValue)
      let valueNode = ConfigReader.value(item, kinds[0])
      let raw = valueNode?.scalar?.string ?? ""
      let kind: TargetRule.Kind?
      switch kinds[0] {
      case "benchmark":
        kind = reader.string(item, "benchmark", context: context).map(TargetRule.Kind.benchmark)
      case "top":
        kind = reader.integer(valueNode, context: context.key("top"), in: 1...100_000).map(TargetRule.Kind.top)
      default:
        let value = reader.number(valueNode, context: context.key(kinds[0]), default: .nan, in: valueBounds)
        if value.isNaN {
          kind = nil
        } else {
          switch kinds[0] {
          case "target": kind = .target(value)
          case "previous": kind = .previous(value)
          default: kind = .peerMean(value)
          }
        }
      }
      guard let kind else { continue }
      if (metric == "rank")
        != {
          if case .top = kind { return true } else { return false }
        }()
      {
        reader.problem(
          item,
          L(
            "quy tắc dòng \(line): `top` chỉ dùng với `metric: rank` và ngược lại.",
            "rule on line \(line): `top` goes with `metric: rank` and only with it."),
          L("Viết `{metric: rank, level: province, top: 10}`.", "Write `{metric: rank, level: province, top: 10}`."))
        continue
      }
      let label = "\(file):\(line) \(metric) \(scopes[0])=\(scopeValue) \(kinds[0])=\(raw)"
      let rule = TargetRule(metric: metric, scope: scope, kind: kind, line: line, label: label)
      // Two rules with the same metric and the same scope can never be told apart.
      let key = "\(metric)\u{1F}\(scopes[0])\u{1F}\(scopeValue)"
      if let first = firstOfKey[key] {
        reader.problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: line), value: "\(first.label) | \(label)",
            message: L(
              "hai quy tắc cùng mức cụ thể cho cùng một chỉ số (dòng \(first.line) và \(line)).",
              "two equally specific rules for the same metric (lines \(first.line) and \(line))."),
            fix: L(
              "Xóa một quy tắc, hoặc thu hẹp phạm vi của một quy tắc (unit thay vì parent…).",
              "Delete one of them, or narrow one's scope (unit instead of parent…).")))
        continue
      }
      firstOfKey[key] = rule
      set.rules.append(rule)
    }
    if !reader.problems.isEmpty { throw PapiError(reader.problems) }
    return set
  }

  /// Refuses rules that name a metric the questionnaire does not have, or a unit or parent
  /// that is not in the data.
  func check(questionnaire: Questionnaire, units: Set<String>, parents: Set<String>, levels: [String]) throws(PapiError)
  {
    let metrics = questionnaire.metricIDs.union(["*"])
    var problems: [Diagnostic] = []
    for rule in rules {
      if !metrics.contains(rule.metric) {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: rule.line), value: rule.metric,
            message: L(
              "chỉ số `\(rule.metric)` không có trong bảng hỏi \(questionnaire.id).",
              "metric `\(rule.metric)` is not in questionnaire \(questionnaire.id)."),
            fix: L(
              "Dùng total, rank, *, hoặc mã chỉ số như d1, d1.1, d1.1.a.",
              "Use total, rank, *, or a metric id such as d1, d1.1, d1.1.a.")))
      }
      switch rule.scope {
      case .unit(let code) where !units.contains(code):
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: rule.line), value: code,
            message: L("đơn vị `\(code)` không có trong dữ liệu.", "unit `\(code)` is not in the data."),
            fix: L("Kiểm tra mã đơn vị (giữ số 0 ở đầu).", "Check the unit code (keep leading zeros).")))
      case .parent(let code) where !parents.contains(code):
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: rule.line), value: code,
            message: L(
              "đơn vị cấp trên `\(code)` không có trong dữ liệu.", "parent unit `\(code)` is not in the data."),
            fix: L("Kiểm tra mã đơn vị cấp trên.", "Check the parent unit code.")))
      case .level(let name) where !levels.contains(name):
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: rule.line), value: name,
            message: L(
              "cấp `\(name)` không có (có: \(levels.joined(separator: ", "))).",
              "level `\(name)` does not exist (there are: \(levels.joined(separator: ", ")))."),
            fix: L("Dùng một trong các cấp trên.", "Use one of the levels above.")))
      default: break
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
  }
}
