extension ParCheck {
  /// What the check found, in a sentence naming the unit and both figures.
  public func message(unit: String) -> LocalizedText {
    let vi = NumberFormatting(language: .vi)
    let en = NumberFormatting(language: .en)
    let decimals = kind == .ruleMismatch ? 3 : 2
    let (given, found) = (
      (vi.trimmed(stated, 3), en.trimmed(stated, 3)), (vi.fixed(computed, decimals), en.fixed(computed, decimals))
    )
    switch kind {
    case .statedMismatch where criterion == "index":
      return L(
        "\(unit): chỉ số ghi \(given.0) nhưng điểm các tiêu chí cho chỉ số \(found.0).",
        "\(unit): the index is stated as \(given.1) but the criteria's points give \(found.1).")
    case .statedMismatch:
      return L(
        "\(unit) \(criterion == "total" ? "tổng điểm" : "lĩnh vực \(criterion)") ghi \(given.0) điểm nhưng các "
          + "tiêu chí cộng lại được \(found.0).",
        "\(unit) \(criterion == "total" ? "total" : "field \(criterion)") is stated as \(given.1) but its criteria "
          + "add up to \(found.1).")
    case .ruleMismatch:
      return L(
        "\(unit) tiêu chí \(criterion): điểm \(given.0), nhưng quy tắc cho \(found.0) với các số đếm đã ghi.",
        "\(unit) criterion \(criterion): scored \(given.1), but its rule gives \(found.1) for the counts given.")
    case .percentMismatch:
      let written = text ?? "\(given.0)%"
      return L(
        "\(unit) tiêu chí \(criterion): lý do ghi \(written) nhưng tử số/mẫu số là \(found.0)%.",
        "\(unit) criterion \(criterion): the reason writes \(written) but numerator/denominator is \(found.1)%.")
    }
  }

  public var fix: LocalizedText {
    switch kind {
    case .statedMismatch: L("Đối chiếu với văn bản gốc.", "Check it against the original document.")
    case .ruleMismatch: L("Kiểm tra điểm và các số đếm.", "Check the score and the counts.")
    case .percentMismatch: L("Kiểm tra tỷ lệ trong lý do.", "Check the percentage in the reason.")
    }
  }
}
