/// Formats of `papi actions list` and `papi plan`.
public enum ActionFormat: String, Sendable, CaseIterable {
  case table, md, html, csv, json
}

/// The action register in every format: a terminal list, Markdown, HTML, CSV and JSON.
public enum ActionListRenderer {
  public struct Listing: Sendable {
    public var actions: [ActionItem]
    public var remeasured: [String: Remeasurement]
    public var offices: [String: Office]
    public var today: CivilDate
    public var title: String?

    public init(actions: [ActionItem], remeasured: [String: Remeasurement], offices: [String: Office], today: CivilDate, title: String? = nil) {
      self.actions = actions
      self.remeasured = remeasured
      self.offices = offices
      self.today = today
      self.title = title
    }
  }

  public static func render(_ listing: Listing, format: ActionFormat, language: Language, excel: Bool = false) -> String {
    switch format {
    case .table: return table(listing, language)
    case .md, .html:
      let text = ActionText(language: language, offices: listing.offices)
      let title = listing.title ?? (language == .vi ? "Sổ theo dõi nhiệm vụ" : "Action register")
      var blocks: [DocumentBlock] = [
        .paragraph(summary(listing, language)),
        .table(text.columns, listing.actions.map { text.row($0, listing.remeasured[$0.id], today: listing.today) }),
      ]
      if format == .md {
        blocks.insert(.heading(1, title), at: 0)
        return DocumentBlock.markdown(blocks)
      }
      return HTMLPage.head(title: title, language: language, css: "td { text-align: left; vertical-align: top; }") + DocumentBlock.html(blocks)
        + "</body>\n</html>\n"
    case .csv: return csv(listing, excel: excel)
    case .json:
      var json = JSONWriter()
      json.open("{")
      json.key("actions", first: true)
      json.array(listing.actions) { json, action in object(&json, action, listing.remeasured[action.id], today: listing.today) }
      json.key("today")
      json.string(listing.today.description)
      json.tool()
      json.close("}")
      json.newline()
      return json.text
    }
  }

  static func summary(_ listing: Listing, _ language: Language) -> String {
    let overdue = listing.actions.filter { $0.isOverdue(on: listing.today) }.count
    let done = listing.actions.filter { $0.status == .done }.count
    return language == .vi
      ? "\(listing.actions.count) nhiệm vụ, \(done) đã hoàn thành, \(overdue) quá hạn tính đến ngày \(listing.today.vietnamese)."
      : "\(listing.actions.count) actions, \(done) done, \(overdue) overdue as of \(listing.today)."
  }

  /// Each action on two or three lines of at most 80 columns: id, unit, metric, due date and
  /// status; the task and its lead office; the re-measurement. The full text is in md/html.
  static func table(_ listing: Listing, _ language: Language) -> String {
    let text = ActionText(language: language, offices: listing.offices)
    let vi = language == .vi
    var out = summary(listing, language) + "\n"
    if listing.actions.isEmpty { return out }
    out += (fit(vi ? "Mã" : "Id", 12) + fit(vi ? "Đơn vị" : "Unit", 28) + fit(vi ? "Chỉ số" : "Metric", 8) + fit(vi ? "Hạn" : "Due", 12)
      + (vi ? "Trạng thái" : "Status")) + "\n"
    let indent = String(repeating: " ", count: 12)
    for action in listing.actions {
      out += (fit(action.id, 12) + fit(printable(text.unit(action)), 27) + " " + fit(action.metric, 8) + fit(action.due.text(language), 12)
        + text.status(action, today: listing.today)).trimmingTrailingSpaces() + "\n"
      out += indent + fit(printable(text.office(action.lead) + ": " + text.sentence(action.title.text(language))), 68).trimmingTrailingSpaces() + "\n"
      if let result = listing.remeasured[action.id] {
        var line = "→ \(result.wave): " + text.estimate(result.now, decimals: text.decimals(action)) + " · " + result.outcome.label(language)
        if let change = result.change { line += " · " + (change > 0 ? "+" : "") + text.format.fixed(change, text.decimals(action)) }
        out += indent + fit(printable(line), 68).trimmingTrailingSpaces() + "\n"
      }
    }
    return out
  }

