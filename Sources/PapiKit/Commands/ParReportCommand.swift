/// What `papi par report` was asked to do.
public struct ParReportRequest: Sendable {
  public var year: String
  /// The year to compare with; the stored year before `year` when nil.
  public var compare: String?
  public var unit: String?
  public var targetRank: Int?
  public var format: OutputFormat
  public var options: RenderOptions
  /// The issuer profile of the document's head and signature (blanks without one).
  public var issuerPath: String?
  /// The document's date (today when nil).
  public var date: CivilDate?

  public init(
    year: String, compare: String? = nil, unit: String? = nil, targetRank: Int? = nil, format: OutputFormat = .table,
    options: RenderOptions = RenderOptions()
  ) {
    self.year = year
    self.compare = compare
    self.unit = unit
    self.targetRank = targetRank
    self.format = format
    self.options = options
  }
}

/// `papi par report --year Y`: the stored year (and the one compared with) → scored with
/// the criteria set stored with it → `ParReport` → a renderer. The checks that fail are
/// warnings too, naming the file and line each figure came from.
public enum ParReportCommand {
  public static func run(
    _ request: ParReportRequest, store: any ParRepository, to sink: inout some OutputSink
  ) throws(PapiError) -> [Diagnostic] {
    let year = try stored(request.year, store: store)
    let years = try store.parYears()
    // Years order as waves do (and as the re-measurement and the PAPI links find them).
    let compareYear =
      request.compare ?? years.filter { WaveOrder.before($0, request.year) }.max(by: WaveOrder.before)
    let previous = try compareYear.map { year throws(PapiError) in try stored(year, store: store) }
    let report = try ParReport.build(year, previous: previous, unit: request.unit, targetRank: request.targetRank)
    if let unit = request.unit, report.units.isEmpty {
      throw unitNotFound(unit, year: year, store: store)
    }
    let issuer =
      try request.issuerPath.map { path throws(PapiError) in try IssuerProfile.load(path: path) } ?? .blankReport
    ParReportOutput.render(
      report, as: request.format, options: request.options, issuer: issuer, date: request.date ?? CivilDate.today(),
      to: &sink)
    return ParValidateCommand.warnings(report.units.map(\.score))
  }

  /// A unit the year has no results for: an error naming the units it has.
  static func unitNotFound(_ unit: String, year: StoredParYear, store: any ParRepository) -> PapiError {
    let units = Set(year.results.map(\.unitCode)).sorted().joined(separator: ", ")
    return PapiError(
      .notFound, file: store.location, value: unit,
      message: L(
        "năm \(year.year) không có kết quả của đơn vị \(unit).", "\(year.year) has no results for unit \(unit)."),
      fix: L("Các đơn vị có kết quả: \(units).", "Units with results: \(units)."))
  }

  /// A stored year; one that is not there is an error naming the years that are.
  static func stored(_ year: String, store: any ParRepository) throws(PapiError) -> StoredParYear {
    if let found = try store.parYear(year) { return found }
    let years = try store.parYears()
    let stored = years.joined(separator: ", ")
    throw PapiError(
      .notFound, file: store.location, value: year,
      message: L(
        "chưa có kết quả Chỉ số CCHC năm \(year) (đã có: \(years.isEmpty ? "chưa năm nào" : stored)).",
        "no PAR INDEX results are stored for \(year) (stored: \(years.isEmpty ? "none yet" : stored))."),
      fix: L(
        "Nhập kết quả bằng `papi par import TỆP -c BỘ-TIÊU-CHÍ --year \(year)`.",
        "Import the results with `papi par import FILE -c SET --year \(year)`."))
  }
}
