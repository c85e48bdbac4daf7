/// Output formats of `papi feedback classify`.
public enum FeedbackClassifyFormat: String, Sendable, CaseIterable {
  case table, json, csv
}

/// What `papi feedback classify` was asked to do.
public struct FeedbackClassifyRequest: Sendable {
  public var file: String
  /// Lexicon files, merged in order; the default lexicon when empty.
  public var lexicons: [String]
  public var read: ReadOptions
  public var format: FeedbackClassifyFormat
  public var language: Language
  /// CSV for Excel: BOM, `;`.
  public var excel = false

  public init(file: String, lexicons: [String] = [], read: ReadOptions = ReadOptions(), format: FeedbackClassifyFormat = .table, language: Language = .vi) {
    self.file = file
    self.lexicons = lexicons
    self.read = read
    self.format = format
    self.language = language
  }
}

/// `papi feedback …`: citizen feedback classified by PAPI dimension.
public enum FeedbackCommand {
  /// `papi feedback classify FILE`: each item's dimensions and sub-dimensions; stores nothing.
  public static func classify(_ request: FeedbackClassifyRequest) throws(PapiError) -> CommandOutput {
    let classifier = FeedbackClassifier(lexicon: try FeedbackLexicon.load(request.lexicons))
    let file = try FeedbackReader.read(request.file, options: request.read)
    let classified = file.items.map { ($0, classifier.classify($0.text)) }
    let text: String
    switch request.format {
    case .json: text = FeedbackClassifyRenderer.json(classified)
    case .csv: text = FeedbackClassifyRenderer.csv(classified, excel: request.excel)
    case .table: text = FeedbackClassifyRenderer.table(classified, language: request.language)
    }
    return CommandOutput(text: text, warnings: file.warnings)
  }
}
