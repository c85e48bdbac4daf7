/// The language of everything `papi` says to a person. Vietnamese is the default.
public enum Language: String, Sendable, CaseIterable {
  case vi
  case en
}

/// A text in both languages the tool speaks.
public struct LocalizedText: Sendable, Equatable {
  public var vi: String
  public var en: String

  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .vi: return vi.isEmpty ? en : vi
    case .en: return en.isEmpty ? vi : en
    }
  }
}
