import Foundation

/// How to read exports: what the user said on the command line.
public struct ReadOptions: Sendable {
  /// The delimiter; detected when nil.
  public var delimiter: UInt8?
  /// The encoding; UTF-8 or UTF-16 by byte-order mark when nil.
  public var encoding: InputEncoding?
  /// Most diagnostics kept per file; the rest are counted.
  public var diagnosticLimit: Int
  /// `--on-error skip`: bad rows are set aside in `ReadResult.rejected` instead of being errors.
  public var skipBadRows: Bool
  /// Compute each file's SHA-256 (`FileReport.sha256`, kept by `papi import`).
  public var fileHashes: Bool
  /// A UTF-8 file of at least twice this size is read in parts on several cores.
  public var minimumPartBytes: Int
  /// How many parts at most (nil: one per core, `PAPI_THREADS` to change).
  public var parts: Int?
  /// Read the questionnaire's free-text columns (`feedback:`) as comments, with the line of
  /// each (`ReadResult.comments`), in the same pass as the answers.
  public var readComments = false
  /// The worksheet of a workbook (`--sheet`); the first when nil.
  public var sheet: String?
  /// The line (in a workbook, the row) the header is on (`--header-row`), when a title or
  /// notes stand above it; the first record (row) that is not empty when nil.
  public var headerRow: Int?
  /// How many records make the header (`--header-rows`): 2 when a row of merged group
  /// headings stands above the columns' own (`HeaderLayout`).
  public var headerRows = 1
  /// What a stratum with one cluster adds to the variance when the questionnaire declares a
  /// sample design (`--lonely-psu`); the data read take it to the scoring stage.
  public var lonelyPSU = LonelyPSU.fail

  public init(
    delimiter: UInt8? = nil, encoding: InputEncoding? = nil, diagnosticLimit: Int = 10_000, skipBadRows: Bool = false,
    fileHashes: Bool = false, minimumPartBytes: Int = 4 << 20, parts: Int? = nil
  ) {
    self.parts = parts
    self.delimiter = delimiter
    self.encoding = encoding
    self.diagnosticLimit = diagnosticLimit
    self.skipBadRows = skipBadRows
    self.fileHashes = fileHashes
    self.minimumPartBytes = minimumPartBytes
  }
}

/// How far reading has got, for a progress display.
public struct ReadProgress: Sendable {
  public var file: String
  public var rows: Int
  public var bytes: Int
  public var totalBytes: Int
}
