/// Renders scores as the JSON of PRODUCT.md §6: keys sorted, two-space indentation, `null`
/// for unknown values, numbers unrounded in their shortest round-trip form. Written directly
/// into one buffer (Foundation's JSONEncoder needed five times the time and memory).
public enum JSONRenderer {
  public static func render(_ report: ScoreReport) -> String {
    var bytes: [UInt8] = []
    render(report) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The weakness report: the same shape, with each unit's flags.
  public static func render(_ report: WeaknessReport) -> String {
    var bytes: [UInt8] = []
    render(
      report.scores, flags: report.flags, published: report.published, actions: report.actions, remeasured: report.remeasured,
      feedback: report.feedback
    ) {
      bytes.append(contentsOf: $0)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Renders in pieces of about 1 MiB handed to `write`, so the whole text is never held.
  public static func render(_ report: ScoreReport, write: @escaping (UnsafeRawBufferPointer) -> Void) {
    render(report, flags: [:], published: false, write: write)
  }

  static func render(
    _ report: ScoreReport, flags: [String: [UnitFlag]], published: Bool, actions: [String: [ActionItem]] = [:],
    remeasured: [String: Remeasurement] = [:], feedback: FeedbackSummary? = nil, write: @escaping (UnsafeRawBufferPointer) -> Void
  ) {
    var json = JSONWriter(flush: write)
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
    json.tool(name: report.tool, version: report.version)
    json.key("units")
    json.array(report.units) { json, unit in
      unitObject(
        &json, unit, derived: report.unitsAsOf != nil, flags: flags[unit.code] ?? [], published: published, actions: actions[unit.code] ?? [],
        remeasured: remeasured, feedback: feedback.map { $0.unit(unit.code) })
    }
    if let set = report.unitsAsOf {
      json.key("units_as_of")
      json.string(set)
    }
    json.key("wave")
    json.string(report.wave)
    json.close("}")
    json.newline()
    json.flush()
  }

  private static func unitObject(
    _ json: inout JSONWriter, _ unit: UnitScore, derived: Bool, flags: [UnitFlag], published: Bool, actions: [ActionItem],
    remeasured: [String: Remeasurement], feedback: FeedbackSummary.Unit?? = nil
  ) {
    json.open("{")
    // Flags need targets and actions need a stored plan; `papi score` has neither.
    json.key("actions", first: true)
    json.array(actions) { json, action in ActionListRenderer.object(&json, action, remeasured[action.id], today: nil) }
    json.key("code")
    json.string(unit.code)
    if derived {
      // Converted through a crosswalk: an estimate for the new unit, not a measurement of it.
      json.key("derived")
      json.boolean(true)
    }
    json.key("dimensions")
    json.array(unit.dimensions) { json, dimension in
      json.open("{")
      estimateFields(&json, dimension.score, isScore: true, id: dimension.id, complete: true, unknownN: published) { json in
        json.key("subdimensions")
        json.array(dimension.subdimensions) { json, subdimension in
          json.open("{")
          estimateFields(&json, subdimension.score, isScore: true, id: subdimension.id, complete: true, childrenFirst: true) { json in
            json.key("indicators")
            json.array(subdimension.indicators) { json, indicator in
              json.open("{")
              estimateFields(&json, indicator.estimate, isScore: false, id: indicator.id, complete: false) { _ in }
              json.close("}")
            }
          }
          json.close("}")
        }
      }
      json.close("}")
    }
    if let feedback {
      // Citizen feedback of the unit by dimension (the database has feedback for the wave).
      json.key("feedback")
      json.open("{")
      json.key("items", first: true)
      json.integer(feedback?.items ?? 0)
      json.key("previous_items")
      if let previous = feedback?.previousItems { json.integer(previous) } else { json.string(nil) }
      json.key("themes")
      json.array(feedback?.themes ?? []) { json, theme in FeedbackReportRenderer.themeObject(&json, theme) }
      json.key("unclassified")
      json.integer(feedback?.unclassified ?? 0)
      json.close("}")
    }
    json.key("flags")
    json.array(flags) { json, flag in
      json.open("{")
      json.key("complete", first: true)
      if let complete = flag.complete { json.boolean(complete) } else { json.string(nil) }
      json.key("gap")
      json.number(flag.gap)
      json.key("metric")
      json.string(flag.metric)
      json.key("rule")
      json.string(flag.rule)
      json.key("score")
      json.number(flag.score)
      json.key("status")
      json.string(flag.status.rawValue)
      json.key("target")
      json.number(flag.target)
      json.key("tasks")
      json.array(flag.tasks) { json, task in json.string(task) }
      json.close("}")
    }
    json.key("name")
    json.string(unit.name)
    json.key("parent")
    json.string(unit.parent)
    json.key("respondents")
    if published { json.string(nil) } else { json.integer(unit.respondents) }
    json.key("total")
    json.open("{")
    estimateFields(&json, unit.total, isScore: true, id: nil, complete: true, unknownN: published) { _ in }
    json.close("}")
    json.close("}")
  }

  /// The fields of an estimate in sorted key order, with `id` and the children where they
  /// sort: `indicators` between `id` and `low` (`childrenFirst`), `subdimensions` between
  /// `se` and `upp`.
  static func estimateFields(
    _ json: inout JSONWriter, _ estimate: Estimate, isScore: Bool, id: String?, complete: Bool,
    childrenFirst: Bool = false, unknownN: Bool = false, children: (inout JSONWriter) -> Void
  ) {
    var first = true
    if complete {
      json.key("complete", first: true)
      json.boolean(estimate.complete)
      first = false
    }
    if !isScore {
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
    if unknownN { json.string(nil) } else { json.integer(estimate.n) }
    if isScore {
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

/// A small pretty-printing JSON writer into a byte buffer: the caller writes keys in sorted
/// order.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var depth = 0
  private let sink: ((UnsafeRawBufferPointer) -> Void)?

  init(flush sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
    self.sink = sink
    bytes.reserveCapacity(1 << 20)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Hands what has been written to the sink.
  mutating func flush() {
    guard let sink else { return }
    bytes.withUnsafeBytes { sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  private mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func append(_ string: String) {
    var copy = string
    copy.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
  }

  mutating func open(_ bracket: Character) { open(bracket.asciiValue ?? 0) }

  mutating func close(_ bracket: Character) {
    depth -= 1
    newline()
    bytes.append(bracket.asciiValue ?? 0)
  }

  mutating func newline() {
    if bytes.count >= 1 << 20 { flush() }
    bytes.append(10)
    for _ in 0..<(2 * depth) { bytes.append(32) }
  }

  mutating func key(_ name: StaticString, first: Bool = false) {
    if !first { bytes.append(44) }
    newline()
    bytes.append(34)
    append(name)
    append("\": ")
  }

  mutating func string(_ value: String?) {
    guard let value else {
      append("null")
      return
    }
    bytes.append(34)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": append("\\\"")
      case "\\": append("\\\\")
      case "\n": append("\\n")
      case "\r": append("\\r")
      case "\t": append("\\t")
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        append("\\u")
        append(String(repeating: "0", count: 4 - hex.count) + hex)
      default: bytes.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
      }
    }
    bytes.append(34)
  }

  mutating func number(_ value: Double?) {
    guard let value, value.isFinite else {
      append("null")
      return
    }
    append(value.description)
  }

  mutating func integer(_ value: Int) { append(String(value)) }

  mutating func boolean(_ value: Bool) { value ? append("true") : append("false") }

  mutating func emptyArray() { append("[]") }

  /// `"tool": {"name": …, "version": …}`, the producer of every JSON output.
  mutating func tool(name: String = "papi", version: String = PapiVersion.current) {
    key("tool")
    open("{")
    key("name", first: true)
    string(name)
    key("version")
    string(version)
    close("}")
  }

  mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
    if elements.isEmpty {
      emptyArray()
      return
    }
    open("[")
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(44) }
      newline()
      body(&self, element)
    }
    close("]")
  }
}
