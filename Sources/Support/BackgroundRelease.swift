import Foundation

/// Where finished structures go instead of being freed in place: a finished compilation's symbol
/// table and index are freed on another thread so that the caller goes on meanwhile (parse trees are
/// not: the compile cache frees them on the compiling thread, whose next allocations reuse the
/// memory); what a command keeps to the end (its loaded versions) is never freed, since the process
/// exits soon and the system reclaims it at once (as clang's `-disable-free` does).
public enum BackgroundRelease {
    private static let kept = KeptValues()

    /// Drops `value` on another thread.
    public static func release(_ value: some Sendable) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// Keeps `value` until the process exits: a command's versions, once it has what it needs from
    /// them, were otherwise freed on the main thread where their last use passed (10 to 15 ms of the
    /// 44k-line pair's check went to freeing its two versions before the report was written).
    public static func keepUntilExit(_ value: some Sendable) {
        kept.append(value)
    }

    private final class KeptValues: Sendable {
        private let values = Locked([any Sendable]())

        func append(_ value: some Sendable) {
            values.withLock { $0.append(value) }
        }
    }
}
