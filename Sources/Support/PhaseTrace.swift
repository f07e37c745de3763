import Foundation

/// Phase timings for finding where a run spends its time: with `PROTOCOMPAT_TRACE` set, each phase
/// boundary prints the milliseconds since the first mark, the process's page faults so far (memory
/// first touched: on a virtual machine a fault costs microseconds) and what just finished to
/// standard error (`protocompat: trace: 61.8 ms  4210 faults  parsed window 0 (50 files)`). Off, a
/// mark is one flag test; the message is built only when tracing.
public enum PhaseTrace {
    static let origin = DispatchTime.now().uptimeNanoseconds
    static let enabled = ProcessInfo.processInfo.environment["PROTOCOMPAT_TRACE"] != nil

    /// Prints `what` with the time since the first mark, when tracing.
    public static func mark(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        let start = origin
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let faults = usage.ru_minflt + usage.ru_majflt
        FileHandle.standardError.write(Data("protocompat: trace: \(String(format: "%.1f", milliseconds)) ms  \(faults) faults  \(what())\n".utf8))
    }
}
