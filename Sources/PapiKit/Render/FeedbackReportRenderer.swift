import Foundation

/// `papi feedback report`: per unit, the feedback about each PAPI dimension (count, share,
/// change from the previous wave, frequent terms, quotes), in every report format.
enum FeedbackReportRenderer {
  /// Dimension names for labels: the stored wave's questionnaire when known, else PAPI's.
  static func dimensionName(_ id: String, _ questionnaire: Questionnaire?, _ language: Language) -> String {
    let dimensions = questionnaire?.dimensions ?? PublishedPAPI.questionnaire.dimensions
    return dimensions.first { $0.id == id }.map { "\(id.uppercased()) \($0.name.text(language))" } ?? id
  }

  static func percent(_ share: Double, _ format: NumberFormatting) -> String { format.fixed(100 * share, 0) + "%" }

  /// "+3 (+12 điểm %)" against the previous wave, or "" without one.
  static func change(_ theme: FeedbackSummary.Theme, _ format: NumberFormatting, _ language: Language) -> String {
    guard let count = theme.previousCount, let share = theme.previousShare else { return "" }
    let delta = theme.count - count
    let points = 100 * (theme.share - share)
    let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
    let pointSign = points > 0.05 ? "+" : points < -0.05 ? "−" : "±"
    return "\(sign)\(abs(delta)) (\(pointSign)\(format.fixed(abs(points), 0)) \(language == .vi ? "điểm %" : "pp"))"
  }

  static func quote(_ item: FeedbackItem, _ language: Language) -> String {
    var source: [String] = []
    if let channel = item.channel { source.append(channel == "survey" ? (language == .vi ? "khảo sát" : "survey") : channel) }
    if let date = item.date { source.append(date) }
    return "“\(item.text)”" + (source.isEmpty ? "" : " (\(source.joined(separator: ", ")))")
  }

  static func heading(_ summary: FeedbackSummary, _ language: Language) -> (title: String, note: String) {
    let vi = language == .vi
    let title = vi ? "Ý kiến người dân theo chỉ số nội dung PAPI — đợt \(summary.wave)" : "Citizen feedback by PAPI dimension — wave \(summary.wave)"
    var note =
      vi
      ? "\(summary.items) ý kiến, \(summary.unclassified) chưa phân loại (không khớp từ nào của từ điển); thông tin cá nhân đã được che."
      : "\(summary.items) items, \(summary.unclassified) unclassified (no lexicon term matched); personal data masked."
    if let previous = summary.previousWave { note += vi ? " So với đợt \(previous)." : " Compared with wave \(previous)." }
    return (title, note)
  }

  static func unitTitle(_ unit: FeedbackSummary.Unit) -> String { unit.name.map { "\($0) (\(unit.code))" } ?? unit.code }

  // MARK: Formats

  static func table(_ summary: FeedbackSummary, questionnaire: Questionnaire?, language: Language) -> String {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    let head = heading(summary, language)
    // 80 columns, like every table: long lines wrap under their first word.
    func lines(_ text: String, indent: Int, hanging: Int) -> String {
      let pad = String(repeating: " ", count: indent)
      return wrap(printable(text), width: 80 - indent, indent: hanging).map { (pad + $0).trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }
    var out = lines(head.title, indent: 0, hanging: 0) + lines(head.note, indent: 0, hanging: 0)
    for unit in summary.units {
      var title = unitTitle(unit) + " — " + (vi ? "\(unit.items) ý kiến" : "\(unit.items) items")
      if unit.unclassified > 0 { title += vi ? ", \(unit.unclassified) chưa phân loại" : ", \(unit.unclassified) unclassified" }
      out += "\n" + lines(title, indent: 0, hanging: 2)
      for theme in unit.themes {
        var line = dimensionName(theme.dimension, questionnaire, language) + ": \(theme.count) (\(percent(theme.share, format)))"
        let delta = change(theme, format, language)
        if !delta.isEmpty { line += "  " + delta }
        out += lines(line, indent: 2, hanging: 2)
        if !theme.terms.isEmpty {
          out += lines((vi ? "từ khóa: " : "terms: ") + theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: ", "), indent: 4, hanging: 2)
        }
        for item in theme.quotes { out += lines(quote(item, language), indent: 4, hanging: 1) }
      }
    }
    return out
  }

