/// A data row set aside by `--on-error skip`: its fields as read (personal-data columns
/// blank) and why it was rejected.
public struct RejectedRow: Sendable {
  public var file: String
  public var record: Int
  public var line: Int?
  public var fields: [String]
  public var reason: LocalizedText
}
