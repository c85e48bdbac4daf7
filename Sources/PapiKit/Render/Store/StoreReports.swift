/// What `papi import`, `papi waves` and `papi imports` print.
public enum ImportReport {
  public static func text(
    _ outcome: ImportOutcome, rejected: Int, rejectsPath: String?, database: String, language: Language
  ) -> String {
    let format = NumberFormatting(language: language)
    let vi = language == .vi
    var out = ""
    for file in outcome.files {
      out +=
        vi
        ? "\(file.path): đọc \(format.integer(file.rowsRead)) dòng; mới \(format.integer(file.imported)), thay "
          + "\(format.integer(file.replaced)), đã có \(format.integer(file.unchanged)), trùng bỏ qua "
          + "\(format.integer(file.skipped)), loại \(format.integer(file.rejected))\n"
        : "\(file.path): read \(format.integer(file.rowsRead)) rows; new \(format.integer(file.imported)), replaced "
          + "\(format.integer(file.replaced)), already stored \(format.integer(file.unchanged)), duplicates skipped "
          + "\(format.integer(file.skipped)), rejected \(format.integer(file.rejected))\n"
    }
    if outcome.noOp {
      out +=
        vi
        ? "Không có gì thay đổi: mọi dòng đã có sẵn trong đợt \(outcome.wave) (\(database)).\n"
        : "Nothing changed: every row is already stored in wave \(outcome.wave) (\(database)).\n"
    } else {
      let imported = outcome.files.reduce(0) { $0 + $1.imported }
      let replaced = outcome.files.reduce(0) { $0 + $1.replaced }
      out +=
        vi
        ? "Đã lưu đợt \(outcome.wave) vào \(database): \(format.integer(imported)) người trả lời mới, "
          + "\(format.integer(replaced)) được thay.\n"
        : "Stored wave \(outcome.wave) in \(database): \(format.integer(imported)) new respondents, "
          + "\(format.integer(replaced)) replaced.\n"
    }
    let comments = outcome.feedback.reduce(0) { $0 + $1.imported + $1.replaced + $1.unchanged }
    if comments > 0 {
      let new = outcome.feedback.reduce(0) { $0 + $1.imported }
      out +=
        vi
        ? "Ý kiến trong các cột tự do: \(format.integer(comments)) (mới \(format.integer(new))), đã che thông tin cá "
          + "nhân; xem `papi feedback report --wave \(outcome.wave)`.\n"
        : "Comments in the free-text columns: \(format.integer(comments)) (new \(format.integer(new))), personal "
          + "data masked; see `papi feedback report --wave \(outcome.wave)`.\n"
    }
    if rejected > 0, let rejectsPath {
      out +=
        vi
        ? "\(format.integer(rejected)) dòng bị loại được ghi vào \(rejectsPath) kèm lý do.\n"
        : "\(format.integer(rejected)) rejected rows were written to \(rejectsPath) with their reasons.\n"
    }
    return out
  }
}

/// What `papi waves` prints: one line per stored wave.
public enum WavesReport {
  public static func text(_ waves: [WaveSummary], language: Language) -> String {
    let vi = language == .vi
    if waves.isEmpty { return vi ? "Chưa có đợt khảo sát nào.\n" : "No waves yet.\n" }
    let format = NumberFormatting(language: language)
    var out =
      fit(vi ? "Đợt" : "Wave", 12) + " " + fit(vi ? "Bảng hỏi" : "Questionnaire", 16) + " "
      + fit(vi ? "Người TL" : "Respondents", 12, right: true) + " " + fit(vi ? "Số xã" : "Communes", 9, right: true)
      + "  "
      + (vi ? "Tạo lúc" : "Created") + "\n"
    for wave in waves {
      out +=
        fit(wave.name, 12) + " " + fit(wave.questionnaireID, 16) + " "
        + fit(format.integer(wave.respondents), 12, right: true)
        + " " + fit(format.integer(wave.units), 9, right: true) + "  " + LocalTime.text(wave.created, language) + "\n"
    }
    return out
  }
}

/// What `papi imports` prints: every import with its file's SHA-256 and counts.
public enum ImportLogReport {
  public static func text(_ entries: [ImportLogEntry], language: Language) -> String {
    let vi = language == .vi
    if entries.isEmpty { return vi ? "Nhật ký nhập trống.\n" : "The import log is empty.\n" }
    let format = NumberFormatting(language: language)
    var out = ""
    for entry in entries {
      out +=
        "#\(entry.id) \(LocalTime.text(entry.time, language)) \(vi ? "đợt" : "wave") \(entry.wave) — \(entry.file)\n"
      out += "    sha256 \(entry.sha256)\n"
      out +=
        vi
        ? "    đọc \(format.integer(entry.rowsRead)), mới \(format.integer(entry.imported)), thay "
          + "\(format.integer(entry.replaced)), đã có \(format.integer(entry.unchanged)), bỏ qua "
          + "\(format.integer(entry.skipped)), loại \(format.integer(entry.rejected))\n"
        : "    read \(format.integer(entry.rowsRead)), new \(format.integer(entry.imported)), replaced "
          + "\(format.integer(entry.replaced)), unchanged \(format.integer(entry.unchanged)), skipped "
          + "\(format.integer(entry.skipped)), rejected \(format.integer(entry.rejected))\n"
      out +=
        "    \(vi ? "bảng hỏi" : "questionnaire") \(entry.questionnaireID) \(entry.questionnaireHash.prefix(16))…, "
        + "papi \(entry.toolVersion)\n"
    }
    return out
  }
}

