/// What is said about the incomplete responses left out (`respondent.complete`, a
/// LimeSurvey export's empty `submitdate`), on stderr and under the score table.
enum IncompleteResponses {
  static func note(_ count: Int, of rows: Int, file: String) -> Diagnostic {
    Diagnostic(
      .note, SourceLocation(file: file),
      message: L(
        "bỏ qua \(count) trong \(rows) bài trả lời chưa hoàn thành (ô ngày nộp trống, ví dụ submitdate của "
          + "LimeSurvey).",
        "\(count) of \(rows) responses are incomplete (the submission date, such as LimeSurvey's submitdate, is "
          + "empty) and were left out."),
      fix: L("", ""))
  }

  /// The line under a score table.
  static func line(_ count: Int) -> LocalizedText {
    L(
      "Không tính \(count) bài trả lời chưa hoàn thành (chưa nộp).",
      "\(count) incomplete (unsubmitted) response\(count == 1 ? " is" : "s are") not counted.")
  }
}
