/// PAR INDEX results by year, each year with the criteria set it was checked against (as a
/// wave keeps its questionnaire), and the import log.
public protocol ParRepository: Repository {
  /// Makes `year` hold exactly `year.results` and `year.stated` under its criteria set, and
  /// logs `imports`, all in one transaction: a failure leaves the year as it was.
  func storeParYear(_ year: StoredParYear, imports: [ParImportEntry]) throws(PapiError)
  /// The stored year, nil when nothing was imported for it.
  func parYear(_ year: String) throws(PapiError) -> StoredParYear?
  /// The years with stored results, oldest first.
  func parYears() throws(PapiError) -> [String]
  /// Every PAR import, oldest first.
  func parImportLog() throws(PapiError) -> [ParImportEntry]
}

/// A year's PAR INDEX results as stored: the criteria set's text (parsed again on reading,
/// so that editing the file later never changes an old year), the results of every unit
/// and the figures documents state.
public struct StoredParYear: Sendable {
  public var year: String
  public var criteriaYAML: String
  /// Where the set was read from when it was imported (for messages).
  public var criteriaSource: String
  public var results: [ParResult]
  public var stated: [ParStated]

  public init(
    year: String, criteriaYAML: String, criteriaSource: String, results: [ParResult], stated: [ParStated]
  ) {
    self.year = year
    self.criteriaYAML = criteriaYAML
    self.criteriaSource = criteriaSource
    self.results = results
    self.stated = stated
  }

  /// The stored criteria set.
  public func criteria() throws(PapiError) -> ParCriteriaSet {
    try ParCriteriaLoader.parse(yaml: criteriaYAML, source: criteriaSource)
  }
}

/// One file of a PAR import, as the log keeps it.
public struct ParImportEntry: Sendable, Equatable {
  public var year: String
  public var file: String
  public var sha256: String
  public var criteriaID: String
  /// Rows read (results and stated figures).
  public var rowsRead = 0
  public var imported = 0
  public var replaced = 0
  public var unchanged = 0
  public var time = ""

  public init(year: String, file: String, sha256: String, criteriaID: String) {
    self.year = year
    self.file = file
    self.sha256 = sha256
    self.criteriaID = criteriaID
  }
}
