import ArgumentParser
import PapiKit

extension FeedbackClassifyFormat: ExpressibleByArgument {}

/// `papi feedback …`: citizen comments and petitions classified by PAPI dimension.
struct Feedback: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Citizen feedback: classify comments and petitions by PAPI dimension, store them with a wave, report them beside the scores.",
    subcommands: [Classify.self, Import.self, Report.self])

  /// `--lexicon FILE`, repeatable: lexicons merged with the default one.
  struct LexiconOption: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: "A lexicon YAML file added to questionnaires/feedback-lexicon.yaml (repeatable; `replace: true` in the file uses it alone).")
    var paths: [String] = []

    /// The default lexicon first, then the user's files (unless one replaces it).
    var files: [String] { paths.isEmpty ? [] : [FeedbackLexicon.defaultPath] + paths }
  }

  struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print each feedback item's id with the PAPI dimensions and sub-dimensions it is about; stores nothing.")

    @OptionGroup var input: ExportOptions
    @OptionGroup var lexicon: LexiconOption
    @Option(help: "Output format: table, json or csv.") var format: FeedbackClassifyFormat = .table
    @Flag(help: "CSV for Excel: UTF-8 with BOM and ';'.") var excel = false
    @Option(help: "Language: vi or en.") var lang: Language = .vi
    @Option(help: "Write the output to this file instead of stdout.") var out: String?

    func validate() throws {
      guard input.files.count == 1 else { throw ValidationError("Give one feedback export file.") }
    }

    func run() throws {
      do {
        var request = FeedbackClassifyRequest(file: input.files[0], lexicons: lexicon.files, read: input.readOptions, format: format, language: lang)
        request.excel = excel
        let result = try FeedbackCommand.classify(request)
        for warning in result.warnings { Console.error(warning.text(lang)) }
        try Console.output(result.text, to: out)
      } catch let error as PapiError {
        throw Console.fail(error, lang)
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Store a feedback export with a wave (not implemented yet).")
    @Argument(parsing: .allUnrecognized) var rest: [String] = []
    func run() throws { throw NotYet.refuse("feedback import") }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Feedback per unit and dimension (not implemented yet).")
    @Argument(parsing: .allUnrecognized) var rest: [String] = []
    func run() throws { throw NotYet.refuse("feedback report") }
  }
}
