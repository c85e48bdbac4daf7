extension Double {
  /// The shortest text that reads back as the same value, without a decimal point for a
  /// whole number: `120`, `0.05`, `1e-05` (as XML Schema writes a double; as people write
  /// a population or a fraction).
  var shortestText: String {
    self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
  }
}
