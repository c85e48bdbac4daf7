import ArgumentParser
import Foundation
import PapiKit

/// `papi feedback …`: citizen comments and petitions classified by PAPI dimension.
struct Feedback: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Citizen feedback: classify comments and petitions by PAPI dimension, store them with a wave, report them "
      + "beside the scores.",
    subcommands: [Classify.self, Import.self, Report.self])

  struct Classify: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract:
        "Print each feedback item's id with the PAPI dimensions and sub-dimensions it is about; stores nothing. With "
        + "-q, FILE is a survey export and its `feedback:` columns are read."
    )

    @OptionGroup var input: ExportOptions
    @OptionGroup var lexicon: LexiconOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func validate() throws {
      guard input.files.count == 1 else { throw ValidationError("Give one feedback export file.") }
      try output.check(FeedbackClassifyOutput.formats, command: "feedback classify", excel: excel.excel)
    }

    func run() throws {
      var notes: [Diagnostic] = []
      var request = FeedbackClassifyRequest(
        file: input.files[0], lexicons: lexicon.paths, read: input.readOptions, format: output.format,
        options: RenderOptions(language: language, excel: excel.excel))
      request.questionnairePath = input.questionnairePath(notes: &notes)
      Console.report(notes, language)
      var sink = output.sink()
      let warnings = try FeedbackClassifyCommand.run(request, to: &sink)
      Console.report(warnings, language)
      try sink.finish()
    }
  }

  struct Import: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract:
        "Store feedback exports (id, date, unit_code, channel, text, status) with a wave, all files or none; "
        + "personal data is masked first."
    )

    @OptionGroup var input: ExportOptions
    @Option(help: "The wave the feedback belongs to, e.g. 2024.") var wave: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Replace stored items whose id comes again with a different content.") var replace = false
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func validate() throws {
      guard !input.files.isEmpty else { throw ValidationError("Give one or more feedback export files.") }
    }

    func run() throws {
      let (counts, repeats, warnings) = try FeedbackImportCommand.run(
        FeedbackImportRequest(files: input.files, wave: wave, read: input.readOptions, replace: replace),
        store: database.creatable)
      Console.report(warnings, language)
      try Console.print(
        FeedbackImportText.text(counts, repeats: repeats, wave: wave, database: database.path, language: language))
    }
  }

  struct Report: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract:
        "A wave's feedback per unit and dimension: counts, shares, change from the previous wave, frequent terms and "
        + "quotes."
    )

    @Option(help: "The wave.") var wave: String
    @Option(help: "Compare with this wave (default: the wave with feedback stored before it).") var compare: String?
    @Option(help: "Only this unit's code.") var unit: String?
    @OptionGroup var lexicon: LexiconOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      try output.check(OutputFormat.allCases, command: "feedback report", excel: excel.excel)
    }

    func run() throws {
      let request = FeedbackReportRequest(
        wave: wave, compare: compare, unit: unit, lexicons: lexicon.paths, format: output.format,
        options: RenderOptions(language: language, excel: excel.excel))
      var sink = output.sink()
      let notes = try FeedbackReportCommand.run(request, store: database.existing, to: &sink)
      Console.report(notes, language)
      try sink.finish()
    }
  }
}
