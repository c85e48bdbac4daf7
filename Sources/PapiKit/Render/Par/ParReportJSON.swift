/// A PAR INDEX report as JSON (PRODUCT.md §8.4): numbers unrounded, keys in order, units in
/// code order, lists in criterion-code order; `recovery.criteria` most points lost first.
struct ParReportJSON: Renderer {
  func render(_ report: ParReport, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { json in
      json.open("{")
      json.key("compare", first: true)
      json.string(report.compare)
      json.key("criteria")
      json.open("{")
      json.key("id", first: true)
      json.string(report.set.id)
      json.key("kind")
      json.string("par")
      json.close("}")
      json.key("offices")
      json.array(report.offices) { json, office in
        json.open("{")
        json.key("criteria", first: true)
        json.array(office.criteria) { $0.string($1) }
        json.key("lost")
        json.number(office.lost)
        json.key("name")
        json.string(office.name)
        json.close("}")
      }
      json.tool()
      json.key("units")
      json.array(report.units) { json, unit in Self.unit(&json, unit, report: report) }
      json.key("year")
      json.string(report.year)
      json.close("}")
      json.newline()
    }
  }

  private static func unit(_ json: inout JSONWriter, _ unit: ParUnitReport, report: ParReport) {
    let score = unit.score
    json.open("{")
    json.key("band", first: true)
    json.string(score.band?.name.vi)
    json.key("checks")
    json.array(score.checks) { json, check in
      json.open("{")
      json.key("computed", first: true)
      json.number(check.computed)
      json.key("criterion")
      json.string(check.criterion)
      json.key("file")
      json.string(check.origin.file.split(separator: "/").last.map(String.init))
      json.key("kind")
      json.string(check.kind.rawValue)
      json.key("line")
      json.integer(check.origin.line ?? 0)
      json.key("stated")
      json.number(check.stated)
      if let text = check.text {
        json.key("text")
        json.string(text)
      }
      json.close("}")
    }
    json.key("code")
    json.string(score.code)
    json.key("fields")
    json.array(score.fields) { json, field in
      json.open("{")
      json.key("code", first: true)
      json.string(field.code)
      json.key("lost")
      json.number(field.lost)
      json.key("max")
      json.number(field.maximum)
      json.key("not_scored")
      json.array(field.notScored) { $0.string($1) }
      json.key("points")
      json.number(field.points)
      json.key("previous")
      if let previous = unit.previousFields[field.code] {
        json.open("{")
        json.key("max", first: true)
        json.number(previous.maximum)
        json.key("points")
        json.number(previous.points)
        json.close("}")
      } else {
        json.string(nil)
      }
      json.key("self_points")
      json.number(field.selfPoints)
      json.close("}")
    }
    json.key("index")
    json.number(score.index)
    json.key("lost")
    json.array(score.lost) { json, loss in
      json.open("{")
      json.key("criterion", first: true)
      json.string(loss.criterion)
      json.key("lost")
      json.number(loss.lost)
      json.key("max")
      json.number(loss.maximum)
      json.key("offices")
      json.array(loss.offices) { json, share in
        json.open("{")
        json.key("count", first: true)
        json.number(share.office.count)
        json.key("lost")
        json.number(share.lost)
        json.key("name")
        json.string(share.office.name)
        json.key("role")
        json.string(share.office.role)
        json.close("}")
      }
      json.key("previous")
      json.number(unit.previousScores[loss.criterion])
      json.key("reason")
      json.string(loss.reason)
      json.key("score")
      json.number(loss.score)
      json.key("self_score")
      json.number(loss.selfScore)
      json.close("}")
    }
    json.key("max")
    json.number(score.maximum)
    json.key("name")
    json.string(score.name)
    json.key("of")
    json.integer(score.of)
    json.key("parent")
    json.string(score.parent)
    json.key("points")
    json.number(score.points)
    json.key("previous")
    if let previous = unit.previous {
      json.open("{")
      json.key("band", first: true)
      json.string(previous.band?.name.vi)
      json.key("index")
      json.number(previous.index)
      json.key("max")
      json.number(previous.maximum)
      json.key("of")
      if let of = previous.of { json.integer(of) } else { json.string(nil) }
      json.key("points")
      json.number(previous.points)
      json.key("published")
      json.boolean(previous.published)
      json.key("rank")
      if let rank = previous.rank { json.integer(rank) } else { json.string(nil) }
      json.close("}")
    } else {
      json.string(nil)
    }
    json.key("rank")
    json.integer(score.rank)
    json.key("recovery")
    json.open("{")
    json.key("criteria", first: true)
    json.array(score.recoveryOrder) { $0.string($1.criterion) }
    json.key("next_band")
    json.string(score.nextBand?.band.name.vi)
    json.key("points_needed")
    json.number(score.nextBand?.pointsNeeded)
    if let rank = report.targetRank {
      json.key("target_index")
      json.number(unit.target?.index)
      json.key("target_points_needed")
      json.number(unit.target?.pointsNeeded)
      json.key("target_rank")
      json.integer(rank)
    }
    json.close("}")
    json.key("self_points")
    json.number(score.selfPoints)
    json.close("}")
  }
}
