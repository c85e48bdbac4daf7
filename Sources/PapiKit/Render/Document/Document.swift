/// A document laid out once, as a value: a title and blocks (headings, paragraphs, lists,
/// tables, figures, sections). `MarkdownWriter` and `HTMLWriter` walk it; a Word writer is
/// one more walker. Builders (`WeaknessReportDocument`, `PlanDocument`,
/// `ActionListDocument`, `FeedbackReportDocument`) decide what it says; the writers decide
/// only how each block looks.
public struct Document: Sendable {
  /// Which document it is: an HTML page takes its style sheet from it.
  public enum Kind: Sendable {
    case weaknessReport, plan, actionList, feedbackReport, parReport
  }

  public var kind: Kind
  public var language: Language
  public var title: String
  public var blocks: [Block]

  public init(kind: Kind, language: Language, title: String, blocks: [Block]) {
    self.kind = kind
    self.language = language
    self.title = title
    self.blocks = blocks
  }
}

/// Who reads a document, which decides what a builder puts in it: `text` is Markdown
/// pasted into a report; `print` is the page that is printed or opened (HTML, and Word
/// next), with figures and every column.
public enum DocumentMedium: Sendable {
  case text, print
}

/// What a mark on a cell, a span or a list item says: a flag's status, or "no target".
public enum Highlight: Sendable, Equatable {
  case status(FlagStatus)
  /// A score with no target (the report's white cells).
  case noTarget
}

/// A run of text inside a block.
public enum Inline: Sendable, Equatable {
  case text(String)
  case strong(String)
  /// Secondary text (a code after a name).
  case small(String)
  /// Text marked with a status colour (a legend's swatches).
  case highlighted(String, Highlight)
  /// The indentation of a row one level down (a sub-dimension under its dimension).
  case indent
  /// Text the program wrote that holds no markup: written as it is in Markdown (a `<` in
  /// "n = 31 < 32" stays), escaped as always in HTML.
  case literal(String)
}

/// One item of a list, with an optional mark and the items under it.
public struct ListItem: Sendable {
  public var content: [Inline]
  public var mark: ListItem.Mark?
  public var children: [ListItem]

  /// How an item stands out: a flag's status, or a citizen's quote.
  public enum Mark: Sendable, Equatable {
    case status(FlagStatus)
    case quote
  }

  public init(_ content: [Inline], mark: Mark? = nil, children: [ListItem] = []) {
    self.content = content
    self.mark = mark
    self.children = children
  }

  public init(_ text: String, mark: Mark? = nil, children: [ListItem] = []) {
    self.init([.text(text)], mark: mark, children: children)
  }
}

/// A table: columns (a title, an optional explanation, an alignment) and rows of cells.
public struct Table: Sendable {
  /// A column: its title, an optional longer name, and how its cells align.
  public struct Column: Sendable {
    public var title: String
    /// A longer name shown on hovering (a dimension's full name above "D1").
    public var explanation: String?
    public var alignment: Alignment

    public init(_ title: String, explanation: String? = nil, alignment: Alignment = .left) {
      self.title = title
      self.explanation = explanation
      self.alignment = alignment
    }
  }

  /// How a column's cells align (numbers to the right).
  public enum Alignment: Sendable { case left, right }

  /// One cell: its text and an optional status mark.
  public struct Cell: Sendable {
    public var content: [Inline]
    public var highlight: Highlight?

    public init(_ content: [Inline], highlight: Highlight? = nil) {
      self.content = content
      self.highlight = highlight
    }

    public init(_ text: String, highlight: Highlight? = nil) {
      self.init([.text(text)], highlight: highlight)
    }
  }

  public var columns: [Column]
  public var rows: [[Cell]]
  /// A long table of evidence (an appendix): printed in smaller type.
  public var compact: Bool

  public init(columns: [Column], rows: [[Cell]], compact: Bool = false) {
    self.columns = columns
    self.rows = rows
    self.compact = compact
  }

  /// A table of plain text.
  public init(header: [String], rows: [[String]]) {
    self.init(columns: header.map { Column($0) }, rows: rows.map { $0.map { Cell($0) } })
  }
}

/// What a paragraph is, for its look.
public enum ParagraphRole: Sendable, Equatable {
  case body
  /// A note under a title (grey in HTML).
  case note
  /// A line that carries a status (insufficient data).
  case status(FlagStatus)
  /// A basis line of an official document ("Căn cứ …;", "Thực hiện …"), in italics.
  case basis
  /// A centred line under a centred heading ("(Kèm theo Kế hoạch số …)"), in italics.
  case caption
}

