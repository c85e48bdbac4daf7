import Crypto
import Foundation

/// What `papi par import` was asked to do.
public struct ParImportRequest: Sendable {
  public var files: [String]
  public var criteriaPath: String
  public var year: String
  public var read: ReadOptions
  public var replace: Bool

  public init(files: [String], criteriaPath: String, year: String, read: ReadOptions = ReadOptions(), replace: Bool) {
    self.files = files
    self.criteriaPath = criteriaPath
    self.year = year
    self.read = read
    self.replace = replace
  }
}

/// `papi par import FILE… -c SET --year Y [--replace]`: every file read and checked against
/// the set; the year as it would then be stored (what was stored, with these rows added or
/// replacing theirs) scored in full; only then stored, in one transaction. A row stored
/// with other figures is a conflict unless `--replace`, and so is a year stored with
/// another criteria set. Importing the same files again changes nothing.
public enum ParImportCommand {
  public static func run(
    _ request: ParImportRequest, store: any ParRepository
  ) throws(PapiError) -> (entries: [ParImportEntry], warnings: [Diagnostic]) {
    let yaml = try ConfigReader.text(request.criteriaPath, kind: L("bộ tiêu chí", "criteria set"), option: "-c")
    let set = try ParCriteriaLoader.parse(yaml: yaml, source: request.criteriaPath)
    var files: [(path: String, results: [ParResult], stated: [ParStated])] = []
    var problems: [Diagnostic] = []
    for path in request.files {
      do throws(PapiError) {
        let (results, stated) = try ParResultsReader.read(path, options: request.read)
        files.append((path, results, stated))
      } catch {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    let results = files.flatMap(\.results)
    let stated = files.flatMap(\.stated)
    problems += yearProblems(results.map { ($0.year, $0.origin) } + stated.map { ($0.year, $0.origin) }, request.year)
    problems += repeats(results.map { ("\($0.unitCode) \($0.criterion)", $0.origin) })
    problems += repeats(stated.map { ("\($0.unitCode) \($0.criterion)", $0.origin) })
    if !problems.isEmpty { throw PapiError(problems) }
    try ParResultsReader.check(results, stated: stated, against: set)

    let stored = try store.parYear(request.year)
    if let stored, stored.criteriaYAML != yaml, !request.replace {
      let storedID = (try? stored.criteria().id) ?? stored.criteriaSource
      throw PapiError(
        .conflict, file: request.criteriaPath, value: request.year,
        message: L(
          "năm \(request.year) đã được nhập với một bộ tiêu chí khác (\(storedID), từ \(stored.criteriaSource)); "
            + "không có gì được lưu.",
          "\(request.year) was imported with another criteria set (\(storedID), from \(stored.criteriaSource)); "
            + "nothing was stored."),
        fix: L(
          "Dùng đúng bộ tiêu chí đã dùng cho năm này, hoặc chạy lại với --replace để chấm lại cả năm theo bộ mới.",
          "Use the set this year was imported with, or run again with --replace to score the whole year by the new "
            + "set."))
    }

    // The year as it would be stored: the stored rows, each replaced by a new row for the
    // same unit and criterion.
    var entries: [ParImportEntry] = []
    var conflicts: [SourceLocation] = []
    var mergedResults = Dictionary(
      (stored?.results ?? []).map { ("\($0.unitCode)\u{1F}\($0.criterion)", $0) }, uniquingKeysWith: { $1 })
    var mergedStated = Dictionary(
      (stored?.stated ?? []).map { ("\($0.unitCode)\u{1F}\($0.criterion)", $0) }, uniquingKeysWith: { $1 })
    for file in files {
      var entry = ParImportEntry(
        year: request.year, file: file.path, sha256: DecodedStream.sha256(ofFile: file.path), criteriaID: set.id)
      entry.rowsRead = file.results.count + file.stated.count
      func count(_ old: Bool?, at origin: SourceLocation) {
        switch old {
        case nil: entry.imported += 1
        case true?: entry.unchanged += 1
        case false? where request.replace: entry.replaced += 1
        case false?: conflicts.append(origin)
        }
      }
      for row in file.results {
        let key = "\(row.unitCode)\u{1F}\(row.criterion)"
        count(mergedResults[key].map { $0.sameContent(as: row) }, at: row.origin)
        mergedResults[key] = row
      }
      for figure in file.stated {
        let key = "\(figure.unitCode)\u{1F}\(figure.criterion)"
        count(mergedStated[key].map { $0.sameContent(as: figure) }, at: figure.origin)
        mergedStated[key] = figure
      }
      entries.append(entry)
    }
    if !conflicts.isEmpty {
      let listed = conflicts.prefix(20).map { "\($0.file):\($0.line ?? 0)" }
      throw PapiError(
        .conflict, file: conflicts[0].file, line: conflicts[0].line,
        value: listed.joined(separator: ", ") + (conflicts.count > 20 ? ", …" : ""),
        message: L(
          "\(conflicts.count) dòng đã được lưu cho năm \(request.year) với số liệu khác; không có gì được lưu.",
          "\(conflicts.count) rows are already stored for \(request.year) with other figures; nothing was stored."),
        fix: L(
          "Nếu tệp mới là bản đúng (kết quả đã được điều chỉnh), chạy lại với --replace.",
          "If the new file is the correct one (the results were corrected), run again with --replace."))
    }
    let year = StoredParYear(
      year: request.year, criteriaYAML: yaml, criteriaSource: request.criteriaPath,
      results: mergedResults.values.sorted {
        ($0.origin.file, $0.origin.line ?? 0) < ($1.origin.file, $1.origin.line ?? 0)
      },
      stated: mergedStated.values.sorted {
        ($0.origin.file, $0.origin.line ?? 0) < ($1.origin.file, $1.origin.line ?? 0)
      })
    // Every unit of the year must score under the set: nothing half-imported.
    let units = try ParIndex.score(set, results: year.results, stated: year.stated)
    try store.storeParYear(year, imports: entries)
    let imported = Set(files.flatMap { $0.results.map(\.unitCode) })
    let warnings = ParValidateCommand.warnings(units.filter { imported.contains($0.code) })
    return (entries, warnings)
  }

  /// Rows whose year is not the one being imported.
  private static func yearProblems(_ rows: [(year: String, origin: SourceLocation)], _ year: String) -> [Diagnostic] {
    rows.filter { $0.year != year }.prefix(20).map { row in
      Diagnostic(
        .error, row.origin, value: row.year,
        message: L(
          "dòng này thuộc năm \(row.year), không phải năm đang nhập (\(year)).",
          "this row is for \(row.year), not the year being imported (\(year))."),
        fix: L(
          "Nhập mỗi năm riêng (--year \(row.year)), hoặc sửa cột năm.",
          "Import each year on its own (--year \(row.year)), or correct the year column."))
    }
  }

  /// The same unit and criterion given twice in one import.
  private static func repeats(_ rows: [(key: String, origin: SourceLocation)]) -> [Diagnostic] {
    var first: [String: SourceLocation] = [:]
    var problems: [Diagnostic] = []
    for row in rows {
      if let earlier = first[row.key] {
        problems.append(
          Diagnostic(
            .error, row.origin, value: row.key,
            message: L(
              "đơn vị và tiêu chí \(row.key) đã có ở \(earlier.file), dòng \(earlier.line ?? 0).",
              "unit and criterion \(row.key) are also at \(earlier.file), line \(earlier.line ?? 0)."),
            fix: L("Giữ một dòng cho mỗi đơn vị và tiêu chí.", "Keep one row for each unit and criterion.")))
      } else {
        first[row.key] = row.origin
      }
    }
    return problems
  }
}
