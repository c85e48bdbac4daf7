/// The PAPI index as published: the eight dimensions and the total, nothing below, as a
/// questionnaire for reports built from published scores alone.
public enum PublishedPAPI {
  public static let questionnaire = Questionnaire(
    id: "papi-published", kind: .papi,
    title: LocalizedText(vi: "PAPI — điểm công bố", en: "PAPI — published scores"),
    respondent: RespondentColumns(
      id: [], unit: "unit_code", unitName: nil, parents: [], weight: nil, pii: [], aliases: [:]),
    missing: [],
    dimensions: [
      ("d1", "Tham gia của người dân ở cấp cơ sở", "Participation at Local Levels", "Tham gia", "Participation"),
      (
        "d2", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "Transparency in Local Decision-making",
        "Công khai", "Transparency"
      ),
      (
        "d3", "Trách nhiệm giải trình với người dân", "Vertical Accountability Towards Citizens", "Giải trình",
        "Accountability"
      ),
      (
        "d4", "Kiểm soát tham nhũng trong khu vực công", "Control of Corruption in the Public Sector", "Tham nhũng",
        "Corruption"
      ),
      ("d5", "Thủ tục hành chính công", "Public Administrative Procedures", "Thủ tục HC", "Procedures"),
      ("d6", "Cung ứng dịch vụ công", "Public Service Delivery", "Dịch vụ công", "Services"),
      ("d7", "Quản trị môi trường", "Environmental Governance", "Môi trường", "Environment"),
      ("d8", "Quản trị điện tử", "E-Governance", "Quản trị ĐT", "E-governance"),
    ].map { id, vi, en, shortVi, shortEn in
      Dimension(
        id: id, name: LocalizedText(vi: vi, en: en), short: LocalizedText(vi: shortVi, en: shortEn), weight: 1,
        subdimensions: [])
    },
    source: "published")
}
