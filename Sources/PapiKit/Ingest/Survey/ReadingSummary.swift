/// What reading exports left out or could not check, for every output that scores them:
/// written as `reading` in JSON, and told on stderr.
public struct ReadingSummary: Sendable, Equatable {
  /// Rows left out by `--on-error skip`; nil when it was not asked for.
  public var rowsLeftOut: Int?
  /// Incomplete responses (an empty `respondent.complete` column) left out.
  public var incompleteLeftOut = 0
  /// False when some rows have no respondent id: the file's SHA-256 and the row stand for
  /// one, and a response submitted twice cannot be told from two respondents.
  public var duplicatesDetectable = true

  public init(rowsLeftOut: Int? = nil, incompleteLeftOut: Int = 0, duplicatesDetectable: Bool = true) {
    self.rowsLeftOut = rowsLeftOut
    self.incompleteLeftOut = incompleteLeftOut
    self.duplicatesDetectable = duplicatesDetectable
  }

  /// Nothing to say: every row was read, complete, with an id.
  public var isEmpty: Bool { rowsLeftOut == nil && incompleteLeftOut == 0 && duplicatesDetectable }
}
