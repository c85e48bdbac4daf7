import ArgumentParser
import PapiKit

struct Waves: ParsableCommand, Localized {
  static let configuration = CommandConfiguration(
    abstract: "List the stored waves with their respondent and commune counts.")
  @OptionGroup var database: DatabaseOption
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    try Console.print(WavesReport.text(try database.existing.waves(), language: language))
  }
}

struct Imports: ParsableCommand, Localized {
  static let configuration = CommandConfiguration(
    abstract: "The import log: file, SHA-256, rows, wave, questionnaire, time and tool version of every import.")
  @OptionGroup var database: DatabaseOption
  @Option(help: "Only this wave.") var wave: String?
  @OptionGroup var lang: LanguageOption
  var language: Language { lang.value }

  func run() throws {
    try Console.print(ImportLogReport.text(try database.existing.importLog(wave: wave), language: language))
  }
}

struct Units: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The unit register and crosswalks between unit sets.",
    subcommands: [Load.self, Crosswalk.self, List.self])

  struct Load: ParsableCommand, Localized {
    static let configuration = CommandConfiguration(
      abstract: "Load a register CSV (code, name, level, parent_code, valid_from, valid_to) as a named unit set.")
    @Argument(help: "The register CSV.") var file: String
    @Option(help: "The unit set's name, e.g. 2024 or 2025-07.") var set: String
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
    static let configuration = CommandConfiguration(
      abstract: "Load a crosswalk CSV (old_code, new_code, share) into a loaded unit set.")
    @Argument(help: "The crosswalk CSV.") var file: String
    @Option(help: "The unit set the new codes belong to.") var to: String
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
    static let configuration = CommandConfiguration(abstract: "List the units of a loaded set.")
    @Option(help: "The unit set (default: every set).") var set: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var lang: LanguageOption
    var language: Language { lang.value }

    func run() throws {
      let units = try database.existing.registerUnits(set: set)
      try Console.print(UnitListText.text(units))
    }
  }
}
