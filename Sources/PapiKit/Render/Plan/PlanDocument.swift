/// The improvement plan as a document in the shape of the seed plan (KH 164/KH-UBND): I.
/// purpose and requirements; II. tasks and solutions by dimension with the offices that
/// lead them; III. organisation of implementation, by lead office with deadlines ("what
/// does Phòng Tư pháp have to do, by when").
public struct PlanDocument: Sendable {
  public var wave: String
  public var compareWave: String?
  public var level: String
  public var units: Int
  public var start: CivilDate
  public var targets: String
  public var catalogue: TaskCatalogue
  public var questionnaire: Questionnaire
  /// The wave's actions at this level, from the register (with their current status).
  public var actions: [ActionItem]
  /// Flagged metrics without a task in the catalogue, with the unit's name.
  public var uncovered: [(unit: String, name: String?, metric: String)]
  public var offices: [String: Office]
  public var today: CivilDate
  /// The wave's citizen feedback, when stored: each theme is linked to the tasks that
  /// cover its dimension.
  public var feedback: FeedbackSummary?

  /// What citizens said in the units with actions, by dimension, and the catalogue's
  /// tasks for it (those of its most frequent sub-dimension, else of the dimension), marked
  /// when the unit already has an action from them.
  func feedbackBlocks(_ language: Language, units: Set<String>) -> [Block] {
    guard let feedback else { return [] }
    let vi = language == .vi
    var rows: [[String]] = []
    for unit in feedback.units where units.contains(unit.code) {
      for theme in unit.themes {
        let metric = theme.subdimensions.first?.id ?? theme.dimension
        let planned = Set(actions.filter { $0.unitCode == unit.code && $0.dimension == theme.dimension }.map(\.task))
        let tasks = catalogue.tasks(for: metric).map { task in
          task.id + (planned.contains(task.id) ? (vi ? " (đã giao)" : " (assigned)") : "")
        }
        rows.append([
          FeedbackText.unitTitle(unit), FeedbackText.dimensionName(theme.dimension, questionnaire, language),
          String(theme.count), theme.terms.prefix(3).map(\.term).joined(separator: ", "),
          tasks.isEmpty ? "—" : tasks.joined(separator: ", "),
        ])
      }
    }
    guard !rows.isEmpty else { return [] }
    return [
      .heading(3, vi ? "Ý kiến người dân và nhiệm vụ liên quan" : "Citizen feedback and the tasks that cover it"),
      .paragraph(
        vi
          ? "Ý kiến, kiến nghị của người dân (khảo sát và phản ánh) đợt \(feedback.wave) tại các đơn vị có nhiệm vụ, "
            + "theo chỉ số nội dung; cột cuối là nhiệm vụ của danh mục cho nội dung đó (“đã giao”: đơn vị đã có "
            + "nhiệm vụ này trong kế hoạch)."
          : "Citizens' comments and petitions of wave \(feedback.wave) in the units with actions, by dimension; the "
            + "last column lists the catalogue's tasks for it (“assigned”: the unit has this task in the plan)."
      ),
      .table(
        vi
          ? ["Đơn vị", "Chỉ số nội dung", "Số ý kiến", "Từ khóa", "Nhiệm vụ"]
          : ["Unit", "Dimension", "Items", "Terms", "Tasks"], rows),
    ]
  }

