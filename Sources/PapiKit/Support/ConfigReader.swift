import Foundation
import Yams

/// One strict, typed reading of the YAML configuration files (questionnaires, targets, task
/// catalogues, holiday calendars, feedback lexicons, and any added later). A value of the
/// wrong type, an unknown key (with the nearest known one), a duplicate key, an empty id or a
/// number that is not finite or outside its bounds is an error with the file, line and
/// column. Every problem is collected, not only the first, and the work is linear in the file.
struct ConfigReader {
  let source: String
  var problems: [Diagnostic] = []
  /// Ids claimed so far (dimension, sub-dimension, indicator, task ids), with their line.
  var seenIDs: [String: Int] = [:]

  init(source: String) { self.source = source }

  /// What a message is about: an id or key (the same in both languages, written as a string
  /// literal or `Context(id)`) or a phrase with a Vietnamese and an English form.
  struct Context: ExpressibleByStringInterpolation {
    let vi: String
    let en: String
    init(_ name: String) { (vi, en) = (name, name) }
    init(stringLiteral name: String) { self.init(name) }
    init(vi: String, en: String) { (self.vi, self.en) = (vi, en) }
    /// The context of one key inside this one ("rule on line 3: target").
    func key(_ name: String) -> Context { Context(vi: "\(vi): \(name)", en: "\(en): \(name)") }
  }

  // MARK: Files

