import Foundation
import Testing

@testable import PapiKit

/// Feedback matching, masking and reading (issue 7).
@Suite("Citizen feedback")
struct FeedbackTests {
  static let lexicon = repoPath("questionnaires/feedback-lexicon.yaml")

  static func classifier(_ yaml: String? = nil) throws -> FeedbackClassifier {
    var paths = [lexicon]
    if let yaml { paths = [try writeTemporary(yaml, name: "lexicon.yaml")] }
    return FeedbackClassifier(lexicon: try FeedbackLexicon.load(paths))
  }

  // MARK: Matching

  @Test func caseDiacriticsAndUnicodeFormDoNotMatter() throws {
    let c = try Self.classifier()
    for text in [
      "Xin hỏi bao giờ có sổ đỏ", "XIN HỎI BAO GIỜ CÓ SỔ ĐỎ", "xin hoi bao gio co so do",
      "Xin hỏi bao giờ có sổ đỏ".decomposedStringWithCanonicalMapping,
    ] {
      #expect(c.classify(text).subdimensions == ["d5.2"], "\(text)")
    }
  }

  @Test func tonePlacementDoesNotMatter() throws {
    // The lexicon writes "hòa giải" (new style); old-style "hoà giải" finds it, and a lexicon
    // written old-style finds new-style text.
    #expect(try Self.classifier().classify("Tổ hoà giải thôn làm việc tốt").subdimensions == ["d3.3"])
    let old = try Self.classifier("terms:\n  d3.3: [hoà giải]\n  d6.1: [khoẻ]\n")
    #expect(old.classify("nhờ hòa giải").subdimensions == ["d3.3"])
    #expect(old.classify("sức khỏe").subdimensions == ["d6.1"])
    #expect(old.classify("sức khoẻ".decomposedStringWithCanonicalMapping).subdimensions == ["d6.1"])
  }

  @Test func wholeWordsOnly() throws {
    let c = try Self.classifier("terms:\n  d5.2: [đất]\n  d7.1: [cát tặc]\n")
    #expect(c.classify("Đất nhà tôi").dimensions == ["d5"])
    #expect(c.classify("Trường đạt chuẩn quốc gia").dimensions.isEmpty, "đạt is not đất")
    #expect(c.classify("Đấtnước phát triển").dimensions.isEmpty, "not inside another word")
    #expect(c.classify("dat nha toi").dimensions.isEmpty, "a lone word without diacritics is not read as đất")
    #expect(c.classify("bọn cát tặc").dimensions == ["d7"])
    #expect(c.classify("bon cat tac hoat dong").dimensions == ["d7"], "a phrase typed without diacritics")
    #expect(c.classify("cát vàng, tặc lưỡi").dimensions.isEmpty, "the words of a phrase must be adjacent")
  }

  @Test func theLongestTermWinsAndATextMayMatchSeveralDimensions() throws {
    let c = try Self.classifier()
    let plan = c.classify("Đề nghị công bố kế hoạch sử dụng đất")
    #expect(plan.subdimensions == ["d2.4"])
    let several = c.classify("Đường vào thôn lầy lội, trạm y tế thiếu thuốc, nộp hồ sơ trực tuyến không được")
    #expect(several.dimensions == ["d6", "d8"])
    #expect(several.subdimensions == ["d6.1", "d6.3", "d8.1"])
    #expect(several.terms.map(\.term).contains("nộp hồ sơ trực tuyến"))
  }

  @Test func unmatchedTextsStayUnclassified() throws {
    let c = try Self.classifier()
    for text in ["Không có ý kiến", "Cảm ơn đoàn khảo sát", "ok", "", "Chúc cán bộ sức khỏe"] {
      let found = c.classify(text)
      #expect(!found.isClassified && found.subdimensions.isEmpty && found.terms.isEmpty, "\(text)")
    }
  }

  @Test func maskLabelsAreNotReadAsWords() throws {
    let c = try Self.classifier("terms:\n  d8.3: [email]\n  d8.2: [điện thoại]\n")
    #expect(!c.classify(PersonalDataMask.mask("Liên hệ a.b@gmail.com hoặc 0905123456")).isClassified)
    #expect(c.classify("Gửi email cho xã").dimensions == ["d8"])
  }

