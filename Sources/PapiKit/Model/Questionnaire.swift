/// How a questionnaire's scores are built (PRODUCT.md §3.2, §4).
public enum QuestionnaireKind: String, Sendable, CaseIterable {
  /// PAPI: dimensions run 1–10 and the total is their sum.
  case papi
  /// SIPAS-style: every score is a percentage, composites are means.
  case percent
}

/// A survey questionnaire: which export columns hold what, and how answers score.
public struct Questionnaire: Sendable {
  public var id: String
  public var kind: QuestionnaireKind
  public var title: LocalizedText
  public var respondent: RespondentColumns
  /// Answers that are missing for every indicator ("", "98", "Không biết"…), NFC.
  public var missing: [String]
  public var dimensions: [Dimension]
  /// Free-text columns (comments, suggestions) read as citizen feedback, when declared.
  public var feedback: [String] = []
  /// Where the questionnaire was read from, for messages.
  public var source: String

  /// Every metric id a target or a task may name: `total`, `rank`, and each dimension,
  /// sub-dimension and indicator id.
  public var metricIDs: Set<String> {
    var ids: Set<String> = ["total", "rank"]
    for dimension in dimensions {
      ids.insert(dimension.id)
      for subdimension in dimension.subdimensions {
        ids.insert(subdimension.id)
        for indicator in subdimension.indicators { ids.insert(indicator.id) }
      }
    }
    return ids
  }

  /// The dimension id of each dimension, sub-dimension and indicator id.
  public var dimensionOfMetric: [String: String] {
    var map: [String: String] = [:]
    for dimension in dimensions {
      map[dimension.id] = dimension.id
      for subdimension in dimension.subdimensions {
        map[subdimension.id] = dimension.id
        for indicator in subdimension.indicators { map[indicator.id] = dimension.id }
      }
    }
    return map
  }

  /// All indicators in questionnaire order.
  public var indicators: [Indicator] {
    dimensions.flatMap { $0.subdimensions.flatMap(\.indicators) }
  }
}

/// The respondent-level columns of an export.
public struct RespondentColumns: Sendable {
  /// Candidate respondent-id columns; the first one present in an export wins. Empty for
  /// `id: none`: each row is then known by its file's SHA-256 and its row.
  public var id: [String]
  public var unit: String
  public var unitName: String?
  /// Parent unit columns, nearest first (district, then province).
  public var parents: [String]
  public var weight: String?
  /// The sample design's columns (`cluster`, `strata`, `fpc`), all optional: without them
  /// respondents are taken as independent (PRODUCT.md §4).
  public var design = DesignColumns()
  /// Columns with personal data: never read, stored or output.
  public var pii: [String]
  /// Other header names for any of the columns above.
  public var aliases: [String: [String]]
  /// A column that is empty for an incomplete response (LimeSurvey's `submitdate`): such rows
  /// are left out and counted. Nil: every row is a response, except in a LimeSurvey export,
  /// whose `submitdate` is used by itself.
  public var complete: String? = nil
}

/// One of the questionnaire's dimensions (PAPI's eight), with its sub-dimensions.
public struct Dimension: Sendable {
  public var id: String
  public var name: LocalizedText
  public var short: LocalizedText?
  /// Weight in the total, for `kind: percent`.
  public var weight: Double
  public var subdimensions: [Subdimension]
}

/// A sub-dimension of a dimension, with the indicators it is computed from.
public struct Subdimension: Sendable {
  public var id: String
  public var name: LocalizedText
  public var indicators: [Indicator]
}

/// How an indicator's answers are read: yes/no, a Likert or numeric scale, or scored choices.
public enum IndicatorType: String, Sendable, CaseIterable {
  case binary, likert, scale, choice
}

/// One scored question.
public struct Indicator: Sendable {
  public var id: String
  /// The column name first, then its aliases.
  public var columns: [String]
  public var text: LocalizedText?
  public var type: IndicatorType
  /// Binary answers worth 1 and 0.
  public var yes: [String]
  public var no: [String]
  /// For a select-multiple question: the option whose choice scores 1.
  public var select: String?
  /// For a select-multiple question whose cell joins the chosen options: what joins them
  /// (`", "` for Google Forms); nil: white space.
  public var separator: String? = nil
  /// For a select-multiple question: all of its options, scored or not, so that choosing
  /// one that no indicator scores is not taken for a wrong questionnaire. Empty: only the
  /// `select` options of the indicators reading the column are declared.
  public var options: [String] = []
  /// Likert and scale bounds.
  public var range: ClosedRange<Int>?
  /// Likert and scale answer labels mapped to numbers in `range`.
  public var labels: [String: Int]
  public var reverse: Bool
  /// `kind: percent`: answers counted as satisfied (value 1).
  public var satisfied: Set<Int>?
  /// Choice answers mapped to values in [0, 1], in file order.
  public var scores: [(answer: String, value: Double)]
  /// Missing codes of this indicator besides the questionnaire's.
  public var missing: [String]
  /// Weight inside its sub-dimension.
  public var weight: Double
}
