/// Citizen feedback stored with its wave (masked before it gets here).
public protocol FeedbackRepository: Repository {
  /// Stores the items of `batches` with `wave`, all or none. An id already stored with the
  /// same content is left alone; with other content it is a conflict, unless `replace`.
  func storeFeedback(_ batches: [FeedbackBatch], wave: String, replace: Bool) throws(PapiError) -> [FeedbackCounts]
  /// The stored feedback of `wave`, in the order it arrived.
  func feedback(wave: String) throws(PapiError) -> [StoredFeedback]
  /// Waves with stored feedback, by name.
  func feedbackWaves() throws(PapiError) -> [String]
}

/// What storing feedback changed, per file.
public struct FeedbackCounts: Sendable, Equatable {
  public var file: String
  public var imported = 0
  public var replaced = 0
  public var unchanged = 0
  /// Survey comments withdrawn by `--replace` (the corrected export has none there).
  public var removed = 0
}

/// A stored feedback item with where it came from.
public struct StoredFeedback: Sendable {
  public var item: FeedbackItem
  public var source: FeedbackBatch.Source
  public var file: String
}
