import Foundation
import Yams

/// Reads and validates a questionnaire file (PRODUCT.md §3.2, questionnaires/README.md).
public enum QuestionnaireLoader {
  /// Loads the questionnaire at `path`, refusing it with every problem found.
  public static func load(path: String) throws(PapiError) -> Questionnaire {
    try parse(yaml: try QuestionnaireText.read(path).text, source: path)
  }

  /// Parses questionnaire YAML; `source` names it in messages.
  public static func parse(yaml: String, source: String) throws(PapiError) -> Questionnaire {
    let root = try YAMLReader.root(yaml, source: source, format: "questionnaires/README.md")
    var reader = YAMLReader(source: source)
    let questionnaire = reader.questionnaire(root)
    if !reader.problems.isEmpty { throw PapiError(reader.problems) }
    guard let questionnaire else { throw PapiError(reader.problems) }
    return questionnaire
  }
}

/// The questionnaire's parts, read from the YAML tree.
extension YAMLReader {
  mutating func claim(_ id: String, _ node: Node) {
    if let line = seenIDs[id] {
      problem(
        node,
        L("mã `\(id)` bị trùng (đã dùng ở dòng \(line)).", "duplicate id `\(id)` (already used on line \(line))."),
        L(
          "Đặt cho mỗi chỉ số, nội dung thành phần và chỉ số thành phần một mã riêng.",
          "Give every dimension, sub-dimension and indicator its own id."))
    } else {
      seenIDs[id] = node.mark?.line ?? 0
    }
  }

  mutating func questionnaire(_ root: Node) -> Questionnaire? {
    guard root.mapping != nil else {
      problem(
        root, L("bảng hỏi phải là một ánh xạ YAML.", "a questionnaire must be a YAML mapping."),
        L("Xem questionnaires/README.md.", "See questionnaires/README.md."))
      return nil
    }
    let id = string(root, "id", context: "questionnaire") ?? ""
    var kind = QuestionnaireKind.papi
    if let kindText = string(root, "kind", context: "questionnaire", required: false) {
      if let parsed = QuestionnaireKind(rawValue: kindText) {
        kind = parsed
      } else {
        problem(
          root["kind"], L("kind `\(kindText)` không được hỗ trợ.", "unknown kind `\(kindText)`."),
          L(
            "Dùng một trong: \(QuestionnaireKind.allCases.map { "`kind: \($0.rawValue)`" }.joined(separator: ", ")).",
            "Use one of: \(QuestionnaireKind.allCases.map { "`kind: \($0.rawValue)`" }.joined(separator: ", "))."))
      }
    }
    let title = localized(root["title"], context: "title") ?? LocalizedText(vi: id, en: id)
    let respondent = respondentColumns(root["respondent"])
    let missing = names(root["missing"], context: "missing")
    var dimensions: [Dimension] = []
    if let list = root["dimensions"]?.sequence, !list.isEmpty {
      for node in list { if let dimension = dimension(node, kind: kind) { dimensions.append(dimension) } }
    } else {
      problem(
        root, L("bảng hỏi không có chỉ số nội dung nào (`dimensions`).", "the questionnaire has no `dimensions`."),
        L("Thêm danh sách `dimensions:`.", "Add a `dimensions:` list."))
    }
    let feedback = names(root["feedback"], context: "feedback")
    guard let respondent else { return nil }
    return Questionnaire(
      id: id, kind: kind, title: title, respondent: respondent, missing: missing,
      dimensions: dimensions, feedback: feedback, source: source)
  }

  mutating func respondentColumns(_ node: Node?) -> RespondentColumns? {
    guard let node, node.mapping != nil else {
      problem(
        node, L("thiếu khối `respondent`.", "missing `respondent` block."),
        L("Thêm `respondent:` với ít nhất `id` và `unit`.", "Add `respondent:` with at least `id` and `unit`."))
      return nil
    }
    let ids = names(node["id"], context: "respondent.id")
    if ids.isEmpty {
      problem(
        node,
        L(
          "respondent.id: cần ít nhất một cột mã người trả lời.",
          "respondent.id: at least one respondent-id column is needed."),
        L("Ví dụ: `id: [_uuid, meta/instanceID, KEY]`.", "For example `id: [_uuid, meta/instanceID, KEY]`."))
    }
    guard let unit = string(node, "unit", context: "respondent") else { return nil }
    var aliases: [String: [String]] = [:]
    if let mapping = node["aliases"]?.mapping {
      for (key, value) in mapping {
        if let name = key.string { aliases[name.nfc] = names(value, context: "respondent.aliases.\(name)") }
      }
    }
    return RespondentColumns(
      id: ids, unit: unit, unitName: string(node, "unit_name", context: "respondent", required: false),
      parents: names(node["parent"], context: "respondent.parent"),
      weight: string(node, "weight", context: "respondent", required: false),
      pii: names(node["pii"], context: "respondent.pii"), aliases: aliases)
  }

