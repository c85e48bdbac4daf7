import ArgumentParser
import Foundation
import PapiKit

extension Language: ExpressibleByArgument {
  /// `vi`, `VI`, `en`, `EN`: as `Language.preferred` reads it before parsing.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
extension OutputFormat: ExpressibleByArgument {}

/// `--lang`, shared by every command.
struct LanguageOption: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: helpText(
      "Ngôn ngữ của kết quả và thông báo: vi hoặc en (mặc định: vi; en khi PAPI_LANG=en hoặc LANG=en_*).",
      "Language of the output and the messages: vi or en (default: vi; en when PAPI_LANG=en or LANG=en_*).",
      valueName: tr("ngôn-ngữ", "lang")))
  var chosen: Language?

  /// The language asked for, else the one of the environment (`userLanguage`).
  var value: Language { chosen ?? userLanguage }
}

/// `--format` and `--out`, shared by every command that writes a document or data.
struct OutputOptions: ParsableArguments {
  @Option(
    help: helpText(
      "Dạng kết quả: table (bảng), md, html, csv, json, docx (tệp Word) hoặc xlsx (tệp Excel); mỗi lệnh nói nó viết "
        + "dạng nào.",
      "Output format: table, md, html, csv, json, docx (a Word file) or xlsx (an Excel file); a command says which it "
        + "writes.",
      valueName: tr("dạng", "format")))
  var format: OutputFormat = .table

  @Option(
    help: helpText(
      "Ghi kết quả vào tệp này thay vì ra màn hình.", "Write the output to this file instead of stdout.",
      valueName: tr("tệp", "out")))
  var out: String?

  /// A usage error when the command does not write `format`, or when `--out` names a file
  /// the command reads (`keeping`: its database, exports, questionnaire, targets…), which
  /// writing would destroy.
  func check(_ formats: [OutputFormat], command: String, excel: Bool = false, keeping: [String?] = []) throws {
    if let out, let kept = keeping.compactMap({ $0 }).first(where: { Self.sameFile(out, $0) }) {
      throw ValidationError(
        tr(
          "--out \(out) là tệp mà lệnh này đọc (\(kept)); papi không ghi đè nó. Chọn một tên khác, ví dụ bao-cao.html.",
          "--out \(out) is a file this command reads (\(kept)); papi does not overwrite it. Choose another name, for "
            + "example report.html."))
    }
    guard formats.contains(format) else {
      let list = formats.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(
        tr(
          "papi \(command) viết \(list), không viết --format \(format.rawValue).",
          "papi \(command) writes \(list), not --format \(format.rawValue)."))
    }
    if excel && format != .csv {
      throw ValidationError(tr("--excel đi cùng --format csv.", "--excel goes with --format csv."))
    }
    if format.binary && out == nil && isatty(STDOUT_FILENO) == 1 {
      throw ValidationError(
        tr(
          "--format \(format.rawValue) viết một tệp, không hiện ra màn hình: thêm --out TỆP.\(format.rawValue).",
          "--format \(format.rawValue) writes a file, not text for the terminal: add --out FILE.\(format.rawValue)."))
    }
  }

  /// Whether two paths name the same existing file (the same device and inode).
  static func sameFile(_ one: String, _ other: String) -> Bool {
    FileStatus.same(one, other)
  }

  /// Where the output goes: the file, or stdout (a table through the pager when stdout is
  /// a terminal).
  func sink() -> FileOutput { paged ? FileOutput.heldStdout() : FileOutput(path: out) }

  /// A table on a terminal with a pager: held until the command has succeeded, then paged.
  private var paged: Bool { out == nil && format == .table && Pager.wanted }

  /// Closes the output; with `--out`, says on stderr what was written where.
  func finish(_ sink: FileOutput, _ language: Language) throws {
    try sink.finish()
    if paged {
      Pager.start()
      try sink.releaseHeld()
    }
    guard let out else { return }
    let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? nil
    let amount = size.map { ByteCount.text($0, language) } ?? ""
    Console.error(
      language == .vi
        ? "Đã ghi \(out) (\(format == .table ? "bảng" : format.rawValue), \(amount))."
        : "Wrote \(out) (\(format.rawValue), \(amount)).")
  }
}

/// `--excel`, for the commands that write CSV.
struct ExcelOption: ParsableArguments {
  @Flag(
    help: helpText(
      "CSV cho Excel: UTF-8 có BOM, dấu ';', dấu phẩy thập phân, tiêu đề và trạng thái bằng chữ, ngày dd/mm/yyyy.",
      "CSV for Excel: UTF-8 with BOM, ';' and decimal commas, headers and statuses in words, dates dd/mm/yyyy."))
  var excel = false
}

