/// One unit of a unit register (`papi units load`): a commune, district or province with
/// its parent and the dates it was in force.
public struct RegisterUnit: Sendable, Equatable {
  public var code: String
  public var name: String
  public var level: String
  public var parent: String?
  public var validFrom: String?
  public var validTo: String?

  public init(code: String, name: String, level: String, parent: String?, validFrom: String?, validTo: String?) {
    self.code = code
    self.name = name
    self.level = level
    self.parent = parent
    self.validFrom = validFrom
    self.validTo = validTo
  }
}

/// One row of a crosswalk between unit sets: the share of an old unit's respondents that
/// count towards a new unit (many-to-many, as the 2025 resolutions are).
public struct CrosswalkLink: Sendable, Equatable {
  public var oldCode: String
  public var newCode: String
  public var share: Double
  /// The line of the file it came from.
  public var line: Int
}

/// One unit's published scores in one wave.
public struct PublishedUnit: Sendable {
  public var code: String
  public var name: String?
  public var level: String
  public var parent: String?
  public var scores: [String: Double]
  /// The published group, e.g. the official PAPI quartile group ("Cao", "TB cao"…).
  public var group: String?
}

/// One published score: a unit's metric in a wave (PRODUCT.md §3.5).
public struct PublishedScore: Sendable, Equatable {
  public var code: String
  public var name: String?
  public var level: String
  public var parent: String?
  public var wave: String
  public var metric: String
  public var score: Double
}

/// The published group of a unit in a wave (the official quartile group).
public struct PublishedGroup: Sendable, Equatable {
  public var code: String
  public var wave: String
  public var label: String
}
