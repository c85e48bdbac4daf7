internal import CZlibChecksum
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

    public init(detail: String) {
      self.detail = detail
    }
  }

  public init(path: String) throws(Failure) {
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw Failure(detail: "\(error)")
    }
  }

  /// Every part's path, in the archive's order.
  public var paths: [String] { archive.map(\.path) }

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
  /// page faults. A missing part, damaged data or a wrong checksum is a `Failure`.
  public func inflate(_ part: String, chunkSize: Int = 1 << 16, _ body: (Data) -> Bool) throws(Failure) {
    guard let entry = archive[part] else { throw Failure(detail: "\(part) is missing") }
    var checksum: UInt = 0
    do {
      _ = try withoutActuallyEscaping(body) { body in
        // The checksum through zlib, not ZIPFoundation's (see CZlibChecksum).
        try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { chunk in
          checksum = chunk.withUnsafeBytes {
            crc32(checksum, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count))
          }
          if !body(chunk) { throw Stopped() }
        }
      }
      if entry.type == .file && UInt32(truncatingIfNeeded: checksum) != entry.checksum {
        throw Failure(detail: "\(part): CRC32 mismatch")
      }
    } catch is Stopped {
      return
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(detail: "\(part): \(error)")
    }
  }
}
