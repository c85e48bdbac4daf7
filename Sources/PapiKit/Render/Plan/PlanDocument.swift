import Foundation

/// The improvement plan as an office signs it: the official form of Nghị định
/// 30/2020/NĐ-CP (letterhead, number, place and date, "KẾ HOẠCH" and its summary, the basis,
/// the signature and recipients) around the skeleton of the seed plan (KH 164/KH-UBND): I.
/// purpose and requirements; II. tasks and solutions by dimension, one entry per task with
/// its lead, support and deadline; III. organisation of implementation by lead office. The
/// text holds no file path, command, id, code or confidence interval: the evidence (scores,
/// intervals, targets, the units each task covers) is in the appendix table.
public struct PlanDocument: Sendable {
  public var wave: String
  public var compareWave: String?
  /// The level of the units (commune, district, province).
  public var level: String
  /// Units scored in the wave, and those the plan covers (one for a commune's own plan).
  public var units: Int
  public var ownUnit: String?
  /// The day the plan is dated and its deadlines are counted from.
  public var date: CivilDate
  public var issuer: IssuerProfile
  public var catalogue: TaskCatalogue
  public var questionnaire: Questionnaire
  /// The wave's actions the plan covers, as a plan of its date names them.
  public var actions: [ActionItem]
  public var offices: [String: Office]
  /// Whether the plan is dated on or after 1 July 2025 (current bodies, reports to the
  /// province).
  public var twoTier: Bool
  /// The wave's citizen feedback, when stored: shown in the appendix beside the tasks.
  public var feedback: FeedbackSummary?
  /// The unit set the respondents were re-expressed on (derived scores), if any.
  public var unitsAsOf: String?
  /// The published-scores set the plan acts on, if it is made from one.
  public var published: String?

  /// The plan as a document.
  public func document(_ language: Language) -> Document {
    var blocks: [Block] = [.letterhead(letterhead(language))]
    blocks += opening(language)
    blocks += purpose(language)
    let (tasks, labels) = taskBlocks(language)
    blocks += tasks
    blocks += organisation(language, labels: labels)
    blocks.append(.paragraph(closing(language), .body))
    blocks.append(.signature(signature(language)))
    blocks.append(.landscape(appendix(language, labels: labels)))
    return Document(kind: .plan, language: language, title: title(language), blocks: blocks)
  }

  // MARK: Head

  var year: Int { date.year }

