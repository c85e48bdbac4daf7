import Crypto
import Foundation

/// A questionnaire file as stored with each wave (so that editing the file later never
/// changes an old wave's scores), and its fingerprint.
public struct QuestionnaireText: Sendable {
  public var text: String
  /// SHA-256 of the text, in hex.
  public var hash: String

  public init(_ text: String) {
    self.text = text
    self.hash = hexadecimal(SHA256.hash(data: Data(text.utf8)))
  }

  /// The file at `path`, which `-q` named.
  public static func read(_ path: String) throws(PapiError) -> QuestionnaireText {
    QuestionnaireText(try ConfigReader.text(path, kind: L("bảng hỏi", "questionnaire"), option: "-q"))
  }
}
