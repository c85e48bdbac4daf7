/// What `papi actions list` was asked to show.
public struct ActionListRequest: Sendable {
  public var filter = ActionFilter()
  /// Only actions overdue on `today`.
  public var overdue = false
  public var today: CivilDate?
  public var format: OutputFormat = .table
  public var options = RenderOptions()

  public init() {}
}

/// `papi actions list|update|history`: the action register, read and changed.
public enum ActionsCommand {
  /// The actions that pass the request's filter, each re-measured in the latest later wave.
  public static func list(
    _ request: ActionListRequest, store: any ActionRepository & WaveRepository & ParRepository,
    to sink: inout some OutputSink
  ) throws(PapiError) {
    let today = try CivilDate.checked(request.today, option: "--today") ?? CivilDate.today()
    var filter = request.filter
    if request.overdue { filter.overdueOn = today }
    let actions = try store.actions(filter)
    let remeasured = try Remeasurement.remeasure(actions, store: store)
    let listing = ActionListing(actions: actions, remeasured: remeasured, offices: try store.offices(), today: today)
    ActionListOutput.render(listing, as: request.format, options: request.options, to: &sink)
  }

  /// The list as text.
  public static func list(
    _ request: ActionListRequest, store: any ActionRepository & WaveRepository & ParRepository
  ) throws(PapiError) -> String {
    var buffer = ByteBuffer()
    try list(request, store: store, to: &buffer)
    return buffer.text
  }

  /// Changes an action's status and/or adds a note; says what changed.
  public static func update(
    id: String, status: ActionStatus?, note: String?, author: String, store: any ActionRepository, language: Language
  ) throws(PapiError) -> String {
    let before = try store.action(id: id)
    let after = try store.updateAction(id: id, status: status, note: note, author: author)
    if let status {
      return language == .vi
        ? "\(id): \(before.status.label(.vi)) → \(status.label(.vi)) (\(author)).\n"
        : "\(id): \(before.status.label(.en)) → \(status.label(.en)) (\(author)).\n"
    }
    return language == .vi
      ? "\(id): đã ghi chú (\(author)); trạng thái \(after.status.label(.vi)).\n"
      : "\(id): note added (\(author)); status \(after.status.label(.en)).\n"
  }

  /// Every change of an action, oldest first, with time and author.
  public static func history(id: String, store: any ActionRepository, language: Language) throws(PapiError) -> String {
    let action = try store.action(id: id)
    let text = ActionText(language: language, offices: try store.offices())
    let width = ActionDetailText.width
    var lines = wrap(
      printable("\(action.id) · \(text.unit(action)) · \(metricID(action.metric, language)) · \(action.task)"),
      width: width, indent: 2)
    lines += wrap(printable(action.title.text(language)), width: width, indent: 0)
    lines += text.historyLines(try store.history(id: id), of: action, margin: 0)
    return lines.joined(separator: "\n") + "\n"
  }

  /// One action in full, for an 80-column terminal: the flagged metric with its baseline and
  /// target, the whole task, the lead and support offices, the deadline, the status, the
  /// re-measurement and the history.
  public static func show(
    id: String, store: any ActionRepository & WaveRepository & ParRepository, today: CivilDate?, language: Language
  ) throws(PapiError) -> String {
    let action = try store.action(id: id)
    let today = try CivilDate.checked(today, option: "--today") ?? CivilDate.today()
    let remeasured = try Remeasurement.remeasure([action], store: store)[action.id]
    return ActionDetailText(language: language, offices: try store.offices()).text(
      action, history: try store.history(id: id), remeasured: remeasured, today: today)
  }
}
