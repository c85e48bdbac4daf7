import Foundation

/// A file format exports come in. CSV, read through libcsv, is one (`CSVFormat`); a new
/// format is one more type conforming to this protocol, added to `ExportFormats.detect`.
///
/// A format hands records to a sink as fields of bytes (the hot path of survey exports), or
/// whole records as text with the place each starts (the small files: registers,
/// crosswalks, published scores, feedback exports), and says where given records are in
/// the file, for messages.
protocol ExportFormat: Sendable {
  /// The format's name for messages ("CSV").
  var name: String { get }

  /// Reads every record of a survey export into a sink made by `makeSink`, in order. A
  /// format may read a large file in parts at once, each into its own sink
  /// (`PartitionedSink.emptyCopy`), joined back into the first; the returned read names the
  /// sink that holds everything.
  func read<Sink: PartitionedSink>(
    _ path: String, options: ReadOptions, progress: ((ReadProgress) -> Void)?, makeSink: () -> Sink
  ) -> FormatRead<Sink>

  /// Reads the records of a small file, each as text with the line it starts on. The first
  /// record (the header) is whole; in later ones, cells of columns `keep` refuses are empty
  /// strings (no text is made for them). A broken file is an error naming the place.
  func records(
    _ path: String, options: ReadOptions, keep: ((Int) -> Bool)?,
    each: @escaping (_ line: Int, _ fields: [String]) -> Void
  ) throws(PapiError) -> RecordsRead

  /// Where the given data records (1 = the first after the header) and their fields are.
  func places(of records: Set<Int>, in path: String, as read: FormatDetails) -> RecordPlaces
}

/// Receives a file's records: each field's bytes (valid only during the call), then the end
/// of the record. A class, not a protocol, so that each field is one virtual call.
class RecordSink {
  /// Set to stop reading after the current chunk.
  var stop = false
  /// The physical line the current record starts on, when the format is asked to say
  /// (`wantsRecordLines`); 0 otherwise.
  var recordLine = 0
  /// Whether the sink needs `recordLine` (it costs counting every newline).
  var wantsRecordLines: Bool { false }

  func field(_ bytes: UnsafeRawBufferPointer) {}
  /// End of a record; `terminator` is the byte that ended it (`-1` at the end of the file).
  func endRecord(_ terminator: Int32) {}
}

/// A sink that a format may copy to read later parts of a file at the same time, and join
/// back. `ExportParser` is one.
protocol PartitionedSink: RecordSink {
  /// A sink like this one before it read anything, with an empty table.
  func emptyCopy() -> Self
  /// Stop once the header is read (to learn the columns before reading the parts).
  var stopAfterHeader: Bool { get set }
  var hasHeader: Bool { get }
  /// Whether, its header read, the rest of the file may be read in parts (false when rows
  /// are known by their number from the file's start, as in an export without ids).
  var readsInParts: Bool { get }
  var hasErrors: Bool { get }
  var recordsRead: Int { get }
  /// Makes this sink read a later part of the file whose header `first` has read.
  func continueAfter(_ first: Self)
  /// Joins what `part` read from the next part, as if this sink had read on; false,
  /// changing nothing, when the file must be read whole to report exactly.
  func absorb(_ part: Self) -> Bool
}

/// Why a format stopped before the end of a file: its structure is broken there.
struct RecordSyntaxFailure: Sendable {
  /// True when the file ended inside a quoted field.
  var unterminatedQuote: Bool
  /// The field being read when it stopped, as far as it got.
  var partialField: String
}

/// What a format learnt about a file while reading it, for the file's report and for
/// finding places in it again.
struct FormatDetails: Sendable {
  var encoding: InputEncoding?
  var delimiter: UInt8?
  /// The worksheet read, in a workbook, and the names of all its sheets.
  var sheet: String?
  var sheets: [String] = []
  /// In a workbook, the row of each record handed on (the header's is its last row).
  var rows: [Int32] = []
  /// Records of the file before the one handed on as the header (a title above it, or
  /// the header rows joined into one), for finding places again.
  var recordOffset = 0
}

/// A survey export as a format read it.
struct FormatRead<Sink> {
  var sink: Sink
  var details: FormatDetails
  /// SHA-256 of the file's bytes ("" unless `ReadOptions.fileHashes`).
  var sha256: String
  /// Where the structure broke, if it did.
  var failure: RecordSyntaxFailure?
  /// Problems that stopped the reading (the file cannot be opened or decoded).
  var thrown: [Diagnostic]
  /// How many parts the file was read in at once.
  var parts = 1
  /// What the format left out and says so (a workbook's rows of formulas below the data).
  var notes: [Diagnostic] = []
}

/// What reading a small file learnt: its SHA-256 and how it was decoded.
struct RecordsRead: Sendable {
  var sha256: String
  var details: FormatDetails
  /// The worksheet read, in a workbook: the lines given were its rows.
  var sheet: String? { details.sheet }
}

/// Where records are in a file: the line each starts on and the line of each field, and the
/// record the format was in when it stopped. In a workbook, `sheet` names the worksheet and
/// the lines are its rows.
struct RecordPlaces: Sendable {
  var sheet: String?
  var recordLines: [Int: Int] = [:]
  var fieldLines: [Int: [Int]] = [:]
  /// The record being read when the file ended or broke: its number, the line it starts
  /// on, how many fields it had completed and the line of the next one.
  var pending: (record: Int, line: Int, fields: Int, fieldLine: Int) = (0, 0, 0, 0)

  /// The line of `field` of `record` (the header is record 0, on line 1).
  func line(record: Int, field: Int?) -> Int? {
    if record == 0 { return recordLines[0] ?? 1 }
    if record == pending.record, let field, field == pending.fields { return pending.fieldLine }
    if let field, let lines = fieldLines[record], field < lines.count { return lines[field] }
    if let line = recordLines[record] { return line }
    if record == pending.record { return pending.line }
    return nil
  }
}

/// Chooses the format of an export by its content, not its name: an Office Open XML
/// workbook (`XLSXFormat`) or delimited text (`CSVFormat`).
enum ExportFormats {
  /// The format that reads `path`; a folder, a workbook or another file papi does not read
  /// (recognised by its first bytes, whatever its name) is an error that names it and says
  /// how to make a CSV of it.
  static func detect(_ path: String) throws(PapiError) -> any ExportFormat {
    switch NotAnExport.recognise(path) {
    case .xlsx: return XLSXFormat()
    case let other?: throw other.error(path)
    case nil: return CSVFormat()
    }
  }
}

/// The first bytes of a file, for recognising its format ([] when it cannot be read: the
/// format's own reading then says why).
enum FileHead {
  static func read(_ path: String, count: Int) -> [UInt8] {
    bytes(path, count: count, fromEnd: false)
  }

  /// The last `count` bytes of a file ([] when it cannot be read).
  static func tail(_ path: String, count: Int) -> [UInt8] {
    bytes(path, count: count, fromEnd: true)
  }

  private static func bytes(_ path: String, count: Int, fromEnd: Bool) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    if fromEnd {
      guard fseeko(file, 0, SEEK_END) == 0 else { return [] }
      guard fseeko(file, max(0, ftello(file) - off_t(count)), SEEK_SET) == 0 else { return [] }
    }
    var bytes = [UInt8](repeating: 0, count: count)
    let got = fread(&bytes, 1, count, file)
    return Array(bytes.prefix(got))
  }
}