  /// The index's name as the documents write it.
  private func index(_ language: Language) -> (long: String, short: String) {
    switch (questionnaire.kind, language) {
    case (.papi, .vi): return ("Chỉ số hiệu quả quản trị và hành chính công (PAPI)", "Chỉ số PAPI")
    case (.papi, .en): return ("Provincial Governance and Public Administration Performance Index (PAPI)", "PAPI")
    case (.percent, .vi): return ("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "Chỉ số SIPAS")
    case (.percent, .en): return ("Satisfaction Index of Public Administrative Services (SIPAS)", "SIPAS")
    }
  }

  /// The survey's results named by its questionnaire's own title, not as the official
  /// index it is modelled on: "Kết quả khảo sát ý kiến người dân … (theo mô hình PAPI), năm
  /// 2024", with the wave when the title does not say it.
  private func surveyResults(_ language: Language) -> String {
    let title = questionnaire.title.text(language)
    let named = title.prefix(1).lowercased() + title.dropFirst()
    let wave = title.contains(self.wave) ? "" : " (\(waveName(language)))"
    return (language == .vi ? "Kết quả " : "The results of the ") + named + wave
  }

  func title(_ language: Language) -> String {
    language == .vi
      ? "Kế hoạch duy trì và nâng cao \(index(.vi).short) năm \(year)"
      : "Plan to maintain and improve the \(index(.en).short) scores, \(year)"
  }

  private func letterhead(_ language: Language) -> Letterhead {
    let vi = language == .vi
    let summary =
      vi
      ? ["Duy trì và nâng cao \(index(.vi).long)", "năm \(year)"]
      : ["Maintaining and improving the \(index(.en).long)", "in \(year)"]
    return Letterhead(
      parent: issuer.parent, issuer: issuer.body, number: issuer.numberLine(kind: "KH"),
      placeAndDate: vi ? issuer.placeAndDate(date) : "\(issuer.place), \(date.english)",
      kind: vi ? "KẾ HOẠCH" : "PLAN", summary: summary)
  }

  /// The basis lines, then what the survey found and what the plan is for.
  private func opening(_ language: Language) -> [Block] {
    let vi = language == .vi
    var blocks = issuer.basis.map { Block.paragraph($0, .basis) }
    let flagged = Set(actions.map { "\($0.unitCode)\u{1F}\($0.metric)" })
    let declined = Set(actions.filter { $0.flag == .declined }.map { "\($0.unitCode)\u{1F}\($0.metric)" }).count
    let unitCount = Set(actions.map(\.unitCode)).count
    let dimensions = dimensionNames(language)
    let place =
      ownUnit.map { vi ? "tại \(Self.inSentence($0))" : "in \($0)" }
      ?? (vi ? "tại \(units) \(unitNoun(.vi))" : "in \(units) \(unitNoun(.en))")
    // Where the scores come from: the survey, the published results, or the survey
    // re-expressed on the units after a merger.
    let source =
      published != nil
      ? (vi
        ? "Kết quả \(index(.vi).short) \(waveName(.vi)) đã công bố"
        : "The published \(index(.en).short) results \(waveName(.en))")
      : surveyResults(language)
    var found: String
    if actions.isEmpty {
      found =
        vi
        ? "\(source) \(place) không có nội dung nào chưa đạt mục tiêu hoặc giảm điểm."
        : "\(source) \(place) found no area below its target or declining."
    } else {
      let counts =
        vi
        ? "\(flagged.count) nội dung chưa đạt mục tiêu hoặc giảm điểm"
          + (declined > 0 ? " (trong đó \(declined) nội dung giảm điểm so với năm trước)" : "")
        : "\(flagged.count) areas below target or declining"
          + (declined > 0 ? " (\(declined) of them lower than the year before)" : "")
      // "ở 21 đơn vị" only when not every unit surveyed has something to remedy.
      let whereFound =
        ownUnit == nil && unitCount < units
        ? (vi ? " ở \(unitCount) \(unitNoun(.vi))" : " in \(unitCount) of them") : ""
      found =
        vi
        ? "\(source) \(place) cho thấy còn \(counts)\(whereFound), tập trung ở các \(partName(.vi)): "
          + "\(dimensions.joined(separator: "; ")) (chi tiết tại Phụ lục kèm theo)."
        : "\(source) \(place) found \(counts)\(whereFound), mostly in: \(dimensions.joined(separator: "; ")) "
          + "(details in the appendix)."
    }
    if let set = unitsAsOf {
      found +=
        vi
        ? " Điểm của các đơn vị sau sắp xếp được quy đổi từ kết quả khảo sát theo địa giới cũ (bộ đơn vị \(set)), là "
          + "số liệu ước tính."
        : " The scores of the merged units are derived from the survey of the former units (unit set \(set)): they "
          + "are estimates."
    }
    blocks.append(.paragraph(found))
    blocks.append(
      .paragraph(
        vi
          ? "Nhằm khắc phục những tồn tại, hạn chế, duy trì và nâng cao \(index(.vi).short) năm \(year), "
            + "\(issuer.name) ban hành Kế hoạch với các nội dung sau:"
          : "To remedy these shortcomings and to maintain and improve the \(index(.en).short) scores in \(year), "
            + "\(issuer.name) issues this plan as follows:"))
    return blocks
  }

  /// "năm 2024" for a wave named by its year, else "đợt sipas-2024".
  private func waveName(_ language: Language) -> String {
    let year = wave.count == 4 && Int(wave) != nil
    switch language {
    case .vi: return year ? "năm \(wave)" : "đợt \(wave)"
    case .en: return year ? "of \(wave)" : "of wave \(wave)"
    }
  }

  /// What the survey's parts are called: PAPI's "chỉ số nội dung", SIPAS's "yếu tố".
  private func partName(_ language: Language) -> String {
    switch (questionnaire.kind, language) {
    case (.papi, .vi): return "chỉ số nội dung"
    case (.papi, .en): return "dimension"
    case (.percent, .vi): return "yếu tố"
    case (.percent, .en): return "element"
    }
  }

  /// What the units are called: "xã, phường", "tỉnh, thành phố".
  private func unitNoun(_ language: Language) -> String {
    switch (level, language) {
    case ("commune", .vi): return "xã, phường"
    case ("province", .vi): return "tỉnh, thành phố"
    case (_, .vi): return "đơn vị"
    case ("commune", .en): return "communes"
    case ("province", .en): return "provinces"
    case (_, .en): return "units"
    }
  }

  /// A unit's name inside a sentence: "xã Mường Hoong", "thị trấn Đắk Glei" (the kind of
  /// unit is a common noun).
  static func inSentence(_ name: String) -> String {
    for kind in ["Xã ", "Phường ", "Thị trấn ", "Đặc khu ", "Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Các "]
    where name.hasPrefix(kind) {
      return kind.lowercased() + name.dropFirst(kind.count)
    }
    return name
  }

  /// "Trách nhiệm giải trình với người dân (3)": each flagged dimension with its number of
  /// areas, in the questionnaire's order, then the total.
  private func dimensionNames(_ language: Language) -> [String] {
    var names: [String] = []
    for (id, name) in groups {
      let count = Set(members(of: id).map { "\($0.unitCode)\u{1F}\($0.metric)" }).count
      if count > 0 { names.append("\(name.text(language)) (\(count))") }
    }
    return names
  }

  // MARK: I. Purpose and requirements

  private func purpose(_ language: Language) -> [Block] {
    let vi = language == .vi
    let goal = issuer.goal.map { vi ? ", góp phần \($0)" : ", contributing to \($0)" } ?? ""
    return [
      .heading(2, vi ? "I. MỤC ĐÍCH, YÊU CẦU" : "I. PURPOSE AND REQUIREMENTS"),
      .heading(3, vi ? "1. Mục đích" : "1. Purpose"),
      .bullets(
        vi
          ? [
            "Tập trung khắc phục những tồn tại, hạn chế nêu trên; phấn đấu đến kỳ khảo sát năm sau các nội dung "
              + "này đạt mục tiêu, không còn nội dung giảm điểm\(goal).",
            "Nâng cao trách nhiệm của người đứng đầu cơ quan, đơn vị và của mỗi cán bộ, công chức, viên chức trong "
              + "việc cải thiện chất lượng quản trị, hành chính công và phục vụ Nhân dân.",
          ]
          : [
            "Remedy the shortcomings above; aim for each area to meet its target, and none to decline, at next "
              + "year's survey\(goal).",
            "Make the heads of agencies and every civil servant accountable for better governance, public "
              + "administration and service to citizens.",
          ]),
      .heading(3, vi ? "2. Yêu cầu" : "2. Requirements"),
      .bullets(
        vi
          ? [
            "Mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành; cơ quan chủ trì xây dựng kế "
              + "hoạch thực hiện, lồng ghép với nhiệm vụ chuyên môn và báo cáo kết quả đúng thời hạn.",
            "Kết quả thực hiện được theo dõi thường xuyên và được đánh giá lại bằng kết quả khảo sát năm sau trên "
              + "cùng chỉ số.",
          ]
          : [
            "Every task has a lead office, supporting offices and a deadline; the lead office plans the work "
              + "alongside its regular duties and reports on time.",
            "Progress is followed throughout, and the results are assessed again by next year's survey on the same "
              + "measures.",
          ]),
    ]
  }

  // MARK: II. Tasks and solutions

  /// The dimensions in the questionnaire's order, then the total and the rank.
  private var groups: [(id: String, name: LocalizedText)] {
    questionnaire.dimensions.map { ($0.id, $0.name) } + [("total", L("Tổng điểm và thứ hạng", "Total score and rank"))]
  }

  private func members(of group: String) -> [ActionItem] {
    actions.filter { group == "total" ? ($0.metric == "total" || $0.metric == "rank") : $0.dimension == group }
  }

  /// One entry per task of each dimension, lettered ("a)", "b)"), with its lead, support
  /// and deadline; and each task's label ("1.a") for section III and the appendix.
  private func taskBlocks(_ language: Language) -> ([Block], [String: String]) {
    let vi = language == .vi
    let text = ActionText(language: language, offices: offices)
    var blocks: [Block] = [
      .heading(2, vi ? "II. NHIỆM VỤ VÀ GIẢI PHÁP" : "II. TASKS AND SOLUTIONS"),
      .paragraph(
        vi
          ? "Để khắc phục những tồn tại, hạn chế nêu trên, \(issuer.name) yêu cầu các cơ quan, đơn vị "
            + "thực hiện các nhiệm vụ, giải pháp sau:"
          : "To remedy these shortcomings, \(issuer.name) asks the agencies and units concerned to carry out the "
            + "following tasks:"),
    ]
    var labels: [String: String] = [:]
    var number = 0
    for (id, name) in groups {
      let members = members(of: id)
      guard !members.isEmpty else { continue }
      number += 1
      let heading =
        id == "total"
        ? (vi ? "Về tổng điểm và thứ hạng" : "The total score and the rank")
        : (vi ? "Với \(partName(.vi)) “\(name.vi)”" : "\(partName(.en).capitalized) “\(name.en)”")
      blocks.append(.heading(3, "\(number). \(heading)"))
      // A task that covers several dimensions is written once, under the first; the others
      // point to it.
      let tasks = ordered(members.map(\.task))
      let elsewhere = tasks.filter { labels[$0] != nil }
      for (letterIndex, task) in tasks.filter({ labels[$0] == nil }).enumerated() {
        let applied = members.filter { $0.task == task }
        guard let first = applied.first else { continue }
        let letter = Self.letter(letterIndex)
        labels[task] = "\(number).\(letter)"
        var line = "\(letter)) " + text.sentence(first.title.text(language)) + " "
        line += (vi ? "Chủ trì: " : "Lead: ") + text.office(first.lead)
        let support = ordered(applied.flatMap(\.support)).filter { $0 != first.lead }
        if !support.isEmpty {
          line += (vi ? "; phối hợp: " : "; support: ") + support.map(text.office).joined(separator: ", ")
        }
        line += "; " + deadline(applied.map(\.due), language)
        let units = Set(applied.map(\.unitCode)).count
        if ownUnit == nil { line += vi ? " (\(units) \(unitNoun(.vi)))" : " (\(units) \(unitNoun(.en)))" }
        blocks.append(.paragraph(line + "."))
      }
      if !elsewhere.isEmpty {
        let points = Self.labelList(elsewhere.compactMap { labels[$0] })
        blocks.append(
          .paragraph(
            vi
              ? "Thực hiện cả nhiệm vụ tại điểm \(points) Mục này cho nội dung trên."
              : "Tasks \(points) of this section also cover this dimension."))
      }
    }
    return (blocks, labels)
  }

  /// "thời hạn: trước ngày 15/11/2026", or the first and last day when units differ.
  private func deadline(_ dues: [CivilDate], _ language: Language) -> String {
    let vi = language == .vi
    guard let first = dues.min(), let last = dues.max() else { return "" }
    if first == last { return vi ? "thời hạn: trước ngày \(first.vietnamese)" : "due by \(first.english)" }
    return vi
      ? "thời hạn: từ ngày \(first.vietnamese) đến ngày \(last.vietnamese) tùy đơn vị (Phụ lục)"
      : "due between \(first.english) and \(last.english) by unit (see the appendix)"
  }

  /// The points of an item as Vietnamese documents letter them (a, b, c, d, đ, e, g…).
  static func letter(_ index: Int) -> String {
    index < pointLetters.count ? pointLetters[index] : "\(index + 1)"
  }

  static let pointLetters = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
  ]

