import Foundation

/// Where the tests find the repository and `../shared`, wherever in `Tests/CompatTests` a test file is.
enum TestPaths {
    /// The repository's root (the folder holding Package.swift).
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) && url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// `../shared/corpus` beside the repository (CI has it; a test that needs it says so when it is missing).
    static let sharedCorpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
}
