/// The character encodings an export may be written in (PRODUCT.md §3.1).
/// UTF-8 and UTF-16 with a byte-order mark are recognised by themselves; the legacy
/// Vietnamese encodings have no signature and must be named with `--encoding`.
public enum InputEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf16le = "utf-16le"
  case utf16be = "utf-16be"
  case cp1258
  case tcvn3
  case vni

  /// Parses a user's spelling: `UTF8`, `utf-16-le`, `windows-1258`, `ABC`, `VNI-Windows`…
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16le", "utf16": self = .utf16le
    case "utf16be": self = .utf16be
    case "cp1258", "windows1258", "win1258": self = .cp1258
    case "tcvn3", "tcvn", "abc", "tcvn57121993": self = .tcvn3
    case "vni", "vniwindows", "vniwin": self = .vni
    default: return nil
    }
  }
}