  @Test func usersExtendOrReplaceTheLexiconWithoutRebuilding() throws {
    let extra = try writeTemporary("terms:\n  d6.3: [đường xuống cấp nặng, cầu khỉ]\n", name: "extra.yaml")
    let merged = FeedbackClassifier(lexicon: try FeedbackLexicon.load([Self.lexicon, extra]))
    #expect(merged.classify("Bản tôi phải đi cầu khỉ").subdimensions == ["d6.3"])
    #expect(merged.classify("Trạm y tế thiếu thuốc").subdimensions == ["d6.1"], "the default terms stay")
    let alone = try writeTemporary("replace: true\nterms:\n  d6.3: [cầu khỉ]\n", name: "alone.yaml")
    let replaced = FeedbackClassifier(lexicon: try FeedbackLexicon.load([Self.lexicon, alone]))
    #expect(replaced.lexicon.termCount == 1)
    #expect(!replaced.classify("Trạm y tế thiếu thuốc").isClassified)
  }

  @Test func lexiconErrorsNameTheFileAndLine() throws {
    let bad = try writeTemporary("terms:\n  d6.3: [cầu]\n  roads: [đường]\n  d7.1: [\"...\"]\n", name: "bad.yaml")
    let error = try #require(throws: PapiError.self) { try FeedbackLexicon.load([bad]) }
    #expect(error.diagnostics.count == 2)
    #expect(error.diagnostics[0].location.file == bad && error.diagnostics[0].location.line == 3)
    #expect(error.diagnostics[0].message.en.contains("`roads` is not a dimension or sub-dimension id"))
    #expect(error.diagnostics[1].message.en.contains("has no letters"))
    let noTerms = try writeTemporary("id: x\n", name: "empty.yaml")
    let missing = try #require(throws: PapiError.self) { try FeedbackLexicon.load([noTerms]) }
    #expect(missing.diagnostics[0].message.en.contains("missing key `terms`"))
    let absent = try #require(throws: PapiError.self) { try FeedbackLexicon.load(["/nowhere/lexicon.yaml"]) }
    #expect(absent.diagnostics[0].fix.en.contains("--lexicon"))
  }

  // MARK: Masking

  @Test(arguments: [
    ("Gọi 0905123456 giúp", "Gọi [số điện thoại] giúp"),
    ("SĐT 0905 123 456 2 lần không nghe", "SĐT [số điện thoại] 2 lần không nghe"),
    ("số 0987.654.321", "số [số điện thoại]"),
    ("ĐT: +84 912 345 678.", "ĐT: [số điện thoại]."),
    ("bàn 0260 3862 123", "bàn [số điện thoại]"),
    ("mail: nguyen.van-a+xa@gmail.com.vn.", "mail: [email]."),
    ("CCCD 001203004567 cấp 2021", "CCCD [số giấy tờ] cấp 2021"),
    ("CCCD 001 203 004 567", "CCCD [số giấy tờ]"),
    ("CMND 212345678", "CMND [số giấy tờ]"),
    ("nhà ở số nhà 12 đường Lê Lợi", "nhà ở [địa chỉ] đường Lê Lợi"),
    ("nhà số 7 hẻm 12 đường Lê Lợi", "[địa chỉ] [địa chỉ] đường Lê Lợi"),
    ("ở 45/2 Nguyễn Trãi", "ở [địa chỉ] Nguyễn Trãi"),
    ("ở số 45/2B Nguyễn Trãi", "ở [địa chỉ] Nguyễn Trãi"),
    ("nhà 123 đường Trần Phú", "nhà [địa chỉ] đường Trần Phú"),
    ("Số Nhà: 12 Lê Lợi", "[địa chỉ] Lê Lợi"),
    ("SỐ 12 ĐƯỜNG LÊ LỢI", "[địa chỉ] ĐƯỜNG LÊ LỢI"),
    ("so nha 12 ngo 34 duong Lang", "[địa chỉ] [địa chỉ] duong Lang"),
    ("số 12 ngõ 34 Láng Hạ", "[địa chỉ] [địa chỉ] Láng Hạ"),
    ("HẺM 5 chợ", "[địa chỉ] chợ"),
    ("gọi (024) 3825 1234", "gọi [số điện thoại]"),
    ("sđt0905123456 nhé", "sđt[số điện thoại] nhé"),
    ("CMND 123 456 789 cũ", "CMND [số giấy tờ] cũ"),
    ("mail phamhai a cong gmail cham com nhe", "mail [email] nhe"),
  ])
  func personalDataIsMasked(_ input: String, _ expected: String) {
    #expect(PersonalDataMask.mask(input) == expected)
  }

