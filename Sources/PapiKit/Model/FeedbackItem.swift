/// One piece of citizen feedback: a comment in a survey, or a petition, complaint or
/// suggestion received by a commune. The text is NFC with personal data already masked.
public struct FeedbackItem: Sendable, Equatable {
  public var id: String
  /// Code of the unit (commune) it concerns.
  public var unit: String
  /// `YYYY-MM-DD`, when known.
  public var date: String?
  /// How it came: `survey`, or as the export says ("Tổng đài 1022", "Cổng DVC", "trực tiếp"…).
  public var channel: String?
  /// Handling status as the export says ("đã giải quyết"…), when given.
  public var status: String?
  public var text: String
  /// Physical line of the record in its file.
  public var line: Int

  public init(
    id: String, unit: String, date: String? = nil, channel: String? = nil, status: String? = nil, text: String,
    line: Int
  ) {
    self.id = id
    self.unit = unit
    self.date = date
    self.channel = channel
    self.status = status
    self.text = text
    self.line = line
  }
}

/// Feedback items read from one file, to be stored with a wave.
public struct FeedbackBatch: Sendable {
  /// Where a batch of feedback came from.
  public enum Source: String, Sendable {
    /// A questionnaire's free-text columns in a survey export.
    case survey
    /// A standalone feedback export (petitions, hotline, portal).
    case export
  }

  public var file: String
  public var sha256: String
  public var rowsRead: Int
  public var source: Source
  public var items: [FeedbackItem]
  /// Survey: the respondents the file holds, so that `--replace` also withdraws a comment
  /// a corrected export no longer has.
  public var respondents: [String] = []
}
