/// A level's name for people: "xã", "huyện", "tỉnh" in Vietnamese; the level itself in English.
func levelLabel(_ level: String, _ language: Language) -> String {
  guard language == .vi else { return level }
  switch level {
  case "commune": return "xã"
  case "district": return "huyện"
  case "province": return "tỉnh"
  default: return level
  }
}

/// A metric's id as people read it: `d7`, `d2.3`; in Vietnamese "tổng" and "hạng" for the
/// total and the rank, which are words, not codes.
func metricID(_ metric: String, _ language: Language) -> String {
  guard language == .vi else { return metric }
  switch metric {
  case "total": return "tổng"
  case "rank": return "hạng"
  default: return metric
  }
}