  // MARK: III. Organisation

  /// Who coordinates, and whom the results go to (nil: the issuer itself, a province).
  private func coordination(_ language: Language) -> (office: String, reportTo: String?) {
    let vi = language == .vi
    switch (issuer.level, twoTier) {
    case (.commune, true):
      return (
        vi ? "Phòng Văn hóa - Xã hội" : "the Culture and Social Affairs Office",
        issuer.reportTo
          ?? (vi
            ? "UBND tỉnh (qua Sở Nội vụ)"
            : "the provincial People's Committee (through the "
              + "Department of Home Affairs)")
      )
    case (.commune, false):
      return (
        vi ? "Công chức Văn phòng - Thống kê" : "the commune's office and statistics civil servant",
        issuer.reportTo
          ?? (vi
            ? "UBND huyện (qua Phòng Nội vụ)"
            : "the district People's Committee (through the "
              + "Home Affairs Office)")
      )
    case (.province, _):
      return (vi ? "Sở Nội vụ" : "the Department of Home Affairs", issuer.reportTo)
    }
  }

  private func organisation(_ language: Language, labels: [String: String]) -> [Block] {
    let vi = language == .vi
    let text = ActionText(language: language, offices: offices)
    var blocks: [Block] = [.heading(2, vi ? "III. TỔ CHỨC THỰC HIỆN" : "III. ORGANISATION OF IMPLEMENTATION")]
    // Lead offices, earliest deadline first.
    let earliest = Dictionary(grouping: actions, by: \.lead).mapValues { $0.map(\.due).min() ?? date }
    let leads = earliest.keys.sorted { (earliest[$0] ?? date, $0) < (earliest[$1] ?? date, $1) }
    let (coordinator, reportTo) = coordination(language)
    for (index, lead) in leads.enumerated() {
      let own = actions.filter { $0.lead == lead }
      let points = Self.labelList(ordered(own.map(\.task)).compactMap { labels[$0] })
      let last = own.map(\.due).max() ?? date
      blocks.append(
        .paragraph(
          [
            .strong("\(index + 1). \(text.office(lead)):"),
            .text(
              vi
                ? " chủ trì nhiệm vụ \(points) Mục II; hoàn thành trước ngày \(last.vietnamese)."
                : " leads tasks \(points) of section II; finishes by \(last.english)."),
          ], .body))
    }
    let lastDue = actions.map(\.due).max()
    blocks.append(
      .paragraph(
        [
          .strong("\(leads.count + 1). \(coordinator.prefix(1).uppercased() + coordinator.dropFirst()):"),
          .text(
            vi
              ? " theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tiếp nhận báo cáo kết quả của các cơ quan "
                + "chủ trì, tổng hợp, "
                + (reportTo.map { "tham mưu \(issuer.name) báo cáo \($0)" } ?? "báo cáo \(issuer.name)")
                + "\(lastDue.map { " trước ngày \($0.vietnamese)" } ?? "")."
              : " follows up the agencies and units; receives the lead offices' reports, compiles them and "
                + (reportTo.map { "prepares the report of \(issuer.name) to \($0)" } ?? "reports to \(issuer.name)")
                + "\(lastDue.map { " by \($0.english)" } ?? "")."),
        ], .body))
    return blocks
  }

