import CZlib

/// Inflates gzip data in memory with zlib, refusing output past a limit (against gzip bombs).
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `raw`: a bare deflate stream (zip entries) instead of gzip.
    static func inflate(_ input: [UInt8], limit: Int, raw: Bool = false) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header; -MAX_WBITS: no header at all.
        guard inflateInit2_(&stream, raw ? -MAX_WBITS : 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "cannot initialize zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var source = input
        let status: Int32 = source.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return -100 }
                if result == Z_STREAM_END { return Z_OK }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
        }
        switch status {
        case Z_OK: return output
        case -100: throw Failure(description: "it inflates past \(limit) bytes (\(raw ? "a zip bomb" : "a gzip bomb")?)")
        case Z_BUF_ERROR: throw Failure(description: "the \(raw ? "deflate" : "gzip") data is cut short")
        default: throw Failure(description: "not valid \(raw ? "deflate" : "gzip") data (zlib error \(status))")
        }
    }
}

/// The CRC-32 of zip entries (zlib's).
enum CRC32 {
    static func of(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count))) }
    }
}