/// The head of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): on the left the
/// body above the issuer (not bold), the issuing body (bold, capitals) and the number; on
/// the right the national title, the motto and the place and date; then the kind of
/// document and its summary, centred.
public struct Letterhead: Sendable {
  /// The body the issuer belongs to (cơ quan chủ quản), when it is written.
  public var parent: String?
  /// The issuing body, one line each ("ỦY BAN NHÂN DÂN", "XÃ ĐẮK PNÊ").
  public var issuer: [String]
  /// "Số: 05/KH-UBND", or with the number left blank for the records office.
  public var number: String
  /// "Đắk Pnê, ngày 06 tháng 01 năm 2026".
  public var placeAndDate: String
  /// "KẾ HOẠCH".
  public var kind: String
  /// What it is about (trích yếu), one line each.
  public var summary: [String]

  public static let nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  public static let motto = "Độc lập - Tự do - Hạnh phúc"

  public init(
    parent: String?, issuer: [String], number: String, placeAndDate: String, kind: String, summary: [String]
  ) {
    self.parent = parent
    self.issuer = issuer
    self.number = number
    self.placeAndDate = placeAndDate
    self.kind = kind
    self.summary = summary
  }
}

/// The end of an official document: the recipients (Nơi nhận) on the left, the signer's
/// authority, title and name on the right, with room for the signature and the seal.
public struct SignatureBlock: Sendable {
  /// One recipient per line, without the leading "- " ("Sở Nội vụ;", "Lưu: VT, VP.").
  public var recipients: [String]
  /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
  public var authority: [String]
  public var name: String
  /// "Nơi nhận:".
  public var recipientsLabel: String

  public init(recipients: [String], authority: [String], name: String, recipientsLabel: String) {
    self.recipients = recipients
    self.authority = authority
    self.name = name
    self.recipientsLabel = recipientsLabel
  }
}

/// What a list holds, for its look.
public enum ListRole: Sendable, Equatable {
  case plain
  /// A unit's flags, or its actions.
  case flags
  /// Citizens' feedback with quotes.
  case feedback
}

/// A chart: what it shows, as numbers and labels; each writer draws it its own way (HTML
/// as SVG; Markdown leaves figures out).
public enum Figure: Sendable {
  /// A heat map: a table whose cells are coloured by status, and the legend of the colours.
  case heatMap(Table, legend: [(String, Highlight)])
  case radar(RadarChart)
  case bars(BarChart)
}

/// Scores on the axes of a radar, against their targets.
public struct RadarChart: Sendable {
  /// A ring of the scale: its value and how it is written ("2,5").
  public struct Ring: Sendable, Equatable {
    public var value: Double
    public var label: String
  }

  public var axes: [String]
  /// The score on each axis (drawn at 0 when unknown).
  public var values: [Double?]
  /// The target on each axis, when there is one.
  public var targets: [Double?]
  public var maximum: Double
  /// The rings drawn and labelled, the last at the maximum.
  public var rings: [Ring]
  public var valueLabel: String
  public var targetLabel: String
}

/// Horizontal bars, each a score on its own scale (0 to its maximum, across the whole
/// plot) with its CI and target.
public struct BarChart: Sendable {
  /// One bar: a score on its own scale, with its CI, target and status.
  public struct Bar: Sendable {
    public var label: String
    public var value: Double?
    /// The value as written beside the bar, with its maximum ("1,62 / 2,5"): the scale the
    /// bar is drawn on.
    public var valueText: String
    public var low: Double?
    public var upp: Double?
    public var maximum: Double
    public var target: Double?
    /// The target status, which colours the bar.
    public var status: FlagStatus?
    /// A dimension above its sub-dimensions: its label in bold.
    public var strong = false
  }

  /// What the bars and their numbers are ("điểm / tối đa").
  public var caption: String
  /// What the whiskers are ("KTC 95%").
  public var intervalLabel: String
  /// What the red ticks are ("mục tiêu"); in the legend only when some bar has a target.
  public var targetLabel: String
  public var bars: [Bar]

  /// Whether any bar has a target mark.
  public var hasTargets: Bool { bars.contains { $0.target != nil } }
}

/// One block of a document.
public indirect enum Block: Sendable {
  case heading(Int, [Inline])
  case paragraph([Inline], ParagraphRole)
  case list([ListItem], ListRole)
  case table(Table)
  /// Figures side by side.
  case figures([Figure])
  /// A figure on its own.
  case figure(Figure)
  /// A part that starts on a new page when printed (one unit of the weakness report).
  case section([Block])
  /// A part that starts on a new page turned sideways when printed (an appendix of wide
  /// tables, as Nghị định 30/2020 allows).
  case landscape([Block])
  /// The head of an official document, first in it.
  case letterhead(Letterhead)
  /// The recipients and the signature, after the body.
  case signature(SignatureBlock)

  public static func heading(_ level: Int, _ text: String) -> Block { .heading(level, [.text(text)]) }
  public static func paragraph(_ text: String, _ role: ParagraphRole = .body) -> Block {
    .paragraph([.text(text)], role)
  }
  public static func bullets(_ items: [String]) -> Block { .list(items.map { ListItem($0) }, .plain) }
  public static func table(_ header: [String], _ rows: [[String]]) -> Block {
    .table(Table(header: header, rows: rows))
  }
}
