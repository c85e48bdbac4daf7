/// Reads published scores (PRODUCT.md §3.5): the long form (unit_code, unit_name, level,
/// parent_code, wave, metric, score), or the wide form of the official provincial PAPI file
/// (province_vi, year, D1…D8, total_papi, tier), whose provinces are keyed by their GSO
/// codes.
enum PublishedScoresReader {
  static func read(
    _ path: String, options: ReadOptions = ReadOptions()
  ) throws(PapiError) -> (scores: [PublishedScore], groups: [PublishedGroup], sha256: String) {
    let table = try RecordTable.read(path, options: options)
    do throws(PapiError) {
      var scores: [PublishedScore] = []
      var groups: [PublishedGroup] = []
      var problems: [Diagnostic] = []
      if let province = table.column(["province_vi"]), let year = table.column(["year"]) {
        let metrics =
          (1...8).compactMap { d in table.column(["D\(d)"]).map { ("d\(d)", $0) } }
          + (table.column(["total_papi"]).map { [("total", $0)] } ?? [])
        let tier = table.column(["tier"])
        var unknown: Set<String> = []
        for row in table.rows {
          guard province < row.fields.count, year < row.fields.count else { continue }
          let name = row.fields[province]
          guard let code = ProvinceCodes.byFoldedName[foldedUnitName(name)] else {
            unknown.insert(name)
            continue
          }
          for (metric, column) in metrics where column < row.fields.count {
            // Empty cells and the zeros the official file has for unscored provinces are missing.
            guard let score = Double(row.fields[column]), score > 0 else { continue }
            scores.append(
              PublishedScore(
                code: code, name: name, level: "province", parent: nil, wave: row.fields[year], metric: metric,
                score: score))
          }
          if let label = row.value(tier) {
            groups.append(PublishedGroup(code: code, wave: row.fields[year], label: label))
          }
        }
        if !unknown.isEmpty {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path), value: unknown.sorted().joined(separator: ", "),
              message: L("không nhận ra các tỉnh này.", "these provinces are not recognised."),
              fix: L(
                "Dùng tên tỉnh trước năm 2025, hoặc dạng dài có mã đơn vị.",
                "Use the pre-2025 province names, or the long form with unit codes.")))
        }
      } else {
        let columns = ["unit_code", "unit_name", "level", "parent_code", "wave", "metric", "score"].map {
          table.column([$0])
        }
        guard let code = columns[0], let level = columns[2], let wave = columns[4], let metric = columns[5],
          let score = columns[6]
        else {
          throw PapiError(
            file: path, line: 1, value: table.header.joined(separator: ", "),
            message: L("không nhận ra dạng tệp điểm công bố.", "not a published-scores file this tool knows."),
            fix: L(
              "Dạng dài: unit_code, unit_name, level, parent_code, wave, metric, score; hoặc dạng rộng của "
                + "papi-provincial-2011-2024.csv.",
              "Long form: unit_code, unit_name, level, parent_code, wave, metric, score; or the wide form of "
                + "papi-provincial-2011-2024.csv."
            ))
        }
        for row in table.rows {
          guard let unit = row.value(code), let levelName = row.value(level), let waveName = row.value(wave),
            let metricName = row.value(metric), let number = row.value(score).flatMap(Double.init), number.isFinite
          else {
            problems.append(
              Diagnostic(
                .error, SourceLocation(file: path, line: row.line), value: row.joined,
                message: L(
                  "thiếu mã, cấp, đợt, chỉ số hoặc điểm (số).",
                  "a code, level, wave, metric or numeric score is missing."
                ),
                fix: L("Sửa dòng này.", "Correct this line.")))
            continue
          }
          scores.append(
            PublishedScore(
              code: unit, name: row.value(columns[1]), level: levelName, parent: row.value(columns[3]), wave: waveName,
              metric: metricName, score: number))
        }
      }
      if !problems.isEmpty { throw PapiError(problems) }
      return (scores, groups, table.sha256)
    } catch {
      // A workbook's rows are named with their sheet.
      throw error.inSheet(table.sheet, of: path)
    }
  }
}
