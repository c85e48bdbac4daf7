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
    try ConfigReader.parse(yaml, source: source, format: "questionnaires/README.md") { $0.questionnaire($1) }
  }
}

/// The questionnaire's parts, read from the YAML tree: every mapping's keys checked, every
/// value of its type and within its bounds (questionnaires/README.md, "Bounds").
extension ConfigReader {
  static let questionnaireKeys = ["id", "kind", "title", "respondent", "missing", "dimensions", "feedback"]
  static let respondentKeys = [
    "id", "unit", "unit_name", "parent", "weight", "cluster", "strata", "fpc", "pii", "aliases", "complete",
  ]
  static let dimensionKeys = ["id", "name", "short", "weight", "subdimensions"]
  static let subdimensionKeys = ["id", "name", "indicators"]
  static let indicatorKeys = [
    "id", "column", "columns", "text", "type", "yes", "no", "select", "separator", "options", "range", "labels",
    "reverse", "satisfied", "scores", "missing", "weight",
  ]
  /// Weights of dimensions and indicators.
  static let weightBounds: ClosedRange<Double> = 0.000_001...1000
  /// The answers of a scale.
  static let scaleBounds = -1000...1000

  mutating func questionnaire(_ root: Node) -> Questionnaire? {
    guard mapping(root, "questionnaire", allowed: Self.questionnaireKeys) else {
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
          Self.value(root, "kind"), L("kind `\(kindText)` không được hỗ trợ.", "unknown kind `\(kindText)`."),
          L(
            "Dùng một trong: \(QuestionnaireKind.allCases.map { "`kind: \($0.rawValue)`" }.joined(separator: ", ")).",
            "Use one of: \(QuestionnaireKind.allCases.map { "`kind: \($0.rawValue)`" }.joined(separator: ", "))."))
      }
    }
    let title = localized(Self.value(root, "title"), context: "title") ?? LocalizedText(vi: id, en: id)
    let respondent = respondentColumns(Self.value(root, "respondent"))
    let missing = names(Self.value(root, "missing"), context: "missing")
    var dimensions: [Dimension] = []
    let list = sequence(Self.value(root, "dimensions"), "dimensions")
    if list.isEmpty {
      problem(
        root, L("bảng hỏi không có chỉ số nội dung nào (`dimensions`).", "the questionnaire has no `dimensions`."),
        L("Thêm danh sách `dimensions:`.", "Add a `dimensions:` list."))
    }
    for node in list { if let dimension = dimension(node, kind: kind) { dimensions.append(dimension) } }
    let feedback = names(Self.value(root, "feedback"), context: "feedback")
    guard let respondent else { return nil }
    return Questionnaire(
      id: id, kind: kind, title: title, respondent: respondent, missing: missing,
      dimensions: dimensions, feedback: feedback, source: source)
  }

  mutating func respondentColumns(_ node: Node?) -> RespondentColumns? {
    guard let node, mapping(node, "respondent", allowed: Self.respondentKeys) else {
      problem(
        node, L("thiếu khối `respondent`.", "missing `respondent` block."),
        L("Thêm `respondent:` với ít nhất `id` và `unit`.", "Add `respondent:` with at least `id` and `unit`."))
      return nil
    }
    // `id: none`: the export has no respondent id (each row is known by the file and its row).
    let none = Self.value(node, "id")?.scalar?.string.trimmedNFC == "none"
    let ids = none ? [] : names(Self.value(node, "id"), context: "respondent.id")
    if ids.isEmpty && !none {
      problem(
        node,
        L(
          "respondent.id: cần ít nhất một cột mã người trả lời.",
          "respondent.id: at least one respondent-id column is needed."),
        L(
          "Ví dụ: `id: [_uuid, meta/instanceID, KEY]`; `id: none` khi tệp không có mã người trả lời.",
          "For example `id: [_uuid, meta/instanceID, KEY]`; `id: none` when the export has no respondent id."))
    }
    guard let unit = string(node, "unit", context: "respondent") else { return nil }
    var aliases: [String: [String]] = [:]
    for (name, _, value) in entries(Self.value(node, "aliases"), "respondent.aliases") {
      aliases[name] = names(value, context: "respondent.aliases.\(name)")
    }
    return RespondentColumns(
      id: ids, unit: unit, unitName: string(node, "unit_name", context: "respondent", required: false),
      parents: names(Self.value(node, "parent"), context: "respondent.parent"),
      weight: string(node, "weight", context: "respondent", required: false),
      design: DesignColumns(
        cluster: string(node, "cluster", context: "respondent", required: false),
        strata: string(node, "strata", context: "respondent", required: false),
        fpc: string(node, "fpc", context: "respondent", required: false)),
      pii: names(Self.value(node, "pii"), context: "respondent.pii"), aliases: aliases,
      complete: string(node, "complete", context: "respondent", required: false))
  }

  mutating func dimension(_ node: Node, kind: QuestionnaireKind) -> Dimension? {
    let context = Self.named(node, Context(vi: "chỉ số nội dung", en: "dimension"))
    guard mapping(node, context, allowed: Self.dimensionKeys),
      let id = string(node, "id", context: context)
    else { return nil }
    claim(id, node, what: L("chỉ số nội dung, nội dung thành phần và chỉ số", "dimension, sub-dimension and indicator"))
    let name = localized(Self.value(node, "name"), context: Context(id)) ?? LocalizedText(vi: id, en: id)
    var subdimensions: [Subdimension] = []
    let list = sequence(Self.value(node, "subdimensions"), "\(id).subdimensions")
    if list.isEmpty {
      problem(
        node,
        L("chỉ số nội dung `\(id)` không có nội dung thành phần nào.", "dimension `\(id)` has no sub-dimensions."),
        L(
          "Thêm `subdimensions:` với ít nhất một nội dung thành phần cho `\(id)`.",
          "Add `subdimensions:` with at least one sub-dimension to `\(id)`."))
    }
    for child in list { if let sub = subdimension(child, kind: kind) { subdimensions.append(sub) } }
    let weight = number(Self.value(node, "weight"), context: "\(id).weight", default: 1, in: Self.weightBounds)
    return Dimension(
      id: id, name: name, short: localized(Self.value(node, "short"), context: "\(id).short"), weight: weight,
      subdimensions: subdimensions)
  }

  mutating func subdimension(_ node: Node, kind: QuestionnaireKind) -> Subdimension? {
    let context = Self.named(node, Context(vi: "nội dung thành phần", en: "sub-dimension"))
    guard mapping(node, context, allowed: Self.subdimensionKeys),
      let id = string(node, "id", context: context)
    else { return nil }
    claim(id, node, what: L("chỉ số nội dung, nội dung thành phần và chỉ số", "dimension, sub-dimension and indicator"))
    var indicators: [Indicator] = []
    let list = sequence(Self.value(node, "indicators"), "\(id).indicators")
    if list.isEmpty {
      problem(
        node,
        L("nội dung thành phần `\(id)` không có chỉ số thành phần nào.", "sub-dimension `\(id)` has no indicators."),
        L("Thêm `indicators:` cho `\(id)`.", "Add `indicators:` to `\(id)`."))
    }
    for child in list { if let item = indicator(child, kind: kind) { indicators.append(item) } }
    return Subdimension(
      id: id, name: localized(Self.value(node, "name"), context: Context(id)) ?? LocalizedText(vi: id, en: id),
      indicators: indicators)
  }

  mutating func indicator(_ node: Node, kind: QuestionnaireKind) -> Indicator? {
    let context = Self.named(node, Context(vi: "chỉ số thành phần", en: "indicator"))
    guard mapping(node, context, allowed: Self.indicatorKeys),
      let id = string(node, "id", context: context)
    else { return nil }
    claim(id, node, what: L("chỉ số nội dung, nội dung thành phần và chỉ số", "dimension, sub-dimension and indicator"))
    let columns =
      names(Self.value(node, "column"), context: "\(id).column")
      + names(Self.value(node, "columns"), context: "\(id).columns")
    if columns.isEmpty {
      problem(
        node, L("chỉ số thành phần `\(id)` không có cột.", "indicator `\(id)` has no column."),
        L("Thêm `column: <tên cột trong tệp xuất>` cho `\(id)`.", "Add `column: <export column name>` to `\(id)`."))
    }
    guard let typeText = string(node, "type", context: Context(id)) else { return nil }
    guard let type = IndicatorType(rawValue: typeText) else {
      problem(
        Self.value(node, "type"),
        L("`\(id)`: loại `\(typeText)` không tồn tại.", "`\(id)`: unknown type `\(typeText)`."),
        L("Dùng một trong: binary, likert, scale, choice.", "Use one of: binary, likert, scale, choice."))
      return nil
    }
    var item = Indicator(
      id: id, columns: columns, text: localized(Self.value(node, "text"), context: "\(id).text"), type: type,
      yes: names(Self.value(node, "yes"), context: "\(id).yes"), no: names(Self.value(node, "no"), context: "\(id).no"),
      select: string(node, "select", context: Context(id), required: false), range: nil, labels: [:],
      reverse: bool(Self.value(node, "reverse"), context: "\(id).reverse", default: false), satisfied: nil, scores: [],
      missing: names(Self.value(node, "missing"), context: "\(id).missing"),
      weight: number(Self.value(node, "weight"), context: "\(id).weight", default: 1, in: Self.weightBounds))
    item.separator = separator(node, id: id, select: item.select)
    item.options = names(Self.value(node, "options"), context: "\(id).options")
    if let list = Self.value(node, "options") {
      if let select = item.select, !item.options.map(\.trimmedNFC).contains(select.trimmedNFC) {
        problem(
          list,
          L(
            "`\(id)`: `options` phải có cả phương án `select` (\(select)).",
            "`\(id)`: `options` must include the `select` option (\(select))."),
          L("Thêm \(select) vào `options`.", "Add \(select) to `options`."))
      } else if item.select == nil {
        problem(
          list,
          L("`\(id)`: `options` chỉ dùng với `select`.", "`\(id)`: `options` is only for a `select` indicator."),
          L("Bỏ `options` hoặc thêm `select`.", "Remove `options` or add `select`."))
      }
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
      for (label, keyNode, value) in entries(Self.value(node, "labels"), "\(id).labels") {
        guard let number = integer(value, context: "\(id).labels.\(label)", in: Self.scaleBounds) else { continue }
        if label.isEmpty {
          problem(
            keyNode, L("`\(id)`: nhãn trống.", "`\(id)`: an empty label."),
            L("Xóa nhãn trống.", "Remove the empty label."))
        }
        if let range = item.range, !range.contains(number) {
          problem(
            value,
            L(
              "`\(id)`: nhãn \"\(label)\" = \(number) nằm ngoài khoảng [\(range.lowerBound), \(range.upperBound)].",
              "`\(id)`: label \"\(label)\" = \(number) is outside the range [\(range.lowerBound), \(range.upperBound)]."
            ),
            L("Sửa giá trị của nhãn hoặc `range`.", "Fix the label's value or the `range`."))
        }
        item.labels[label] = number
      }
      if let list = Self.value(node, "satisfied") {
        var values: [Int] = []
        for (index, entry) in sequence(list, "\(id).satisfied").enumerated() {
          if let value = integer(entry, context: "\(id).satisfied[\(index)]", in: Self.scaleBounds) {
            values.append(value)
          }
        }
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
      let scores = entries(Self.value(node, "scores"), "\(id).scores")
      guard !scores.isEmpty else {
        problem(
          node, L("`\(id)`: câu hỏi lựa chọn cần `scores`.", "`\(id)`: a choice indicator needs `scores`."),
          L(
            "Ví dụ: `scores: {\"1\": 1.0, \"2\": 0.5, \"3\": 0}`.",
            "For example `scores: {\"1\": 1.0, \"2\": 0.5, \"3\": 0}`."))
        return item
      }
      for (answer, keyNode, value) in scores {
        if answer.isEmpty {
          problem(
            keyNode, L("`\(id)`: phương án trống.", "`\(id)`: an empty answer."),
            L("Xóa phương án trống.", "Remove the empty answer."))
          continue
        }
        let score = number(value, context: "\(id).scores.\(answer)", default: .nan, in: 0...1)
        if !score.isNaN { item.scores.append((answer, score)) }
      }
    }
    if item.select != nil && type != .binary {
      problem(
        node, L("`\(id)`: `select` chỉ dùng với type binary.", "`\(id)`: `select` is only for type binary."),
        L("Đổi `type: binary`.", "Use `type: binary`."))
    }
    for key in ["labels", "satisfied"] where Self.value(node, key) != nil && type != .likert && type != .scale {
      problem(
        Self.value(node, key),
        L("`\(id)`: `\(key)` chỉ dùng với likert hoặc scale.", "`\(id)`: `\(key)` is only for likert or scale."),
        L("Bỏ `\(key)` hoặc đổi `type`.", "Remove `\(key)` or change the `type`."))
    }
    if Self.value(node, "scores") != nil && type != .choice {
      problem(
        Self.value(node, "scores"),
        L("`\(id)`: `scores` chỉ dùng với type choice.", "`\(id)`: `scores` is only for type choice."),
        L("Bỏ `scores` hoặc đổi `type: choice`.", "Remove `scores` or use `type: choice`."))
    }
    return item
  }

  /// What joins the chosen options in a select-multiple cell: only with `select`, and not
  /// empty (white space is the default).
  mutating func separator(_ node: Node, id: String, select: String?) -> String? {
    guard let value = Self.value(node, "separator") else { return nil }
    guard let text = value.scalar?.string, !text.isEmpty else {
      problem(
        value, L("`\(id)`: `separator` trống.", "`\(id)`: an empty `separator`."),
        L(
          "Viết dấu nối các phương án, ví dụ `separator: \", \"`, hoặc bỏ nó (mặc định là dấu cách).",
          "Write what joins the options, for example `separator: \", \"`, or remove it (white space by default)."))
      return nil
    }
    if select == nil {
      problem(
        value,
        L("`\(id)`: `separator` chỉ dùng với `select`.", "`\(id)`: `separator` is only for a `select` indicator."),
        L("Bỏ `separator` hoặc thêm `select`.", "Remove `separator` or add `select`."))
    }
    return text
  }

  mutating func range(_ node: Node, id: String) -> ClosedRange<Int>? {
    guard let list = Self.value(node, "range")?.sequence, list.count == 2 else {
      problem(
        node, L("`\(id)`: cần `range: [min, max]` (số nguyên).", "`\(id)`: needs `range: [min, max]` (integers)."),
        L("Ví dụ: `range: [1, 5]`.", "For example `range: [1, 5]`."))
      return nil
    }
    guard let low = integer(list[0], context: "\(id).range", in: Self.scaleBounds),
      let high = integer(list[1], context: "\(id).range", in: Self.scaleBounds)
    else { return nil }
    guard low < high else {
      problem(
        Self.value(node, "range"),
        L("`\(id)`: khoảng [\(low), \(high)] có min ≥ max.", "`\(id)`: range [\(low), \(high)] has min ≥ max."),
        L("Viết min trước, max sau, min < max.", "Write min first, then max, with min < max."))
      return nil
    }
    guard high - low <= 250 else {
      problem(
        Self.value(node, "range"),
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

  /// A header or cell as every reader compares it: NFC, without surrounding white space
  /// (Unicode's White_Space: spaces, tabs, line ends, no-break spaces). Invisible format
  /// characters such as a zero-width space or a byte-order mark are kept, so `1` followed
  /// by one is not the code `1`.
  var trimmedNFC: String {
    let scalars = nfc.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
