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
