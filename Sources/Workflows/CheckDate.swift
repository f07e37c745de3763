import Foundation

/// The date a check runs on, which decides whether an ignore entry has expired.
public enum CheckDate {
    /// Today as YYYY-MM-DD (UTC); `PROTOCOMPAT_TODAY` overrides it (tests, reproducible runs).
    public static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["PROTOCOMPAT_TODAY"] { return fixed }
        // gmtime_r, not DateFormatter: a formatter loads ICU, which costs more than a small check.
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
