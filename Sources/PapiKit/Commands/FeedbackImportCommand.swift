/// What `papi feedback import` was asked to do.
public struct FeedbackImportRequest: Sendable {
  public var files: [String]
  public var wave: String
  public var read: ReadOptions
  public var replace: Bool

  public init(files: [String], wave: String, read: ReadOptions = ReadOptions(), replace: Bool = false) {
    self.files = files
    self.wave = wave
    self.read = read
    self.replace = replace
  }
}

/// `papi feedback import FILE… --wave W`: every file read and checked first (ids unique
/// across files) → all items stored in one transaction, or none → the units the wave's
/// survey does not have, said.
public enum FeedbackImportCommand {
  public static func run(
    _ request: FeedbackImportRequest, store: any FeedbackRepository & WaveRepository
  ) throws(PapiError) -> (counts: [FeedbackCounts], repeats: Int, warnings: [Diagnostic]) {
    var batches: [FeedbackBatch] = []
    var problems: [Diagnostic] = []
    var repeats = 0
    for path in request.files {
      do {
        let file = try FeedbackReader.read(path, options: request.read)
        repeats += file.repeats
        batches.append(
          FeedbackBatch(
            file: path, sha256: file.sha256, rowsRead: file.items.count + file.repeats, source: .export,
            items: file.items))
      } catch {
        problems += error.diagnostics
      }
    }
    // The same id in two files of one import is two items, not a change of one: an error
    // naming both places (two systems numbering their items 1, 2, 3… need a prefix).
    var first: [String: (file: String, line: Int)] = [:]
    for batch in batches {
      for item in batch.items {
        if let earlier = first[item.id], earlier.file != batch.file {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: batch.file, line: item.line), value: item.id,
              message: L(
                "mã \(item.id) đã có trong \(earlier.file), dòng \(earlier.line).",
                "id \(item.id) is also in \(earlier.file), line \(earlier.line)."),
              fix: L(
                "Mỗi ý kiến cần một mã riêng trong một đợt: thêm tiền tố theo kênh vào mã của một tệp (ví dụ 1022-15).",
                "Each item needs its own id within a wave: prefix one file's ids with its channel (for example "
                  + "1022-15)."
              )))
        } else if first[item.id] == nil {
          first[item.id] = (batch.file, item.line)
        }
      }
    }
    if !problems.isEmpty { throw PapiError(problems) }
    let counts = try store.storeFeedback(batches, wave: request.wave, replace: request.replace)
    // Units the wave's survey does not know: stored all the same (a petition may come from
    // a commune outside the sample), but said, as a mistyped code would never show beside
    // any scores.
    var warnings: [Diagnostic] = []
    let known = try store.unitCodes(wave: request.wave)
    if !known.isEmpty {
      for batch in batches {
        let unknown = batch.items.filter { !known.contains($0.unit) }
        guard let first = unknown.first else { continue }
        let codes = Array(Set(unknown.map(\.unit))).sorted()
        warnings.append(
          Diagnostic(
            .warning, SourceLocation(file: batch.file, line: first.line),
            value: codes.prefix(10).joined(separator: ", ") + (codes.count > 10 ? ", …" : ""),
            message: L(
              "\(unknown.count) ý kiến thuộc \(codes.count) đơn vị không có trong khảo sát đợt \(request.wave): đã "
                + "lưu, có trong `papi feedback report` nhưng không nằm cạnh điểm số nào.",
              "\(unknown.count) items concern \(codes.count) units that wave \(request.wave)'s survey does not have: "
                + "stored, in `papi feedback report`, but beside no scores."
            ),
            fix: L(
              "Nếu là mã gõ sai, sửa trong tệp rồi nhập lại với --replace.",
              "If a code is mistyped, correct it in the file and import again with --replace.")))
      }
    }
    return (counts, repeats, warnings)
  }
}
