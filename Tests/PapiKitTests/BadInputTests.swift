import Foundation
import Testing

@testable import PapiKit

/// Every failure mode of PRODUCT.md §3.1: each names the file, line, column and value and
/// says what to do; `validate` lists every problem, not only the first.
@Suite("Bad input is reported with file, line, column, value and fix")
struct BadInputTests {
  static let yaml = SurveyFixture.yaml
  static let header = "_uuid,commune_code,commune_name,province_code,weight,d101,d102,comment\n"

  func errors(_ text: String, options: ReadOptions = ReadOptions()) throws -> (path: String, errors: [Diagnostic]) {
    let path = try writeTemporary(text)
    let result = ExportReader.read([path], questionnaire: try questionnaire(Self.yaml), options: options)
    return (path, result.errors)
  }

  /// Issue 15: the system's reason is said in the message's language, not English inside
  /// a Vietnamese sentence.
  @Test func aSystemReasonIsSaidInTheUsersLanguage() throws {
    let missing = try temporaryDirectory().appendingPathComponent("none").path
    let export = ExportReader.read([missing + ".csv"], questionnaire: try questionnaire(Self.yaml)).errors
    #expect(export.first?.message.vi == "không mở được tệp (không có tệp hoặc thư mục này).")
    #expect(export.first?.message.en == "cannot open the file (No such file or directory).")
    let config = try #require(throws: PapiError.self) { try TargetSet.load(path: missing + ".yaml") }
    #expect(config.diagnostics.first?.message.vi == "không đọc được tệp mục tiêu (không có tệp hoặc thư mục này).")
    let folder = try temporaryDirectory().path
    var output = FileOutput(path: folder)
    output.write("x")
    let written = try #require(throws: PapiError.self) { try output.finish() }
    #expect(written.diagnostics.first?.message.vi == "không ghi được (đây là một thư mục, không phải tệp).")
    #expect(SystemReason.of(errno: ENOSPC).vi == "ổ đĩa hết chỗ trống")
  }

  @Test func answerOutsideCodes() throws {
    let (path, found) = try errors(Self.header + "a,00101,Xã A,62,1,7,3,\n")
    let error = try #require(found.first)
    #expect(found.count == 1)
    #expect(error.location == SourceLocation(file: path, line: 2, column: 6, columnName: "d101"))
    #expect(error.value == "7")
    #expect(error.message.en.contains("d1.1.a"))
    #expect(error.fix.en.contains("questionnaire"))
    #expect(error.text(.vi).contains("Cách sửa"))
  }

  /// Issue 14: only a declared code or label (after NFC and trimming) is a code; numbers
  /// written another way, other cases and invisible characters are answers outside the codes.
  @Test func onlyTheDeclaredTextIsACode() throws {
    let lookAlikes = ["0x1", "1e0", "+1", "1.0", "01", "001", "1\u{200B}", "\u{FEFF}1", "１", "1,0", "I"]
    for answer in lookAlikes {
      let (_, found) = try errors(Self.header + "a,00101,Xã A,62,1,\"\(answer)\",3,\n")
      #expect(found.count == 1, "\(answer.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(found.first?.location.columnName == "d101")
      #expect(found.first?.value == answer)
    }
    for answer in ["1", " 1 ", "\t1"] {
      let (_, found) = try errors(Self.header + "a,00101,Xã A,62,1,\"\(answer)\",3,\n")
      #expect(found.isEmpty, "\(answer)")
    }
  }

  @Test func raggedRow() throws {
    let (path, found) = try errors(Self.header + "a,00101,Xã A,62,1,1,3,x\nb,00101,Xã A,62,1,1,3\n")
    let error = try #require(found.first)
    #expect(error.location.file == path)
    #expect(error.location.line == 3)
    #expect(error.location.column == 8)
    #expect(error.message.en.contains("7 fields but the header has 8"))
  }

  @Test func extraFieldNamesItsValue() throws {
    let (_, found) = try errors(Self.header + "a,00101,Xã A,62,1,1,3,x,surplus\n")
    #expect(found.first?.value == "surplus")
    #expect(found.first?.location.column == 9)
  }

  @Test func unterminatedQuoteNamesTheLineWhereTheFieldStarts() throws {
    let text = Self.header + "a,00101,Xã A,62,1,1,3,\"ok\nstill ok\"\nb,00101,Xã A,62,1,1,3,\"never closed\nmore\n"
    let (_, found) = try errors(text)
    let error = try #require(found.first)
    #expect(found.count == 1)
    #expect(error.location.line == 4, "line 2-3 is the first record, its comment spans two lines")
    #expect(error.location.column == 8)
    #expect(error.value?.hasPrefix("never closed") == true)
    #expect(error.message.en.contains("never closed"))
  }

  @Test func strayQuoteInsideAnUnquotedField() throws {
    let (_, found) = try errors(Self.header + "a,00101,Xã A,62,1,1,3,say \"hi\" twice\n")
    #expect(found.first?.message.en.contains("misplaced quote") == true)
    #expect(found.first?.location.line == 2)
  }

