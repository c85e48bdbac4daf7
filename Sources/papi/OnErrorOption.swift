import ArgumentParser

/// What a command does with a row that has errors: stop (the default) or leave it out.
enum OnError: String, ExpressibleByArgument { case abort, skip }

/// `--on-error`, for the commands that read exports and use what they read (`papi import`
/// has its own, which needs `--rejects`).
struct OnErrorOption: ParsableArguments {
  @Option(
    help: helpText(
      "abort (mặc định): một dòng lỗi là dừng; skip: dùng các dòng đúng, nói bao nhiêu dòng bị bỏ qua và vì sao.",
      "abort (default): any bad row stops the command; skip: use the good rows, say how many were left out and why.",
      valueName: tr("cách", "on-error")))
  var onError: OnError = .abort

  var skip: Bool { onError == .skip }
}
