/// Finds an export's delimiter among `,` `;` and tab by counting each outside quotes in
/// the first records: the delimiter is the candidate whose count is the same non-zero
/// number in every record looked at (the most such wins); failing that, the most frequent
/// one in the header.
enum DelimiterDetection {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

  static func detect(_ text: UnsafeRawBufferPointer, maxRecords: Int = 20) -> UInt8 {
    var counts: [[Int]] = []  // per record, per candidate
    var current = [0, 0, 0]
    var inQuotes = false
    var index = 0
    var recordHasContent = false
    let limit = min(text.count, 1 << 20)
    while index < limit && counts.count < maxRecords {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
        recordHasContent = true
      } else if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
        if recordHasContent { counts.append(current) }
        current = [0, 0, 0]
        recordHasContent = false
      } else if !inQuotes, let slot = candidates.firstIndex(of: byte) {
        current[slot] += 1
        recordHasContent = true
      } else {
        recordHasContent = true
      }
      index += 1
    }
    if recordHasContent && index >= text.count && counts.count < maxRecords { counts.append(current) }
    guard let header = counts.first else { return candidates[0] }
    var best: (slot: Int, count: Int)?
    for slot in 0..<candidates.count {
      let first = header[slot]
      guard first > 0, counts.allSatisfy({ $0[slot] == first }) else { continue }
      if best == nil || first > best!.count { best = (slot, first) }
    }
    if let best { return candidates[best.slot] }
    let slot = (0..<candidates.count).max { header[$0] < header[$1] } ?? 0
    return header[slot] > 0 ? candidates[slot] : candidates[0]
  }
}
