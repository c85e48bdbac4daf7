import Foundation

@testable import PapiKit

/// One small survey, written in every layout, delimiter and encoding the reader accepts.
/// Every variant must give the same scores.
enum SurveyFixture {
  static let yaml = """
    id: fixture
    kind: papi
    title: {vi: "Khảo sát thử", en: "Test survey"}
    respondent:
      id: [_uuid, meta-instanceID, KEY]
      unit: commune_code
      unit_name: commune_name
      parent: province_code
      weight: weight
      pii: [phone, respondent_name]
    missing: ["", "98", "99", "Không biết"]
    dimensions:
      - id: d1
        name: {vi: "Tham gia của người dân", en: "Participation"}
        subdimensions:
          - id: d1.1
            name: {vi: "Tri thức công dân", en: "Civic knowledge"}
            indicators:
              - {id: d1.1.a, column: d101, type: binary, yes: ["1", "Có"], no: ["2", "Không"]}
              - {id: d1.1.b, column: d102, type: likert, range: [1, 5], labels: {"Rất tốt": 5, "Tốt": 4, "Bình\
     thường": 3, "Kém": 2, "Rất kém": 1}}
          - id: d1.2
            name: {vi: "Cơ hội tham gia", en: "Opportunities"}
            indicators:
              - {id: d1.2.a, column: d103, type: choice, scores: {"1": 1.0, "2": 0.5, "3": 0}}
              - {id: d1.2.b, column: d104, type: binary, select: yte}
              - {id: d1.2.c, column: d104, type: binary, select: giaoduc}
      - id: d2
        name: {vi: "Cung ứng dịch vụ công", en: "Public services"}
        subdimensions:
          - id: d2.1
            name: {vi: "Y tế", en: "Health"}
            indicators:
              - {id: d2.1.a, column: d201, type: scale, range: [0, 10]}
              - {id: d2.1.b, column: d202, type: binary, yes: ["1"], no: ["2"], reverse: true}
    """

  /// Logical rows: id, commune, name, province, weight, phone, d101, d102, d103, d104 (chosen options), d201, d202,
  /// comment.
  static let rows: [[String]] = [
    [
      "u01", "00101", "Xã Đắk Pnê", "62", "1.2", "0905123456", "1", "5", "1", "yte giaoduc", "8", "2",
      "Cán bộ tận tình, chu đáo",
    ],
    [
      "u02", "00101", "Xã Đắk Pnê", "62", "0.8", "0905123457", "Có", "Tốt", "2", "yte", "7", "1",
      "Cần \"công khai\" hơn",
    ],
    ["u03", "00101", "Xã Đắk Pnê", "62", "1", "0905123458", "2", "3", "3", "", "98", "2", "đường xấu;\nmưa ngập"],
    ["u04", "00101", "Xã Đắk Pnê", "62", "1.5", "0905123459", "Không", "Rất kém", "1", "giaoduc", "5", "99", ""],
    ["u05", "00102", "Xã Ia Grai", "62", "1", "0905123460", "1", "4", "2", "yte", "9", "2", "tốt"],
    ["u06", "00102", "Xã Ia Grai", "62", "2", "0905123461", "98", "2", "1", "yte giaoduc", "6", "2", "ổn định"],
    [
      "u07", "00102", "Xã Ia Grai", "62", "0.5", "0905123462", "1", "", "1", "giaoduc", "10", "1",
      "hài lòng\r\nrất nhiều",
    ],
    [
      "u08", "00203", "Phường Hòa Bình", "46", "1", "0905123463", "2", "1", "3", "yte", "3", "1",
      "thủ tục, giấy tờ rườm rà",
    ],
    ["u09", "00203", "Phường Hòa Bình", "46", "1", "0905123464", "1", "Bình thường", "2", "", "4", "2", "ý kiến khác"],
    [
      "u10", "00203", "Phường Hòa Bình", "46", "1.1", "0905123465", "Không biết", "5", "1", "giaoduc", "0", "2",
      "\"trích dẫn\" đầy đủ",
    ],
  ]

  static let options = ["yte", "giaoduc"]

  /// KoboToolbox: `;`, every field quoted, CRLF, group paths, HXL row, both select-multiple layouts.
  static func kobo() -> String {
    var header = [
      "start", "respondent_name", "phone", "commune_code", "commune_name", "province_code", "weight",
      "grp_a/d101", "grp_a/d102", "grp_a/d103", "grp_a/d104",
    ]
    header += options.map { "grp_a/d104/\($0)" }
    header += ["grp_b/d201", "grp_b/d202", "comment", "_id", "_uuid", "_submission_time", "_index"]
    var hxl = [String](repeating: "", count: header.count)
    hxl[3] = "#adm3+code"
    hxl[5] = "#adm1+code"
    var records = [header, hxl]
    for (index, row) in rows.enumerated() {
      var record = [
        "2024-08-01T08:02:11.000+07:00", "Nguyễn Văn A", row[5], row[1], row[2], row[3], row[4], row[6], row[7], row[8],
        row[9],
      ]
      let chosen = Set(row[9].split(separator: " ").map(String.init))
      record += options.map { row[9].isEmpty ? "" : (chosen.contains($0) ? "1" : "0") }
      record += [row[10], row[11], row[12], String(800 + index), row[0], "2024-08-01T01:32:05", String(index + 1)]
      records.append(record)
    }
    return csv(records, delimiter: ";", quoteAll: true, newline: "\r\n")
  }

  /// ODK Central: `,`, quoted only when needed, LF, `-` group paths, one select-multiple cell.
  static func odk(delimiter: String = ",") -> String {
    let header = [
      "SubmissionDate", "grp_a-d101", "grp_a-d102", "grp_a-d103", "grp_a-d104", "grp_b-d201", "grp_b-d202",
      "commune_code", "commune_name", "province_code", "weight", "phone", "comment", "meta-instanceID", "KEY",
    ]
    var records = [header]
    for row in rows {
      records.append([
        "2024-08-01T00:00:00.000Z", row[6], row[7], row[8], row[9], row[10], row[11], row[1], row[2], row[3],
        row[4], row[5], row[12], row[0], "uuid:" + row[0],
      ])
    }
    return csv(records, delimiter: delimiter)
  }
}