  /// Task labels in order, runs of three or more points of one item joined: "1.a, 9.a–9.đ".
  static func labelList(_ labels: [String]) -> String {
    let sorted = labels.sorted { order($0) < order($1) }
    var parts: [String] = []
    var run: [String] = []
    func flush() {
      parts += run.count >= 3 ? ["\(run[0])–\(run[run.count - 1])"] : run
      run = []
    }
    for label in sorted {
      if let last = run.last, let lastItem = last.split(separator: ".").first,
        label.split(separator: ".").first == lastItem,
        let lastPoint = last.split(separator: ".").last.map(String.init), let point = label.split(separator: ".").last,
        let index = pointLetters.firstIndex(of: lastPoint), index + 1 < pointLetters.count,
        pointLetters[index + 1] == String(point)
      {
        run.append(label)
      } else {
        flush()
        run = [label]
      }
    }
    flush()
    return parts.joined(separator: ", ")
  }

  /// "2.b" sorts after "1.c" and before "10.a": the number, then the letter.
  private static func order(_ label: String?) -> Int {
    let parts = (label ?? "").split(separator: ".")
    let number = parts.first.flatMap { Int($0) } ?? 0
    let letter = parts.dropFirst().first.flatMap { pointLetters.firstIndex(of: String($0)) ?? Int($0) } ?? 0
    return number * 1_000 + letter
  }