  static func json(_ summary: FeedbackSummary, lexicon: [String]) -> String {
    var json = JSONWriter()
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
      json.array(unit.themes) { json, theme in themeObject(&json, theme) }
      json.key("unclassified")
      json.integer(unit.unclassified)
      json.close("}")
    }
    json.key("wave")
    json.string(summary.wave)
    json.close("}")
    json.newline()
    return json.text
  }

  /// One theme as JSON (also used by the weakness report).
  static func themeObject(_ json: inout JSONWriter, _ theme: FeedbackSummary.Theme) {
    json.open("{")
    json.key("count", first: true)
    json.integer(theme.count)
    json.key("dimension")
    json.string(theme.dimension)
    json.key("previous_count")
    if let count = theme.previousCount { json.integer(count) } else { json.string(nil) }
    json.key("previous_share")
    json.number(theme.previousShare)
    json.key("quotes")
    json.array(theme.quotes) { json, item in
      json.open("{")
      json.key("channel", first: true)
      json.string(item.channel)
      json.key("date")
      json.string(item.date)
      json.key("id")
      json.string(item.id)
      json.key("text")
      json.string(item.text)
      json.close("}")
    }
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

  /// One row per (unit, dimension with feedback), then one per unit for the unclassified.
  static func csv(_ summary: FeedbackSummary, excel: Bool) -> String {
    let delimiter: Character = excel ? ";" : ","
    func number(_ value: Double?) -> String { TextEscaping.csvNumber(value, excel: excel) }
    var out = excel ? "\u{FEFF}" : ""
    let header = ["wave", "unit_code", "unit_name", "dimension", "items", "unit_items", "share", "previous_items", "previous_share",
                  "subdimensions", "terms", "quote_1", "quote_2", "quote_3"]
    out += header.joined(separator: String(delimiter)) + "\r\n"
    for unit in summary.units {
      var rows: [[String]] = unit.themes.map { theme in
        let quotes = theme.quotes.map(\.text) + Array(repeating: "", count: 3 - theme.quotes.count)
        return [summary.wave, unit.code, unit.name ?? "", theme.dimension, String(theme.count), String(unit.items), number(theme.share),
                theme.previousCount.map(String.init) ?? "", number(theme.previousShare),
                theme.subdimensions.map { "\($0.id) \($0.count)" }.joined(separator: "; "),
                theme.terms.map { "\($0.term) \($0.count)" }.joined(separator: "; ")] + quotes
      }
      if unit.unclassified > 0 {
        rows.append([summary.wave, unit.code, unit.name ?? "", "unclassified", String(unit.unclassified), String(unit.items),
                     number(Double(unit.unclassified) / Double(max(1, unit.items))), "", "", "", "", "", "", ""])
      }
      for row in rows { out += row.map { TextEscaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n" }
    }
    return out
  }

  static func blocks(_ summary: FeedbackSummary, questionnaire: Questionnaire?, language: Language) -> [DocumentBlock] {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    var blocks: [DocumentBlock] = [.paragraph(heading(summary, language).note)]
    for unit in summary.units {
      blocks.append(.heading(2, unitTitle(unit)))
      blocks.append(.paragraph(vi ? "\(unit.items) ý kiến, \(unit.unclassified) chưa phân loại." : "\(unit.items) items, \(unit.unclassified) unclassified."))
      guard !unit.themes.isEmpty else { continue }
      blocks.append(
        .table(
          vi ? ["Chỉ số nội dung", "Số ý kiến", "Tỷ lệ", "Thay đổi", "Từ khóa thường gặp"]
            : ["Dimension", "Items", "Share", "Change", "Frequent terms"],
          unit.themes.map { theme in
            [dimensionName(theme.dimension, questionnaire, language), String(theme.count), percent(theme.share, format),
             change(theme, format, language), theme.terms.map { "\($0.term) (\($0.count))" }.joined(separator: ", ")]
          }))
      for theme in unit.themes where !theme.quotes.isEmpty {
        blocks.append(.paragraph(dimensionName(theme.dimension, questionnaire, language) + ":"))
        blocks.append(.bullets(theme.quotes.map { quote($0, language) }))
      }
    }
    return blocks
  }

  static func markdown(_ summary: FeedbackSummary, questionnaire: Questionnaire?, language: Language) -> String {
    "# " + TextEscaping.markdown(heading(summary, language).title) + "\n\n" + DocumentBlock.markdown(blocks(summary, questionnaire: questionnaire, language: language))
  }

  static func html(_ summary: FeedbackSummary, questionnaire: Questionnaire?, language: Language) -> String {
    HTMLPage.head(title: heading(summary, language).title, language: language, css: "ul { margin: 4px 0 10px; } li { margin: 2px 0; }")
      + DocumentBlock.html(blocks(summary, questionnaire: questionnaire, language: language)) + "</body>\n</html>\n"
  }
}
