import Foundation
import FuzzTargets

#if FUZZING
    /// libFuzzer's entry: the target named by PROTOCOMPAT_FUZZ_TARGET gets every input.
    /// Built by ci/fuzz.sh with -sanitize=fuzzer,address and -DFUZZING.
    nonisolated(unsafe) let selectedTarget: ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["PROTOCOMPAT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTargets.all[name] else {
            FileHandle.standardError.write(Data("set PROTOCOMPAT_FUZZ_TARGET to one of \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        selectedTarget(bytes)
        return 0
    }

    /// libFuzzer's driver, from its runtime.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry under this name: hand over to libFuzzer's driver.
    @_cdecl("protocompat_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var vector = argv
        return runDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
    }
#else
    /// Without libFuzzer: replays inputs (`protocompat-fuzz TARGET FILE...`), for reproducing a crash
    /// under a debugger.
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTargets.all[name] else {
                print("usage: protocompat-fuzz TARGET FILE...   (targets: \(FuzzTargets.all.keys.sorted().joined(separator: ", ")))")
                exit(2)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                target([UInt8](data))
                print("\(path): ok")
            }
        }
    }
#endif
