/// A wave's feedback as JSON, with the lexicon files it was classified with.
struct FeedbackReportJSON: Renderer {
  var lexicon: [String]

  func render(_ summary: FeedbackSummary, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { json in
      json.open("{")
      json.key("items", first: true)
      json.integer(summary.items)
      json.key("lexicon")
      json.array(lexicon) { $0.string($1) }
      json.key("previous_wave")
      json.string(summary.previousWave)
      json.tool()
      json.key("unclassified")
      json.integer(summary.unclassified)
      json.key("units")
      json.array(summary.units) { json, unit in
        json.open("{")
        json.key("code", first: true)
        json.string(unit.code)
        json.key("items")
        json.integer(unit.items)
        json.key("name")
        json.string(unit.name)
        json.key("previous_items")
        if let previous = unit.previousItems { json.integer(previous) } else { json.string(nil) }
        json.key("themes")
        json.array(unit.themes) { json, theme in Self.themeObject(&json, theme) }
        json.key("unclassified")
        json.integer(unit.unclassified)
        json.close("}")
      }
      json.key("wave")
      json.string(summary.wave)
      json.close("}")
      json.newline()
    }
  }

  /// One theme as JSON (also used by the weakness report).
  static func themeObject(_ json: inout JSONWriter, _ theme: FeedbackSummary.Theme) {
    // One quoted item: where it came from, its text and polarity.
    func quotes(_ quotes: [FeedbackSummary.Quote]) {
      json.array(quotes) { json, quote in
        json.open("{")
        json.key("channel", first: true)
        json.string(quote.item.channel)
        json.key("date")
        json.string(quote.item.date)
        json.key("id")
        json.string(quote.item.id)
        json.key("polarity")
        json.string(quote.polarity?.rawValue)
        json.key("text")
        json.string(quote.item.text)
        json.close("}")
      }
    }
    json.open("{")
    json.key("acknowledged", first: true)
    quotes(theme.acknowledged)
    json.key("count")
    json.integer(theme.count)
    json.key("dimension")
    json.string(theme.dimension)
    json.key("previous_count")
    if let count = theme.previousCount { json.integer(count) } else { json.string(nil) }
    json.key("previous_share")
    json.number(theme.previousShare)
    json.key("quotes")
    quotes(theme.quotes)
    json.key("share")
    json.number(theme.share)
    // {"count": n, "<field>": value} for each counted thing.
    func counted(_ name: StaticString, _ field: StaticString, _ entries: [(String, Int)]) {
      json.key(name)
      json.array(entries) { json, entry in
        json.open("{")
        json.key("count", first: true)
        json.integer(entry.1)
        json.key(field)
        json.string(entry.0)
        json.close("}")
      }
    }
    counted("subdimensions", "id", theme.subdimensions.map { ($0.id, $0.count) })
    counted("terms", "term", theme.terms.map { ($0.term, $0.count) })
    json.close("}")
  }
}
