import Foundation
import Testing
@testable import Reports

/// The HTML report opens in a real browser: headless Chromium (Debian package `chromium`, which
/// scripts/test installs) renders it into a screenshot that is not blank.
@Suite struct ChromiumRenderTests {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    @Test(.timeLimit(.minutes(1)))
    func reportRendersIntoANonBlankScreenshot() throws {
        guard let chromium = Self.candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("chromium is not installed: apt-get install chromium (scripts/test installs it)")
            return
        }
        let folder = try TemporaryFolder()
        let report = folder.url.appendingPathComponent("report.html")
        try Data(HTMLReport.render(try FixtureStore().indicators(), language: .ru).utf8).write(to: report)
        let blank = folder.url.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>".utf8).write(to: blank)

        let reportShot = try screenshot(report, chromium: chromium, folder: folder.url)
        let blankShot = try screenshot(blank, chromium: chromium, folder: folder.url)
        #expect(reportShot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A white page compresses to almost nothing; text and charts do not.
        #expect(reportShot.count > blankShot.count * 5, "report \(reportShot.count) bytes, blank page \(blankShot.count) bytes")
        #expect(Set(reportShot.dropFirst(64)).count > 200)
    }

    private func screenshot(_ page: URL, chromium: String, folder: URL) throws -> Data {
        let shot = folder.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--screenshot=\(shot.path)", "--window-size=800,1200", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus)")
        return try Data(contentsOf: shot)
    }
}
