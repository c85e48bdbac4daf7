import XMLParts

/// Turns a worksheet's XML (`<sheetData>`), as libxml2 streams it, into records for a
/// `RecordSink`, row by row, as a CSV export of the sheet would hold them: cells placed by
/// their address (`r="C5"`; the gaps of a sparse row are empty fields), every row as wide
/// as the header. Empty rows are not records; nor, below the data, are rows that hold only
/// formulas (totals, averages, a dynamic array's spill), which are counted instead. Only the
/// current row is held in memory.
final class SheetReader: XMLEvents {
  /// Everything touched for each cell, behind a pointer: Swift checks exclusive access to
  /// a class's stored properties at run time, which would cost more than the parsing.
  private let state: UnsafeMutablePointer<SheetState>

  init(
    sink: RecordSink, strings: SharedStrings, styles: CellStyles, date1904: Bool, headerRow: Int, headerRows: Int
  ) {
    state = .allocate(capacity: 1)
    state.initialize(
      to: SheetState(
        sink: sink, strings: strings, styles: styles, date1904: date1904, headerRow: headerRow,
        headerRows: headerRows))
    super.init()
  }

  /// A reader of a later block of the same sheet (`SheetBlocks`): its header is known.
  init(continuing first: SheetReader, sink: RecordSink) {
    state = .allocate(capacity: 1)
    state.initialize(to: first.state.pointee.continuing(into: sink))
    super.init()
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// The namespaces the sheet's root declares (a later block is parsed inside them).
  private(set) var namespaces: [(prefix: String?, uri: String)] = []

  override func namespace(prefix: String?, uri: String) {
    namespaces.append((prefix, uri))
  }

  /// Whether the reader met data (the first block's reader: before its last row), and
  /// whether it left out a row of formulas before meeting any itself.
  var metData: Bool { state.pointee.ownData }
  var leftOutFormulasBeforeData: Bool { state.pointee.formulasBeforeOwnData }

  /// Whether what was read holds for the sheet read in blocks: the header was read, every
  /// row had its number, no array formula spills past the rows read, and no cell was
  /// broken (a broken cell stops the reading, which must then be reported from one reader).
  var canContinueElsewhere: Bool {
    let state = state.pointee
    return state.headerRead && !state.rowWithoutNumber && !state.spillsPastLastRow && state.brokenCell == nil
  }

  var rowNumbers: [Int32] { state.pointee.rowNumbers }
  var formulaRows: Int { state.pointee.formulaRows }
  var firstFormulaRow: Int { state.pointee.firstFormulaRow }
  var brokenCell: (row: Int, column: Int, index: String)? { state.pointee.brokenCell }

  override func start(_ name: XMLName, _ attributes: XMLAttributes) {
    state.pointee.start(name, attributes)
    if state.pointee.stop { stop = true }
  }

  override func end(_ name: XMLName) {
    state.pointee.end(name)
    if state.pointee.stop { stop = true }
  }

  override func text(_ bytes: UnsafeRawBufferPointer) {
    state.pointee.text(bytes)
  }
}

/// The state of a `SheetReader`.
struct SheetState {
  /// Owned by whoever reads the sheet, for as long as it is read: not retained here for
  /// every field handed to it.
  unowned(unsafe) let sink: RecordSink
  private let strings: SharedStrings
  private let styles: CellStyles
  private let date1904: Bool
  /// Rows above this one are not read (a title above the header); 0: from the first.
  private let headerRow: Int
  /// How many rows make the header.
  private let headerRows: Int

  /// The sheet row of each record handed on (the header's is its last row).
  private(set) var rowNumbers: [Int32] = []
  /// Rows of formulas only, below the data, left out: how many, and the first.
  private(set) var formulaRows = 0
  private(set) var firstFormulaRow = 0
  /// A cell that cannot be read (a shared string that is not there), which stops reading.
  private(set) var brokenCell: (row: Int, column: Int, index: String)?
  /// Set when reading must stop (the sink stopped, or a cell is broken).
  var stop = false