  @Test(arguments: [
    "Nộp 1.500.000 đồng năm 2023", "Đóng 150.000.000 đồng", "ngày 12/3 Ủy ban xã họp", "Thôn 3 có 120 hộ, 45 hộ nghèo",
    "Quyết định số 123/QĐ-UBND", "từ 2019 đến 2024", "lớp 2, 48 em", "Đóng 150 000 đồng", "ngõ cụt", "số 5 là số đẹp",
  ])
  func ordinaryNumbersStay(_ text: String) {
    #expect(PersonalDataMask.mask(text) == text)
  }

  // MARK: Reading feedback exports

  /// Found by the feedback fuzzer's leak check: the record callback held the line tracker
  /// that held it, so what a reader's callback captured (every item of the file) was never
  /// freed. Fuzz/regressions/feedback/leak-reader-callback-cycle.csv is the input it found.
  @Test func readingAFileFreesWhatItsCallbackHeld() throws {
    final class Held {}
    weak var released: Held?
    try {
      let held = Held()
      released = held
      let path = try writeTemporary("id,text\n1,a\n2,b\n")
      var lines: [Int] = []
      _ = try CSVFormat().records(path, options: ReadOptions(), keep: nil) { line, _ in
        withExtendedLifetime(held) { lines.append(line) }
      }
      #expect(lines == [1, 2, 3])
    }()
    #expect(released == nil, "the callback and what it captured are freed after the read")
  }

  static let header = "id,date,unit_code,channel,text,status\n"

  @Test func aFeedbackExportIsReadMaskedAndNormalised() throws {
    let text =
      Self.header
      + "p1,2024-03-15,23491,Tổng đài 1022,\"Đường vào thôn lầy lội, gọi 0905123456\",đã giải quyết\n"
      + "p2,15/03/2024 08:30,23491,Cổng DVC,\("Sổ đỏ chờ lâu".decomposedStringWithCanonicalMapping),\n"
      + "p2,15/03/2024 08:30,23491,Cổng DVC,Sổ đỏ chờ lâu,\n"
    let file = try FeedbackReader.read(try writeTemporary(text))
    #expect(file.items.map(\.id) == ["p1", "p2"])
    #expect(file.repeats == 1, "an exact repeat is read once")
    #expect(file.items[0].text == "Đường vào thôn lầy lội, gọi [số điện thoại]")
    #expect(file.items[0].status == "đã giải quyết" && file.items[1].status == nil)
    #expect(file.items[1].date == "2024-03-15" && file.items[1].text == "Sổ đỏ chờ lâu")
    #expect(file.items.map(\.line) == [2, 3])
  }

  @Test func vietnameseHeadersAndGroupPathsAreAccepted() throws {
    let text =
      "Mã phản ánh;Ngày tiếp nhận;grp/Mã xã;Kênh tiếp nhận;Nội dung phản ánh;Trạng "
      + "thái\nA-1;2024-01-02;23491;Zalo;Rác thải không thu gom;Đang xử lý\n"
    let file = try FeedbackReader.read(try writeTemporary(text))
    #expect(
      file.items == [
        FeedbackItem(
          id: "A-1", unit: "23491", date: "2024-01-02", channel: "Zalo", status: "Đang xử lý",
          text: "Rác thải không thu gom", line: 2)
      ])
  }

  @Test func missingColumnsAreListedWithTheNamesAccepted() throws {
    let error = try #require(throws: PapiError.self) {
      try FeedbackReader.read(try writeTemporary("id,noi dung\n1,x\n"))
    }
    let message = try #require(error.diagnostics.first)
    #expect(error.diagnostics.count == 1)
    #expect(message.location.line == 1)
    #expect(message.message.en.contains("missing columns: date (date | ngày"))
    #expect(message.message.en.contains("unit code (unit_code"))
    #expect(message.message.en.contains("channel"))
    #expect(!message.message.en.contains("text ("), "nội dung is the text column")
  }

  @Test func everyBadRowIsReportedAndNothingIsRead() throws {
    let text =
      Self.header
      + "p1,2024-03-15,23491,hotline,Đường lầy lội,\n"
      + ",2024-03-15,23491,hotline,không có mã,\n"
      + "p3,2024-13-45,23491,hotline,ngày sai,\n"
      + "p4,2024-03-15,,hotline,không có xã,\n"
      + "p1,2024-03-15,23491,hotline,nội dung khác,\n"
      + "p6,2024-03-15,23491,hotline\n"
      + "p7,2024-03-15,23491,hotline,,\n"
    let path = try writeTemporary(text)
    let error = try #require(throws: PapiError.self) { try FeedbackReader.read(path) }
    let found = error.diagnostics.map { ($0.location.line ?? 0, $0.location.columnName ?? "", $0.value ?? "") }
    #expect(found.map(\.0) == [3, 4, 5, 6, 7, 8])
    #expect(found[0].1 == "id" && found[1].1 == "date" && found[1].2 == "2024-13-45" && found[2].1 == "unit_code")
    #expect(error.diagnostics[3].message.en.contains("id p1 is already used on line 2 with different content"))
    #expect(error.diagnostics[4].message.en.contains("the row has 4 fields but the header has 6"))
    #expect(error.diagnostics[5].message.en.contains("the text cell is empty"))
    #expect(error.diagnostics.allSatisfy { $0.location.file == path && !$0.fix.en.isEmpty })
  }

  @Test func anUnclosedQuoteNamesItsLine() throws {
    let path = try writeTemporary(Self.header + "p1,2024-03-15,23491,hotline,\"không đóng ngoặc,\n")
    let error = try #require(throws: PapiError.self) { try FeedbackReader.read(path) }
    #expect(error.diagnostics[0].message.en.contains("a quote is never closed"))
    #expect(error.diagnostics[0].location.line == 2)
  }

  @Test func legacyEncodingsAreReadLikeSurveyExports() throws {
    // "Đường" in CP1258 (decomposed): Đ=0xD0, ư=0xFD, ơ=0xF5, grave=0xCC, then "ng".
    var bytes = Array(Self.header.utf8) + Array("p1,2024-03-15,23491,hotline,".utf8)
    bytes += [0xD0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67] + Array(" l,\n".utf8)
    let path = try writeTemporary(bytes)
    let file = try FeedbackReader.read(path, options: ReadOptions(encoding: .cp1258))
    #expect(file.items[0].text == "Đường l")
  }
}

