import Foundation
import Yams

/// One rule of a targets file (PRODUCT.md §3.3): a metric, a scope and how the target is set.
public struct TargetRule: Sendable, Equatable {
  /// Which units a rule applies to: a level, the children of a parent, or one unit.
  public enum Scope: Sendable, Equatable {
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
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw PapiError(
        .unreadableFile,
        file: path,
        message: L(
          "không đọc được tệp mục tiêu (\(error.localizedDescription)).",
          "cannot read the targets file (\(error.localizedDescription))."),
        fix: L("Kiểm tra đường dẫn sau --targets.", "Check the path after --targets."))
    }
    return try parse(yaml: text, source: path)
  }

  public static func parse(yaml: String, source: String) throws(PapiError) -> TargetSet {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      throw PapiError(
        file: source, message: L("YAML không hợp lệ: \(error)", "invalid YAML: \(error)"),
        fix: L("Sửa cú pháp YAML.", "Fix the YAML syntax."))
    }
    var problems: [Diagnostic] = []
    func problem(_ node: Node?, _ message: LocalizedText, _ fix: LocalizedText) {
      problems.append(
        Diagnostic(.error, SourceLocation(file: source, line: node?.mark?.line), message: message, fix: fix))
    }
    var set = TargetSet(source: source)
    guard let root = node, root.mapping != nil else {
      throw PapiError(
        file: source, message: L("tệp mục tiêu phải là một ánh xạ YAML.", "a targets file must be a YAML mapping."),
        fix: L("Xem PRODUCT.md §3.3 và samples/targets.yaml.", "See PRODUCT.md §3.3 and samples/targets.yaml."))
    }
    if let minN = root["min_n"] {
      if let value = minN.int, value >= 0 {
        set.minN = value
      } else {
        problem(
          minN, L("min_n phải là số nguyên ≥ 0.", "min_n must be an integer ≥ 0."),
          L("Ví dụ: `min_n: 10`.", "For example `min_n: 10`."))
      }
    }
    let file = URL(fileURLWithPath: source).lastPathComponent
    for item in root["rules"]?.sequence ?? Node.Sequence() {
      let line = item.mark?.line ?? 0
      guard let mapping = item.mapping else {
        problem(
          item,
          L(
            "mỗi quy tắc là một ánh xạ {metric: …, level|parent|unit: …, target|previous|peer_mean|benchmark|top: …}.",
            "each rule is a mapping {metric: …, level|parent|unit: …, target|previous|peer_mean|benchmark|top: …}."),
          L("", ""))
        continue
      }
      var fields: [String: String] = [:]
      for (key, value) in mapping {
        guard let name = key.string else { continue }
        fields[name] = value.string ?? ""
      }
      let known: Set<String> = [
        "metric", "level", "parent", "unit", "target", "previous", "peer_mean", "benchmark", "top",
      ]
      for key in fields.keys.sorted() where !known.contains(key) {
        problem(
          item, L("quy tắc dòng \(line): khóa `\(key)` không tồn tại.", "rule on line \(line): unknown key `\(key)`."),
          L(
            "Dùng metric, level/parent/unit và một trong target, previous, peer_mean, benchmark, top.",
            "Use metric, level/parent/unit and one of target, previous, peer_mean, benchmark, top."))
      }
      guard let metric = fields["metric"], !metric.isEmpty else {
        problem(
          item, L("quy tắc dòng \(line) không có `metric`.", "the rule on line \(line) has no `metric`."),
          L("Thêm `metric: total` (hoặc mã chỉ số).", "Add `metric: total` (or a metric id)."))
        continue
      }
      let scopes = ["level", "parent", "unit"].filter { fields[$0] != nil }
      let kinds = ["target", "previous", "peer_mean", "benchmark", "top"].filter { fields[$0] != nil }
      guard scopes.count == 1, kinds.count == 1 else {
        problem(
          item,
          L(
            "quy tắc dòng \(line) cần đúng một phạm vi (level, parent hoặc unit) và đúng một loại mục tiêu.",
            "the rule on line \(line) needs exactly one scope (level, parent or unit) and exactly one kind of target."),
          L(
            "Ví dụ: `{metric: d7, level: commune, target: 5.0}`.",
            "For example `{metric: d7, level: commune, target: 5.0}`."))
        continue
      }
      let scopeValue = fields[scopes[0]] ?? ""
      let scope: TargetRule.Scope =
        scopes[0] == "level" ? .level(scopeValue) : scopes[0] == "parent" ? .parent(scopeValue) : .unit(scopeValue)
      let raw = fields[kinds[0]] ?? ""
      let number = Double(raw.replacingOccurrences(of: "+", with: ""))
      let kind: TargetRule.Kind?
      switch kinds[0] {
      case "target": kind = number.map(TargetRule.Kind.target)
      case "previous": kind = number.map(TargetRule.Kind.previous)
      case "peer_mean": kind = number.map(TargetRule.Kind.peerMean)
      case "benchmark": kind = raw.isEmpty ? nil : .benchmark(raw)
      default: kind = Int(raw).flatMap { $0 > 0 ? .top($0) : nil }
      }
      guard let kind else {
        problem(
          item,
          L(
            "quy tắc dòng \(line): giá trị `\(kinds[0]): \(raw)` không hợp lệ.",
            "rule on line \(line): `\(kinds[0]): \(raw)` is not a valid value."),
          L(
            "target/previous/peer_mean lấy một số (+0.5), benchmark lấy tên bộ điểm, top lấy số nguyên dương.",
            "target/previous/peer_mean take a number (+0.5), benchmark the name of a published set, top a positive "
              + "integer."
          ))
        continue
      }
      if (metric == "rank") != { if case .top = kind { return true } else { return false } }() {
        problem(
          item,
          L(
            "quy tắc dòng \(line): `top` chỉ dùng với `metric: rank` và ngược lại.",
            "rule on line \(line): `top` goes with `metric: rank` and only with it."),
          L("Viết `{metric: rank, level: province, top: 10}`.", "Write `{metric: rank, level: province, top: 10}`."))
        continue
      }
      let label = "\(file):\(line) \(metric) \(scopes[0])=\(scopeValue) \(kinds[0])=\(raw)"
      set.rules.append(TargetRule(metric: metric, scope: scope, kind: kind, line: line, label: label))
    }
    // Two rules with the same metric and the same scope can never be told apart.
    for (index, rule) in set.rules.enumerated() {
      for other in set.rules[(index + 1)...] where other.metric == rule.metric && other.scope == rule.scope {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: source, line: other.line), value: "\(rule.label) | \(other.label)",
            message: L(
              "hai quy tắc cùng mức cụ thể cho cùng một chỉ số (dòng \(rule.line) và \(other.line)).",
              "two equally specific rules for the same metric (lines \(rule.line) and \(other.line))."),
            fix: L(
              "Xóa một quy tắc, hoặc thu hẹp phạm vi của một quy tắc (unit thay vì parent…).",
              "Delete one of them, or narrow one's scope (unit instead of parent…).")))
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
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
