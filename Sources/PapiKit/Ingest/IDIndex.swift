/// Finds a respondent id among the rows already read, without a `String` per row:
/// ids are keyed by a 64-bit FNV-1a hash and confirmed against the stored bytes.
struct IDIndex: Sendable {
  enum Insertion { case new, existing(Int) }

  private var byHash: [UInt64: Int32] = [:]
  /// Ids whose hash collided with a different id.
  private var overflow: [[UInt8]: Int32] = [:]

  mutating func insert(_ id: [UInt8], row: Int32, table: ResponseTable) -> Insertion {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    guard let other = byHash[hash] else {
      byHash[hash] = row
      return .new
    }
    let end = table.idEnds[Int(other)]
    let start = other == 0 ? 0 : table.idEnds[Int(other) - 1]
    if table.idBytes[start..<end].elementsEqual(id) { return .existing(Int(other)) }
    if let found = overflow[id] { return .existing(Int(found)) }
    overflow[id] = row
    return .new
  }
}