/// Options shared by every command that reads exports.
struct ExportOptions: ParsableArguments {
  @Argument(
    help: helpText("Các tệp dữ liệu khảo sát (CSV).", "Survey export files (CSV).", valueName: tr("tệp", "files")))
  var files: [String] = []

  @Option(
    name: [.customShort("q"), .long],
    help: helpText(
      "Tệp bảng hỏi (YAML), hoặc tên một bảng hỏi có sẵn của papi (papi-2024, sipas-2024).",
      "Questionnaire YAML file, or the name of one papi ships (papi-2024, sipas-2024).",
      valueName: tr("bảng-hỏi", "questionnaire")))
  var questionnaire: String?

  @Option(
    help: helpText(
      "Dấu phân cách cột: ',', ';' hoặc 'tab' (tự nhận ra khi bỏ trống).",
      "Field delimiter: ',', ';' or 'tab' (detected when omitted).", valueName: tr("dấu", "delimiter")))
  var delimiter: String?

  @Option(
    help: helpText(
      "Bảng mã: utf-8, utf-16le, utf-16be, cp1258, tcvn3 hoặc vni (UTF-8/UTF-16 có BOM được tự nhận ra).",
      "Encoding: utf-8, utf-16le, utf-16be, cp1258, tcvn3 or vni (UTF-8/UTF-16 with BOM are detected).",
      valueName: tr("bảng-mã", "encoding")))
  var encoding: String?

  @Option(
    help: helpText(
      "Trang tính cần đọc trong sổ tính .xlsx (mặc định: trang đầu tiên).",
      "The sheet to read in an .xlsx workbook (default: the first).", valueName: tr("tên", "name")))
  var sheet: String?

  @Option(
    help: helpText(
      "Dòng tiêu đề cột, khi có tên bảng hay ghi chú ở trên (mặc định: dòng đầu tiên không trống).",
      "The line (row) the column headings are on, when a title or notes stand above them (default: the first "
        + "that is not empty).", valueName: tr("số", "n")))
  var headerRow: Int?

  @Option(
    help: helpText(
      "Số dòng tiêu đề: 2 khi một dòng nhóm (ô gộp) đứng trên dòng tên cột.",
      "How many header rows: 2 when a row of (merged) group headings stands above the column headings.",
      valueName: tr("số", "n")))
  var headerRows: Int = 1

  /// The questionnaire, which commands reading exports require.
  func requiredQuestionnaire() throws -> String {
    guard let questionnaire else {
      throw ValidationError(
        tr(
          "Thiếu -q BẢNG-HỎI (ví dụ -q papi-2024 hoặc -q bang-hoi.yaml).",
          "Missing -q QUESTIONNAIRE (for example -q papi-2024 or -q questionnaire.yaml)."))
    }
    return questionnaire
  }

  /// The questionnaire's path (a shipped one found by name), with a note when it was.
  func questionnairePath(notes: inout [Diagnostic]) -> String? {
    questionnaire.map { DefaultInputs.questionnaire($0, notes: &notes) }
  }

  func validate() throws {
    if let delimiter, parsedDelimiter(delimiter) == nil {
      throw ValidationError(
        tr(
          "--delimiter phải là ',', ';' hoặc 'tab', không phải '\(delimiter)'.",
          "--delimiter must be ',', ';' or 'tab', not '\(delimiter)'."))
    }
    if let headerRow, headerRow < 1 {
      throw ValidationError(
        tr(
          "--header-row là số dòng, từ 1, không phải \(headerRow).",
          "--header-row is a line number, from 1, not \(headerRow)."))
    }
    if !(1...3).contains(headerRows) {
      throw ValidationError(
        tr("--header-rows là 1, 2 hoặc 3, không phải \(headerRows).", "--header-rows is 1, 2 or 3, not \(headerRows)."))
    }
    if let encoding, InputEncoding(name: encoding) == nil {
      let list = InputEncoding.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(
        tr(
          "papi không đọc được bảng mã '\(encoding)'; hãy dùng một trong: \(list).",
          "--encoding '\(encoding)' is not supported; use one of: \(list)."))
    }
  }

  var readOptions: ReadOptions {
    var options = ReadOptions(
      delimiter: delimiter.flatMap(parsedDelimiter), encoding: encoding.flatMap(InputEncoding.init(name:)))
    options.sheet = sheet
    options.headerRow = headerRow
    options.headerRows = headerRows
    return options
  }
}

