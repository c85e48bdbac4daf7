import ArgumentParser
import Foundation
import PapiKit

/// The language of help, usage errors and the default of `--lang`, fixed before parsing:
/// `--lang` on the command line, else `PAPI_LANG`, else the locale (`LANG=en_*` is English),
/// else Vietnamese (`Language.preferred`).
let userLanguage = Language.preferred(
  arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

/// A text of the command line (help, a usage error) in the user's language.
func tr(_ vi: String, _ en: String) -> String { userLanguage == .en ? en : vi }

/// An option's or argument's help in the user's language.
func helpText(_ vi: String, _ en: String, valueName: String? = nil) -> ArgumentHelp {
  ArgumentHelp(tr(vi, en), valueName: valueName)
}

/// A command's configuration with its abstract and examples in the user's language: the
/// examples follow the abstract in the command's help, a command line each.
func commandConfiguration(
  _ name: String? = nil, vi: String, en: String, examples: [String] = [],
  subcommands: [any ParsableCommand.Type] = []
) -> CommandConfiguration {
  let discussion =
    examples.isEmpty ? "" : tr("Ví dụ:", "Examples:") + "\n" + examples.map { "  " + $0 }.joined(separator: "\n")
  return CommandConfiguration(
    commandName: name, abstract: tr(vi, en), discussion: discussion, subcommands: subcommands)
}

/// `--unit`, which several commands take.
let unitHelp = helpText("Chỉ đơn vị có mã này.", "Only this unit's code.", valueName: tr("mã", "unit"))

/// `--level`, which several commands take.
let levelHelp = helpText(
  "Cấp: commune (xã), district (huyện) hoặc province (tỉnh).", "Level: commune, district or province.",
  valueName: tr("cấp", "level"))

/// `--today`, the day overdue is judged on.
let todayHelp = helpText(
  "Ngày dùng để xét quá hạn, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay).",
  "The day overdue is judged on, DD/MM/YYYY or YYYY-MM-DD (default: today).", valueName: tr("ngày", "today"))

/// The id argument of the commands on one action.
let actionIdHelp = helpText(
  "Mã nhiệm vụ (xem `papi actions list`).", "The action's id (see `papi actions list`).", valueName: tr("mã", "id"))
