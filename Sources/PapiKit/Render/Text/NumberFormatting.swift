import Foundation

/// Fixed-decimal numbers for people: a decimal comma in Vietnamese, a point in English.
/// Rounding happens only here, never in JSON.
struct NumberFormatting {
  let language: Language

  func fixed(_ value: Double?, _ decimals: Int) -> String {
    guard let value else { return "—" }
    let text = String(format: "%.\(decimals)f", value)
    return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  /// At most `decimals` places, without trailing zeros ("12,89", "13", "0,5"), as
  /// documents write points.
  func trimmed(_ value: Double, _ decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  func integer(_ value: Int) -> String {
    let digits = String(value)
    var grouped = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
      grouped.append(character)
    }
    return String(grouped.reversed())
  }
}

/// A file's size for people: `12,4 KB`, `3,1 MB` (decimal units, as file managers show).
public enum ByteCount {
  public static func text(_ bytes: Int, _ language: Language) -> String {
    let format = NumberFormatting(language: language)
    switch bytes {
    case ..<1000: return "\(bytes) B"
    case ..<1_000_000: return format.fixed(Double(bytes) / 1000, 1) + " KB"
    default: return format.fixed(Double(bytes) / 1_000_000, 1) + " MB"
    }
  }
}
