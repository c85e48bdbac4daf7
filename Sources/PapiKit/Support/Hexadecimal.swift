/// Lower-case hex of a digest.
func hexadecimal(_ digest: some Sequence<UInt8>) -> String {
  digest.map { byte in
    let hex = String(byte, radix: 16)
    return byte < 16 ? "0" + hex : hex
  }.joined()
}
