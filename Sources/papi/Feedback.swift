import ArgumentParser
import Foundation
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

    /// The default lexicon first, when it is here, then the user's files (unless one
    /// replaces it).
    var files: [String] {
      paths.isEmpty || !FileManager.default.fileExists(atPath: FeedbackLexicon.defaultPath) ? paths : [FeedbackLexicon.defaultPath] + paths
    }
  }

  struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print each feedback item's id with the PAPI dimensions and sub-dimensions it is about; stores nothing. With -q, FILE is a survey export and its `feedback:` columns are read.")

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
        request.questionnairePath = input.questionnaire
        let result = try FeedbackCommand.classify(request)
        for warning in result.warnings { Console.error(warning.text(lang)) }
        try Console.output(result.text, to: out)
      } catch let error as PapiError {
        throw Console.fail(error, lang)
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Store feedback exports (id, date, unit_code, channel, text, status) with a wave, all files or none; personal data is masked first.")

    @OptionGroup var input: ExportOptions
    @Option(help: "The wave the feedback belongs to, e.g. 2024.") var wave: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Replace stored items whose id comes again with a different content.") var replace = false
    @Option(help: "Language: vi or en.") var lang: Language = .vi

    func validate() throws {
      guard !input.files.isEmpty else { throw ValidationError("Give one or more feedback export files.") }
    }

    func run() throws {
      do {
        let (counts, repeats, warnings) = try FeedbackCommand.importFiles(
          FeedbackImportRequest(files: input.files, wave: wave, databasePath: database.path, read: input.readOptions, replace: replace))
        for warning in warnings { Console.error(warning.text(lang)) }
        try Console.output(FeedbackImportText.text(counts, repeats: repeats, wave: wave, database: database.path, language: lang), to: nil)
      } catch let error as PapiError {
        throw Console.fail(error, lang)
      }
    }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A wave's feedback per unit and dimension: counts, shares, change from the previous wave, frequent terms and quotes.")

    @Option(help: "The wave.") var wave: String
    @Option(help: "Compare with this wave (default: the wave with feedback stored before it).") var compare: String?
    @Option(help: "Only this unit's code.") var unit: String?
    @OptionGroup var lexicon: LexiconOption
    @Option(help: "Output format: table, md, html, csv or json.") var format: ReportFormat = .table
    @Flag(help: "CSV for Excel: UTF-8 with BOM, ';' and decimal commas.") var excel = false
    @Option(help: "Language: vi or en.") var lang: Language = .vi
    @OptionGroup var database: DatabaseOption
    @Option(help: "Write the output to this file instead of stdout.") var out: String?

    func validate() throws {
      if excel && format != .csv { throw ValidationError("--excel goes with --format csv.") }
    }

    func run() throws {
      do {
        var request = FeedbackReportRequest(
          wave: wave, compare: compare, unit: unit, lexicons: lexicon.files, format: format, language: lang, databasePath: database.path)
        request.excel = excel
        try Console.output(try FeedbackCommand.report(request), to: out)
      } catch let error as PapiError {
        throw Console.fail(error, lang)
      }
    }
  }
}
