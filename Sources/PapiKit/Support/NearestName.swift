/// The "did you mean" of every place a name is typed: configuration keys, subcommands and
/// options.
public enum NearestName {
  /// The name of `known` nearest to `name`: at most two edits (one for names of up to four
  /// letters), a change of case counting for none, the same letters in another order
  /// winning a tie; else the one name `name` begins. `nil` when nothing is near enough.
  public static func nearest(_ name: String, in known: [String]) -> String? {
    let lower = Array(name.lowercased())
    let allowed = lower.count <= 4 ? 1 : 2
    var best: (String, Int)?
    for candidate in known {
      let distance = editDistance(lower, Array(candidate.lowercased()))
      guard distance <= allowed else { continue }
      // On a tie, the name with the same letters wins (`bd` is `db` typed in the wrong order).
      let sameLetters = lower.sorted() == Array(candidate.lowercased()).sorted()
      if distance < (best?.1 ?? Int.max) || (distance == best?.1 && sameLetters) { best = (candidate, distance) }
    }
    if let best { return best.0 }
    let extending = known.filter { lower.count >= 3 && $0.lowercased().hasPrefix(String(lower)) }
    return extending.count == 1 ? extending[0] : nil
  }

  /// Edits between two names: insertions, deletions, substitutions and swaps of two
  /// neighbouring letters (`unti` is one edit from `unit`), three rows at a time.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
