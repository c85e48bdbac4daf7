internal import CLibCSV

private func onField(_ bytes: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  Unmanaged<RecordSink>.fromOpaque(context)._withUnsafeGuaranteedRef {
    $0.field(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : length))
  }
}

private func onRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  Unmanaged<RecordSink>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}

/// Runs libcsv (strict mode) over a decoded stream. All libcsv calls live in this file.
enum LibCSV {
  static func parse(
    _ stream: inout DecodedStream, delimiter: UInt8?, reportNewlines: Bool, sink: RecordSink,
    detected: (UInt8) -> Void
  ) throws(PapiError) -> RecordSyntaxFailure? {
    var parser = csv_parser()
    var options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
    if reportNewlines { options |= UInt8(CSV_REPALL_NL) }
    guard csv_init(&parser, options) == 0 else {
      throw PapiError(
        file: stream.path,
        message: L("không khởi tạo được libcsv (thiếu bộ nhớ).", "libcsv could not start (out of memory)."),
        fix: L("Đóng bớt chương trình khác rồi chạy lại.", "Close other programs and run again."))
    }
    defer { csv_free(&parser) }
    var failure: RecordSyntaxFailure?
    var first = true
    try withExtendedLifetime(sink) { () throws(PapiError) in
      let context = Unmanaged.passUnretained(sink).toOpaque()
      try stream.forEachChunk { (chunk: UnsafeRawBufferPointer) throws(PapiError) -> Bool in
        if failure != nil || sink.stop { return false }
        if first {
          first = false
          let chosen = delimiter ?? DelimiterDetection.detect(chunk)
          csv_set_delim(&parser, chosen)
          detected(chosen)
        }
        let consumed = csv_parse(&parser, chunk.baseAddress, chunk.count, onField, onRecord, context)
        if consumed != chunk.count {
          failure = RecordSyntaxFailure(unterminatedQuote: false, partialField: partial(parser))
        }
        return failure == nil && !sink.stop
      }
      if failure == nil && !sink.stop {
        if first { detected(delimiter ?? UInt8(ascii: ",")) }
        let pending = partial(parser)
        // With CSV_STRICT_FINI, csv_fini fails only when the input ends inside quotes.
        if csv_fini(&parser, onField, onRecord, context) != 0 {
          failure = RecordSyntaxFailure(unterminatedQuote: true, partialField: pending)
        }
      }
    }
    return failure
  }

  private static func partial(_ parser: csv_parser) -> String {
    guard let buffer = parser.entry_buf else { return "" }
    let count = parser.entry_pos
    return String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
  }
}
