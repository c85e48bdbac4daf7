import ArgumentParser
import Foundation
import PapiKit

/// `papi feedback …`: citizen comments and petitions classified by PAPI dimension.
struct Feedback: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Ý kiến người dân: phân loại góp ý và phản ánh theo chỉ số nội dung PAPI, lưu theo đợt, báo cáo cạnh điểm số.",
    en: "Citizen feedback: classify comments and petitions by PAPI dimension, store them with a wave, report them "
      + "beside the scores.",
    subcommands: [Classify.self, Import.self, Report.self])

  struct Classify: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "In mã từng ý kiến cùng các chỉ số nội dung và nội dung thành phần PAPI mà nó nói tới, và đó là "
        + "phản ánh, kiến nghị, ghi nhận hay trung tính; không lưu gì. Với -q, TỆP là dữ liệu khảo sát và các "
        + "cột `feedback:` được đọc.",
      en: "Print each feedback item's id with the PAPI dimensions and sub-dimensions it is about, and whether it is a "
        + "complaint, a request, praise or neutral; stores nothing. With -q, FILE is a survey export and its "
        + "`feedback:` columns are read.",
      examples: ["papi feedback classify samples/petitions-2024.csv"])

    @OptionGroup var input: ExportOptions
    @OptionGroup var lexicon: LexiconOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func validate() throws {
      guard input.files.count == 1 else {
        throw ValidationError(tr("Hãy chỉ một tệp ý kiến.", "Give one feedback export file."))
      }
      try output.check(
        FeedbackClassifyOutput.formats, command: "feedback classify", excel: excel.excel,
        keeping: input.files + lexicon.paths + [input.questionnaire])
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
      try output.finish(sink, language)
    }
  }

  struct Import: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Lưu các tệp ý kiến (id, date, unit_code, channel, text, status) theo đợt, tất cả hoặc không tệp nào; thông "
        + "tin cá nhân được che trước khi lưu.",
      en: "Store feedback exports (id, date, unit_code, channel, text, status) with a wave, all files or none; "
        + "personal data is masked first.",
      examples: ["papi feedback import samples/petitions-2024.csv --wave 2024"])

    @OptionGroup var input: ExportOptions
    @Option(
      help: helpText(
        "Đợt của các ý kiến, ví dụ 2024.", "The wave the feedback belongs to, e.g. 2024.", valueName: tr("đợt", "wave"))
    )
    var wave: String
    @OptionGroup var database: DatabaseOption
    @Flag(
      help: helpText(
        "Thay ý kiến đã lưu khi mã xuất hiện lại với nội dung khác.",
        "Replace stored items whose id comes again with a different content."))
    var replace = false
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func validate() throws {
      guard !input.files.isEmpty else {
        throw ValidationError(tr("Hãy chỉ một hoặc nhiều tệp ý kiến.", "Give one or more feedback export files."))
      }
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
    static let configuration = commandConfiguration(
      vi: "Ý kiến của một đợt theo đơn vị và chỉ số nội dung: số lượng, tỷ lệ, thay đổi so với đợt trước, từ hay gặp "
        + "và trích dẫn (phản ánh, kiến nghị; ý kiến ghi nhận để riêng).",
      en: "A wave's feedback per unit and dimension: counts, shares, change from the previous wave, frequent terms and "
        + "quotes (complaints and requests; praise apart).",
      examples: [
        "papi feedback report --wave 2024 --unit 19369",
        "papi feedback report --wave 2024 --format html --out y-kien.html",
      ])

    @Option(help: helpText("Đợt khảo sát.", "The wave.", valueName: tr("đợt", "wave"))) var wave: String
    @Option(
      help: helpText(
        "So với đợt này (mặc định: đợt có ý kiến lưu liền trước).",
        "Compare with this wave (default: the wave with feedback stored before it).", valueName: tr("đợt", "compare")))
    var compare: String?
    @Option(help: unitHelp) var unit: String?
    @OptionGroup var lexicon: LexiconOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var excel: ExcelOption
    @OptionGroup var lang: LanguageOption
    @OptionGroup var database: DatabaseOption
    var language: Language { lang.value }

    func validate() throws {
      try output.check(
        OutputFormat.allCases, command: "feedback report", excel: excel.excel,
        keeping: lexicon.paths + [database.path])
    }

    func run() throws {
      let request = FeedbackReportRequest(
        wave: wave, compare: compare, unit: unit, lexicons: lexicon.paths, format: output.format,
        options: RenderOptions(language: language, excel: excel.excel))
      var sink = output.sink()
      let notes = try FeedbackReportCommand.run(request, store: database.existing, to: &sink)
      Console.report(notes, language)
      try output.finish(sink, language)
    }
  }
}
