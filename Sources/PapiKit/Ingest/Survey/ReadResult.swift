/// What was read from one file.
public struct FileReport: Sendable {
  public var path: String
  public var encoding: InputEncoding?
  public var delimiter: UInt8?
  /// Data records read (the header and a KoboToolbox HXL row are not counted).
  public var recordsRead: Int
  public var rowsKept: Int
  public var duplicatesDropped: Int
  public var rowsRejected: Int
  /// Diagnostics beyond the limit, counted but not kept.
  public var suppressed: Int
  /// Errors among them.
  public var suppressedErrors: Int
  /// SHA-256 of the file's bytes ("" unless `ReadOptions.fileHashes`).
  public var sha256: String
  /// The header as read (NFC), for writing rejected rows.
  public var header: [String]
  /// How many parts the file was read in at once (1: whole, on one core).
  public var parts = 1
  /// The rows had no id: each is known by the file's SHA-256 and its row.
  public var rowIdentity = false
  /// Incomplete responses (`respondent.complete` empty) left out.
  public var incompleteLeftOut = 0
  /// The worksheet read, when the file is a workbook.
  public var sheet: String?

  /// A file that could not be read at all.
  init(path: String) {
    self.init(
      path: path, encoding: nil, delimiter: nil, recordsRead: 0, rowsKept: 0, duplicatesDropped: 0, rowsRejected: 0,
      suppressed: 0, suppressedErrors: 0, sha256: "", header: [])
  }

  init(
    path: String, encoding: InputEncoding?, delimiter: UInt8?, recordsRead: Int, rowsKept: Int, duplicatesDropped: Int,
    rowsRejected: Int, suppressed: Int, suppressedErrors: Int, sha256: String, header: [String], parts: Int = 1
  ) {
    self.path = path
    self.encoding = encoding
    self.delimiter = delimiter
    self.recordsRead = recordsRead
    self.rowsKept = rowsKept
    self.duplicatesDropped = duplicatesDropped
    self.rowsRejected = rowsRejected
    self.suppressed = suppressed
    self.suppressedErrors = suppressedErrors
    self.sha256 = sha256
    self.header = header
    self.parts = parts
  }
}

/// Everything read from a set of exports.
public struct ReadResult: Sendable {
  public var table: ResponseTable
  public var diagnostics: [Diagnostic]
  public var files: [FileReport]
  /// Rows set aside by `--on-error skip`.
  public var rejected: [RejectedRow]
  /// With `ReadOptions.readComments`: each file's comments from the questionnaire's
  /// free-text columns, for the rows kept, and the warnings about those columns.
  public var comments: [FeedbackBatch] = []
  public var commentWarnings: [Diagnostic] = []
  /// What was left out or could not be checked.
  public var reading = ReadingSummary()

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var hasErrors: Bool {
    diagnostics.contains { $0.severity == .error } || files.contains { $0.suppressedErrors > 0 }
  }
}
