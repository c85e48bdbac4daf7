import Foundation
import Testing

@testable import PapiKit

/// The command line as an officer meets it: help in Vietnamese (English on request), usage
/// errors that name the nearest right word, system errors in one language.
@Suite("The command line in the user's language", .serialized)
struct CommandLineTests {
  /// Every command and subcommand, as typed.
  static let commands = [
    "validate", "score", "import", "waves", "imports", "units", "units load", "units crosswalk", "units list", "report",
    "benchmarks", "benchmarks load", "plan", "actions", "actions list", "actions show", "actions update",
    "actions history", "feedback", "feedback classify", "feedback import", "feedback report", "par", "par validate",
    "par import", "par imports", "par report", "par plan",
  ]

  func papi(_ arguments: [String], environment: [String: String] = [:]) throws -> PapiRun {
    try runPapi(arguments, environment: environment)
  }

  func expectFitsEightyColumns(_ text: String, _ context: String) {
    for line in text.split(separator: "\n") where line.count > 80 {
      Issue.record("\(context): \(line.count) columns: \(line)")
    }
  }

  // MARK: Help

  @Test func helpIsVietnameseByDefaultAndEnglishOnRequest() throws {
    let vi = try papi(["--help"])
    #expect(vi.status == 0)
    for words in [
      "TỔNG QUAN:", "CÁCH DÙNG: papi <lệnh>", "LỆNH:", "Kiểm tra tệp dữ liệu khảo sát", "Hiện trợ giúp này.",
    ] {
      #expect(vi.stdout.contains(words), "\(words)")
    }
    #expect(!vi.stdout.contains("OVERVIEW"))
    #expect(!vi.stdout.contains("Show help information"))
    let plan = try papi(["plan", "--help"])
    #expect(plan.stdout.contains("CÁCH DÙNG: papi plan [<tùy chọn>] --wave <đợt> --targets <tệp>"), "\(plan.stdout)")
    #expect(plan.stdout.contains("  --start <ngày>          Ngày bắt đầu tính thời hạn"))
    // The list of values in words, wherever the line was wrapped.
    let words = plan.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("(giá trị: table, md,") && words.contains("; mặc định: table)"))
    #expect(!words.contains("default"))
    for english in [
      try papi(["score", "--help", "--lang", "en"]),
      try papi(["score", "--help"], environment: ["LANG": "en_US.UTF-8"]),
      try papi(["score", "--help"], environment: ["PAPI_LANG": "en"]),
    ] {
      #expect(english.status == 0)
      #expect(english.stdout.contains("USAGE: papi score"))
      #expect(english.stdout.contains("Score every unit"))
      #expect(english.stdout.contains("Examples:"))
      #expect(english.stdout.contains("--wave <wave>"))
    }
    // --lang vi wins over an English locale.
    let asked = try papi(["score", "--help", "--lang", "vi"], environment: ["LANG": "en_GB.UTF-8"])
    #expect(asked.stdout.contains("CÁCH DÙNG: papi score"))
  }

  @Test func everyCommandsHelpIsVietnameseWithAnExampleAndFitsEightyColumns() throws {
    for command in Self.commands {
      let run = try papi(command.split(separator: " ").map(String.init) + ["--help"])
      #expect(run.status == 0, "\(command)")
      #expect(run.stdout.contains("CÁCH DÙNG: papi \(command)"), "\(command)")
      let isGroup = ["units", "benchmarks", "actions", "feedback", "par"].contains(command)
      if !isGroup { #expect(run.stdout.contains("Ví dụ:\n  papi \(command)"), "\(command) has no example") }
      if let examples = run.stdout.components(separatedBy: "Ví dụ:\n").dropFirst().first {
        for line in examples.split(separator: "\n", omittingEmptySubsequences: false).prefix(while: { !$0.isEmpty }) {
          #expect(line.hasPrefix("  papi "), "\(command): an example wrapped: \(line)")
        }
      }
      #expect(!run.stdout.contains("Show help information"), "\(command)")
      #expect(!run.stdout.contains("Only this unit's code"), "\(command): English help text")
      expectFitsEightyColumns(run.stdout, "papi \(command) --help")
    }
  }

  // MARK: Usage errors

  @Test func aMisspelledOptionIsNamedWithTheNearestOneEvenBeforeAValue() throws {
    let cases: [([String], String, String)] = [
      (["report", "--wave", "2024", "--targts", "t.yaml"], "--targts", "--targets"),
      (["score", "--questionaire", "papi-2024", "a.csv"], "--questionaire", "--questionnaire"),
      (["score", "--wave", "2024", "--unti", "3"], "--unti", "--unit"),
      (["actions", "list", "--overdeu"], "--overdeu", "--overdue"),
    ]
    for (arguments, given, nearest) in cases {
      let vi = try papi(arguments)
      #expect(vi.status == 64, "\(arguments)")
      #expect(vi.stderr.contains("không có tùy chọn `\(given)`. Có phải `\(nearest)`?"), "\(vi.stderr)")
      #expect(!vi.stderr.contains("-q QUESTIONNAIRE"), "the misspelling is reported, not what it caused")
      let en = try papi(arguments + ["--lang", "en"])
      #expect(en.status == 64)
      #expect(en.stderr.contains("has no option `\(given)`. Did you mean `\(nearest)`?"), "\(en.stderr)")
    }
    let far = try papi(["score", "--wave", "2024", "--zzzzzz"])
    #expect(far.status == 64)
    #expect(far.stderr.contains("không có tùy chọn `--zzzzzz`. Xem `papi score --help`."), "\(far.stderr)")
  }

  @Test func aMisspelledSubcommandIsNamedWithTheNearestOne() throws {
    let score = try papi(["scor"])
    #expect(score.status == 64)
    #expect(score.stderr.contains("papi không có lệnh `scor`. Có phải `papi score`?"), "\(score.stderr)")
    let show = try papi(["actions", "shwo", "x", "--lang", "en"])
    #expect(show.status == 64)
    #expect(show.stderr.contains("papi actions has no command `shwo`. Did you mean `papi actions show`?"))
  }

  @Test func argumentParsersOwnErrorsAreVietnamese() throws {
    let missingValue = try papi(["score", "-q"])
    #expect(missingValue.status == 64)
    #expect(missingValue.stderr.contains("Lỗi: thiếu giá trị sau '-q <bảng-hỏi>'."), "\(missingValue.stderr)")
    #expect(missingValue.stderr.contains("Cách dùng: papi score"))
    #expect(missingValue.stderr.contains("Xem 'papi score --help' để biết thêm."))
    let missingOption = try papi(["import", "a.csv", "-q", "papi-2024"])
    #expect(missingOption.status == 64)
    #expect(missingOption.stderr.contains("Lỗi: thiếu '--wave <đợt>'."), "\(missingOption.stderr)")
    let badDate = try papi(["plan", "--wave", "2024", "--targets", "t.yaml", "--start", "31/02/2025"])
    #expect(badDate.status == 64)
    #expect(badDate.stderr.contains("Lỗi: giá trị '31/02/2025' không hợp lệ cho '--start <ngày>'."))
    #expect(badDate.stderr.contains("dd/mm/yyyy hoặc yyyy-mm-dd"), "the help line says how to write it")
    let ours = try papi(["score", "a.csv"])
    #expect(ours.status == 64)
    #expect(ours.stderr.contains("Lỗi: Tính điểm từ tệp dữ liệu cần -q BẢNG-HỎI"), "\(ours.stderr)")
    let english = try papi(["score", "a.csv", "--lang", "en"])
    #expect(english.stderr.contains("Error: Scoring export files needs -q QUESTIONNAIRE."))
  }

  // MARK: Errors in one language

  @Test func aFileThatIsNotAnExportIsNamedByItsFirstBytes() throws {
    let folder = try temporaryDirectory()
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
      let path = folder.appendingPathComponent(name).path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return path
    }
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
    let cases: [(String, String, String)] = [
      (
        try file("b.csv", zip + Array("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8)),
        "bảng tính OpenDocument (.ods)", "CSV UTF-8"
      ),
      (try file("c.csv", ole), "sổ tính Excel 97–2003 (.xls)", "CSV UTF-8"),
      (try file("d.csv", zip + Array("[Content_Types].xml..word/document.xml".utf8)), "văn bản Word (.docx)", "CSV"),
      (try file("e.csv", ole + Array("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t".utf8)), "văn bản Word 97–2003 (.doc)", "CSV"),
      (try file("f.csv", zip + Array("data/export.csv".utf8)), "tệp nén ZIP", "unzip"),
      (try file("g.csv", Array("%PDF-1.7\n".utf8)), "tệp PDF", "CSV"),
      (folder.path, "thư mục, không phải tệp dữ liệu", "THƯ-MỤC/*.csv"),
    ]
    for (path, what, fix) in cases {
      let run = try papi(["validate", path, "-q", "papi-2024"])
      #expect(run.status == 1, "\(what)")
      #expect(run.stderr.contains("\(path): lỗi: đây là một \(what)"), "\(run.stderr)")
      #expect(run.stderr.contains(fix), "\(what): \(run.stderr)")
      #expect(!run.stderr.contains("--encoding"), "\(what) is not a CSV in another encoding")
      let error = try #require(throws: PapiError.self) { try RecordTable.read(path) }
      #expect(error.code == .unsupportedFormat)
      #expect(!error.text(.en, limit: 10).contains("--encoding"))
    }
  }

  @Test func systemErrorsAreSentencesInTheUsersLanguageWithAFix() throws {
    let folder = try temporaryDirectory()
    let sample = "samples/kobo-kontum-2024.csv"
    let missing = try papi(["validate", "nowhere.csv", "-q", "papi-2024"])
    #expect(missing.stderr.contains("nowhere.csv: lỗi: không mở được tệp (không có tệp hoặc thư mục này)."))
    #expect(missing.stderr.contains("Kiểm tra tên và đường dẫn của tệp"))
    let folderAsQuestionnaire = try papi(["score", sample, "-q", folder.path])
    #expect(folderAsQuestionnaire.stderr.contains("(đây là một thư mục, không phải tệp)"))
    #expect(folderAsQuestionnaire.stderr.contains("Chỉ sau -q một tệp trong thư mục đó"))
    let noFolder = folder.appendingPathComponent("nowhere/out.json").path
    let out = try papi(["score", sample, "-q", "papi-2024", "--format", "json", "--out", noFolder])
    #expect(out.status == 1)
    #expect(out.stderr.contains("\(noFolder): lỗi: không ghi được (không có tệp hoặc thư mục này)."))
    #expect(out.stderr.contains("Thư mục chứa tệp sau --out chưa có: tạo nó trước (mkdir -p THƯ-MỤC)"))
    let outFolder = try papi(["score", sample, "-q", "papi-2024", "--out", folder.path, "--lang", "en"])
    #expect(outFolder.stderr.contains("cannot write (Is a directory)."), "\(outFolder.stderr)")
    #expect(outFolder.stderr.contains("Give after --out a file name"))
    for run in [missing, folderAsQuestionnaire, out] {
      #expect(!run.stderr.contains("The operation could not be completed"))
      #expect(!run.stderr.contains("No such file"))
    }
  }

  @Test func outSaysWhatItWrote() throws {
    let path = try temporaryDirectory().appendingPathComponent("scores.json").path
    let run = try papi(["score", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--format", "json", "--out", path])
    #expect(run.status == 0)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(run.stderr.contains("Đã ghi \(path) (json, \(ByteCount.text(size, .vi)))."), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(ByteCount.text(999, .vi) == "999 B")
    #expect(ByteCount.text(12_400, .vi) == "12,4 KB")
    #expect(ByteCount.text(3_100_000, .en) == "3.1 MB")
  }

  @Test func nearestNamesAllowOneEditInShortNamesAndSwaps() {
    #expect(NearestName.nearest("scor", in: ["score", "report"]) == "score")
    #expect(NearestName.nearest("unti", in: ["unit", "wave"]) == "unit")
    #expect(NearestName.nearest("wav", in: ["wave", "unit"]) == "wave")
    #expect(NearestName.nearest("lvl", in: ["level", "lang"]) == nil)
    #expect(NearestName.nearest("questionaire", in: ["questionnaire"]) == "questionnaire")
    #expect(NearestName.nearest("feedb", in: ["feedback", "report"]) == "feedback")
    #expect(NearestName.nearest("xyz", in: ["score"]) == nil)
  }

  @Test func theLanguageComesFromTheCommandLineThenPapiLangThenTheLocale() {
    let preferred = Language.preferred
    #expect(preferred([], [:]) == .vi)
    #expect(preferred([], ["LANG": "C.UTF-8"]) == .vi)
    #expect(preferred([], ["LANG": "en_US.UTF-8"]) == .en)
    #expect(preferred([], ["LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"]) == .vi)
    #expect(preferred([], ["LANG": "vi_VN.UTF-8", "PAPI_LANG": "en"]) == .en)
    #expect(preferred(["score", "--lang", "vi"], ["PAPI_LANG": "en"]) == .vi)
    #expect(preferred(["score", "--lang=en"], [:]) == .en)
    #expect(preferred(["score", "--", "--lang", "en"], [:]) == .vi)
  }
}

/// `papi init`: a starter folder the demo's commands run in.
@Suite("papi init", .serialized)
struct InitTests {
  @Test func initWritesAStarterFolderThatTheCommandsRunIn() throws {
    let office = try temporaryDirectory().appendingPathComponent("office")
    let made = try runPapi(["init", office.path])
    #expect(made.status == 0)
    let names = ["bang-hoi-papi-2024.yaml", "chi-tieu.yaml", "nhiem-vu.yaml", "co-quan-ban-hanh.yaml", "README.txt"]
    for name in names {
      #expect(made.stdout.contains("đã tạo     \(name)"), "\(name)")
      #expect(FileManager.default.fileExists(atPath: office.appendingPathComponent(name).path), "\(name)")
    }
    // The issuer profile papi init writes is one `papi plan --issuer` reads.
    let issuer = try IssuerProfile.load(path: office.appendingPathComponent("co-quan-ban-hanh.yaml").path)
    #expect(issuer.body == ["ỦY BAN NHÂN DÂN", "XÃ ………"] && issuer.level == .commune && issuer.number == nil)
    #expect(issuer.authority == ["TM. ỦY BAN NHÂN DÂN"] && issuer.title == "CHỦ TỊCH")
    let readme = try String(contentsOf: office.appendingPathComponent("README.txt"), encoding: .utf8)
    #expect(readme.contains("papi plan --wave 2024 --targets chi-tieu.yaml --tasks nhiem-vu.yaml"))

    // The demo's steps, from the office folder, against its own files.
    let samples = repositoryRoot.appendingPathComponent("samples").path
    for (wave, file) in [("2023", "kobo-kontum-2023.csv"), ("2024", "kobo-kontum-2024.csv")] {
      let run = try runPapi(
        ["import", "\(samples)/\(file)", "-q", "bang-hoi-papi-2024.yaml", "--wave", wave], in: office)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let report = try runPapi(
      ["report", "--wave", "2024", "--compare", "2023", "--targets", "chi-tieu.yaml"], in: office)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("BÁO CÁO ĐIỂM YẾU"))
    let plan = try runPapi(
      ["plan", "--wave", "2024", "--targets", "chi-tieu.yaml", "--tasks", "nhiem-vu.yaml", "--start", "06/01/2025"],
      in: office)
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.contains("hạn tính từ 06/01/2025:\n  tạo mới"))

    // Never overwritten: an edited file stays as the office wrote it.
    let targets = office.appendingPathComponent("chi-tieu.yaml")
    try "min_n: 5\nrules: []\n".write(to: targets, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: office.appendingPathComponent("README.txt"))
    let again = try runPapi(["init", office.path, "--lang", "en"])
    #expect(again.status == 0)
    #expect(again.stdout.contains("kept       chi-tieu.yaml"))
    #expect(again.stdout.contains("created    README.txt"))
    #expect(try String(contentsOf: targets, encoding: .utf8) == "min_n: 5\nrules: []\n")
  }

  @Test func initInAFolderThatCannotBeMadeSaysWhy() throws {
    let file = try temporaryDirectory().appendingPathComponent("a-file")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let run = try runPapi(["init", file.appendingPathComponent("office").path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("lỗi: không tạo được thư mục"), "\(run.stderr)")
    #expect(!run.stderr.contains("The operation could not be completed"))
  }
}

/// Units and their parents are named, not only coded.
@Suite("Province names")
struct ProvinceNameTests {
  @Test func theOfficialListsNameACodeByTheWavesYear() {
    #expect(ProvinceCodes.name("62", year: 2024) == "Kon Tum")
    #expect(ProvinceCodes.name("62", year: 2026) == "Kon Tum", "a code only the old list has")
    #expect(ProvinceCodes.name("44", year: 2024) == "Quảng Bình")
    #expect(ProvinceCodes.name("44", year: 2025) == "Quảng Trị", "QĐ 19/2025 gives 44 to the merged Quảng Trị")
    #expect(ProvinceCodes.name("44", year: nil) == nil, "two provinces have had code 44")
    #expect(ProvinceCodes.name("01", year: nil) == "Hà Nội")
    #expect(ProvinceCodes.name("46", year: 2025) == "Huế")
    #expect(ProvinceCodes.name("99", year: 2024) == nil)
    #expect(ProvinceCodes.after2025.count == 34)
    #expect(ProvinceCodes.list.count == 63)
    #expect(Set(ProvinceCodes.after2025.map(\.0)).isSubset(of: Set(ProvinceCodes.list.map(\.0))))
  }

  @Test func theRegisterNameValidInTheWavesYearIsUsed() throws {
    let store = SQLiteStore(path: try temporaryDirectory().appendingPathComponent("u.db").path, mode: .createIfMissing)
    func province(_ name: String, from: String, to: String?) -> RegisterUnit {
      RegisterUnit(code: "44", name: name, level: "province", parent: nil, validFrom: from, validTo: to)
    }
    try store.replaceUnitSet(
      "2024", units: [province("Tỉnh Quảng Bình", from: "2020-01-01", to: "2025-06-30")], file: "a.csv", sha256: "")
    try store.replaceUnitSet(
      "2025", units: [province("Tỉnh Quảng Trị", from: "2025-07-01", to: nil)], file: "b.csv", sha256: "")
    let estimate = Estimate(value: nil, se: nil, low: nil, upp: nil, n: 0, complete: true)
    func named(_ wave: String?) -> (String?, String?) {
      var units = [
        UnitScore(code: "19363", name: "Xã A", parent: "44", respondents: 0, total: estimate, dimensions: []),
        UnitScore(code: "44", name: nil, parent: nil, respondents: 0, total: estimate, dimensions: []),
      ]
      ParentNames.fill(&units, wave: wave, reference: store)
      return (units[0].parentName, units[1].name)
    }
    #expect(named("2024") == ("Tỉnh Quảng Bình", "Tỉnh Quảng Bình"))
    #expect(named("2025") == ("Tỉnh Quảng Trị", "Tỉnh Quảng Trị"))
    #expect(named(nil) == (nil, nil), "two names for code 44 and no year: neither is said")
  }

  @Test func aReportNamesTheProvinceFromTheRegisterElseFromTheOfficialList() throws {
    let database = try temporaryDirectory().appendingPathComponent("papi.db").path
    // No database beside the exports: the official list of 2024 names the province.
    let files = try runPapi([
      "report", "samples/odk-quangtri-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", database,
    ])
    #expect(files.stdout.contains("thuộc Quảng Trị (45)"), "\(files.stdout.prefix(400))")
    #expect(!files.stdout.contains("thuộc 45"))
    for arguments in [
      ["units", "load", "samples/units-2024.csv", "--set", "2024"],
      ["import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024"],
    ] {
      #expect(try runPapi(arguments + ["--db", database]).status == 0)
    }
    let report = try runPapi(["report", "--wave", "2024", "--db", database])
    #expect(report.stdout.contains("· thuộc Tỉnh Kon Tum (62) ·"), "\(report.stdout.prefix(600))")
  }
}

/// Long tables go through the pager only on a terminal.
@Suite("The pager")
struct PagerTests {
  @Test func aTableGoesThroughThePagerOnlyWhenStdoutIsATerminal() throws {
    let papi = papiExecutable.path
    let arguments = "score samples/kobo-kontum-2024.csv -q papi-2024"
    let pager = ["PAGER": "sed s/^/PAGED:/"]
    // `script` gives papi a terminal (util-linux, on every Debian system).
    let terminal = try runProgram("/usr/bin/script", ["-qec", "\(papi) \(arguments)", "/dev/null"], environment: pager)
    #expect(terminal.stdout.contains("PAGED:papi-2024: điểm theo xã"), "\(terminal.stdout.prefix(300))")
    let piped = try runPapi(arguments.split(separator: " ").map(String.init), environment: pager)
    #expect(piped.status == 0)
    #expect(!piped.stdout.contains("PAGED:"))
    #expect(piped.stdout.hasPrefix("papi-2024: điểm theo xã"))
    let toFile = try temporaryDirectory().appendingPathComponent("s.json").path
    let json = try runProgram(
      "/usr/bin/script", ["-qec", "\(papi) \(arguments) --format json --out \(toFile)", "/dev/null"],
      environment: pager)
    #expect(!json.stdout.contains("PAGED:"), "only tables on stdout are paged")
  }

  @Test func aMissingPagerOrAFailingCommandLosesNothing() throws {
    let papi = papiExecutable.path
    let table = "\(papi) score samples/kobo-kontum-2024.csv -q papi-2024"
    let missing = try runProgram(
      "/usr/bin/script", ["-qec", table, "/dev/null"], environment: ["PAGER": "no-such-pager-here"])
    #expect(missing.stdout.contains("papi-2024: điểm theo xã"), "the output is shown without a pager")
    #expect(!missing.stdout.contains("not found"))
    let failing = try runProgram(
      "/usr/bin/script",
      ["-qec", "\(papi) score --wave 2099 --db \(repoPath("nowhere.db")); echo status=$?", "/dev/null"],
      environment: ["PAGER": "sed s/^/PAGED:/"])
    #expect(!failing.stdout.contains("PAGED:"), "a command that fails never starts the pager")
    #expect(failing.stdout.contains("status=1"))
  }

  @Test func thePagerRunsInTheForegroundSoItCanReadTheKeys() throws {
    // A pager outside the terminal's foreground process group is stopped when it reads
    // the keys (less under Foundation's Process did): fields 5 and 8 of /proc/self/stat
    // are the process group and the terminal's foreground group.
    let pager = #"cat > /dev/null; awk '{ print ($5 == $8) ? "FOREGROUND" : "BACKGROUND" }' /proc/self/stat"#
    let table = try runProgram(
      "/usr/bin/script",
      ["-qec", "\(papiExecutable.path) score samples/kobo-kontum-2024.csv -q papi-2024", "/dev/null"],
      environment: ["PAGER": pager])
    #expect(table.stdout.contains("FOREGROUND"), "\(table.stdout.suffix(200))")
  }
}

/// Vietnamese output says words, not the codes of the data (`below_significant`,
/// `in_progress`, `commune`, `total`): those are for JSON and the data CSV.
@Suite("Words, not codes", .serialized)
struct WordsNotCodesTests {
  @Test func vietnameseOutputsHaveAWordForEveryCode() throws {
    let database = try temporaryDirectory().appendingPathComponent("papi.db").path
    func papi(_ arguments: [String]) throws -> String {
      let run = try runPapi(arguments + ["--db", database])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      return run.stdout
    }
    _ = try papi(["import", "samples/kobo-kontum-2023.csv", "-q", "papi-2024", "--wave", "2023"])
    _ = try papi(["import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024"])
    let plan = ["plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--start", "06/01/2025"]
    _ = try papi(plan)
    let listing = try papi(["actions", "list", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [String: Any])
    let actions = try #require(json["actions"] as? [[String: Any]])
    let total = try #require(actions.first { $0["metric"] as? String == "total" }?["id"] as? String)
    _ = try papi(["actions", "update", total, "--status", "đang thực hiện", "--note", "Đã họp"])
    var outputs: [String] = []
    for format in ["table", "md", "html"] {
      outputs.append(
        try papi([
          "report", "--wave", "2024", "--compare", "2023", "--targets", "samples/targets.yaml", "--format", format,
        ]))
      outputs.append(try papi(plan + ["--today", "28/02/2025", "--format", format]))
      outputs.append(try papi(["actions", "list", "--today", "28/02/2025", "--format", format]))
    }
    outputs.append(try papi(["actions", "show", total]))
    outputs.append(try papi(["actions", "history", total]))
    outputs.append(try papi(["score", "--wave", "2024", "--unit", "23491"]))
    var text = outputs.joined(separator: "\n")
    text = text.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    let codes =
      #"\b(below|below_significant|insufficient|no_target|declined|weakest|met|in_progress|open|done|dropped|"#
      + #"commune|district|province|total|rank|high|medium|low|closed|closed_significant|not_measured)\b"#
    var found: [String] = []
    var searched = text.startIndex..<text.endIndex
    while let range = text.range(of: codes, options: .regularExpression, range: searched) {
      let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
      found.append(String(text[start..<range.upperBound]))
      searched = range.upperBound..<text.endIndex
    }
    #expect(found.isEmpty, "codes in Vietnamese output: \(found.prefix(5))")
    #expect(text.contains("tổng"), "the total's action is listed under its word")
  }

  @Test func everyTerminalTableFitsEightyColumnsWhateverTheTerminalsWidth() throws {
    let database = try temporaryDirectory().appendingPathComponent("papi.db").path
    func papi(_ arguments: [String], columns: String = "80") throws -> String {
      let storeless = arguments.first == "feedback" && arguments.dropFirst().first == "classify"
      let run = try runPapi(arguments + (storeless ? [] : ["--db", database]), environment: ["COLUMNS": columns])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      return run.stdout
    }
    _ = try papi(["units", "load", "samples/units-2024.csv", "--set", "2024"])
    _ = try papi(["units", "load", "samples/units-2025.csv", "--set", "2025"])
    _ = try papi(["units", "crosswalk", "samples/crosswalk-2025.csv", "--to", "2025"])
    for (wave, file) in [("2023", "kobo-kontum-2023.csv"), ("2024", "kobo-kontum-2024.csv")] {
      _ = try papi(["import", "samples/\(file)", "-q", "papi-2024", "--wave", wave])
    }
    _ = try papi(["feedback", "import", "samples/petitions-2024.csv", "--wave", "2024"])
    let plan = ["plan", "--wave", "2024", "--targets", "samples/targets.yaml", "--start", "06/01/2025"]
    _ = try papi(plan)
    let listing = try papi(["actions", "list", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [String: Any])
    let id = try #require((json["actions"] as? [[String: Any]])?.first?["id"] as? String)
    let commands: [[String]] = [
      ["score", "--wave", "2024"], ["score", "--wave", "2024", "--unit", "23491"], ["waves"], ["imports"],
      ["report", "--wave", "2024", "--compare", "2023", "--targets", "samples/targets.yaml"],
      plan + ["--today", "28/02/2025"], ["actions", "list", "--today", "28/02/2025"], ["actions", "show", id],
      ["actions", "history", id], ["feedback", "report", "--wave", "2024"], ["units", "list"],
      ["score", "--wave", "2024", "--as-of-units", "2025"], ["feedback", "classify", "samples/petitions-2024.csv"],
    ]
    for command in commands {
      for language in ["vi", "en"] {
        for columns in ["80", "120"] {
          let text = try papi(command + ["--lang", language], columns: columns)
          #expect(!text.isEmpty, "\(command)")
          for line in text.split(separator: "\n") where line.count > 80 {
            Issue.record("\(command.prefix(2)) --lang \(language), COLUMNS=\(columns): \(line.count) columns: \(line)")
          }
        }
      }
    }
  }
}

/// SQLite's refusals in the user's language.
@Suite("Database errors")
struct DatabaseErrorTextTests {
  @Test func aFileThatIsNotADatabaseIsSaidSoInVietnamese() throws {
    let path = try temporaryDirectory().appendingPathComponent("notes.db").path
    try String(repeating: "không phải cơ sở dữ liệu ", count: 20).write(toFile: path, atomically: true, encoding: .utf8)
    let run = try runPapi(["waves", "--db", path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(path): lỗi: không mở được cơ sở dữ liệu (tệp này không phải cơ sở dữ liệu)."))
    #expect(run.stderr.contains("Cách sửa: Kiểm tra đường dẫn --db: tệp phải là cơ sở dữ liệu papi."))
    #expect(!run.stderr.contains("SQLite error") && !run.stderr.contains("while executing"))
    let english = try runPapi(["waves", "--db", path, "--lang", "en"])
    #expect(english.stderr.contains("cannot open the database (file is not a database)."))
  }
}

/// What a review of the command line found, each kept fixed.
@Suite("Command-line review findings", .serialized)
struct CommandLineReviewTests {
  @Test func outNeverOverwritesAFileTheCommandReads() throws {
    let folder = try temporaryDirectory()
    let database = folder.appendingPathComponent("papi.db").path
    #expect(
      try runPapi(["import", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--wave", "2024", "--db", database])
        .status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    let run = try runPapi(["score", "--wave", "2024", "--db", database, "--out", database])
    #expect(run.status == 64)
    #expect(run.stderr.contains("là tệp mà lệnh này đọc"), "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before, "the database is untouched")
    let sample = repoPath("samples/targets.yaml")
    let targets = try runPapi([
      "report", "--wave", "2024", "--targets", sample, "--db", database, "--out", sample, "--lang", "en",
    ])
    #expect(targets.status == 64)
    #expect(targets.stderr.contains("is a file this command reads"))
  }

  @Test func nearNamesShortOptionsAndCaseAreUnderstood() throws {
    #expect(NearestName.nearest("bd", in: ["by", "db"]) == "db", "the same letters win a tie")
    let short = try runPapi(["score", "-Q", "papi-2024", "samples/kobo-kontum-2024.csv"])
    #expect(short.status == 64)
    #expect(short.stderr.contains("không có tùy chọn `-Q`. Có phải `-q`?"), "\(short.stderr)")
    let upper = try runPapi(["score", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--lang", "EN"])
    #expect(upper.status == 0, "\(upper.stderr)")
    #expect(upper.stdout.contains("scores by commune"))
    let help = try runPapi(["help", "actoins"])
    #expect(help.status == 64)
    #expect(help.stderr.contains("papi không có lệnh `actoins`. Có phải `papi actions`?"))
    #expect(try runPapi(["help", "actions", "show"]).status == 0)
  }

  @Test func otherFilesGivenForPapisOwnAreNamed() throws {
    let folder = try temporaryDirectory()
    let workbook = folder.appendingPathComponent("targets.yaml").path
    try Data([0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml xl/workbook.xml".utf8)).write(
      to: URL(fileURLWithPath: workbook))
    let run = try runPapi(["report", "samples/kobo-kontum-2024.csv", "-q", "papi-2024", "--targets", workbook])
    #expect(run.stderr.contains("đây là một sổ tính Excel (.xlsx), không phải tệp"), "\(run.stderr)")
    #expect(!run.stderr.contains("The operation could not be completed"))
    let database = try runPapi(["waves", "--db", folder.path])
    #expect(database.stderr.contains("(đây là một thư mục, không phải tệp)."))
    #expect(database.stderr.contains("Cho --db một tên tệp"))
  }
}