  // The cell being read.
  private enum Kind { case number, shared, inline, formulaString, boolean, error, isoDate }
  private var kind = Kind.number
  private var style = 0
  private var column = -1
  private var hasFormula = false
  private var capturing = false
  private var inInline = false
  private var phonetic = 0
  /// Where the current cell's text starts in `rowBytes` (it is read straight into the row,
  /// and converted only when it is not already the text a CSV would hold).
  private var valueStart = 0
  private var scratch: [UInt8] = []

  // The row being read: its number, its cells' bytes, and each cell's column and end.
  private var row = 0
  private var rowBytes: [UInt8] = []
  private var cells: [(column: Int, start: Int, end: Int)] = []
  private var plainCells = 0
  private var ordered = true
  /// Ranges an array formula fills (`<f t="array" ref="…">`): its cells hold values only.
  private var spills: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []

  // What has been handed on.
  /// A row without its number (`r`): the rows of a later block could not be numbered.
  private(set) var rowWithoutNumber = false
  private var headersDone = 0
  private var width = 0
  private var sawData = false
  /// Whether this reader met a row of data itself, and whether it left out a row of
  /// formulas before it did (in a later block, that rests on an earlier block's data).
  private(set) var ownData = false
  private(set) var formulasBeforeOwnData = false
  /// Where an empty field points (a sink may read its base address).
  nonisolated(unsafe) private static let none = UnsafeRawPointer(
    UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

  var headerRead: Bool { headersDone == headerRows }
  var spillsPastLastRow: Bool { spills.contains { $0.rows.upperBound > row } }

  /// The state of a reader of a later block: the header is known and data has been seen.
  func continuing(into sink: RecordSink) -> SheetState {
    var next = SheetState(
      sink: sink, strings: strings, styles: styles, date1904: date1904, headerRow: headerRow, headerRows: headerRows)
    next.headersDone = headersDone
    next.width = width
    // Data before the block is taken for granted; `SheetBlocks` checks it afterwards.
    next.sawData = true
    next.row = row
    return next
  }

  init(
    sink: RecordSink, strings: SharedStrings, styles: CellStyles, date1904: Bool, headerRow: Int, headerRows: Int
  ) {
    self.sink = sink
    self.strings = strings
    self.styles = styles
    self.date1904 = date1904
    self.headerRow = headerRow
    self.headerRows = max(1, headerRows)
  }

  mutating func start(_ name: XMLName, _ attributes: XMLAttributes) {
    if stop { return }
    switch name.pointer[0] {
    case UInt8(ascii: "c") where name.pointer[1] == 0:
      startCell(attributes)
    case UInt8(ascii: "v") where name.pointer[1] == 0:
      capturing = true
    case UInt8(ascii: "t") where name.pointer[1] == 0:
      capturing = inInline && phonetic == 0
    case UInt8(ascii: "f") where name.pointer[1] == 0:
      hasFormula = true
      if let type = attributes.string("t"), type == "array", let ref = attributes.string("ref"),
        let range = CellAddress.range(ref)
      {
        spills.append(range)
      }
    case UInt8(ascii: "i") where name.is("is"):
      inInline = true
    case UInt8(ascii: "r"):
      if name.is("row") {
        startRow(attributes)
      } else if name.is("rPh") {
        phonetic += 1
      }
    default:
      break
    }
  }

  mutating func end(_ name: XMLName) {
    if stop { return }
    switch name.pointer[0] {
    case UInt8(ascii: "c") where name.pointer[1] == 0:
      endCell()
    case UInt8(ascii: "v") where name.pointer[1] == 0, UInt8(ascii: "t") where name.pointer[1] == 0:
      capturing = false
    case UInt8(ascii: "i") where name.is("is"):
      inInline = false
    case UInt8(ascii: "r"):
      if name.is("row") {
        endRow()
      } else if name.is("rPh") {
        phonetic -= 1
      }
    default:
      break
    }
  }

  mutating func text(_ bytes: UnsafeRawBufferPointer) {
    if capturing { rowBytes.append(contentsOf: bytes) }
  }

  // MARK: Cells

  private mutating func startCell(_ attributes: XMLAttributes) {
    // One pass over the attributes (`r`, `s`, `t`; others are ignored).
    var address: UnsafeRawBufferPointer?
    var type: UnsafeRawBufferPointer?
    var styleIndex: UnsafeRawBufferPointer?
    attributes.visit { name, value in
      guard name.pointer[1] == 0 else { return true }
      switch name.pointer[0] {
      case UInt8(ascii: "r"): address = value
      case UInt8(ascii: "t"): type = value
      case UInt8(ascii: "s"): styleIndex = value
      default: break
      }
      return true
    }
    column = address.flatMap(CellAddress.column) ?? column + 1
    kind = .number
    if let type, !type.isEmpty {
      switch (type[0], type.count) {
      case (UInt8(ascii: "s"), 1): kind = .shared
      case (UInt8(ascii: "s"), _): kind = .formulaString
      case (UInt8(ascii: "i"), _): kind = .inline
      case (UInt8(ascii: "b"), _): kind = .boolean
      case (UInt8(ascii: "e"), _): kind = .error
      case (UInt8(ascii: "d"), _): kind = .isoDate
      default: kind = .number
      }
    }
    style = styleIndex.map(CellAddress.integer) ?? 0
    hasFormula = false
    valueStart = rowBytes.count
  }

  private mutating func endCell() {
    capturing = false
    inInline = false
    let start = valueStart
    // Plain integers and text without escapes are already what a CSV holds.
    let ready = rowBytes.withUnsafeBytes { bytes in
      let text = UnsafeRawBufferPointer(rebasing: bytes[start...])
      switch kind {
      case .number: return styles.of(style) == .number && CellText.isPlainInteger(text)
      case .inline, .formulaString, .error, .isoDate: return !CellText.hasEscape(text)
      case .shared, .boolean: return text.isEmpty
      }
    }
    if !ready {
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: rowBytes[start...])
      rowBytes.removeSubrange(start...)
      convert()
    }
    guard rowBytes.count > start else { return }
    if let last = cells.last, last.column >= column { ordered = false }
    cells.append((column, start, rowBytes.count))
    if !hasFormula && !inSpill(row: row, column: column) { plainCells += 1 }
  }

