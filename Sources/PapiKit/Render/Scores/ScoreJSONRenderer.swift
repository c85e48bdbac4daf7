/// Scores as the JSON of PRODUCT.md §6 (`papi score --format json`): keys sorted,
/// two-space indentation, `null` for unknown values, numbers unrounded in their shortest
/// round-trip form. Written straight into the sink a MiB at a time (Foundation's
/// JSONEncoder needed five times the time and memory).
public struct ScoreJSONRenderer: Renderer {
  public init() {}

  public func render(_ report: ScoreReport, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { ScoresJSON.write(report, flags: [:], published: false, into: &$0) }
  }
}

/// The JSON of units and their scores, shared by `papi score` and the weakness report
/// (which adds each unit's flags, actions and feedback).
enum ScoresJSON {
  static func write(
    _ report: ScoreReport, flags: [String: [UnitFlag]], published: Bool, actions: [String: [ActionItem]] = [:],
    remeasured: [String: Remeasurement] = [:], feedback: FeedbackSummary? = nil, summary: ReportSummary? = nil,
    parLinks: [String: [ParPapiLink]] = [:], otherInstrument: [String] = [], into json: inout JSONWriter
  ) {
    json.open("{")
    var first = true
    if !otherInstrument.isEmpty {
      // Published sets used as targets for survey scores: another instrument (a caveat).
      json.key("benchmarks_from_other_instrument", first: true)
      json.array(otherInstrument) { $0.string($1) }
      first = false
    }
    if let design = report.design {
      json.key("design", first: first)
      designObject(design, into: &json)
      first = false
    }
    json.key("level", first: first)
    json.string(report.level)
    json.key("questionnaire")
    json.open("{")
    json.key("id", first: true)
    json.string(report.questionnaireID)
    json.key("kind")
    json.string(report.kind.rawValue)
    json.close("}")
    if !report.reading.isEmpty { reading(report.reading, into: &json) }
    summary?.write(into: &json)
    json.tool(name: report.tool, version: report.version)
    json.key("units")
    json.array(report.units) { json, unit in
      unitObject(
        &json, unit, derived: report.unitsAsOf != nil, flags: flags[unit.code] ?? [], published: published,
        actions: actions[unit.code] ?? [],
        remeasured: remeasured, feedback: feedback.map { $0.unit(unit.code) }, parLinks: parLinks[unit.code] ?? [])
    }
    if let set = report.unitsAsOf {
      json.key("units_as_of")
      json.string(set)
    }
    json.key("wave")
    json.string(report.wave)
    if let column = report.weights {
      // The column the respondents' weights came from (weights were applied).
      json.key("weights")
      json.open("{")
      json.key("column", first: true)
      json.string(column)
      json.close("}")
    }
    json.close("}")
    json.newline()
  }

  /// The sample design the SEs took into account: its columns and the lonely-PSU rule.
  private static func designObject(_ design: ScoredDesign, into json: inout JSONWriter) {
    json.open("{")
    json.key("cluster", first: true)
    json.string(design.columns.cluster)
    json.key("fpc")
    json.string(design.columns.fpc)
    json.key("lonely_psu")
    json.string(design.lonelyPSU.rawValue)
    json.key("strata")
    json.string(design.columns.strata)
    json.close("}")
  }

  /// What reading left out: `rows_left_out` with `--on-error skip`, the incomplete responses
  /// left out, and whether duplicates could be detected.
  private static func reading(_ reading: ReadingSummary, into json: inout JSONWriter) {
    json.key("reading")
    json.open("{")
    json.key("duplicates_detectable", first: true)
    json.boolean(reading.duplicatesDetectable)
    json.key("incomplete_left_out")
    json.integer(reading.incompleteLeftOut)
    if let rows = reading.rowsLeftOut {
      json.key("rows_left_out")
      json.integer(rows)
    }
    json.close("}")
  }

  private static func unitObject(
    _ json: inout JSONWriter, _ unit: UnitScore, derived: Bool, flags: [UnitFlag], published: Bool,
    actions: [ActionItem],
    remeasured: [String: Remeasurement], feedback: FeedbackSummary.Unit?? = nil, parLinks: [ParPapiLink] = []
  ) {
    json.open("{")
    // Flags need targets and actions need a stored plan; `papi score` has neither.
    json.key("actions", first: true)
    json.array(actions) { json, action in ActionListJSON.object(&json, action, remeasured[action.id], today: nil) }
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
      estimateFields(&json, dimension.score, isScore: true, id: dimension.id, complete: true, unknownN: published) {
        json in
        json.key("subdimensions")
        json.array(dimension.subdimensions) { json, subdimension in
          json.open("{")
          estimateFields(
            &json, subdimension.score, isScore: true, id: subdimension.id, complete: true, childrenFirst: true
          ) { json in
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
      json.array(feedback?.themes ?? []) { json, theme in FeedbackReportJSON.themeObject(&json, theme) }
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
    if !parLinks.isEmpty {
      // Lost PAR INDEX criteria bearing on PAPI dimensions (the database has PAR results for the unit).
      json.key("par_links")
      json.array(parLinks) { json, link in
        json.open("{")
        json.key("criterion", first: true)
        json.string(link.criterion)
        json.key("dimensions")
        json.array(link.dimensions) { $0.string($1) }
        json.key("max")
        json.number(link.maximum)
        json.key("offices")
        json.array(link.offices) { $0.string($1) }
        json.key("score")
        json.number(link.score)
        json.key("year")
        json.string(link.year)
        json.close("}")
      }
    }
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
    let design = estimate.design
    if let design {
      json.key("clusters", first: true)
      json.integer(design.clusters)
      first = false
    }
    if complete {
      json.key("complete", first: first)
      json.boolean(estimate.complete)
      first = false
    }
    if let design {
      json.key("deff", first: first)
      json.number(design.deff)
      json.key("df")
      json.integer(design.df)
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
    if let design {
      json.key("n_eff")
      json.number(design.nEff)
    }
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