  mutating func dimension(_ node: Node, kind: QuestionnaireKind) -> Dimension? {
    guard let id = string(node, "id", context: "dimension") else { return nil }
    claim(id, node)
    let name = localized(node["name"], context: id) ?? LocalizedText(vi: id, en: id)
    var subdimensions: [Subdimension] = []
    if let list = node["subdimensions"]?.sequence, !list.isEmpty {
      for child in list { if let sub = subdimension(child, kind: kind) { subdimensions.append(sub) } }
    } else {
      problem(
        node,
        L("chỉ số nội dung `\(id)` không có nội dung thành phần nào.", "dimension `\(id)` has no sub-dimensions."),
        L(
          "Thêm `subdimensions:` với ít nhất một nội dung thành phần cho `\(id)`.",
          "Add `subdimensions:` with at least one sub-dimension to `\(id)`."))
    }
    let weight = number(node["weight"], context: "\(id).weight", default: 1)
    if weight <= 0 {
      problem(node["weight"], L("\(id): trọng số phải dương.", "\(id): weight must be positive."), L("", ""))
    }
    return Dimension(
      id: id, name: name, short: localized(node["short"], context: "\(id).short"), weight: weight,
      subdimensions: subdimensions)
  }

  mutating func subdimension(_ node: Node, kind: QuestionnaireKind) -> Subdimension? {
    guard let id = string(node, "id", context: "subdimension") else { return nil }
    claim(id, node)
    var indicators: [Indicator] = []
    if let list = node["indicators"]?.sequence, !list.isEmpty {
      for child in list { if let item = indicator(child, kind: kind) { indicators.append(item) } }
    } else {
      problem(
        node,
        L("nội dung thành phần `\(id)` không có chỉ số thành phần nào.", "sub-dimension `\(id)` has no indicators."),
        L("Thêm `indicators:` cho `\(id)`.", "Add `indicators:` to `\(id)`."))
    }
    return Subdimension(
      id: id, name: localized(node["name"], context: id) ?? LocalizedText(vi: id, en: id), indicators: indicators)
  }