  /// Writes the text of the cell whose raw value is in `scratch` to the row.
  private mutating func convert() {
    scratch.withUnsafeBytes { value in
      switch kind {
      case .number:
        if value.isEmpty { return }
        switch styles.of(style) {
        case .number: CellText.number(value, into: &rowBytes)
        case .date: CellText.date(value, date1904: date1904, time: false, into: &rowBytes)
        case .dateAndTime: CellText.date(value, date1904: date1904, time: true, into: &rowBytes)
        }
      case .shared:
        let index = CellAddress.integer(value)
        let found = strings.withString(index) { rowBytes.append(contentsOf: $0) } != nil
        if !found && !value.isEmpty {
          brokenCell = (row, column, String(decoding: value, as: UTF8.self))
          stop = true
        }
      case .inline, .formulaString, .error, .isoDate:
        CellText.string(value, into: &rowBytes)
      case .boolean:
        if !value.isEmpty { CellText.boolean(value, into: &rowBytes) }
      }
    }
  }

  private func inSpill(row: Int, column: Int) -> Bool {
    guard !spills.isEmpty else { return false }
    return spills.contains { $0.rows.contains(row) && $0.columns.contains(column) }
  }

  // MARK: Rows

  private mutating func startRow(_ attributes: XMLAttributes) {
    if let number = attributes.value("r") {
      row = CellAddress.integer(number)
    } else {
      row += 1
      rowWithoutNumber = true
    }
    column = -1
    rowBytes.removeAll(keepingCapacity: true)
    cells.removeAll(keepingCapacity: true)
    plainCells = 0
    ordered = true
  }