  @Test func requiredColumnMissing() throws {
    let (path, found) = try errors("_uuid,ma,commune_name,province_code,weight,d101\na,00101,Xã A,62,1,1\n")
    let error = try #require(found.first)
    #expect(error.location == SourceLocation(file: path, line: 1))
    #expect(error.value == "commune_code")
    #expect(error.fix.en.contains("aliases"))
  }

  @Test func duplicateIdWithDifferentAnswers() throws {
    let (_, found) = try errors(
      Self.header + "a,00101,Xã A,62,1,1,3,\nb,00101,Xã A,62,1,1,3,\na,00101,Xã A,62,1,2,3,\n")
    let error = try #require(found.first)
    #expect(found.count == 1)
    #expect(error.location.line == 4)
    #expect(error.message.en == "respondent id a already appears (line 2) with different answers.")
  }

  @Test func duplicateIdWithSameAnswersIsDroppedWithAWarning() throws {
    let path = try writeTemporary(Self.header + "a,00101,Xã A,62,1,1,3,\na,00101,Xã A,62,1,1,3,other comment\n")
    let result = ExportReader.read([path], questionnaire: try questionnaire(Self.yaml))
    #expect(!result.hasErrors)
    #expect(result.table.count == 1)
    #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.en.contains("identical answers") })
  }

  @Test func undeclaredLegacyBytesNameTheOffsetAndSuggestEncoding() throws {
    var bytes = Array((Self.header + "a,00101,X").utf8)
    let offset = bytes.count + 1
    bytes += [0x61, 0xDE] + Array(",62,1,1,3,\n".utf8)  // "ã" in CP1258: a + combining tilde
    let path = try writeTemporary(bytes)
    let result = ExportReader.read([path], questionnaire: try questionnaire(Self.yaml))
    let error = try #require(result.errors.first)
    #expect(error.message.en.contains("byte offset \(offset)"))
    #expect(error.value == "0xDE 0x2C 0x36 0x32")
    #expect(error.location.line == 2)
    #expect(error.fix.en.contains("--encoding cp1258"))
    let fixed = ExportReader.read(
      [path], questionnaire: try questionnaire(Self.yaml), options: ReadOptions(encoding: .cp1258))
    #expect(!fixed.hasErrors)
    #expect(fixed.table.units.levels[0][0].name == "Xã")
  }

  @Test func badWeightAndEmptyUnit() throws {
    let (_, found) = try errors(Self.header + "a,00101,Xã A,62,abc,1,3,\nb,,Xã A,62,1,1,3,\nc,00101,Xã A,62,0,1,3,\n")
    #expect(found.count == 3)
    #expect(found[0].location.line == 2 && found[0].value == "abc" && found[0].location.columnName == "weight")
    #expect(found[1].location.line == 3 && found[1].message.en.contains("unit (commune) code is empty"))
    #expect(found[2].location.line == 4 && found[2].value == "0")
  }

  @Test func validateListsEveryProblemInTheFile() throws {
    let text =
      Self.header
      + "a,00101,Xã A,62,1,7,3,\n"  // answer outside codes
      + "b,00101,Xã A,62,1,1,3\n"  // ragged
      + "c,00101,Xã A,62,x,1,3,\n"  // bad weight
      + "d,00101,Xã A,62,1,1,9,\n"  // likert outside range
      + "e,00101,Xã A,62,1,1,3,\"open\n"  // unterminated quote
    let path = try writeTemporary(text)
    let outcome = try ValidateCommand.run(
      files: [path], questionnairePath: try writeTemporary(Self.yaml, name: "q.yaml"), read: ReadOptions(),
      language: .en)
    #expect(!outcome.passed)
    let lines = outcome.diagnostics.filter { $0.severity == .error }.compactMap(\.location.line)
    #expect(lines == [2, 3, 4, 5, 6])
    #expect(outcome.summary.contains("5 errors"))
  }

  @Test func errorsInSecondFileDoNotHideTheFirstFilesProblems() throws {
    let first = try writeTemporary(Self.header + "a,00101,Xã A,62,1,7,3,\n", name: "one.csv")
    let second = try writeTemporary(Self.header + "b,00101,Xã A,62,1,1,3\n", name: "two.csv")
    let result = ExportReader.read([first, second], questionnaire: try questionnaire(Self.yaml))
    #expect(result.errors.map(\.location.file) == [first, second])
  }

  @Test func duplicateAcrossFiles() throws {
    let first = try writeTemporary(Self.header + "a,00101,Xã A,62,1,1,3,\n", name: "one.csv")
    let second = try writeTemporary(Self.header + "a,00101,Xã A,62,1,2,3,\n", name: "two.csv")
    let result = ExportReader.read([first, second], questionnaire: try questionnaire(Self.yaml))
    let error = try #require(result.errors.first)
    #expect(error.location.file == second)
    #expect(error.message.en.contains("(\(first), data record 1)"))
  }

  @Test func communeUnderTwoParents() throws {
    let (_, found) = try errors(Self.header + "a,00101,Xã A,62,1,1,3,\nb,00101,Xã A,46,1,1,3,\n")
    #expect(found.first?.message.en.contains("commune 00101 was under 62") == true)
    #expect(found.first?.location.line == 3)
  }
}
