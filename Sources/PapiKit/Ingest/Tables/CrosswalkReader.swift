import Foundation

/// Reads a crosswalk (old code, new code, share) into a loaded unit set: every new code must
/// be in the set's register, and each old code's shares must add up to 1 (a split
/// commune's parts; a merged commune's sources each give 1 to the new one).
enum CrosswalkReader {
  static func read(
    _ path: String, into set: String, register: [String: RegisterUnit], options: ReadOptions = ReadOptions()
  ) throws(PapiError) -> [CrosswalkLink] {
    let table = try RecordTable.read(path, options: options)
    do throws(PapiError) {
      guard let old = table.column(["old_code", "ma_cu", "mã cũ", "from"]),
        let new = table.column(["new_code", "ma_moi", "mã mới", "to"]),
        let share = table.column(["share", "ty_le", "tỷ lệ", "weight"])
      else {
        throw PapiError(
          file: path, line: 1, value: table.header.joined(separator: ", "),
          message: L(
            "bảng chuyển đổi cần các cột old_code, new_code, share.",
            "a crosswalk needs the columns old_code, new_code, share."),
          fix: L(
            "Đặt tên cột như trên (hoặc ma_cu, ma_moi, ty_le).", "Name the columns as above (or ma_cu, ma_moi, ty_le).")
        )
      }
      var links: [CrosswalkLink] = []
      var problems: [Diagnostic] = []
      for row in table.rows {
        let oldCode = row.text(old)
        let newCode = row.text(new)
        guard !oldCode.isEmpty, !newCode.isEmpty,
          let value = Double(row.text(share).replacingOccurrences(of: ",", with: ".")),
          value > 0, value <= 1
        else {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path, line: row.line), value: row.joined,
              message: L(
                "cần mã cũ, mã mới và tỷ lệ trong (0, 1].", "needs an old code, a new code and a share in (0, 1]."),
              fix: L("Sửa dòng này.", "Correct this line.")))
          continue
        }
        if register[newCode] == nil {
          problems.append(
            Diagnostic(
              .error, SourceLocation(file: path, line: row.line, column: new + 1, columnName: table.header[new]),
              value: newCode,
              message: L(
                "mã mới \(newCode) không có trong bộ đơn vị \(set).", "new code \(newCode) is not in unit set \(set)."),
              fix: L("Sửa mã, hoặc nạp đúng sổ đơn vị mới.", "Correct the code, or load the right new register.")))
          continue
        }
        links.append(CrosswalkLink(oldCode: oldCode, newCode: newCode, share: value, line: row.line))
      }
      var totals: [String: Double] = [:]
      for link in links { totals[link.oldCode, default: 0] += link.share }
      for (code, total) in totals.sorted(by: { $0.key < $1.key }) where abs(total - 1) > 1e-6 {
        problems.append(
          Diagnostic(
            .error, SourceLocation(file: path, line: links.first { $0.oldCode == code }?.line), value: code,
            message: L(
              "tổng tỷ lệ của mã cũ \(code) là \(total), không phải 1.",
              "the shares of old code \(code) add up to \(total), not 1."),
            fix: L(
              "Một xã cũ chia cho các xã mới theo tỷ lệ có tổng bằng 1.",
              "An old commune's shares across new units must add up to 1.")))
      }
      if !problems.isEmpty { throw PapiError(problems) }
      return links
    } catch {
      // A workbook's rows are named with their sheet.
      throw error.inSheet(table.sheet, of: path)
    }
  }
}