  mutating func indicator(_ node: Node, kind: QuestionnaireKind) -> Indicator? {
    guard let id = string(node, "id", context: "indicator") else { return nil }
    claim(id, node)
    var columns = names(node["column"], context: "\(id).column") + names(node["columns"], context: "\(id).columns")
    columns = columns.filter { !$0.isEmpty }
    if columns.isEmpty {
      problem(
        node, L("chỉ số thành phần `\(id)` không có cột.", "indicator `\(id)` has no column."),
        L("Thêm `column: <tên cột trong tệp xuất>` cho `\(id)`.", "Add `column: <export column name>` to `\(id)`."))
    }
    guard let typeText = string(node, "type", context: id) else { return nil }
    guard let type = IndicatorType(rawValue: typeText) else {
      problem(
        node["type"], L("`\(id)`: loại `\(typeText)` không tồn tại.", "`\(id)`: unknown type `\(typeText)`."),
        L("Dùng một trong: binary, likert, scale, choice.", "Use one of: binary, likert, scale, choice."))
      return nil
    }
    var item = Indicator(
      id: id, columns: columns, text: localized(node["text"], context: "\(id).text"), type: type,
      yes: names(node["yes"], context: "\(id).yes"), no: names(node["no"], context: "\(id).no"),
      select: string(node, "select", context: id, required: false), range: nil, labels: [:],
      reverse: node["reverse"]?.bool ?? false, satisfied: nil, scores: [],
      missing: names(node["missing"], context: "\(id).missing"),
      weight: number(node["weight"], context: "\(id).weight", default: 1))
    if item.weight <= 0 {
      problem(
        node["weight"], L("`\(id)`: trọng số phải dương.", "`\(id)`: weight must be positive."),
        L("Dùng một số lớn hơn 0.", "Use a number greater than 0."))
    }
    switch type {
    case .binary:
      if item.select == nil && (item.yes.isEmpty || item.no.isEmpty) {
        problem(
          node, L("`\(id)`: câu hỏi có/không cần `yes` và `no`.", "`\(id)`: a binary indicator needs `yes` and `no`."),
          L(
            "Ví dụ: `yes: [\"1\", \"Có\"]`, `no: [\"2\", \"Không\"]`.",
            "For example `yes: [\"1\", \"Có\"]`, `no: [\"2\", \"Không\"]`."))
      }
      let overlap = Set(item.yes).intersection(item.no)
      if !overlap.isEmpty {
        problem(
          node,
          L("`\(id)`: \(overlap.sorted()) vừa là có vừa là không.", "`\(id)`: \(overlap.sorted()) is both yes and no."),
          L("", ""))
      }
    case .likert, .scale:
      item.range = range(node, id: id)
      if let mapping = node["labels"]?.mapping {
        for (key, value) in mapping {
          guard let label = key.string?.nfc, let number = value.int else {
            problem(
              value, L("`\(id)`: nhãn phải ánh xạ tới số nguyên.", "`\(id)`: labels must map to integers."), L("", ""))
            continue
          }
          if let range = item.range, !range.contains(number) {
            problem(
              value,
              L(
                "`\(id)`: nhãn \"\(label)\" = \(number) nằm ngoài khoảng [\(range.lowerBound), \(range.upperBound)].",
                "`\(id)`: label \"\(label)\" = \(number) is outside the range [\(range.lowerBound), "
                  + "\(range.upperBound)]."
              ),
              L("Sửa giá trị của nhãn hoặc `range`.", "Fix the label's value or the `range`."))
          }
          item.labels[label] = number
        }
      }
      if let list = node["satisfied"] {
        let values = names(list, context: "\(id).satisfied").compactMap { Int($0) }
        if let range = item.range, let bad = values.first(where: { !range.contains($0) }) {
          problem(
            list,
            L("`\(id)`: satisfied \(bad) nằm ngoài khoảng.", "`\(id)`: satisfied value \(bad) is outside the range."),
            L("Dùng các giá trị trong `range`.", "Use values inside `range`."))
        }
        if !ScoringScheme(kind).allowsSatisfiedAnswers {
          problem(
            list,
            L(
              "`\(id)`: `satisfied` chỉ dùng với `kind: percent`.",
              "`\(id)`: `satisfied` is only for `kind: percent`."),
            L("Bỏ `satisfied` hoặc đổi kind.", "Remove `satisfied` or change the kind."))
        }
        item.satisfied = Set(values)
      }
    case .choice:
      guard let mapping = node["scores"]?.mapping, !mapping.isEmpty else {
        problem(
          node, L("`\(id)`: câu hỏi lựa chọn cần `scores`.", "`\(id)`: a choice indicator needs `scores`."),
          L(
            "Ví dụ: `scores: {\"1\": 1.0, \"2\": 0.5, \"3\": 0}`.",
            "For example `scores: {\"1\": 1.0, \"2\": 0.5, \"3\": 0}`."))
        return item
      }
      for (key, value) in mapping {
        guard let answer = key.string?.nfc, let score = value.float ?? value.int.map(Double.init),
          (0...1).contains(score)
        else {
          problem(
            value,
            L("`\(id)`: điểm của mỗi phương án phải trong [0, 1].", "`\(id)`: each answer's score must be in [0, 1]."),
            L("Sửa `scores` của `\(id)`.", "Fix the `scores` of `\(id)`."))
          continue
        }
        item.scores.append((answer, score))
      }
    }
    if item.select != nil && type != .binary {
      problem(
        node, L("`\(id)`: `select` chỉ dùng với type binary.", "`\(id)`: `select` is only for type binary."),
        L("Đổi `type: binary`.", "Use `type: binary`."))
    }
    return item
  }

  mutating func range(_ node: Node, id: String) -> ClosedRange<Int>? {
    guard let list = node["range"]?.sequence, list.count == 2, let low = list[0].int, let high = list[1].int else {
      problem(
        node, L("`\(id)`: cần `range: [min, max]` (số nguyên).", "`\(id)`: needs `range: [min, max]` (integers)."),
        L("Ví dụ: `range: [1, 5]`.", "For example `range: [1, 5]`."))
      return nil
    }
    guard low < high else {
      problem(
        node["range"],
        L("`\(id)`: khoảng [\(low), \(high)] có min ≥ max.", "`\(id)`: range [\(low), \(high)] has min ≥ max."),
        L("Viết min trước, max sau, min < max.", "Write min first, then max, with min < max."))
      return nil
    }
    guard high - low <= 250 else {
      problem(
        node["range"],
        L(
          "`\(id)`: khoảng [\(low), \(high)] có hơn 250 bậc.",
          "`\(id)`: range [\(low), \(high)] has more than 250 steps."),
        L("Dùng thang đo tối đa 250 bậc.", "Use a scale of at most 250 steps."))
      return nil
    }
    return low...high
  }
}

extension String {
  /// The text in Unicode NFC.
  var nfc: String { precomposedStringWithCanonicalMapping }

  /// A header or cell as every reader compares it: NFC, without surrounding whitespace.
  var trimmedNFC: String { nfc.trimmingCharacters(in: .whitespacesAndNewlines) }
}
