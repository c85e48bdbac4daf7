import Foundation

/// Writes the rows `--on-error skip` set aside: every field as read (personal-data columns
/// left blank), then the file, line and reason, so they can be corrected and imported again.
enum RejectsWriter {
  static func write(_ rows: [RejectedRow], files: [FileReport], to path: String) throws(PapiError) {
    // Files with the same header share one rejects file; each other header gets its own,
    // named with -2, -3… before the extension.
    var groups: [(header: [String], text: String)] = []
    for file in files {
      let fileRows = rows.filter { $0.file == file.path }
      if fileRows.isEmpty { continue }
      var text = ""
      for row in fileRows {
        var fields = row.fields
        while fields.count < file.header.count { fields.append("") }
        text += line(fields + [row.file, row.line.map(String.init) ?? "", row.reason.vi + " / " + row.reason.en])
      }
      if let index = groups.firstIndex(where: { $0.header == file.header }) {
        groups[index].text += text
      } else {
        groups.append((file.header, line(file.header + ["papi_file", "papi_line", "papi_reason"]) + text))
      }
    }
    for (index, group) in groups.enumerated() {
      let target = index == 0 ? path : numbered(path, index + 1)
      do {
        try Data(group.text.utf8).write(to: URL(fileURLWithPath: target))
      } catch {
        throw PapiError(
          .unreadableFile, file: target,
          message: L(
            "không ghi được tệp các dòng bị loại (\(SystemReason.of(error).vi)).",
            "cannot write the rejected rows (\(SystemReason.of(error).en))."),
          fix: SystemReason.fix(errno: SystemReason.code(of: error), writing: true, option: "--rejects"))
      }
    }
  }

  static func numbered(_ path: String, _ number: Int) -> String {
    let url = URL(fileURLWithPath: path)
    let stem = url.deletingPathExtension().path
    return url.pathExtension.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(url.pathExtension)"
  }

  /// One RFC 4180 record, every field quoted.
  static func line(_ fields: [String]) -> String {
    fields.map {
      "\"" + TextEscaping.visible($0, keeping: ["\n", "\r", "\t"]).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\r\n"
  }
}
