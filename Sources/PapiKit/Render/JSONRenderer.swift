/// Renders scores as the JSON of PRODUCT.md §6: keys sorted, two-space indentation, `null`
/// for unknown values, numbers unrounded in their shortest round-trip form. Written directly
/// into one buffer (Foundation's JSONEncoder needed five times the time and memory).
public enum JSONRenderer {
  public static func render(_ report: ScoreReport) -> String {
    var json = JSONWriter()
    json.open("{")
    json.key("level", first: true)
    json.string(report.level)
    json.key("questionnaire")
    json.open("{")
    json.key("id", first: true)
    json.string(report.questionnaireID)
    json.key("kind")
    json.string(report.kind.rawValue)
    json.close("}")
    json.key("tool")
    json.open("{")
    json.key("name", first: true)
    json.string(report.tool)
    json.key("version")
    json.string(report.version)
    json.close("}")
    json.key("units")
    json.array(report.units) { json, unit in unitObject(&json, unit) }
    json.key("wave")
    json.string(report.wave)
    json.close("}")
    json.newline()
    return json.text
  }

  private static func unitObject(_ json: inout JSONWriter, _ unit: UnitScore) {
    json.open("{")
    // Flags need targets and actions need a plan; `papi score` has neither.
    json.key("actions", first: true)
    json.emptyArray()
    json.key("code")
    json.string(unit.code)
    json.key("dimensions")
    json.array(unit.dimensions) { json, dimension in
      json.open("{")
      estimateFields(&json, dimension.score, valueKey: "score", id: dimension.id, complete: true) { json in
        json.key("subdimensions")
        json.array(dimension.subdimensions) { json, subdimension in
          json.open("{")
          estimateFields(&json, subdimension.score, valueKey: "score", id: subdimension.id, complete: true, childrenFirst: true) { json in
            json.key("indicators")
            json.array(subdimension.indicators) { json, indicator in
              json.open("{")
              estimateFields(&json, indicator.estimate, valueKey: "estimate", id: indicator.id, complete: false) { _ in }
              json.close("}")
            }
          }
          json.close("}")
        }
      }
      json.close("}")
    }
    json.key("flags")
    json.emptyArray()
    json.key("name")
    json.string(unit.name)
    json.key("parent")
    json.string(unit.parent)
    json.key("respondents")
    json.integer(unit.respondents)
    json.key("total")
    json.open("{")
    estimateFields(&json, unit.total, valueKey: "score", id: nil, complete: true) { _ in }
    json.close("}")
    json.close("}")
  }

  /// The fields of an estimate in sorted key order, with `id` and the children where they
  /// sort: `indicators` between `id` and `low` (`childrenFirst`), `subdimensions` between
  /// `se` and `upp`.
  private static func estimateFields(
    _ json: inout JSONWriter, _ estimate: Estimate, valueKey: String, id: String?, complete: Bool,
    childrenFirst: Bool = false, children: (inout JSONWriter) -> Void
  ) {
    var first = true
    if complete {
      json.key("complete", first: true)
      json.boolean(estimate.complete)
      first = false
    }
    if valueKey == "estimate" {
      json.key("estimate", first: first)
      json.number(estimate.value)
      first = false
    }
    if let id {
      json.key("id", first: first)
      json.string(id)
      first = false
    }
    if childrenFirst { children(&json) }
    json.key("low", first: first)
    json.number(estimate.low)
    json.key("n")
    json.integer(estimate.n)
    if valueKey == "score" {
      json.key("score")
      json.number(estimate.value)
    }
    json.key("se")
    json.number(estimate.se)
    if !childrenFirst { children(&json) }
    json.key("upp")
    json.number(estimate.upp)
  }
}

/// A small pretty-printing JSON writer: the caller writes keys in sorted order.
struct JSONWriter {
  private(set) var text = ""
  private var depth = 0

  init() { text.reserveCapacity(1 << 16) }

  mutating func open(_ bracket: String) {
    text += bracket
    depth += 1
  }

  mutating func close(_ bracket: String) {
    depth -= 1
    newline()
    text += bracket
  }

  mutating func newline() {
    text += "\n"
    if depth > 0 { text += String(repeating: "  ", count: depth) }
  }

  mutating func key(_ name: String, first: Bool = false) {
    if !first { text += "," }
    newline()
    text += "\""
    text += name
    text += "\": "
  }

  mutating func string(_ value: String?) {
    guard let value else {
      text += "null"
      return
    }
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }

  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else {
      text += "null"
      return
    }
    text += value.description
  }

  mutating func integer(_ value: Int) { text += String(value) }

  mutating func boolean(_ value: Bool) { text += value ? "true" : "false" }

  mutating func emptyArray() { text += "[]" }

  mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
    if elements.isEmpty {
      emptyArray()
      return
    }
    open("[")
    for (index, element) in elements.enumerated() {
      if index > 0 { text += "," }
      newline()
      body(&self, element)
    }
    close("]")
  }
}
