import Foundation

/// Unit names compared the way people write them: without diacritics, case, spacing or
/// Unicode-form differences ("Đắk Glei", "Đăk Glei", "Dak  Glei" are one name), and
/// nothing more: a different name is reported, never guessed.
public func foldedUnitName(_ name: String) -> String {
  let stripped = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { scalar in
    !(0x0300...0x036F).contains(scalar.value)
  }
  var text = String(String.UnicodeScalarView(stripped)).replacingOccurrences(of: "đ", with: "d").replacingOccurrences(
    of: "Đ", with: "D")
  text = text.lowercased()
  return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