/// Survey comments: a questionnaire's `feedback:` columns.
@Suite("Citizen feedback in survey exports")
struct SurveyFeedbackTests {
  @Test func classifyReadsASurveysCommentsWithItsQuestionnaire() throws {
    var request = FeedbackClassifyRequest(
      file: repoPath("samples/odk-quangtri-2024.csv"), lexicons: [repoPath("questionnaires/feedback-lexicon.yaml")],
      format: .csv)
    request.questionnairePath = repoPath("questionnaires/papi-2024.yaml")
    let output = try FeedbackClassifyCommand.run(request)
    let lines = output.text.split(separator: "\r\n")
    #expect(lines.first == "id,dimensions,subdimensions,terms,polarity")
    #expect(lines.count > 100 && lines.dropFirst().allSatisfy { $0.contains("#comment,") })
    request.questionnairePath = repoPath("questionnaires/sipas-2024.yaml")
    request.file = repoPath("samples/sipas-limesurvey-2024.csv")
    let error = try #require(throws: PapiError.self) { try FeedbackClassifyCommand.run(request) }
    #expect(error.diagnostics[0].message.en.contains("declares no free-text columns"))
  }

  @Test func theDeclaredColumnsOfTheKoboSampleAreReadWithTheAnswers() throws {
    let questionnaire = try QuestionnaireLoader.load(path: repoPath("questionnaires/papi-2024.yaml"))
    #expect(questionnaire.feedback == ["comment"])
    var options = ReadOptions()
    options.readComments = true
    let result = ExportReader.read(
      [repoPath("samples/kobo-kontum-2024.csv")], questionnaire: questionnaire, options: options)
    #expect(!result.hasErrors)
    #expect(result.commentWarnings.isEmpty)
    let batch = try #require(result.comments.first)
    #expect(batch.rowsRead == 436, "436 respondents; the HXL tag row is not one")
    #expect(batch.respondents.count == 436)
    #expect(batch.items.count > 150)
    // Each comment keeps the physical line of its row (the header is line 1, the HXL row 2).
    let first = try #require(batch.items.first)
    let respondent = String(first.id.prefix { $0 != "#" })
    let bytes = try Data(contentsOf: URL(fileURLWithPath: repoPath("samples/kobo-kontum-2024.csv")))
    let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    #expect(lines[first.line - 1].contains(respondent))
    #expect(batch.items.allSatisfy { $0.id.hasSuffix("#comment") && $0.channel == "survey" && !$0.unit.isEmpty })
    #expect(!batch.items.contains { FeedbackReader.isNoComment($0.text) }, "\"Không có ý kiến\" is not feedback")
  }
}
