import XMLParts

/// Writes a document's blocks as WordprocessingML paragraphs and tables (`DocxWriter`).
struct WordBlocks {
  let xml: XMLWriter
  let language: Language
  /// A section starts on a new page: its first paragraph breaks the page.
  private var breakBefore = false
  /// Whether the current section is on landscape pages, and whether it is the first one
  /// (whose first page shows no number).
  private(set) var landscape = false
  private var firstSection = true

  init(xml: XMLWriter, language: Language) {
    self.xml = xml
    self.language = language
  }

  mutating func block(_ block: Block, first: Bool) {
    switch block {
    case .heading(let level, let content):
      let style = level <= 1 ? "Title" : level == 2 ? "Heading1" : level == 3 ? "Heading2" : "Heading3"
      paragraph(content, style: style)
    case .paragraph(let content, let role):
      switch role {
      case .body: paragraph(content, style: "Normal")
      case .note, .status: paragraph(content, style: "Note")
      case .basis: paragraph(content, style: "Basis")
      case .caption: paragraph(content, style: "Caption")
      }
    case .list(let items, _):
      for item in items { listItem(item, depth: 0) }
    case .table(let table):
      self.table(table)
    case .figures(let figures):
      for figure in figures { self.figure(figure) }
    case .figure(let figure):
      self.figure(figure)
    case .section(let blocks):
      breakBefore = !first
      for (index, inner) in blocks.enumerated() { self.block(inner, first: first && index == 0) }
    case .landscape(let blocks):
      // The pages so far end here; the part is a section of its own, turned sideways.
      endSection()
      landscape = true
      for inner in blocks { self.block(inner, first: false) }
    case .letterhead(let head):
      letterhead(head)
    case .signature(let signature):
      self.signature(signature)
    }
  }

  // MARK: Sections

  /// Ends the current section with an empty paragraph that carries its page setup; what
  /// follows starts on a new page.
  private mutating func endSection() {
    xml.start("w:p")
    xml.start("w:pPr")
    sectionProperties()
    xml.end()
    xml.end()
    firstSection = false
    landscape = false
  }

  /// The current section's page setup: A4 (sideways for a landscape part), the margins of
  /// Nghị định 30/2020, the page number in the top margin (not on the document's first page).
  func sectionProperties() {
    xml.start("w:sectPr")
    xml.empty("w:headerReference", ["w:type": "default", "r:id": "rId3"])
    let margins = DocxWriter.margins
    if landscape {
      xml.empty(
        "w:pgSz", ["w:w": "\(DocxWriter.pageHeight)", "w:h": "\(DocxWriter.pageWidth)", "w:orient": "landscape"])
    } else {
      xml.empty("w:pgSz", ["w:w": "\(DocxWriter.pageWidth)", "w:h": "\(DocxWriter.pageHeight)"])
    }
    xml.empty(
      "w:pgMar",
      [
        "w:top": "\(margins.top)", "w:right": "\(margins.right)", "w:bottom": "\(margins.bottom)",
        "w:left": "\(margins.left)", "w:header": "567", "w:footer": "567", "w:gutter": "0",
      ])
    // The first page has its own (empty) header.
    if firstSection { xml.empty("w:titlePg") }
    xml.end()
  }

  /// The width text and tables take on the current section's pages.
  private var textWidth: Int { landscape ? DocxWriter.landscapeTextWidth : DocxWriter.textWidth }

  // MARK: Paragraphs

  /// One paragraph of `style`; `alignment` overrides the style's.
  mutating func paragraph(
    _ content: [Inline], style: String, alignment: String? = nil, size: Int? = nil, bold: Bool = false,
    italic: Bool = false
  ) {
    xml.start("w:p")
    xml.start("w:pPr")
    xml.empty("w:pStyle", ["w:val": style])
    if breakBefore {
      xml.empty("w:pageBreakBefore")
      breakBefore = false
    }
    if let alignment { xml.empty("w:jc", ["w:val": alignment]) }
    xml.end()
    runs(content, size: size, bold: bold, italic: italic)
    xml.end()
  }

