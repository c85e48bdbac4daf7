/// The action register as JSON: `{"actions": […], "today": …, "tool": …}`.
struct ActionListJSON: Renderer {
  func render(_ listing: ActionListing, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { json in
      json.open("{")
      json.key("actions", first: true)
      json.array(listing.actions) { json, action in
        Self.object(&json, action, listing.remeasured[action.id], today: listing.today)
      }
      json.key("today")
      json.string(listing.today.description)
      json.tool()
      json.close("}")
      json.newline()
    }
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
    json.key("source")
    json.string(action.source.rawValue)
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
    ScoresJSON.estimateFields(&json, estimate, isScore: true, id: nil, complete: true) { _ in }
    json.close("}")
  }
}
