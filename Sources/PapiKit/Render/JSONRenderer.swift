import Foundation

/// Renders scores as the JSON of PRODUCT.md §6: sorted keys, `null` for unknown values,
/// numbers unrounded.
public enum JSONRenderer {
  public static func render(_ report: ScoreReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types with finite numbers cannot fail.
    let data = (try? encoder.encode(ReportDTO(report))) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

private struct ReportDTO: Encodable {
  let report: ScoreReport
  init(_ report: ScoreReport) { self.report = report }

  enum Keys: String, CodingKey { case tool, questionnaire, wave, level, units }
  enum ToolKeys: String, CodingKey { case name, version }
  enum QuestionnaireKeys: String, CodingKey { case id, kind }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    var tool = container.nestedContainer(keyedBy: ToolKeys.self, forKey: .tool)
    try tool.encode(report.tool, forKey: .name)
    try tool.encode(report.version, forKey: .version)
    var questionnaire = container.nestedContainer(keyedBy: QuestionnaireKeys.self, forKey: .questionnaire)
    try questionnaire.encode(report.questionnaireID, forKey: .id)
    try questionnaire.encode(report.kind.rawValue, forKey: .kind)
    try container.encode(report.wave, forKey: .wave)
    try container.encode(report.level, forKey: .level)
    try container.encode(report.units.map(UnitDTO.init), forKey: .units)
  }
}

private struct UnitDTO: Encodable {
  let unit: UnitScore
  enum Keys: String, CodingKey { case code, name, parent, respondents, total, dimensions, flags, actions }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(unit.code, forKey: .code)
    try container.encode(unit.name, forKey: .name)
    try container.encode(unit.parent, forKey: .parent)
    try container.encode(unit.respondents, forKey: .respondents)
    try container.encode(ScoreDTO(estimate: unit.total), forKey: .total)
    try container.encode(unit.dimensions.map(DimensionDTO.init), forKey: .dimensions)
    // Flags need targets and actions need a plan; `papi score` has neither.
    try container.encode([String](), forKey: .flags)
    try container.encode([String](), forKey: .actions)
  }
}

private enum ScoreKeys: String, CodingKey {
  case id, score, estimate, se, low, upp, n, complete, subdimensions, indicators
}

private func encodeEstimate(_ estimate: Estimate, valueKey: ScoreKeys, complete: Bool, into container: inout KeyedEncodingContainer<ScoreKeys>) throws {
  try container.encode(estimate.value, forKey: valueKey)
  try container.encode(estimate.se, forKey: .se)
  try container.encode(estimate.low, forKey: .low)
  try container.encode(estimate.upp, forKey: .upp)
  try container.encode(estimate.n, forKey: .n)
  if complete { try container.encode(estimate.complete, forKey: .complete) }
}

private struct ScoreDTO: Encodable {
  let estimate: Estimate
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ScoreKeys.self)
    try encodeEstimate(estimate, valueKey: .score, complete: true, into: &container)
  }
}

private struct DimensionDTO: Encodable {
  let dimension: DimensionScore
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ScoreKeys.self)
    try container.encode(dimension.id, forKey: .id)
    try encodeEstimate(dimension.score, valueKey: .score, complete: true, into: &container)
    try container.encode(dimension.subdimensions.map(SubdimensionDTO.init), forKey: .subdimensions)
  }
}

private struct SubdimensionDTO: Encodable {
  let subdimension: SubdimensionScore
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ScoreKeys.self)
    try container.encode(subdimension.id, forKey: .id)
    try encodeEstimate(subdimension.score, valueKey: .score, complete: true, into: &container)
    try container.encode(subdimension.indicators.map(IndicatorDTO.init), forKey: .indicators)
  }
}

private struct IndicatorDTO: Encodable {
  let indicator: IndicatorScore
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ScoreKeys.self)
    try container.encode(indicator.id, forKey: .id)
    try encodeEstimate(indicator.estimate, valueKey: .estimate, complete: false, into: &container)
  }
}
