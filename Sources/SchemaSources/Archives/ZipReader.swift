/// Reads a zip archive (a wheel) in memory: the central directory, then each entry's data, with
/// every offset and size checked against the bytes, sizes capped, and CRCs verified. Written for
/// untrusted input after fuzzing found a trap, a leak and an endless loop in the library used before.
enum ZipReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One file of the archive, from the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }

    /// The entries, in central-directory order.
    static func entries(_ bytes: [UInt8], maxEntries: Int) throws(Failure) -> [Entry] {
        // The end record: the last signature within the 64 KiB a comment can take.
        guard bytes.count >= 22 else { throw Failure(description: "too short to be a zip archive") }
        var end = -1
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if u32(bytes, position) == 0x0605_4B50, position + 22 + u16(bytes, position + 20) <= bytes.count {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else { throw Failure(description: "no end of central directory record: is it a zip archive?") }
        let count = u16(bytes, end + 10)
        let size = u32(bytes, end + 12)
        let start = u32(bytes, end + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            throw Failure(description: "a ZIP64 archive: not supported for wheels")
        }
        guard count <= maxEntries else { throw Failure(description: "the archive has more than \(maxEntries) entries") }
        guard start + size <= end else { throw Failure(description: "the central directory lies outside the archive") }
        var entries: [Entry] = []
        var at = start
        for _ in 0..<count {
            guard at + 46 <= start + size, u32(bytes, at) == 0x0201_4B50 else {
                throw Failure(description: "a central directory entry is missing or malformed")
            }
            let nameLength = u16(bytes, at + 28)
            let extraLength = u16(bytes, at + 30)
            let commentLength = u16(bytes, at + 32)
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= start + size else { throw Failure(description: "a central directory entry runs past its end") }
            let nameBytes = Array(bytes[(at + 46)..<(at + 46 + nameLength)])
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                throw Failure(description: "an entry name is not valid UTF-8")
            }
            let compressed = u32(bytes, at + 20)
            let uncompressed = u32(bytes, at + 24)
            let offset = u32(bytes, at + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw Failure(description: "\(name): a ZIP64 entry: not supported for wheels")
            }
            entries.append(
                Entry(
                    name: name, method: UInt16(u16(bytes, at + 10)), crc: UInt32(u32(bytes, at + 16)),
                    compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset))
            at = next
        }
        return entries
    }

    /// An entry's bytes: stored or deflated, exactly its declared size, CRC checked.
    static func extract(_ entry: Entry, from bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(bytes, header) == 0x0403_4B50 else {
            throw Failure(description: "its local header is missing")
        }
        let dataStart = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28)
        guard dataStart + entry.compressedSize <= bytes.count else { throw Failure(description: "its data runs past the end of the archive") }
        let data = Array(bytes[dataStart..<(dataStart + entry.compressedSize)])
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw Failure(description: "a stored entry whose two sizes differ") }
            output = data
        case 8:
            do {
                output = try Gzip.inflate(data, limit: entry.uncompressedSize, raw: true)
            } catch {
                throw Failure(description: error.description)
            }
            guard output.count == entry.uncompressedSize else {
                throw Failure(description: "it inflates to \(output.count) bytes, not the \(entry.uncompressedSize) it declares")
            }
        default:
            throw Failure(description: "compression method \(entry.method) is not supported (stored or deflate only)")
        }
        guard CRC32.of(output) == entry.crc else { throw Failure(description: "its CRC-32 does not match") }
        return output
    }
}
