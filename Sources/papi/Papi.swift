import ArgumentParser
import PapiKit

@main
struct Papi: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "papi",
    abstract: "Turn PAPI- and SIPAS-style survey exports into commune scores, weakness reports and improvement plans.",
    version: PapiVersion.current,
    subcommands: [
      Validate.self, Score.self, Import.self, Waves.self, Imports.self, Units.self, Report.self, Benchmarks.self, Plan.self, Actions.self,
      Feedback.self,
    ]
  )
}
