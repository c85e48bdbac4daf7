/// Everything papi keeps between runs, as one value commands receive: survey waves, the
/// action register, reference data, citizen feedback and PAR INDEX results. `SQLiteStore`
/// (an embedded file) is the implementation today; another backend is one more type
/// conforming to the five repositories.
public protocol PapiStore: WaveRepository, ActionRepository, ReferenceRepository, FeedbackRepository, ParRepository {}

/// What every repository says about itself in messages.
public protocol Repository: Sendable {
  /// Where the data lives, as a person would name it (a file path, a server address).
  var location: String { get }
}
