/// Finds a respondent id among the rows already read, without a `String` per row: an
/// open-addressing table of row numbers keyed by a 64-bit hash of the id's bytes, each
/// match confirmed against the bytes stored in the table.
///
/// A slot holds the hash's upper 32 bits and the row; the slot's position comes from the
/// same bits, so the table grows without hashing any id again.
struct IDIndex: Sendable {
  enum Insertion {
    case new
    case existing(Int)
  }

  /// 0 when empty, else the hash's upper 32 bits above (row + 1).
  private var slots = [UInt64](repeating: 0, count: 1024)
  private var used = 0

  /// Makes room for `rows` ids in all without growing on the way.
  mutating func reserve(_ rows: Int) {
    while 2 * rows > slots.count { grow() }
  }

  /// Records `id` as row `row` of `table` unless some earlier row has it.
  mutating func insert(_ id: UnsafeRawBufferPointer, row: Int32, table: ResponseTable) -> Insertion {
    if 2 * (used + 1) > slots.count { grow() }
    let fingerprint = Self.hash(id) >> 32
    return slots.withUnsafeMutableBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(fingerprint) & mask
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
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    let mask = slots.count - 1
    for entry in old where entry != 0 {
      var slot = Int(entry >> 32) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// A 64-bit hash of a byte string, eight bytes at a step, with MurmurHash3's final mix.
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var index = 0
    let count = bytes.count
    if let base = bytes.baseAddress {
      while index + 8 <= count {
        hash = (hash ^ base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 29
        index += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while index < count {
        tail |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << shift
        shift += 8
        index += 1
      }
      hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return hash
  }
}
