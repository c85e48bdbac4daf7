import Foundation
internal import ZIPFoundation

/// The parts (files) of a ZIP archive such as an Office document, through ZIPFoundation:
/// each inflated in chunks as it is read, its CRC-32 checked at the end.
///
/// Sendable by hand: one thread at a time uses it (`inflateAlongside` hands it to the
/// inflating thread and waits for that thread before returning).
public final class ZipParts: @unchecked Sendable {
  private let archive: Archive

  /// Why an archive or one of its parts cannot be read, as ZIPFoundation says it.
  public struct Failure: Error, Sendable {
    public var detail: String
  }

  public init(path: String) throws(Failure) {
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw Failure(detail: "\(error)")
    }
  }

  public func contains(_ part: String) -> Bool {
    archive[part] != nil
  }

  /// The inflated size of a part (0 when there is no such part).
  public func size(of part: String) -> Int {
    archive[part].map { Int($0.uncompressedSize) } ?? 0
  }

  private struct Stopped: Error {}

  /// Inflates `part`, handing each chunk to `body` until it returns false. ZIPFoundation
  /// allocates each chunk anew: below malloc's mapping threshold (128 KiB) that costs no
  /// page faults. A missing part,
  /// damaged data or a wrong checksum is a `Failure`.
  public func inflate(
    _ part: String, chunkSize: Int = 1 << 16, _ body: (Data) -> Bool
  )
    throws(Failure)
  {
    guard let entry = archive[part] else { throw Failure(detail: "\(part) is missing") }
    do {
      _ = try withoutActuallyEscaping(body) { body in
        try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
          if !body(chunk) { throw Stopped() }
        }
      }
    } catch is Stopped {
      return
    } catch {
      throw Failure(detail: "\(part): \(error)")
    }
  }
}
