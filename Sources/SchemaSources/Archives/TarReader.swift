/// Reads the regular files of a tar archive held in memory (ustar, with GNU long names and pax
/// `path` records), as source distributions are written.
enum TarReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func files(_ bytes: [UInt8], maxEntries: Int) throws(Failure) -> [(name: String, bytes: ArraySlice<UInt8>)] {
        var result: [(String, ArraySlice<UInt8>)] = []
        var offset = 0
        var longName: String?
        var count = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { break }
            count += 1
            guard count <= maxEntries else { throw Failure(description: "the archive has more than \(maxEntries) entries") }
            guard let size = octal(header, 124, 12) else { throw Failure(description: "a tar header at byte \(offset) has no valid size") }
            let typeflag = header[header.startIndex + 156]
            let dataStart = offset + 512
            guard dataStart + size <= bytes.count else { throw Failure(description: "the archive is cut short in an entry at byte \(offset)") }
            let data = bytes[dataStart..<(dataStart + size)]
            var name = string(header, 0, 100)
            let prefix = string(header, 345, 155)
            if !prefix.isEmpty, string(header, 257, 6).hasPrefix("ustar") { name = prefix + "/" + name }
            switch typeflag {
            case UInt8(ascii: "L"):
                longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
            case UInt8(ascii: "x"):
                for record in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    if let range = record.range(of: " path=") { longName = String(record[range.upperBound...]) }
                }
            case UInt8(ascii: "0"), 0:
                result.append((longName ?? name, data))
                longName = nil
            default:
                longName = nil
            }
            offset = dataStart + (size + 511) / 512 * 512
        }
        return result
    }

    static func string(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> String {
        let field = header[(header.startIndex + start)..<(header.startIndex + start + length)]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    static func octal(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> Int? {
        let text = string(header, start, length).trimmingCharacters(in: " ")
        return text.isEmpty ? 0 : Int(text, radix: 8)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
