import Foundation
import FuzzTargets
import Testing

/// Every input a fuzzer ever found a problem with (Regressions/TARGET/*), replayed through the same
/// entry point: it must return. `ci/fuzz.sh` saves new crashes there.
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static var cases: [String] {
        FuzzTargets.all.keys.sorted().flatMap { target -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func everyTargetHasARegressionFolder() {
        for target in FuzzTargets.all.keys {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(target).path), "add Regressions/\(target)")
        }
    }

    @Test(arguments: cases)
    func savedInputStillReturns(_ path: String) throws {
        let target = try #require(FuzzTargets.all[String(path.split(separator: "/")[0])])
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(path))
        target([UInt8](data))
    }
}
