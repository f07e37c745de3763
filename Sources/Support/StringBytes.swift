extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string (no copy of the
    /// string, unlike `withUTF8`, which needs a mutable one), through a contiguous copy otherwise.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