  private func closing(_ language: Language) -> [Inline] {
    let (coordinator, _) = coordination(language)
    return [
      .text(
        language == .vi
          ? "Trên đây là Kế hoạch duy trì và nâng cao \(index(.vi).short) năm \(year) của \(issuer.name). Trong quá "
            + "trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo \(issuer.name) "
            + "(qua \(coordinator)) để xem xét, giải quyết./."
          : "This is the plan of \(issuer.name) to maintain and improve the \(index(.en).short) scores in \(year). "
            + "Agencies and units report any difficulty to \(issuer.name) (through \(coordinator)) without delay.")
    ]
  }

  /// The signer; the recipients one per line, each ending with ";", the last ("Lưu: VT, …")
  /// with ".".
  private func signature(_ language: Language) -> SignatureBlock { issuer.signature(language) }

  // MARK: Appendix

  /// The evidence: each flagged area of each unit with its score, interval, target and the
  /// tasks that cover it; then what citizens said, when the wave has feedback.
  private func appendix(_ language: Language, labels: [String: String]) -> [Block] {
    let vi = language == .vi
    let text = ActionText(language: language, offices: offices)
    var blocks: [Block] = [
      .heading(1, vi ? "PHỤ LỤC" : "APPENDIX"),
      .paragraph(
        vi
          ? "Kết quả \(published == nil ? "khảo sát" : "công bố") \(waveName(.vi)) và các nhiệm vụ khắc phục"
          : "\(published == nil ? "Survey" : "Published") results \(waveName(.en)) and the tasks that remedy them",
        .caption),
      .paragraph(
        vi
          ? "(Kèm theo Kế hoạch số \(issuer.number ?? "     ")/KH-\(issuer.abbreviation) ngày \(date.vietnamese) của "
            + "\(issuer.name))"
          : "(Annexed to plan no. \(issuer.number ?? "     ")/KH-\(issuer.abbreviation) of \(date.english), "
            + "\(issuer.name))", .caption),
    ]
    var rows: [[Table.Cell]] = []
    var seen: Set<String> = []
    let sorted = actions.sorted {
      (text.unit($0), Self.metricOrder($0.metric)) < (text.unit($1), Self.metricOrder($1.metric))
    }
    for action in sorted where seen.insert("\(action.unitCode)\u{1F}\(action.metric)").inserted {
      let covering = actions.filter { $0.unitCode == action.unitCode && $0.metric == action.metric }
      let tasks = Self.labelList(ordered(covering.map(\.task)).compactMap { labels[$0] })
      let d = text.decimals(action)
      let target =
        action.target.map { target in
          action.flag == .declined
            ? (vi ? "năm trước \(text.format.fixed(target, d))" : "previous \(text.format.fixed(target, d))")
            : text.format.fixed(target, d)
        } ?? "—"
      rows.append([
        Table.Cell(action.unitName ?? action.unitCode),
        Table.Cell(Self.clipped(action.metricName.text(language))),
        Table.Cell(text.estimate(action.baseline, decimals: d)), Table.Cell(target),
        Table.Cell(action.flag.label(language), highlight: .status(action.flag)),
        Table.Cell(tasks),
      ])
    }
    // A commune's own plan needs no column saying which unit each row is.
    var columns = [
      Table.Column(vi ? "Đơn vị" : "Unit"), Table.Column(vi ? "Nội dung" : "Area"),
      Table.Column(vi ? "Điểm (khoảng tin cậy 95%)" : "Score (95% CI)", alignment: .right),
      Table.Column(vi ? "Mục tiêu" : "Target", alignment: .right), Table.Column(vi ? "Đánh giá" : "Finding"),
      Table.Column(vi ? "Nhiệm vụ (Mục II)" : "Tasks (section II)"),
    ]
    if ownUnit != nil {
      columns.removeFirst()
      rows = rows.map { Array($0.dropFirst()) }
    }
    blocks.append(.table(Table(columns: columns, rows: rows, compact: true)))
    blocks += feedbackBlocks(language, labels: labels)
    return blocks
  }

