import ArgumentParser
import PapiKit

struct Waves: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the stored waves with their respondent and commune counts.")
  @OptionGroup var database: DatabaseOption
  @Option(help: "Language: vi or en.") var lang: Language = .vi

  func run() throws {
    try Console.attempt(lang) {
      let waves = try Store.openExisting(path: database.path).waves()
      try Console.output(WavesReport.text(waves, language: lang), to: nil)
    }
  }
}

struct Imports: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The import log: file, SHA-256, rows, wave, questionnaire, time and tool version of every import.")
  @OptionGroup var database: DatabaseOption
  @Option(help: "Only this wave.") var wave: String?
  @Option(help: "Language: vi or en.") var lang: Language = .vi

  func run() throws {
    try Console.attempt(lang) {
      let entries = try Store.openExisting(path: database.path).importLog(wave: wave)
      try Console.output(ImportLogReport.text(entries, language: lang), to: nil)
    }
  }
}

struct Units: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The unit register and crosswalks between unit sets.",
    subcommands: [Load.self, Crosswalk.self, List.self])

  struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load a register CSV (code, name, level, parent_code, valid_from, valid_to) as a named unit set.")
    @Argument(help: "The register CSV.") var file: String
    @Option(help: "The unit set's name, e.g. 2024 or 2025-07.") var set: String
    @OptionGroup var database: DatabaseOption
    @Option(help: "Language: vi or en.") var lang: Language = .vi

    func run() throws {
      try Console.attempt(lang) {
        let count = try Store.open(path: database.path).loadUnitSet(file: file, name: set)
        try Console.output(lang == .vi ? "Đã nạp \(count) đơn vị vào bộ \(set).\n" : "Loaded \(count) units as set \(set).\n", to: nil)
      }
    }
  }

  struct Crosswalk: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load a crosswalk CSV (old_code, new_code, share) into a loaded unit set.")
    @Argument(help: "The crosswalk CSV.") var file: String
    @Option(help: "The unit set the new codes belong to.") var to: String
    @OptionGroup var database: DatabaseOption
    @Option(help: "Language: vi or en.") var lang: Language = .vi

    func run() throws {
      try Console.attempt(lang) {
        let count = try Store.open(path: database.path).loadCrosswalk(file: file, to: to)
        try Console.output(lang == .vi ? "Đã nạp \(count) dòng chuyển đổi sang bộ \(to).\n" : "Loaded \(count) crosswalk rows into set \(to).\n", to: nil)
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the units of a loaded set.")
    @Option(help: "The unit set (default: every set).") var set: String?
    @OptionGroup var database: DatabaseOption
    @Option(help: "Language: vi or en.") var lang: Language = .vi

    func run() throws {
      try Console.attempt(lang) {
        let units = try Store.openExisting(path: database.path).registerUnits(set: set)
        var text = ""
        for unit in units.values.sorted(by: { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }) {
          text += "\(unit.code)\t\(unit.level)\t\(unit.name)\t\(unit.parent ?? "")\n"
        }
        try Console.output(text, to: nil)
      }
    }
  }
}
