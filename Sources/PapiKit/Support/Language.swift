/// The language of everything `papi` says to a person. Vietnamese is the default.
public enum Language: String, Sendable, CaseIterable {
  case vi
  case en
}

/// A text in both languages the tool speaks.
public struct LocalizedText: Sendable, Hashable {
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

extension Language {
  /// The language a person asked for, decided before any option is parsed (help and usage
  /// errors need it too): `--lang X` or `--lang=X` on the command line; else `PAPI_LANG`;
  /// else English when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set) is
  /// English; else Vietnamese.
  public static func preferred(arguments: [String], environment: [String: String]) -> Language {
    var asked: String?
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument == "--lang", index + 1 < arguments.count { asked = arguments[index + 1] }
      if argument.hasPrefix("--lang=") { asked = String(argument.dropFirst("--lang=".count)) }
    }
    if let asked, let language = Language(rawValue: asked.lowercased()) { return language }
    if let named = environment["PAPI_LANG"], let language = Language(rawValue: named.lowercased()) {
      return language
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    return locale?.lowercased().hasPrefix("en") == true ? .en : .vi
  }
}