  /// Dimensions before their parts, the total and the rank last.
  private static func metricOrder(_ metric: String) -> String {
    metric == "total" ? "~1" : metric == "rank" ? "~2" : metric
  }

  private static func clipped(_ text: String) -> String {
    text.count <= 44 ? text : String(text.prefix(43)) + "…"
  }

  /// What citizens said in the units the plan covers about the dimensions it has tasks for:
  /// one row per dimension, with the units, the items, the most frequent terms and the tasks.
  private func feedbackBlocks(_ language: Language, labels: [String: String]) -> [Block] {
    guard let feedback else { return [] }
    let vi = language == .vi
    var rows: [[String]] = []
    for (id, _) in groups where id != "total" {
      var units = 0
      var items = 0
      var terms: [String: Int] = [:]
      for unit in feedback.units {
        guard actions.contains(where: { $0.unitCode == unit.code && $0.dimension == id }),
          let theme = unit.themes.first(where: { $0.dimension == id })
        else { continue }
        units += 1
        items += theme.count
        for term in theme.terms { terms[term.term, default: 0] += term.count }
      }
      guard items > 0 else { continue }
      let top = terms.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map(\.key)
      let tasks = Self.labelList(ordered(members(of: id).map(\.task)).compactMap { labels[$0] })
      rows.append([
        FeedbackText.dimensionName(id, questionnaire, language), "\(units)", "\(items)", top.joined(separator: ", "),
        tasks,
      ])
    }
    guard !rows.isEmpty else { return [] }
    var columns = [
      Table.Column(vi ? "Chỉ số nội dung" : "Dimension"), Table.Column(vi ? "Số đơn vị" : "Units", alignment: .right),
      Table.Column(vi ? "Số ý kiến" : "Items", alignment: .right),
      Table.Column(vi ? "Từ khóa thường gặp" : "Frequent terms"),
      Table.Column(vi ? "Nhiệm vụ (Mục II)" : "Tasks (section II)"),
    ]
    if ownUnit != nil {
      // One unit: no count of units.
      columns.remove(at: 1)
      rows = rows.map { row in row.enumerated().filter { $0.offset != 1 }.map(\.element) }
    }
    return [
      .paragraph(
        vi
          ? "Ý kiến, kiến nghị của người dân năm \(feedback.wave) về các nội dung có nhiệm vụ"
          : "Citizens' comments and petitions of \(feedback.wave) on the areas with tasks", .caption),
      .table(Table(columns: columns, rows: rows.map { $0.map { Table.Cell($0) } }, compact: true)),
    ]
  }

  /// Distinct values in order of first appearance.
  private func ordered(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }
}

extension IssuerProfile {
  /// The signer; the recipients one per line, each ending with ";", the last ("Lưu: VT, …")
  /// with ".".
  func signature(_ language: Language) -> SignatureBlock {
    let trimmed = recipients.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;.")) }
    let lines = trimmed.enumerated().map { index, line in line + (index == trimmed.count - 1 ? "." : ";") }
    return SignatureBlock(
      recipients: lines, authority: authority + [title], name: signer,
      recipientsLabel: language == .vi ? "Nơi nhận:" : "Recipients:")
  }

  /// A report's issuer when none is given: a People's Committee whose name and signer are
  /// left blank, reporting to the Department of Home Affairs.
  public static let blankReport: IssuerProfile = {
    var report = blank
    report.body = ["ỦY BAN NHÂN DÂN", "………"]
    report.name = "Ủy ban nhân dân"
    report.recipients = ["Sở Nội vụ (để báo cáo)", "Các cơ quan, đơn vị liên quan", "Lưu: VT"]
    return report
  }()
}