  static func csv(_ listing: Listing, excel: Bool) -> String {
    let delimiter: Character = excel ? ";" : ","
    func number(_ value: Double?) -> String { TextEscaping.csvNumber(value, excel: excel) }
    func text(_ value: String?) -> String { TextEscaping.csv(value ?? "", delimiter: delimiter) }
    let header = [
      "id", "wave", "level", "unit_code", "unit_name", "metric", "flag", "score", "low", "upp", "n", "target", "gap", "task", "title_vi",
      "title_en", "lead", "support", "due", "priority", "status", "flagged", "overdue", "remeasured_wave", "score_now", "low_now", "upp_now",
      "n_now", "outcome", "change", "significant_change",
    ]
    var out = excel ? "\u{FEFF}" : ""
    out += header.joined(separator: String(delimiter)) + "\r\n"
    for action in listing.actions {
      let result = listing.remeasured[action.id]
      let cells: [String] = [
        text(action.id), text(action.wave), text(action.level), text(action.unitCode), text(action.unitName), text(action.metric),
        action.flag.rawValue, number(action.baseline.value), number(action.baseline.low), number(action.baseline.upp), String(action.baseline.n),
        number(action.target), number(action.gap), text(action.task), text(action.title.vi), text(action.title.en), text(action.lead),
        text(action.support.joined(separator: "; ")), action.due.description, action.priority.rawValue, action.status.rawValue,
        action.flagged ? "true" : "false", action.isOverdue(on: listing.today) ? "true" : "false", text(result?.wave),
        number(result?.now.value), number(result?.now.low), number(result?.now.upp), result.map { String($0.now.n) } ?? "",
        result?.outcome.rawValue ?? "", number(result?.change), result?.significantChange.map { $0 ? "true" : "false" } ?? "",
      ]
      out += cells.joined(separator: String(delimiter)) + "\r\n"
    }
    return out
  }

  /// One action as JSON (keys sorted): what `papi actions list`, `papi plan` and the units'
  /// `actions` in `papi report` write.
  /// Without `today` (the weakness report, which must not change from day to day) the
  /// `overdue` key is left out.
  static func object(_ json: inout JSONWriter, _ action: ActionItem, _ result: Remeasurement?, today: CivilDate?) {
    json.open("{")
    json.key("baseline", first: true)
    estimate(&json, action.baseline)
    json.key("due")
    json.string(action.due.description)
    json.key("flag")
    json.string(action.flag.rawValue)
    json.key("flagged")
    json.boolean(action.flagged)
    json.key("gap")
    json.number(action.gap)
    json.key("id")
    json.string(action.id)
    json.key("lead")
    json.string(action.lead)
    json.key("level")
    json.string(action.level)
    json.key("metric")
    json.string(action.metric)
    if let today {
      json.key("overdue")
      json.boolean(action.isOverdue(on: today))
    }
    json.key("priority")
    json.string(action.priority.rawValue)
    json.key("remeasurement")
    if let result {
      json.open("{")
      json.key("change", first: true)
      json.number(result.change)
      json.key("now")
      estimate(&json, result.now)
      json.key("outcome")
      json.string(result.outcome.rawValue)
      json.key("significant_change")
      if let significant = result.significantChange { json.boolean(significant) } else { json.string(nil) }
      json.key("wave")
      json.string(result.wave)
      json.close("}")
    } else {
      json.string(nil)
    }
    json.key("rule")
    json.string(action.rule)
    json.key("status")
    json.string(action.status.rawValue)
    json.key("support")
    json.array(action.support) { json, office in json.string(office) }
    json.key("target")
    json.number(action.target)
    json.key("task")
    json.string(action.task)
    json.key("title")
    json.open("{")
    json.key("en", first: true)
    json.string(action.title.en)
    json.key("vi")
    json.string(action.title.vi)
    json.close("}")
    json.key("unit")
    json.string(action.unitCode)
    json.key("unit_name")
    json.string(action.unitName)
    json.key("wave")
    json.string(action.wave)
    json.close("}")
  }

  /// {complete, low, n, score, se, upp}, as every score of the report's JSON.
  private static func estimate(_ json: inout JSONWriter, _ estimate: Estimate) {
    json.open("{")
    JSONRenderer.estimateFields(&json, estimate, isScore: true, id: nil, complete: true) { _ in }
    json.close("}")
  }
}