/// `--db PATH`, shared by every command that uses the store. The store opens the file at
/// its first use.
struct DatabaseOption: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: helpText(
      "Tệp cơ sở dữ liệu (tạo ra ở lần nhập đầu tiên).", "The database file (created on first import).",
      valueName: tr("tệp", "db")))
  var path: String = SQLiteStore.defaultPath

  @Option(
    name: .customLong("wait"),
    help: helpText(
      "Số giây chờ khi một papi khác đang ghi vào cơ sở dữ liệu.",
      "Seconds to wait while another papi writes to the database.",
      valueName: tr("giây", "seconds")))
  var wait: Double = SQLiteStore.defaultWait

  func validate() throws {
    guard wait.isFinite, (0...86_400).contains(wait) else {
      throw ValidationError(
        tr(
          "--wait nhận số giây từ 0 đến 86400, không phải \(wait).",
          "--wait takes seconds from 0 to 86400, not \(wait)."))
    }
  }

  /// The store; a missing or empty file is an error when it is first used.
  var existing: SQLiteStore { SQLiteStore(path: path, mode: .existing, wait: wait) }

  /// The store, created when the file is missing or empty.
  var creatable: SQLiteStore { SQLiteStore(path: path, mode: .createIfMissing, wait: wait) }

  /// The store when the file is there (published benchmarks for a report of exports).
  var ifPresent: SQLiteStore? { FileManager.default.fileExists(atPath: path) ? existing : nil }
}

/// `--lexicon FILE`, repeatable: lexicons added to the default one.
struct LexiconOption: ParsableArguments {
  @Option(
    name: .customLong("lexicon"),
    help: helpText(
      "Tệp từ điển (YAML) thêm vào từ điển ý kiến mặc định (dùng được nhiều lần; `replace: true` trong tệp thì chỉ "
        + "dùng tệp đó).",
      "A lexicon YAML file added to the default feedback lexicon (repeatable; `replace: true` in the file uses it "
        + "alone).", valueName: tr("tệp", "lexicon")))
  var paths: [String] = []
}

private func parsedDelimiter(_ text: String) -> UInt8? {
  switch text.lowercased() {
  case ",", "comma": return UInt8(ascii: ",")
  case ";", "semicolon": return UInt8(ascii: ";")
  case "tab", "\t", "\\t": return 9
  default: return nil
  }
}

/// `--issuer`: who issues a document in the official form (plans, reports).
struct IssuerOption: ParsableArguments {
  @Option(
    name: .customLong("issuer"),
    help: helpText(
      "Hồ sơ cơ quan ban hành (co-quan-ban-hanh.yaml do papi init viết): tên cơ quan, số, địa danh, người ký, căn "
        + "cứ, nơi nhận. Không có: phần đầu và chữ ký để trống.",
      "Issuer profile (the co-quan-ban-hanh.yaml papi init writes): body, number, place, signer, basis, "
        + "recipients. Without it the head and signature are left blank.", valueName: tr("tệp", "issuer")))
  var path: String?
}

/// `--by`: who makes a plan, for the actions' history.
struct AuthorOption: ParsableArguments {
  @Option(
    help: helpText(
      "Người lập kế hoạch, ghi vào lịch sử nhiệm vụ (mặc định: tên đăng nhập).",
      "Who makes the plan, for the actions' history (default: the login name).", valueName: tr("người", "by")))
  var by: String?
}

/// `-c SET`: a PAR INDEX criteria set.
struct CriteriaOption: ParsableArguments {
  @Option(
    name: [.customShort("c"), .customLong("criteria")],
    help: helpText(
      "Bộ tiêu chí (YAML, kind: par).", "The criteria set (YAML, kind: par).", valueName: tr("bộ-tiêu-chí", "set")))
  var path: String
}

extension LonelyPSU: ExpressibleByArgument {}

/// `--lonely-psu`, for the commands that score respondents under a sample design.
struct LonelyPSUOption: ParsableArguments {
  @Option(
    name: .customLong("lonely-psu"),
    help: helpText(
      "Tầng chỉ có một cụm (khi bảng hỏi khai báo thiết kế mẫu): adjust (căn theo trung bình chung), certainty (cụm "
        + "chọn chắc chắn, không thêm phương sai) hoặc remove (bỏ tầng khỏi phương sai); mặc định là báo lỗi.",
      "A stratum with one cluster (when the questionnaire declares a sample design): adjust (centre it at the grand "
        + "mean), certainty (sampled with certainty, no variance) or remove (left out of the variance); an error by "
        + "default.", valueName: "adjust|certainty|remove"))
  var value: LonelyPSU = .fail
}
