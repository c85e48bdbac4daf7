/// The official province lists: the 63 provinces before the 1 July 2025 reorganisation with
/// their GSO codes (two digits, as in QĐ 124/2004/QĐ-TTg and its updates), and the 34 after
/// it (QĐ 19/2025/QĐ-TTg, which keeps the code of one of the merged provinces). Published PAPI
/// scores (2011–2024) name provinces, not codes; `byFoldedName` keys them by code like every
/// other unit, and `name(_:year:)` names a code when no register is loaded.
public enum ProvinceCodes {
  static let byFoldedName: [String: String] = {
    var table: [String: String] = [:]
    for (code, name) in list { table[foldedUnitName(name)] = code }
    // Other spellings found in published tables.
    table[foldedUnitName("TP. Hồ Chí Minh")] = "79"
    table[foldedUnitName("Thành phố Hồ Chí Minh")] = "79"
    table[foldedUnitName("Huế")] = "46"
    table[foldedUnitName("Bà Rịa–Vũng Tàu")] = "77"
    return table
  }()

  static let list: [(String, String)] = [
    ("01", "Hà Nội"), ("02", "Hà Giang"), ("04", "Cao Bằng"), ("06", "Bắc Kạn"), ("08", "Tuyên Quang"),
    ("10", "Lào Cai"), ("11", "Điện Biên"), ("12", "Lai Châu"), ("14", "Sơn La"), ("15", "Yên Bái"),
    ("17", "Hòa Bình"), ("19", "Thái Nguyên"), ("20", "Lạng Sơn"), ("22", "Quảng Ninh"), ("24", "Bắc Giang"),
    ("25", "Phú Thọ"), ("26", "Vĩnh Phúc"), ("27", "Bắc Ninh"), ("30", "Hải Dương"), ("31", "Hải Phòng"),
    ("33", "Hưng Yên"), ("34", "Thái Bình"), ("35", "Hà Nam"), ("36", "Nam Định"), ("37", "Ninh Bình"),
    ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Bình"), ("45", "Quảng Trị"),
    ("46", "Thừa Thiên Huế"), ("48", "Đà Nẵng"), ("49", "Quảng Nam"), ("51", "Quảng Ngãi"), ("52", "Bình Định"),
    ("54", "Phú Yên"), ("56", "Khánh Hòa"), ("58", "Ninh Thuận"), ("60", "Bình Thuận"), ("62", "Kon Tum"),
    ("64", "Gia Lai"), ("66", "Đắk Lắk"), ("67", "Đắk Nông"), ("68", "Lâm Đồng"), ("70", "Bình Phước"),
    ("72", "Tây Ninh"), ("74", "Bình Dương"), ("75", "Đồng Nai"), ("77", "Bà Rịa - Vũng Tàu"), ("79", "Hồ Chí Minh"),
    ("80", "Long An"), ("82", "Tiền Giang"), ("83", "Bến Tre"), ("84", "Trà Vinh"), ("86", "Vĩnh Long"),
    ("87", "Đồng Tháp"), ("89", "An Giang"), ("91", "Kiên Giang"), ("92", "Cần Thơ"), ("93", "Hậu Giang"),
    ("94", "Sóc Trăng"), ("95", "Bạc Liêu"), ("96", "Cà Mau"),
  ]

  /// The 34 provinces and cities from 1 July 2025 (QĐ 19/2025/QĐ-TTg), with the provinces
  /// merged into each in a comment.
  static let after2025: [(String, String)] = [
    ("01", "Hà Nội"), ("04", "Cao Bằng"), ("08", "Tuyên Quang"),  // + Hà Giang
    ("11", "Điện Biên"), ("12", "Lai Châu"), ("14", "Sơn La"), ("15", "Lào Cai"),  // + Yên Bái
    ("19", "Thái Nguyên"),  // + Bắc Kạn
    ("20", "Lạng Sơn"), ("22", "Quảng Ninh"), ("24", "Bắc Ninh"),  // + Bắc Giang
    ("25", "Phú Thọ"),  // + Vĩnh Phúc, Hòa Bình
    ("31", "Hải Phòng"),  // + Hải Dương
    ("33", "Hưng Yên"),  // + Thái Bình
    ("37", "Ninh Bình"),  // + Hà Nam, Nam Định
    ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Trị"),  // + Quảng Bình
    ("46", "Huế"), ("48", "Đà Nẵng"),  // + Quảng Nam
    ("51", "Quảng Ngãi"),  // + Kon Tum
    ("52", "Gia Lai"),  // + Bình Định
    ("56", "Khánh Hòa"),  // + Ninh Thuận
    ("66", "Đắk Lắk"),  // + Phú Yên
    ("68", "Lâm Đồng"),  // + Đắk Nông, Bình Thuận
    ("75", "Đồng Nai"),  // + Bình Phước
    ("79", "Hồ Chí Minh"),  // + Bình Dương, Bà Rịa - Vũng Tàu
    ("80", "Tây Ninh"),  // + Long An
    ("82", "Đồng Tháp"),  // + Tiền Giang
    ("86", "Vĩnh Long"),  // + Bến Tre, Trà Vinh
    ("91", "An Giang"),  // + Kiên Giang
    ("92", "Cần Thơ"),  // + Sóc Trăng, Hậu Giang
    ("96", "Cà Mau"),  // + Bạc Liêu
  ]

  private static let before = Dictionary(uniqueKeysWithValues: list)
  private static let after = Dictionary(uniqueKeysWithValues: after2025)

  /// The official name of a province code: from the list of `year` (the 34 provinces from
  /// 2025, whose surveys ran after 1 July, the 63 before); without a year, the name both
  /// lists agree on, or the one list that has the code. Nil for a code neither has, or one
  /// each list gives to a different province when the year is not known.
  public static func name(_ code: String, year: Int?) -> String? {
    if let year {
      return year >= 2025 ? (after[code] ?? before[code]) : (before[code] ?? after[code])
    }
    switch (before[code], after[code]) {
    case (let old?, let new?): return old == new ? old : nil
    case (let old?, nil): return old
    case (nil, let new?): return new
    case (nil, nil): return nil
    }
  }
}
