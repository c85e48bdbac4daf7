/// Finds a respondent id among the rows already read, without a `String` per row: an
/// open-addressing table of row numbers keyed by a 64-bit hash of the id's bytes, each
/// match confirmed against the bytes stored in the table.
struct IDIndex: Sendable {
  enum Insertion { case new, existing(Int) }

  /// 0 when empty, else the hash's upper 32 bits above (row + 1).
  private var slots = [UInt64](repeating: 0, count: 1024)
  private var used = 0

  /// Records `id` as row `row` of `table` unless some earlier row has it.
  mutating func insert(_ id: some Collection<UInt8>, row: Int32, table: ResponseTable) -> Insertion {
    if 2 * (used + 1) > slots.count { grow(table) }
    let hash = Self.hash(id)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let fingerprint = hash >> 32
    while true {
      let entry = slots[slot]
      if entry == 0 {
        slots[slot] = fingerprint << 32 | UInt64(UInt32(row) + 1)
        used += 1
        return .new
      }
      if entry >> 32 == fingerprint {
        let other = Int(entry & 0xFFFF_FFFF) - 1
        if table.idBytes(other).elementsEqual(id) { return .existing(other) }
      }
      slot = (slot + 1) & mask
    }
  }

  private mutating func grow(_ table: ResponseTable) {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    let mask = slots.count - 1
    for entry in old where entry != 0 {
      let row = Int(entry & 0xFFFF_FFFF) - 1
      var slot = Int(truncatingIfNeeded: Self.hash(table.idBytes(row))) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// A 64-bit hash of a byte string, eight bytes at a step, with a final mix (MurmurHash3's).
  static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var word: UInt64 = 0
    var filled: UInt64 = 0
    for byte in bytes {
      word |= UInt64(byte) << (filled * 8)
      filled += 1
      if filled == 8 {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 29
        word = 0
        filled = 0
      }
    }
    hash = (hash ^ word) &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return hash
  }
}
