import Foundation
import Testing

/// The HTML report of the samples as headless Chromium drew it (`make screenshot`, which
/// `make test` runs first): a real picture, not a blank page.
@Suite("The HTML report in a real browser")
struct ScreenshotTests {
  static let folder = repositoryRoot.appendingPathComponent(".build/report-samples")
  static let report = folder.appendingPathComponent("report.png").path
  static let blank = folder.appendingPathComponent("blank.png").path

  @Test(.enabled(if: FileManager.default.fileExists(atPath: report), "run `make screenshot` (make test does)"))
  func theScreenshotIsNotBlank() throws {
    let png = try Data(contentsOf: URL(fileURLWithPath: Self.report))
    let blank = try Data(contentsOf: URL(fileURLWithPath: Self.blank))
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
    func dimension(_ data: Data, _ offset: Int) -> Int {
      data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    #expect(dimension(png, 16) == 1100 && dimension(png, 20) == 1500)
    // The same window of a blank page compresses to a few kilobytes; text, tables and charts
    // make the report's picture many times larger.
    #expect(png.count > 10 * blank.count, "report \(png.count) bytes, blank page \(blank.count) bytes")
    let html = try String(contentsOf: Self.folder.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("<svg") && !html.contains("<script"))
    #expect(
      !html.contains("http://")
        || html.components(separatedBy: "http://").count - 1 == html.components(
          separatedBy: "xmlns=\"http://www.w3.org/2000/svg\""
        ).count - 1,
      "no network reference besides the SVG namespace")
  }
}
