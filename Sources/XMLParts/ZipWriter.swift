import Foundation
internal import ZIPFoundation

/// A ZIP archive made in memory through ZIPFoundation (the package of a Word or Excel
/// file): parts added in order, deflated, each stamped with the same fixed time so that the
/// same content gives the same bytes.
public final class ZipWriter {
  private let archive: Archive
  /// 1 January 2001, 00:00 UTC (ZIP holds local times from 1980 on).
  private static let stamp = Date(timeIntervalSinceReferenceDate: 0)

  public init() throws(ZipParts.Failure) {
    do {
      archive = try Archive(data: Data(), accessMode: .create)
    } catch {
      throw ZipParts.Failure(detail: "\(error)")
    }
  }

  /// Adds a part at `path` (no leading slash).
  public func add(_ path: String, _ content: Data) throws(ZipParts.Failure) {
    do {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(content.count), modificationDate: Self.stamp,
        compressionMethod: .deflate
      ) { position, size in
        content.subdata(in: Int(position)..<Int(position) + size)
      }
    } catch {
      throw ZipParts.Failure(detail: "\(path): \(error)")
    }
  }

  /// The archive's bytes.
  public func finish() -> Data {
    archive.data ?? Data()
  }
}
