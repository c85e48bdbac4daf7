import Foundation
import Yams

/// Walks a YAML tree (a questionnaire, a task catalogue, a holiday calendar), collecting
/// every problem with its line instead of stopping at the first.
struct YAMLReader {
  let source: String
  var problems: [Diagnostic] = []
  var seenIDs: [String: Int] = [:]

  init(source: String) { self.source = source }

  mutating func problem(_ node: Node?, _ message: LocalizedText, _ fix: LocalizedText) {
    problems.append(
      Diagnostic(
        .error, SourceLocation(file: source, line: node?.mark?.line), message: message, fix: fix))
  }

  mutating func string(_ node: Node, _ key: String, context: String, required: Bool = true) -> String? {
    guard let value = node[key] else {
      if required {
        problem(
          node, L("\(context): thiếu khóa `\(key)`.", "\(context): missing key `\(key)`."),
          L("Thêm `\(key):` vào \(context).", "Add `\(key):` to \(context)."))
      }
      return nil
    }
    guard let text = value.scalar?.string else {
      problem(
        value, L("\(context): `\(key)` phải là một giá trị đơn.", "\(context): `\(key)` must be a single value."),
        L("Viết `\(key): giá trị`.", "Write `\(key): value`."))
      return nil
    }
    return text.nfc
  }

  /// A single name or a list of names.
  mutating func names(_ node: Node?, context: String) -> [String] {
    guard let node else { return [] }
    if let scalar = node.scalar { return [scalar.string.nfc] }
    if let sequence = node.sequence {
      var result: [String] = []
      for item in sequence {
        if let text = item.scalar?.string {
          result.append(text.nfc)
        } else {
          problem(item, L("\(context): phần tử phải là chuỗi.", "\(context): items must be strings."), L("", ""))
        }
      }
      return result
    }
    problem(
      node, L("\(context): cần một tên hoặc danh sách tên.", "\(context): expected a name or a list of names."),
      L("", ""))
    return []
  }

  mutating func localized(_ node: Node?, context: String) -> LocalizedText? {
    guard let node else { return nil }
    if let scalar = node.scalar { return LocalizedText(vi: scalar.string.nfc, en: scalar.string.nfc) }
    guard node.mapping != nil else {
      problem(node, L("\(context): cần {vi: …, en: …}.", "\(context): expected {vi: …, en: …}."), L("", ""))
      return nil
    }
    return LocalizedText(vi: node["vi"]?.string?.nfc ?? "", en: node["en"]?.string?.nfc ?? "")
  }

  mutating func number(_ node: Node?, context: String, default fallback: Double) -> Double {
    guard let node else { return fallback }
    guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
      problem(node, L("\(context): cần một số.", "\(context): expected a number."), L("", ""))
      return fallback
    }
    return value
  }

  /// The text of a YAML file; `kind` names the file in the message ("bảng hỏi"), `option`
  /// the command-line option that gave its path.
  static func text(_ path: String, kind: LocalizedText, option: String) throws(PapiError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw PapiError(
        .unreadableFile,
        file: path,
        message: L(
          "không đọc được tệp \(kind.vi) (\(error.localizedDescription)).",
          "cannot read the \(kind.en) file (\(error.localizedDescription))."),
        fix: L(
          "Kiểm tra đường dẫn sau \(option); tệp phải là YAML UTF-8.",
          "Check the path after \(option); the file must be UTF-8 YAML."))
    }
  }

  /// The root node of a YAML text; empty or malformed text is an error naming the file.
  static func root(_ yaml: String, source: String, format: String) throws(PapiError) -> Node {
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw PapiError(
          file: source, message: L("tệp rỗng.", "the file is empty."),
          fix: L("Xem định dạng trong \(format).", "See the format in \(format)."))
      }
      return node
    } catch let error as PapiError {
      throw error
    } catch {
      throw PapiError(
        file: source, message: L("YAML không hợp lệ: \(error)", "invalid YAML: \(error)"),
        fix: L("Sửa cú pháp YAML tại vị trí đã nêu.", "Fix the YAML syntax at the place named."))
    }
  }
}
