import Foundation

/// `@FILE` arguments, as protoc reads them: FILE holds one argument per line (here SOURCE arguments,
/// typically thousands of .proto paths, which a command line and an argument parser handle poorly).
/// Blank lines and lines starting with `#` are skipped; an argument file cannot name another one.
/// An argument that starts with `@` but names an existing path itself is that path.
enum ArgumentFile {
    static func expand(_ arguments: [String]) throws(SourceError) -> [String] {
        guard arguments.contains(where: { $0.hasPrefix("@") }) else { return arguments }
        var expanded: [String] = []
        for argument in arguments {
            guard argument.hasPrefix("@"), !FileManager.default.fileExists(atPath: argument) else {
                expanded.append(argument)
                continue
            }
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw SourceError("\(path): error: cannot read the argument file (\(argument) names a file of arguments, one per line)")
            }
            // "\r\n" is one Character, a newline like "\n".
            for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasPrefix("@") {
                    throw SourceError("\(path):\(number + 1):1: error: an argument file cannot name another one (\(line))")
                }
                expanded.append(String(line))
            }
        }
        return expanded
    }
}