  /// The text of a YAML file; `kind` names the file in the message ("bảng hỏi"), `option`
  /// the command-line option that gave its path.
  static func text(_ path: String, kind: LocalizedText, option: String) throws(PapiError) -> String {
    // A workbook, a document or an archive given for a YAML file: say what it is.
    let other = NotAnExport.recognise(path)
    if let other, other != .folder {
      throw PapiError(
        .unsupportedFormat, file: path,
        message: L(
          "\(other.what.vi), không phải tệp \(kind.vi) (YAML).", "\(other.what.en), not a \(kind.en) file (YAML)."),
        fix: L("Kiểm tra đường dẫn sau \(option).", "Check the path after \(option)."))
    }
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      let code = other == .folder ? EISDIR : SystemReason.code(of: error)
      let reason = code.map { SystemReason.of(errno: $0) } ?? SystemReason.of(error)
      throw PapiError(
        .unreadableFile, file: path,
        message: L(
          "không đọc được tệp \(kind.vi) (\(reason.vi)).", "cannot read the \(kind.en) file (\(reason.en))."),
        fix: code.map { SystemReason.fix(errno: $0, writing: false, option: option) }
          ?? L(
            "Kiểm tra đường dẫn sau \(option); tệp phải là YAML UTF-8.",
            "Check the path after \(option); the file must be UTF-8 YAML."))
    }
  }

  /// The value `read` makes of a file's YAML, refused with every problem found on the way.
  static func parse<Value>(
    _ yaml: String, source: String, format: String, _ read: (inout ConfigReader, Node) -> Value?
  ) throws(PapiError) -> Value {
    let root = try Self.root(yaml, source: source, format: format)
    var reader = ConfigReader(source: source)
    let value = read(&reader, root)
    guard reader.problems.isEmpty, let value else { throw PapiError(reader.problems) }
    return value
  }

  /// The root node of a YAML text. Empty or malformed text, and a key written twice in one
  /// mapping, are errors naming the line and column (never the whole text).
  static func root(_ yaml: String, source: String, format: String) throws(PapiError) -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw syntaxError(error, yaml: yaml, source: source)
    } catch {
      throw PapiError(
        file: source, message: L("YAML không hợp lệ: \(error)", "invalid YAML: \(error)"),
        fix: L("Sửa cú pháp YAML.", "Fix the YAML syntax."))
    }
    guard let node else {
      throw PapiError(
        file: source, message: L("tệp rỗng.", "the file is empty."),
        fix: L("Xem định dạng trong \(format).", "See the format in \(format)."))
    }
    return node
  }

  private static func syntaxError(_ error: YamlError, yaml: String, source: String) -> PapiError {
    switch error {
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.sorted().first ?? ""
      let line = repeatedKeyLine(key, after: context.mark.line, in: yaml) ?? context.mark.line
      return PapiError(
        file: source, line: line, value: key,
        message: L(
          "khóa `\(key)` được viết hai lần trong cùng một ánh xạ (lần đầu ở dòng \(context.mark.line)).",
          "the key `\(key)` is written twice in one mapping (first on line \(context.mark.line))."),
        fix: L(
          "Xóa một trong hai dòng, hoặc gộp các giá trị vào một khóa.",
          "Delete one of the two lines, or merge their values under one key."))
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // At the end of the text, the place to fix is where the open quote or bracket started.
      let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
      func atEnd(_ line: Int) -> Bool { !lines.dropFirst(line - 1).contains { !$0.allSatisfy(\.isWhitespace) } }
      if atEnd(mark.line), let context, !atEnd(context.mark.line) {
        return PapiError(
          file: source, line: context.mark.line, column: context.mark.column,
          message: L(
            "YAML không hợp lệ: tệp hết trước khi đóng (\(context.text)).",
            "invalid YAML: the file ends before this is closed (\(context.text))."),
          fix: L(
            "Đóng dấu ngoặc kép hoặc dấu ngoặc mở ở dòng và cột đã nêu.",
            "Close the quote or bracket opened at the line and column named."))
      }
      return PapiError(
        file: source, line: mark.line, column: mark.column,
        message: L("YAML không hợp lệ: \(problem).", "invalid YAML: \(problem)."),
        fix: atEnd(mark.line)
          ? L(
            "Tệp hết khi một dấu ngoặc hoặc dấu ngoặc kép mở trước đó chưa được đóng: tìm và đóng nó.",
            "The file ends while a bracket or quote opened earlier is still open: find it and close it.")
          : L(
            "Sửa cú pháp YAML ở dòng và cột đã nêu (thụt lề, dấu hai chấm, dấu ngoặc).",
            "Fix the YAML syntax at the line and column named (indentation, colons, brackets)."))
    case .reader(let problem, let offset, _, _):
      return PapiError(
        file: source, value: offset.map { "byte \($0)" },
        message: L("YAML không đọc được: \(problem).", "unreadable YAML: \(problem)."),
        fix: L("Lưu tệp dạng UTF-8.", "Save the file as UTF-8."))
    default:
      return PapiError(
        file: source, message: L("YAML không hợp lệ.", "invalid YAML."),
        fix: L("Sửa cú pháp YAML.", "Fix the YAML syntax."))
    }
  }

  /// The line after `line` where `key:` starts again at the same indentation.
  private static func repeatedKeyLine(_ key: String, after line: Int, in yaml: String) -> Int? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    let first = lines[line - 1]
    let indent = first.prefix { $0 == " " || $0 == "-" }.count
    for index in line..<lines.count {
      let text = lines[index]
      let rest = text.dropFirst(indent)
      if text.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" })
        && (rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':"))
      {
        return index + 1
      }
    }
    return nil
  }

  // MARK: Problems

  mutating func problem(_ node: Node?, _ message: LocalizedText, _ fix: LocalizedText, value: String? = nil) {
    problems.append(
      Diagnostic(
        .error, SourceLocation(file: source, line: node?.mark?.line, column: node?.mark?.column), value: value,
        message: message, fix: fix))
  }

  /// Records an id, refusing one used before.
  mutating func claim(_ id: String, _ node: Node, what: LocalizedText) {
    if let line = seenIDs[id] {
      problem(
        node,
        L("mã `\(id)` bị trùng (đã dùng ở dòng \(line)).", "duplicate id `\(id)` (already used on line \(line))."),
        L("Đặt cho mỗi \(what.vi) một mã riêng.", "Give every \(what.en) its own id."))
    } else {
      seenIDs[id] = node.mark?.line ?? 0
    }
  }

  // MARK: Mappings

  /// The value of `key` in the mapping `node`: keys are compared as text, however quoted
  /// (`"yes":` and `yes:` are one key).
  static func value(_ node: Node?, _ key: String) -> Node? {
    guard let mapping = node?.mapping else { return nil }
    for (name, value) in mapping where name.scalar?.string == key { return value }
    return nil
  }

  /// How messages name an item of a list: by its `id` when it has one, else as `kind`.
  static func named(_ node: Node?, _ kind: Context) -> Context {
    guard let id = value(node, "id")?.scalar?.string.trimmedNFC, !id.isEmpty else { return kind }
    return Context(id.count > 40 ? String(id.prefix(39)) + "…" : id)
  }

  /// Checks that `node` is a mapping whose keys are all among `allowed`; an unknown key is
  /// an error that names the nearest allowed one.
  @discardableResult
  mutating func mapping(_ node: Node?, _ context: Context, allowed: [String]) -> Bool {
    guard let node else { return false }
    guard let mapping = node.mapping else {
      problem(
        node, L("\(context.vi): cần một ánh xạ (khóa: giá trị).", "\(context.en): expected a mapping (key: value)."),
        L(
          "Các khóa có thể dùng: \(allowed.joined(separator: ", ")).",
          "The keys it takes: \(allowed.joined(separator: ", "))."))
      return false
    }
    for key in mapping.keys {
      guard let name = key.scalar?.string else {
        problem(key, L("\(context.vi): khóa phải là một chữ.", "\(context.en): a key must be text."), L("", ""))
        continue
      }
      if allowed.contains(name) { continue }
      let near = NearestName.nearest(name, in: allowed)
      problem(
        key, L("\(context.vi): khóa `\(name)` không tồn tại.", "\(context.en): unknown key `\(name)`."),
        near.map { L("Có phải `\($0)`?", "Did you mean `\($0)`?") }
          ?? L(
            "Các khóa có thể dùng: \(allowed.joined(separator: ", ")).",
            "The keys it takes: \(allowed.joined(separator: ", "))."),
        value: name)
    }
    return true
  }

  /// The entries of a mapping whose keys are data (labels, scores, aliases, terms), in
  /// order; keys must be text.
  mutating func entries(_ node: Node?, _ context: Context) -> [(key: String, keyNode: Node, value: Node)] {
    guard let node else { return [] }
    guard let mapping = node.mapping else {
      problem(
        node, L("\(context.vi): cần một ánh xạ (khóa: giá trị).", "\(context.en): expected a mapping (key: value)."),
        L("", ""))
      return []
    }
    var entries: [(key: String, keyNode: Node, value: Node)] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        problem(key, L("\(context.vi): khóa phải là một chữ.", "\(context.en): a key must be text."), L("", ""))
        continue
      }
      entries.append((name.nfc, key, value))
    }
    return entries
  }

  /// The items of a sequence; a value that is not a list is an error.
  mutating func sequence(_ node: Node?, _ context: Context) -> [Node] {
    guard let node else { return [] }
    guard let sequence = node.sequence else {
      problem(
        node, L("\(context.vi): cần một danh sách.", "\(context.en): expected a list."),
        L("Viết `- …` cho mỗi phần tử.", "Write `- …` for each item."))
      return []
    }
    return Array(sequence)
  }

  // MARK: Values

  /// A text value of `key`; empty text counts as missing when `required`.
  mutating func string(_ node: Node, _ key: String, context: Context, required: Bool = true) -> String? {
    guard let value = Self.value(node, key) else {
      if required {
        problem(
          node, L("\(context.vi): thiếu khóa `\(key)`.", "\(context.en): missing key `\(key)`."),
          L("Thêm `\(key):` vào \(context.vi).", "Add `\(key):` to \(context.en)."))
      }
      return nil
    }
    guard let text = value.scalar?.string else {
      problem(
        value, L("\(context.vi): `\(key)` phải là một giá trị đơn.", "\(context.en): `\(key)` must be a single value."),
        L("Viết `\(key): giá trị`.", "Write `\(key): value`."))
      return nil
    }
    let trimmed = text.trimmedNFC
    if required && trimmed.isEmpty {
      problem(
        value, L("\(context.vi): `\(key)` trống.", "\(context.en): `\(key)` is empty."),
        L("Điền một giá trị cho `\(key)`.", "Give `\(key)` a value."))
      return nil
    }
    return trimmed
  }

  /// A single name or a list of names; an empty name is an error.
  mutating func names(_ node: Node?, context: Context) -> [String] {
    guard let node else { return [] }
    if let scalar = node.scalar { return checkedName(scalar.string, node, context).map { [$0] } ?? [] }
    if let sequence = node.sequence {
      return sequence.compactMap { item in
        guard let text = item.scalar?.string else {
          problem(item, L("\(context.vi): phần tử phải là chuỗi.", "\(context.en): items must be strings."), L("", ""))
          return nil
        }
        return checkedName(text, item, context)
      }
    }
    problem(
      node, L("\(context.vi): cần một tên hoặc danh sách tên.", "\(context.en): expected a name or a list of names."),
      L("", ""))
    return []
  }

  private mutating func checkedName(_ text: String, _ node: Node, _ context: Context) -> String? {
    let name = text.nfc
    if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && node.scalar?.style != .plain {
      // An empty quoted name ("") is a value some lists mean (the missing code of an
      // empty cell); an empty plain one is a slip.
      return name
    }
    if name.isEmpty {
      problem(
        node, L("\(context.vi): tên trống.", "\(context.en): an empty name."),
        L("Xóa phần tử trống.", "Remove the empty item."))
      return nil
    }
    return name
  }

  /// `text` or `{vi: …, en: …}`.
  mutating func localized(_ node: Node?, context: Context) -> LocalizedText? {
    guard let node else { return nil }
    if let scalar = node.scalar { return LocalizedText(vi: scalar.string.nfc, en: scalar.string.nfc) }
    guard mapping(node, context, allowed: ["vi", "en"]) else { return nil }
    func text(_ key: String) -> String {
      guard let value = Self.value(node, key) else { return "" }
      guard let text = value.scalar?.string else {
        problem(value, L("\(context.vi).\(key): cần một chuỗi.", "\(context.en).\(key): expected a string."), L("", ""))
        return ""
      }
      return text.nfc
    }
    return LocalizedText(vi: text("vi"), en: text("en"))
  }

  /// A value as a message quotes it: a scalar in backquotes, clipped to 40 characters, with
  /// its quotes if it had them (`"true"` is not `true`); a list or mapping by its kind.
  static func shown(_ node: Node) -> LocalizedText {
    guard let scalar = node.scalar else {
      return node.sequence != nil ? L("một danh sách", "a list") : L("một ánh xạ", "a mapping")
    }
    let text = scalar.string.count > 40 ? String(scalar.string.prefix(39)) + "…" : scalar.string
    let quoted: String
    switch scalar.style {
    case .singleQuoted: quoted = "`'\(text)'`"
    case .doubleQuoted: quoted = "`\"\(text)\"`"
    default: quoted = "`\(text)`"
    }
    return L(quoted, quoted)
  }

  /// A finite number within `bounds` (the default when absent).
  mutating func number(
    _ node: Node?, context: Context, default fallback: Double, in bounds: ClosedRange<Double>
  ) -> Double {
    guard let node else { return fallback }
    guard let scalar = node.scalar, scalar.style == .plain, let value = node.float ?? node.int.map(Double.init),
      value.isFinite
    else {
      problem(
        node,
        L(
          "\(context.vi): \(Self.shown(node).vi) không phải một số.",
          "\(context.en): \(Self.shown(node).en) is not a number."),
        L("Viết một số hữu hạn, ví dụ 1 hoặc 0.5.", "Write a finite number, for example 1 or 0.5."),
        value: node.scalar?.string)
      return fallback
    }
    guard bounds.contains(value) else {
      let range = "[\(bounds.lowerBound.shortText), \(bounds.upperBound.shortText)]"
      problem(
        node,
        L(
          "\(context.vi): \(Self.shown(node).vi) nằm ngoài khoảng \(range).",
          "\(context.en): \(Self.shown(node).en) is outside \(range)."),
        L("Dùng một giá trị trong khoảng đó.", "Use a value in that range."), value: scalar.string)
      return fallback
    }
    return value
  }

  /// A whole number within `bounds`.
  mutating func integer(_ node: Node?, context: Context, in bounds: ClosedRange<Int>) -> Int? {
    guard let node else { return nil }
    guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) else {
      problem(
        node,
        L(
          "\(context.vi): \(Self.shown(node).vi) không phải một số nguyên.",
          "\(context.en): \(Self.shown(node).en) is not a whole number."),
        L("Viết một số nguyên, không có ngoặc kép.", "Write a whole number, without quotes."),
        value: node.scalar?.string)
      return nil
    }
    guard bounds.contains(value) else {
      problem(
        node,
        L(
          "\(context.vi): \(value) nằm ngoài khoảng [\(bounds.lowerBound), \(bounds.upperBound)].",
          "\(context.en): \(value) is outside [\(bounds.lowerBound), \(bounds.upperBound)]."),
        L("Dùng một giá trị trong khoảng đó.", "Use a value in that range."), value: scalar.string)
      return nil
    }
    return value
  }

  /// `true` or `false`, unquoted (the default when absent): `"true"` or `1` is an error, not
  /// a silent `false`.
  mutating func bool(_ node: Node?, context: Context, default fallback: Bool) -> Bool {
    guard let node else { return fallback }
    guard let scalar = node.scalar, scalar.style == .plain, let value = node.bool,
      ["true", "false"].contains(scalar.string.lowercased())
    else {
      problem(
        node,
        L(
          "\(context.vi): \(Self.shown(node).vi) không phải `true` hay `false`.",
          "\(context.en): \(Self.shown(node).en) is not `true` or `false`."),
        L("Viết `true` hoặc `false`, không có ngoặc kép.", "Write `true` or `false`, without quotes."),
        value: node.scalar?.string)
      return fallback
    }
    return value
  }

  /// A date between 1900 and 2199 (the dates plans and calendars are about), written
  /// `YYYY-MM-DD`, `DD/MM/YYYY` or `D/M/YYYY`.
  mutating func date(_ node: Node?, context: Context) -> CivilDate? {
    guard let node else { return nil }
    guard let text = node.scalar?.string, let date = CivilDate(typed: text), CivilDate.plausible.contains(date.year)
    else {
      problem(
        node,
        L(
          "\(context.vi): `\(node.scalar?.string ?? "")` không phải một ngày từ năm 1900 đến 2199.",
          "\(context.en): `\(node.scalar?.string ?? "")` is not a date from 1900 to 2199."),
        L("Viết ngày như 29/01/2025 hoặc 2025-01-29.", "Write dates like 29/01/2025 or 2025-01-29."))
      return nil
    }
    return date
  }
}

extension Double {
  /// `1`, `0.5`, `-1000`: a bound as a person writes it.
  var shortText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