  private func runs(_ content: [Inline], size: Int? = nil, bold: Bool = false, italic: Bool = false) {
    for run in content {
      switch run {
      case .text(let text), .literal(let text):
        self.run(text, size: size, bold: bold, italic: italic)
      case .strong(let text):
        self.run(text, size: size, bold: true, italic: italic)
      case .small(let text):
        self.run(text, size: size.map { $0 - 2 } ?? 22, bold: bold, italic: italic)
      case .highlighted(let text, let highlight):
        self.run(text, size: size, bold: bold, italic: italic, fill: Self.fill(highlight))
      case .indent:
        self.run("    ", size: size, bold: bold, italic: italic)
      }
    }
  }

  /// A run of text; sizes in half-points.
  private func run(_ text: String, size: Int? = nil, bold: Bool = false, italic: Bool = false, fill: String? = nil) {
    guard !text.isEmpty else { return }
    xml.start("w:r")
    if size != nil || bold || italic || fill != nil {
      xml.start("w:rPr")
      if bold { xml.empty("w:b") }
      if italic { xml.empty("w:i") }
      if let size {
        xml.empty("w:sz", ["w:val": "\(size)"])
        xml.empty("w:szCs", ["w:val": "\(size)"])
      }
      if let fill { xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill]) }
      xml.end()
    }
    xml.element("w:t", ["xml:space": "preserve"], text: text)
    xml.end()
  }

  private mutating func listItem(_ item: ListItem, depth: Int) {
    let italic = item.mark == .quote
    let bold = item.mark == .status(.belowSignificant)
    paragraph([.text("- ")] + item.content, style: depth == 0 ? "ListDash" : "ListDash2", bold: bold, italic: italic)
    for child in item.children { listItem(child, depth: depth + 1) }
  }

  // MARK: Tables

  private mutating func table(_ table: Table) {
    if breakBefore {
      // A table cannot break the page itself: an empty paragraph does.
      paragraph([], style: "Normal")
    }
    let (widths, size) = Self.widths(table, total: textWidth)
    frame(widths, bordered: true) { word in
      // The header row, repeated on every page.
      word.xml.start("w:tr")
      word.xml.start("w:trPr")
      word.xml.empty("w:tblHeader")
      word.xml.empty("w:cantSplit")
      word.xml.end()
      for (index, column) in table.columns.enumerated() {
        word.cell([.text(column.title)], width: widths[index], style: "TableHeading", size: size, fill: "E7E9EC")
      }
      word.xml.end()
      for row in table.rows {
        word.xml.start("w:tr")
        word.xml.start("w:trPr")
        word.xml.empty("w:cantSplit")
        word.xml.end()
        for (index, cell) in row.enumerated() where index < widths.count {
          word.cell(
            cell.content, width: widths[index], style: table.compact ? "TableTextCompact" : "TableText", size: size,
            alignment: table.columns[index].alignment == .right ? "right" : nil,
            fill: cell.highlight.map(Self.fill))
        }
        word.xml.end()
      }
    }
    // Word needs a paragraph between two tables, and after the last one.
    paragraph([], style: "TableAfter")
  }

  private mutating func cell(
    _ content: [Inline], width: Int, style: String, size: Int, alignment: String? = nil, fill: String? = nil
  ) {
    column(width: width, fill: fill) { word in
      // The table's size only where it is not the style's own.
      let own = style == "TableTextCompact" ? 20 : 24
      word.paragraph(content, style: style, alignment: alignment, size: size == own ? nil : size)
    }
  }

  /// Column widths that fill `total`, and the text size (half-points) that lets each
  /// column be at least as wide as its longest word (a date, a code, a score is not
  /// broken): 12 pt, else 10 pt; the room left is shared in proportion to how much longer
  /// each column's longest text is.
  static func widths(_ table: Table, total: Int) -> (widths: [Int], size: Int) {
    var words: [Int] = []
    var longest: [Int] = []
    for index in table.columns.indices {
      // A title may wrap between its words; the cells' texts decide how wide a column wants to be.
      let cells = table.rows.map { index < $0.count ? Self.text($0[index].content) : "" }
      let texts = [table.columns[index].title] + cells
      words.append(texts.map { $0.split(separator: " ").map(\.count).max() ?? 0 }.max() ?? 0)
      longest.append(min(60, cells.map(\.count).max() ?? 0))
    }
    // About one character of Times New Roman at 12 and 10 pt, and a cell's margins, in twips.
    let padding = 200
    for (size, character) in table.compact ? [(20, 100)] : [(24, 120), (20, 100)] {
      // At least five characters wide: a header of short words stays legible.
      let least = words.map { max($0, 5) * character + padding }
      let wanted = zip(words, longest).map { max($0, $1) * character + padding }
      let leastSum = least.reduce(0, +)
      let wantedSum = wanted.reduce(0, +)
      var widths: [Int]
      if wantedSum <= total {
        widths = wanted.map { $0 * total / max(1, wantedSum) }
      } else if leastSum <= total {
        widths = Self.share(total - leastSum, least: least, wanted: wanted)
      } else if size == 20 {
        widths = least.map { $0 * total / max(1, leastSum) }
      } else {
        continue
      }
      if let last = widths.indices.last { widths[last] += total - widths.reduce(0, +) }
      return (widths, size)
    }
    return (Array(repeating: total / max(1, words.count), count: words.count), 20)
  }

  /// Gives `room` to the columns that need least to hold their longest text on one line
  /// first (a status, a target), then shares what is left among the others in proportion
  /// to what they lack.
  private static func share(_ room: Int, least: [Int], wanted: [Int]) -> [Int] {
    var widths = least
    var room = room
    var short = Array(least.indices).sorted { (wanted[$0] - least[$0], $0) < (wanted[$1] - least[$1], $1) }
    while let next = short.first, wanted[next] - widths[next] <= room {
      room -= wanted[next] - widths[next]
      widths[next] = wanted[next]
      short.removeFirst()
    }
    let lacking = max(1, short.map { wanted[$0] - widths[$0] }.reduce(0, +))
    for index in short { widths[index] += room * (wanted[index] - widths[index]) / lacking }
    return widths
  }

  private static func text(_ content: [Inline]) -> String {
    content.map { run in
      switch run {
      case .text(let text), .literal(let text), .strong(let text), .small(let text), .highlighted(let text, _):
        return text
      case .indent: return "  "
      }
    }.joined()
  }

  static func fill(_ highlight: Highlight) -> String {
    switch highlight {
    case .status(.met): return "D8F0DC"
    case .status(.below): return "FDF0C4"
    case .status(.belowSignificant): return "F7C9C5"
    case .status(.declined): return "E9D5EF"
    case .status(.insufficient): return "E4E6E8"
    case .status(.weakest): return "D6E9F2"
    case .noTarget, .status(.noTarget): return "FFFFFF"
    }
  }

  // MARK: Figures, as tables

  private mutating func figure(_ figure: Figure) {
    switch figure {
    case .heatMap(let table, let legend):
      self.table(table)
      paragraph(
        legend.flatMap { text, highlight in [.highlighted(" \(text) ", highlight), .text("  ")] }, style: "Note")
    case .radar(let chart):
      let format = NumberFormatting(language: language)
      let rows = chart.axes.indices.map { index -> [Table.Cell] in
        [
          Table.Cell(chart.axes[index]),
          Table.Cell(format.fixed(chart.values[index], 2)), Table.Cell(format.fixed(chart.targets[index], 2)),
        ]
      }
      table(
        Table(
          columns: [
            Table.Column(""), Table.Column(chart.valueLabel, alignment: .right),
            Table.Column(chart.targetLabel, alignment: .right),
          ],
          rows: rows))
    case .bars(let chart):
      let format = NumberFormatting(language: language)
      // Without any target, no column for them.
      let targets = chart.hasTargets
      let rows = chart.bars.map { bar -> [Table.Cell] in
        [
          Table.Cell(bar.strong ? [.strong(bar.label)] : [.text(bar.label)]),
          Table.Cell(bar.valueText, highlight: bar.status.map { .status($0) }),
        ] + (targets ? [Table.Cell(bar.target.map { format.fixed($0, 2) } ?? "")] : [])
      }
      table(
        Table(
          columns: [Table.Column(""), Table.Column(chart.caption, alignment: .right)]
            + (targets ? [Table.Column(chart.targetLabel, alignment: .right)] : []),
          rows: rows))
    }
  }

  // MARK: The official head and signature

  /// The letterhead: a table without borders of two columns, then the kind and summary.
  private mutating func letterhead(_ head: Letterhead) {
    let left = DocxWriter.textWidth * 7 / 20
    let right = DocxWriter.textWidth - left
    frame([left, right], bordered: false) { word in
      word.xml.start("w:tr")
      word.column(width: left) { word in
        if let parent = head.parent { word.paragraph([.text(parent)], style: "Head", size: 26) }
        for line in head.issuer { word.paragraph([.text(line)], style: "Head", size: 26, bold: true) }
        word.rule(width: left, share: 3)
      }
      word.column(width: right) { word in
        word.paragraph([.text(Letterhead.nationalTitle)], style: "Head", size: 24, bold: true)
        word.paragraph([.text(Letterhead.motto)], style: "Head", size: 28, bold: true)
        word.rule(width: right, share: 2)
      }
      word.xml.end()
      word.xml.start("w:tr")
      word.column(width: left) { word in word.paragraph([.text(head.number)], style: "Head", size: 26) }
      word.column(width: right) { word in
        word.paragraph([.text(head.placeAndDate)], style: "Head", size: 28, italic: true)
      }
      word.xml.end()
    }
    paragraph([.text(head.kind)], style: "DocumentKind")
    for line in head.summary { paragraph([.text(line)], style: "DocumentSummary") }
    rule(width: DocxWriter.textWidth, share: 5)
  }

  /// A short centred line: `1/share` of `width`.
  private mutating func rule(width: Int, share: Int) {
    let side = width * (share - 1) / share / 2
    xml.start("w:p")
    xml.start("w:pPr")
    xml.empty("w:pStyle", ["w:val": "Rule"])
    xml.start("w:pBdr")
    xml.empty("w:bottom", ["w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"])
    xml.end()
    xml.empty("w:ind", ["w:left": "\(side)", "w:right": "\(side)"])
    xml.end()
    xml.end()
  }

  /// The recipients on the left and the signer on the right.
  private mutating func signature(_ signature: SignatureBlock) {
    let left = DocxWriter.textWidth / 2
    let right = DocxWriter.textWidth - left
    frame([left, right], bordered: false) { word in
      word.xml.start("w:tr")
      word.column(width: left) { word in
        word.paragraph([.text(signature.recipientsLabel)], style: "Recipients", size: 24, bold: true, italic: true)
        for line in signature.recipients { word.paragraph([.text("- " + line)], style: "Recipients") }
      }
      word.column(width: right) { word in
        for line in signature.authority { word.paragraph([.text(line)], style: "Signer", bold: true) }
        // Room for the signature and the seal.
        for _ in 0..<4 { word.paragraph([], style: "Signer") }
        word.paragraph([.text(signature.name)], style: "Signer", bold: true)
      }
      word.xml.end()
    }
  }

  /// A table of columns `widths` wide: the table style's borders, or none (the letterhead,
  /// the signature); `rows` writes its rows.
  private mutating func frame(_ widths: [Int], bordered: Bool, _ rows: (inout WordBlocks) -> Void) {
    xml.start("w:tbl")
    xml.start("w:tblPr")
    if bordered { xml.empty("w:tblStyle", ["w:val": "PapiTable"]) }
    xml.empty("w:tblW", ["w:w": "\(widths.reduce(0, +))", "w:type": "dxa"])
    if !bordered {
      xml.start("w:tblBorders")
      for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
        xml.empty(side, ["w:val": "nil"])
      }
      xml.end()
    }
    xml.empty("w:tblLayout", ["w:type": "fixed"])
    xml.end()
    xml.start("w:tblGrid")
    for width in widths { xml.empty("w:gridCol", ["w:w": "\(width)"]) }
    xml.end()
    rows(&self)
    xml.end()
  }

  /// One cell of a row, `width` wide, shaded with `fill`.
  private mutating func column(width: Int, fill: String? = nil, _ content: (inout WordBlocks) -> Void) {
    xml.start("w:tc")
    xml.start("w:tcPr")
    xml.empty("w:tcW", ["w:w": "\(width)", "w:type": "dxa"])
    if let fill { xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill]) }
    xml.end()
    content(&self)
    xml.end()
  }
}
