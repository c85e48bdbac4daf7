import ArgumentParser
import PapiKit

struct Waves: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Liệt kê các đợt đã lưu với số người trả lời và số xã.",
    en: "List the stored waves with their respondent and commune counts.", examples: ["papi waves"])
  @OptionGroup var database: DatabaseOption
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    try Console.print(WavesReport.text(try database.existing.waves(), language: language))
  }
}

struct Imports: ParsableCommand, Localized {
  static let configuration = commandConfiguration(
    vi: "Nhật ký nhập: tệp, SHA-256, số dòng, đợt, bảng hỏi, thời gian và phiên bản papi của mỗi lần nhập.",
    en: "The import log: file, SHA-256, rows, wave, questionnaire, time and tool version of every import.",
    examples: ["papi imports --wave 2024"])
  @OptionGroup var database: DatabaseOption
  @Option(help: helpText("Chỉ đợt này.", "Only this wave.", valueName: tr("đợt", "wave"))) var wave: String?
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    try Console.print(ImportLogReport.text(try database.existing.importLog(wave: wave), language: language))
  }
}

struct Units: ParsableCommand {
  static let configuration = commandConfiguration(
    vi: "Danh mục đơn vị hành chính và bảng chuyển đổi giữa các bộ đơn vị.",
    en: "The unit register and crosswalks between unit sets.", subcommands: [Load.self, Crosswalk.self, List.self])

  struct Load: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Nạp danh mục đơn vị (CSV: code, name, level, parent_code, valid_from, valid_to) thành một bộ có tên.",
      en: "Load a register CSV (code, name, level, parent_code, valid_from, valid_to) as a named unit set.",
      examples: ["papi units load samples/units-2025.csv --set 2025"])
    @Argument(help: helpText("Tệp CSV danh mục đơn vị.", "The register CSV.", valueName: tr("tệp", "file"))) var file:
      String
    @Option(
      help: helpText(
        "Tên bộ đơn vị, ví dụ 2024 hoặc 2025-07.", "The unit set's name, e.g. 2024 or 2025-07.",
        valueName: tr("bộ", "set")))
    var set: String
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let count = try ReferenceCommands.loadUnits(file, as: set, store: database.creatable)
      try Console.print(
        language == .vi ? "Đã nạp \(count) đơn vị vào bộ \(set).\n" : "Loaded \(count) units as set \(set).\n")
    }
  }

  struct Crosswalk: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Nạp bảng chuyển đổi (CSV: old_code, new_code, share) vào một bộ đơn vị đã nạp.",
      en: "Load a crosswalk CSV (old_code, new_code, share) into a loaded unit set.",
      examples: ["papi units crosswalk samples/crosswalk-2025.csv --to 2025"])
    @Argument(help: helpText("Tệp CSV chuyển đổi.", "The crosswalk CSV.", valueName: tr("tệp", "file"))) var file:
      String
    @Option(
      help: helpText("Bộ đơn vị chứa các mã mới.", "The unit set the new codes belong to.", valueName: tr("bộ", "to")))
    var to: String
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let count = try ReferenceCommands.loadCrosswalk(file, to: to, store: database.creatable)
      try Console.print(
        language == .vi
          ? "Đã nạp \(count) dòng chuyển đổi sang bộ \(to).\n" : "Loaded \(count) crosswalk rows into set \(to).\n")
    }
  }

  struct List: ParsableCommand, Localized {
    static let configuration = commandConfiguration(
      vi: "Liệt kê các đơn vị của một bộ đã nạp.", en: "List the units of a loaded set.",
      examples: ["papi units list --set 2025"])
    @Option(
      help: helpText("Bộ đơn vị (mặc định: mọi bộ).", "The unit set (default: every set).", valueName: tr("bộ", "set")))
    var set: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let units = try database.existing.registerUnits(set: set)
      try Console.print(UnitListText.text(units, language: language))
    }
  }
}
