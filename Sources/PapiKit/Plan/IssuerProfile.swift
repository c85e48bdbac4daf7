import Foundation

/// Who issues a plan or report in the official form (Nghị định 30/2020/NĐ-CP): the body and
/// the body above it, the place, the number's symbol, the signer, the documents it acts on,
/// its recipients and its goal (`--issuer co-quan-ban-hanh.yaml`; `papi init` writes one).
/// Without a profile, a plan is a draft whose blanks (`…`) the office fills in.
public struct IssuerProfile: Sendable, Equatable {
  /// Whose offices a plan names since 1 July 2025: a commune's own, or the province's.
  public enum Level: String, Sendable {
    case commune, province
  }

  /// The body above the issuer (cơ quan chủ quản), when it is written.
  public var parent: String?
  /// The issuing body, one line each ("ỦY BAN NHÂN DÂN", "XÃ ĐẮK PNÊ").
  public var body: [String]
  /// How the text names the issuer ("UBND xã Đắk Pnê").
  public var name: String
  /// The issuer's part of the symbol: `UBND` in `…/KH-UBND`.
  public var abbreviation: String
  public var place: String
  public var level: Level
  /// The document's number, when the records office has given it; else a blank.
  public var number: String?
  /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the lines above the title.
  public var authority: [String]
  public var title: String
  public var signer: String
  /// "Căn cứ …;" and "Thực hiện Kế hoạch số …" lines.
  public var basis: [String]
  public var recipients: [String]
  /// What the plan aims at, after "phấn đấu": "nằm trong nhóm 10 địa phương dẫn đầu cả nước".
  public var goal: String?
  /// Where results are reported (default: by level and date).
  public var reportTo: String?

  /// A draft's issuer: blanks to fill in, a commune's People's Committee.
  public static let blank = IssuerProfile(
    parent: nil, body: ["ỦY BAN NHÂN DÂN", "XÃ ………"], name: "UBND xã", abbreviation: "UBND", place: "………",
    level: .commune, number: nil, authority: ["TM. ỦY BAN NHÂN DÂN"], title: "CHỦ TỊCH", signer: "………",
    basis: [], recipients: ["Lưu: VT."], goal: nil, reportTo: nil)

  /// A draft's issuer for a plan of many units: a province's People's Committee.
  public static let blankProvince: IssuerProfile = {
    var province = blank
    province.body = ["ỦY BAN NHÂN DÂN", "TỈNH ………"]
    province.name = "UBND tỉnh"
    province.level = .province
    return province
  }()

  /// Whether the issuer is a ward's People's Committee (whose economic office has another
  /// name since 1 July 2025).
  public var isWard: Bool { body.joined(separator: " ").uppercased().contains("PHƯỜNG") }

  /// "Số: 05/KH-UBND", or "Số:      /KH-UBND" for the records office to number.
  func numberLine(kind: String) -> String {
    let number = self.number.map { $0.count == 1 ? "0" + $0 : $0 } ?? "\u{2007}\u{2007}\u{2007}\u{2007}\u{2007}"
    return "Số: \(number)/\(kind)-\(abbreviation)"
  }

  /// "Đắk Pnê, ngày 06 tháng 01 năm 2026": the day padded below 10, months 1 and 2 padded.
  func placeAndDate(_ date: CivilDate) -> String {
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
    return "\(place), ngày \(day) tháng \(month) năm \(date.year)"
  }

  public static func load(path: String) throws(PapiError) -> IssuerProfile {
    let text = try ConfigReader.text(path, kind: L("hồ sơ cơ quan ban hành", "issuer profile"), option: "--issuer")
    let root = try ConfigReader.root(text, source: path, format: "co-quan-ban-hanh.yaml (papi init)")
    var reader = ConfigReader(source: path)
    reader.mapping(root, "co-quan-ban-hanh", allowed: ["issuer", "signer", "basis", "recipients", "goal", "report_to"])
    var profile = blank
    if let issuer = ConfigReader.value(root, "issuer") {
      reader.mapping(
        issuer, "issuer", allowed: ["parent_body", "body", "name", "abbreviation", "place", "level", "number"])
      let parent = reader.string(issuer, "parent_body", context: "issuer", required: false)
      profile.parent = parent?.isEmpty == false ? parent : nil
      profile.body = reader.names(ConfigReader.value(issuer, "body"), context: "issuer: body")
      if profile.body.isEmpty {
        reader.problem(
          issuer, L("issuer: thiếu `body` (tên cơ quan ban hành).", "issuer: `body` (the issuing body) is missing."),
          L(
            "Ví dụ: body: [\"ỦY BAN NHÂN DÂN\", \"XÃ ĐẮK PNÊ\"]",
            "For example: body: [\"ỦY BAN NHÂN DÂN\", \"XÃ ĐẮK PNÊ\"]"))
      }
      profile.abbreviation = reader.string(issuer, "abbreviation", context: "issuer") ?? profile.abbreviation
      profile.place = reader.string(issuer, "place", context: "issuer") ?? profile.place
      profile.name = reader.string(issuer, "name", context: "issuer") ?? profile.name
      profile.number = reader.string(issuer, "number", context: "issuer", required: false).flatMap {
        $0.isEmpty ? nil : $0
      }
      if let level = reader.string(issuer, "level", context: "issuer", required: false) {
        if let known = Level(rawValue: level) {
          profile.level = known
        } else {
          reader.problem(
            ConfigReader.value(issuer, "level"),
            L("issuer: `level` là commune (xã) hoặc province (tỉnh).", "issuer: `level` is commune or province."),
            L("Viết level: commune hoặc level: province.", "Write level: commune or level: province."), value: level)
        }
      }
    } else {
      reader.problem(
        root, L("thiếu phần `issuer:`.", "the `issuer:` part is missing."),
        L("Chạy papi init để có tệp mẫu.", "Run papi init for a template."))
    }
    if let signer = ConfigReader.value(root, "signer") {
      reader.mapping(signer, "signer", allowed: ["authority", "title", "name"])
      profile.authority = reader.names(ConfigReader.value(signer, "authority"), context: "signer: authority").filter {
        !$0.isEmpty
      }
      profile.title = reader.string(signer, "title", context: "signer") ?? profile.title
      profile.signer = reader.string(signer, "name", context: "signer") ?? profile.signer
    }
    profile.basis = reader.names(ConfigReader.value(root, "basis"), context: "basis")
    let recipients = reader.names(ConfigReader.value(root, "recipients"), context: "recipients")
    if !recipients.isEmpty { profile.recipients = recipients }
    profile.goal = ConfigReader.value(root, "goal").flatMap { _ in reader.string(root, "goal", context: "goal") }
    profile.reportTo = ConfigReader.value(root, "report_to").flatMap { _ in
      reader.string(root, "report_to", context: "report_to")
    }
    if !reader.problems.isEmpty { throw PapiError(reader.problems) }
    return profile
  }
}
