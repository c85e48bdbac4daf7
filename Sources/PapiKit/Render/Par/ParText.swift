/// The words and numbers of PAR INDEX reports, in one language: points as the seeds write
/// them ("12,89/13 điểm"), offices with their share, the change from last year.
struct ParText {
  let language: Language
  var vi: Bool { language == .vi }
  var format: NumberFormatting { NumberFormatting(language: language) }

  /// Points as documents write them: up to two decimals, no trailing zeros ("12,89", "13").
  func points(_ value: Double) -> String { format.trimmed(value, 2) }

  /// An index to three decimals ("91,969").
  func index(_ value: Double) -> String { format.fixed(value, 3) }

  /// "a/b" points.
  func fraction(_ points: Double, _ maximum: Double) -> String { "\(self.points(points))/\(self.points(maximum))" }

  /// The offices a loss falls to, each with its role and share: "Phòng Tư pháp (0,5); …".
  func offices(_ loss: ParLoss) -> String {
    loss.offices.map { share in
      var text = share.office.name
      if let role = share.office.role { text += ", \(role)" }
      if let count = share.office.count { text += vi ? ", \(points(count)) hồ sơ" : ", \(points(count)) cases" }
      return text + " (\(points(share.lost)))"
    }.joined(separator: "; ")
  }

  /// A signed change ("+5,498", "−1").
  func change(_ value: Double, decimals: Int = 3) -> String {
    let text = format.fixed(abs(value), decimals)
    return value > 5e-10 ? "+" + text : value < -5e-10 ? "−" + text : text
  }

  /// "hạng 1/10" or "rank 1 of 10".
  func rank(_ rank: Int?, of: Int?) -> String {
    guard let rank else { return "—" }
    guard let of else { return vi ? "hạng \(rank)" : "rank \(rank)" }
    return vi ? "hạng \(rank)/\(of)" : "rank \(rank) of \(of)"
  }

  /// A field's or criterion's name.
  func name(_ code: String, in set: ParCriteriaSet) -> String {
    set.criterion(code)?.name.text(language) ?? code
  }
}
