/// Where an export's header is when it is not simply the first record: records above it to
/// pass over (a title, notes: `--header-row N`), and several header rows to join into one
/// (`--header-rows 2`: a row of merged group headings above the columns' own).
///
/// Joined, a column is named by its own heading; by "group/heading" when a group stands
/// above it (and `ColumnPlan` matches "group/heading" by its heading too); by the group
/// alone where its own heading is empty. A group heading written once above a merged range
/// of cells carries on to the right over the columns that have headings of their own, up to
/// the next group heading.
struct HeaderLayout: Sendable, Equatable {
  /// The line the header starts on: records that start on earlier lines are passed over.
  /// Nil: the first record is the header.
  var line: Int?
  /// Records that make the header (1 or more).
  var rows = 1

  static let plain = HeaderLayout()

  /// `sink`, or a sink that hands it the records laid out this way. Passing records over
  /// by line needs `recordLine` set by the format.
  func wrap(_ sink: RecordSink) -> HeaderJoin? {
    self == .plain ? nil : HeaderJoin(sink, layout: self)
  }

  /// The names of the columns of a header made of `rows` records, top first.
  static func join(_ rows: [[String]]) -> [String] {
    guard rows.count > 1 else { return rows.first ?? [] }
    let width = rows.map(\.count).max() ?? 0
    let own = rows[rows.count - 1]
    func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column].trimmedNFC : "" }
    // Each upper row's headings, carried right over the columns with headings of their own.
    var groups: [[String]] = []
    for row in rows.dropLast() {
      var carried: [String] = []
      var current = ""
      for column in 0..<width {
        let text = cell(row, column)
        if !text.isEmpty {
          // A heading above an empty cell was merged downwards: it groups nothing.
          current = cell(own, column).isEmpty ? "" : text
          carried.append(text)
        } else {
          carried.append(cell(own, column).isEmpty ? "" : current)
        }
      }
      groups.append(carried)
    }
    return (0..<width).map { column in
      (groups.map { $0[column] } + [cell(own, column)]).filter { !$0.isEmpty }.joined(separator: "/")
    }
  }
}

/// Passes over the records before the header, joins the header's records into one, and
/// hands everything after on unchanged.
final class HeaderJoin: RecordSink {
  private let target: RecordSink
  private let layout: HeaderLayout
  /// Records passed over before the header.
  private(set) var skipped = 0
  /// Header records read so far.
  private var headerRecords = 0
  private var header: [[String]] = [[]]
  private var passing = false
  private var fieldsInRecord = 0

  /// Records of the file before the one handed on as the header.
  var recordOffset: Int { skipped + layout.rows - 1 }

  init(_ target: RecordSink, layout: HeaderLayout) {
    self.target = target
    self.layout = layout
  }

  override var stop: Bool {
    get { target.stop }
    set { target.stop = newValue }
  }

  override var recordLine: Int {
    didSet { target.recordLine = recordLine }
  }

  override var wantsRecordLines: Bool { target.wantsRecordLines }

  override func field(_ bytes: UnsafeRawBufferPointer) {
    if headerRecords == layout.rows {
      target.field(bytes)
      return
    }
    if fieldsInRecord == 0, let line = layout.line { passing = recordLine < line }
    fieldsInRecord += 1
    if !passing { header[header.count - 1].append(String(decoding: bytes, as: UTF8.self)) }
  }

  override func endRecord(_ terminator: Int32) {
    if headerRecords == layout.rows {
      target.endRecord(terminator)
      return
    }
    // A newline outside any record (reported when lines are counted).
    guard fieldsInRecord > 0 else { return }
    fieldsInRecord = 0
    if passing {
      skipped += 1
      return
    }
    headerRecords += 1
    if headerRecords < layout.rows {
      header.append([])
      return
    }
    for name in HeaderLayout.join(header) {
      var bytes = Array(name.utf8)
      bytes.withUnsafeMutableBytes { target.field(UnsafeRawBufferPointer($0)) }
    }
    header = []
    target.endRecord(terminator)
  }
}