/// What `papi feedback import` prints.
public enum FeedbackImportText {
  public static func text(
    _ counts: [FeedbackCounts], repeats: Int, wave: String, database: String, language: Language
  ) -> String {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    var out = ""
    for file in counts {
      out +=
        vi
        ? "\(file.file): mới \(format.integer(file.imported)), thay \(format.integer(file.replaced)), đã có "
          + "\(format.integer(file.unchanged))\n"
        : "\(file.file): new \(format.integer(file.imported)), replaced \(format.integer(file.replaced)), already "
          + "stored \(format.integer(file.unchanged))\n"
    }
    if repeats > 0 {
      out +=
        vi
        ? "\(format.integer(repeats)) dòng lặp lại y hệt dòng trước được đọc một lần.\n"
        : "\(format.integer(repeats)) rows repeating an earlier row exactly were read once.\n"
    }
    let stored = counts.reduce(0) { $0 + $1.imported + $1.replaced }
    out +=
      stored == 0
      ? (vi
        ? "Không có gì thay đổi: mọi ý kiến đã có trong đợt \(wave) (\(database)).\n"
        : "Nothing changed: every item is already stored in wave \(wave) (\(database)).\n")
      : (vi
        ? "Đã lưu \(format.integer(stored)) ý kiến vào đợt \(wave) (\(database)), đã che thông tin cá nhân.\n"
        : "Stored \(format.integer(stored)) items in wave \(wave) (\(database)), personal data masked.\n")
    return out
  }
}

/// What `papi units list` prints: one unit per line (code, level, name, parent), in code
/// order.
public enum UnitListText {
  /// One unit a line within 80 columns: code, level, name, the code above it and the
  /// dates the unit is valid.
  public static func text(_ units: [String: RegisterUnit], language: Language) -> String {
    let vi = language == .vi
    var text =
      fit(vi ? "Mã" : "Code", 8) + fit(vi ? "Cấp" : "Level", 10) + fit(vi ? "Tên" : "Name", 30)
      + fit(vi ? "Cấp trên" : "Parent", 9) + (vi ? "Hiệu lực" : "Valid") + "\n"
    func date(_ iso: String?) -> String { iso.flatMap { CivilDate($0) }.map { $0.text(language) } ?? iso ?? "" }
    for unit in units.values.sorted(by: { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }) {
      let valid =
        unit.validFrom == nil && unit.validTo == nil ? "" : "\(date(unit.validFrom))–\(date(unit.validTo))"
      text +=
        (fit(printable(unit.code), 7) + " " + fit(levelLabel(unit.level, language), 9) + " "
        + fit(printable(unit.name), 29) + " " + fit(printable(unit.parent ?? ""), 8) + " " + valid)
        .trimmingTrailingSpaces() + "\n"
    }
    return text
  }
}

/// What `papi par import` stored, per file and in all.
public enum ParImportText {
  public static func text(_ entries: [ParImportEntry], year: String, database: String, language: Language) -> String {
    let vi = language == .vi
    let format = NumberFormatting(language: language)
    var out = ""
    for file in entries {
      out +=
        vi
        ? "\(file.file): \(format.integer(file.rowsRead)) dòng; mới \(format.integer(file.imported)), thay "
          + "\(format.integer(file.replaced)), đã có \(format.integer(file.unchanged))\n"
        : "\(file.file): \(format.integer(file.rowsRead)) rows; new \(format.integer(file.imported)), replaced "
          + "\(format.integer(file.replaced)), already stored \(format.integer(file.unchanged))\n"
    }
    let stored = entries.reduce(0) { $0 + $1.imported + $1.replaced }
    out +=
      stored == 0
      ? (vi
        ? "Không có gì thay đổi: mọi dòng đã có trong năm \(year) (\(database)).\n"
        : "Nothing changed: every row is already stored for \(year) (\(database)).\n")
      : (vi
        ? "Đã lưu \(format.integer(stored)) dòng kết quả Chỉ số CCHC năm \(year) (\(database)).\n"
        : "Stored \(format.integer(stored)) rows of PAR INDEX results for \(year) (\(database)).\n")
    return out
  }
}

/// What `papi par imports` prints: every PAR INDEX import with its file's SHA-256 and counts.
public enum ParImportLogReport {
  public static func text(_ entries: [ParImportEntry], language: Language) -> String {
    let vi = language == .vi
    if entries.isEmpty { return vi ? "Chưa nhập kết quả Chỉ số CCHC nào.\n" : "No PAR INDEX results were imported.\n" }
    let format = NumberFormatting(language: language)
    var out = ""
    for entry in entries {
      out += "\(LocalTime.text(entry.time, language)) \(vi ? "năm" : "year") \(entry.year) — \(entry.file)\n"
      out += "    sha256 \(entry.sha256)\n"
      out +=
        vi
        ? "    đọc \(format.integer(entry.rowsRead)), mới \(format.integer(entry.imported)), thay "
          + "\(format.integer(entry.replaced)), đã có \(format.integer(entry.unchanged)); bộ tiêu chí "
          + "\(entry.criteriaID)\n"
        : "    read \(format.integer(entry.rowsRead)), new \(format.integer(entry.imported)), replaced "
          + "\(format.integer(entry.replaced)), unchanged \(format.integer(entry.unchanged)); criteria set "
          + "\(entry.criteriaID)\n"
    }
    return out
  }
}