  private mutating func endRow() {
    guard !cells.isEmpty, row >= headerRow else { return }
    if !ordered {
      // Columns out of order (a workbook not written by a spreadsheet program): by column,
      // the last of two cells in one place winning.
      var byColumn: [Int: (Int, Int, Int)] = [:]
      for cell in cells { byColumn[cell.column] = cell }
      cells = byColumn.keys.sorted().map { byColumn[$0]! }
    }
    let last = cells[cells.count - 1].column
    if headersDone < headerRows {
      width = max(width, last + 1)
      headersDone += 1
      if headersDone == headerRows { rowNumbers.append(Int32(row)) }
      handOn(count: last + 1)
      return
    }
    if plainCells == 0 && sawData {
      formulaRows += 1
      if formulaRows == 1 { firstFormulaRow = row }
      if !ownData { formulasBeforeOwnData = true }
      return
    }
    sawData = sawData || plainCells > 0
    ownData = ownData || plainCells > 0
    rowNumbers.append(Int32(row))
    handOn(count: max(width, last + 1))
  }

  /// Hands the row's first `count` fields on, with empty fields in its gaps.
  private mutating func handOn(count: Int) {
    // Everything the loop needs, taken once: no reference counting per field.
    let target = sink
    target.recordLine = row
    rowBytes.withUnsafeBytes { bytes in
      cells.withUnsafeBufferPointer { cells in
        let base = bytes.baseAddress ?? Self.none
        var next = 0
        for field in 0..<count {
          if next < cells.count && cells[next].column == field {
            let cell = cells[next]
            target.field(UnsafeRawBufferPointer(start: base + cell.start, count: cell.end - cell.start))
            next += 1
          } else {
            target.field(UnsafeRawBufferPointer(start: Self.none, count: 0))
          }
        }
      }
    }
    target.endRecord(10)
    if target.stop { stop = true }
  }
}

/// Cell addresses and integers as a worksheet writes them.
enum CellAddress {
  /// The 0-based column of an address such as `C5` (`AA1` is 26).
  @inline(__always)
  static func column(_ address: UnsafeRawBufferPointer) -> Int? {
    var column = 0
    var letters = 0
    for byte in address {
      let letter = byte &- UInt8(ascii: "A")
      guard letter < 26 else { break }
      column = column * 26 + Int(letter) + 1
      letters += 1
    }
    return letters == 0 || letters > 3 ? nil : column - 1
  }

  /// The 1-based row of an address such as `C5`.
  static func row(_ address: some Collection<UInt8>) -> Int? {
    let digits = address.drop { $0 &- UInt8(ascii: "A") < 26 || $0 == UInt8(ascii: "$") }
    guard !digits.isEmpty else { return nil }
    return Int(String(decoding: digits, as: UTF8.self))
  }

  /// A non-negative integer's value (0 when it is not one).
  @inline(__always)
  static func integer(_ bytes: UnsafeRawBufferPointer) -> Int {
    var value = 0
    for byte in bytes {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return value }
      value = value &* 10 &+ Int(digit)
    }
    return value
  }

  /// The rows and columns of a range such as `C41:H41` (a single cell is a range of one).
  static func range(_ text: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
    let ends = text.split(separator: ":").map { Array($0.utf8.filter { $0 != UInt8(ascii: "$") }) }
    guard let first = ends.first, let last = ends.last,
      let firstColumn = first.withUnsafeBytes(column), let lastColumn = last.withUnsafeBytes(column),
      let firstRow = row(first), let lastRow = row(last), firstRow <= lastRow, firstColumn <= lastColumn
    else { return nil }
    return (firstRow...lastRow, firstColumn...lastColumn)
  }
}