  func blocks(_ language: Language) -> [Block] {
    let vi = language == .vi
    let text = ActionText(language: language, offices: offices)
    let dimensions = questionnaire.dimensions
    let flaggedUnits = Set(actions.map(\.unitCode))
    let areas = Set(actions.map { "\($0.unitCode)\u{1F}\($0.metric)" })
    var blocks: [Block] = []
    blocks.append(
      .paragraph(
        vi
          ? "Căn cứ kết quả khảo sát đợt \(wave) (\(units) đơn vị cấp "
            + "\(levelName(language)))\(compareWave.map { ", so sánh với đợt \($0)" } ?? ""), mục tiêu tại "
            + "\(targets) và \(catalogue.title.vi) (\(catalogue.source)); ngày bắt đầu \(start.vietnamese)."
          : "Based on the results of survey wave \(wave) (\(units) units at \(levelName(language)) "
            + "level)\(compareWave.map { ", compared with wave \($0)" } ?? ""), the targets in \(targets) and the "
            + "\(catalogue.title.en) (\(catalogue.source)); start date \(start)."
      ))

    // I. Purpose and requirements.
    blocks.append(.heading(2, vi ? "I. MỤC ĐÍCH, YÊU CẦU" : "I. PURPOSE AND REQUIREMENTS"))
    blocks.append(.heading(3, vi ? "1. Mục đích" : "1. Purpose"))
    let byDimension = dimensions.compactMap { dimension -> String? in
      let count = Set(actions.filter { $0.dimension == dimension.id }.map { "\($0.unitCode)\u{1F}\($0.metric)" }).count
      return count == 0 ? nil : "\(dimension.name.text(language)) (\(count))"
    }
    blocks.append(
      .bullets(
        vi
          ? [
            "Khắc phục \(areas.count) nội dung bị cảnh báo tại \(flaggedUnits.count) đơn vị: "
              + "\(byDimension.isEmpty ? "không có" : byDimension.joined(separator: "; ")).",
            "Phấn đấu để ở đợt khảo sát sau mọi nội dung bị cảnh báo đạt mục tiêu, không còn nội dung nào giảm điểm "
              + "rõ rệt.",
            "Nâng cao trách nhiệm của người đứng đầu cơ quan, đơn vị và của mỗi cán bộ, công chức trong việc cải "
              + "thiện chất lượng quản trị và phục vụ Nhân dân.",
          ]
          : [
            "Remedy \(areas.count) flagged areas in \(flaggedUnits.count) units: "
              + "\(byDimension.isEmpty ? "none" : byDimension.joined(separator: "; ")).",
            "Aim for every flagged area to meet its target, and none to decline significantly, at the next "
              + "survey wave.",
            "Make the heads of agencies and every civil servant accountable for better governance and service to "
              + "citizens.",
          ]))
    blocks.append(.heading(3, vi ? "2. Yêu cầu" : "2. Requirements"))
    blocks.append(
      .bullets(
        vi
          ? [
            "Mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành; cơ quan chủ trì xây dựng kế "
              + "hoạch thực hiện lồng ghép với nhiệm vụ chuyên môn.",
            "Tiến độ được cập nhật vào sổ theo dõi (`papi actions update MÃ --status …`); mọi thay đổi được lưu lại "
              + "kèm thời gian và người cập nhật.",
            "Kết quả được đo lại ở đợt khảo sát sau trên cùng chỉ số, có khoảng tin cậy 95%.",
          ]
          : [
            "Every task has a lead office, supporting offices and a deadline; the lead office plans the work "
              + "alongside its regular duties.",
            "Progress is recorded in the register (`papi actions update ID --status …`); every change is kept with "
              + "its time and author.",
            "Results are re-measured at the next survey wave on the same metric, with 95% confidence intervals.",
          ]))

    // II. Tasks and solutions by dimension.
    blocks.append(.heading(2, vi ? "II. NHIỆM VỤ VÀ GIẢI PHÁP" : "II. TASKS AND SOLUTIONS"))
    // The dimensions in questionnaire order, then the total and the rank.
    let groups = dimensions.map { ($0.id, $0.name) } + [("total", L("Tổng điểm và thứ hạng", "Total score and rank"))]
    var number = 0
    for (id, name) in groups {
      let members = actions.filter {
        id == "total" ? ($0.metric == "total" || $0.metric == "rank") : $0.dimension == id
      }
      guard !members.isEmpty else { continue }
      number += 1
      let heading =
        id == "total"
        ? (vi ? "Về tổng điểm và thứ hạng" : name.en) : (vi ? "Với chỉ số nội dung “\(name.vi)”" : name.en)
      blocks.append(.heading(3, "\(number). \(heading)"))
      var items: [String] = []
      for task in ordered(members.map(\.task)) {
        let applied = members.filter { $0.task == task }
        guard let first = applied.first else { continue }
        var line =
          text.sentence(first.title.text(language)) + " " + (vi ? "Chủ trì: " : "Lead: ") + text.office(first.lead)
        if !first.support.isEmpty { line += (vi ? "; phối hợp: " : "; support: ") + text.support(first) }
        let dues = applied.map(\.due)
        line += (vi ? "; hạn: " : "; due: ") + (dues.min().map { $0.text(language) } ?? "")
        line +=
          ". " + (vi ? "Áp dụng tại: " : "Where: ")
          + applied.map { "\(text.unit($0)): \(text.flag($0, named: false))" }.joined(separator: "; ") + "."
        items.append(line)
      }
      blocks.append(.bullets(items))
    }
    if !uncovered.isEmpty {
      blocks.append(
        .paragraph(
          vi
            ? "Các nội dung bị cảnh báo chưa có nhiệm vụ trong danh mục (cần bổ sung vào danh mục của địa phương): "
              + uncovered.map { "\($0.name ?? $0.unit) (\($0.unit)): \(metricID($0.metric, .vi))" }.joined(
                separator: "; ") + "."
            : "Flagged areas with no task in the catalogue (add one to a local catalogue): "
              + uncovered.map { "\($0.name ?? $0.unit) (\($0.unit)): \($0.metric)" }.joined(separator: "; ") + "."))
    }

    blocks += feedbackBlocks(language, units: flaggedUnits)

    // III. Organisation of implementation: by lead office, earliest deadline first.
    blocks.append(.heading(2, vi ? "III. TỔ CHỨC THỰC HIỆN" : "III. ORGANISATION OF IMPLEMENTATION"))
    let earliest = Dictionary(grouping: actions, by: \.lead).mapValues { $0.map(\.due).min() ?? start }
    let leads = earliest.keys.sorted { (earliest[$0] ?? start, $0) < (earliest[$1] ?? start, $1) }
    for (index, lead) in leads.enumerated() {
      var heading = "\(index + 1). \(text.office(lead))"
      if let after = offices[lead]?.after2025 {
        heading += vi ? " (từ 01/7/2025: \(after.vi))" : " (since 1 July 2025: \(after.en))"
      }
      blocks.append(.heading(3, heading))
      let own = actions.filter { $0.lead == lead }.sorted {
        ($0.due, $0.unitCode, $0.metric, $0.id) < ($1.due, $1.unitCode, $1.metric, $1.id)
      }
      blocks.append(
        .table(
          vi
            ? ["Hạn", "Nhiệm vụ", "Đơn vị", "Chỉ số", "Mã", "Trạng thái"]
            : ["Due", "Task", "Unit", "Metric", "Id", "Status"],
          own.map {
            [
              $0.due.text(language), $0.title.text(language), text.unit($0), metricID($0.metric, language), $0.id,
              text.status($0, today: today),
            ]
          }))
    }
    let last = actions.map(\.due).max()
    blocks.append(
      .paragraph(
        vi
          ? "Các cơ quan, đơn vị chủ trì báo cáo kết quả thực hiện về cơ quan nội "
            + "vụ\(last.map { " trước ngày \($0.vietnamese)" } ?? ""); cơ quan nội vụ theo dõi, đôn đốc, tổng hợp và "
            + "báo cáo Ủy ban nhân dân; kết quả được đánh giá lại bằng đợt khảo sát sau."
          : "Lead offices report their results to the home-affairs office\(last.map { " by \($0)" } ?? ""); the "
            + "home-affairs office monitors, follows up, consolidates and reports to the People's Committee; results "
            + "are assessed again by the next survey wave."
      ))
    return blocks
  }

  func levelName(_ language: Language) -> String { levelLabel(level, language) }

  func title(_ language: Language) -> String {
    language == .vi
      ? "Kế hoạch duy trì và nâng cao Chỉ số PAPI — đợt \(wave)"
      : "Plan to maintain and improve the PAPI scores — wave \(wave)"
  }

  /// Distinct values in order of first appearance.
  private func ordered(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }

  /// The plan as a document, for Markdown and HTML.
  public func document(_ language: Language) -> Document {
    Document(kind: .plan, language: language, title: title(language), blocks: blocks(language))
  }
}
