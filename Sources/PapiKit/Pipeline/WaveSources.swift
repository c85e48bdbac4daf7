/// The sources commands name: export files with `-q`, or a stored wave with `--wave`.
public enum WaveSources {
  /// Export files read with the questionnaire at `questionnairePath`, or, without files,
  /// the stored wave `wave`.
  public static func named(
    files: [String], questionnairePath: String?, wave: String?, read: ReadOptions, store: (any PapiStore)?
  ) throws(PapiError) -> any WaveSource {
    if files.isEmpty {
      guard let wave else {
        throw PapiError(
          file: store?.location ?? "--db",
          message: L("không có tệp xuất nào và không có --wave.", "no export files and no --wave."),
          fix: L(
            "Đưa tệp xuất khảo sát, hoặc chọn một đợt đã nhập bằng --wave (xem `papi waves`).",
            "Give export files, or choose an imported wave with --wave (see `papi waves`)."))
      }
      return StoredWave(wave, in: try required(store))
    }
    guard let path = questionnairePath else {
      throw PapiError(
        file: files.joined(separator: ", "),
        message: L("cần bảng hỏi để đọc tệp xuất.", "reading exports needs a questionnaire."),
        fix: L(
          "Thêm -q questionnaires/papi-2024.yaml (hoặc bảng hỏi của bạn).",
          "Add -q questionnaires/papi-2024.yaml (or your own questionnaire)."))
    }
    return ExportFiles(files: files, questionnaire: try QuestionnaireLoader.load(path: path), options: read)
  }

  /// The store a request needs; an error when none was given.
  public static func required<Value>(_ store: Value?) throws(PapiError) -> Value {
    guard let store else {
      throw PapiError(
        .notFound, file: "--db",
        message: L("lệnh này cần cơ sở dữ liệu.", "this command needs the database."),
        fix: L("Chỉ cơ sở dữ liệu bằng --db.", "Give the database with --db."))
    }
    return store
  }
}
