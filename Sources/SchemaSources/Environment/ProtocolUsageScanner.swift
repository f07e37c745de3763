/// Finds which generated protocol types a Python file uses: the names it imports from the
/// protocol package (`from livekit.protocol.room import CreateRoomRequest`) and the attributes it
/// reads from modules of it (`from livekit.protocol import room as proto_room` ... `proto_room.Room`,
/// `protocol.models.ParticipantInfo`). Type names are the capitalised ones, as protoc generates them.
public enum ProtocolUsageScanner {
    /// The type names used, given the protocol package's dotted name (`livekit.protocol`).
    public static func names(in source: String, package: String) -> Set<String> {
        var names = Set<String>()
        var moduleAliases = Set<String>()  // alias.Name
        var packageAliases = Set<String>()  // alias.module.Name
        for statement in statements(source) {
            let words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.first == "from", words.count >= 4, words[2] == "import" {
                let origin = words[1]
                let imported = importList(words.dropFirst(3).joined(separator: " "))
                if origin == package {
                    // from livekit.protocol import room as proto_room, models
                    for (name, alias) in imported {
                        if isTypeName(name) { names.insert(name) } else { moduleAliases.insert(alias) }
                    }
                } else if origin.hasPrefix(package + ".") {
                    // from livekit.protocol.room import CreateRoomRequest
                    for (name, alias) in imported {
                        if isTypeName(name) { names.insert(name) } else { moduleAliases.insert(alias) }
                    }
                } else if package.hasPrefix(origin + ".") {
                    // from livekit import protocol
                    let last = String(package.dropFirst(origin.count + 1))
                    for (name, alias) in imported where name == last { packageAliases.insert(alias) }
                }
            } else if words.first == "import", words.count >= 2 {
                for (name, alias) in importList(words.dropFirst().joined(separator: " ")) {
                    if name == package { packageAliases.insert(alias) } else if name.hasPrefix(package + ".") { moduleAliases.insert(alias) }
                }
            }
        }
        guard !moduleAliases.isEmpty || !packageAliases.isEmpty else { return names }
        // alias.Name (and package.module.Name) anywhere in the file.
        let chains = dottedChains(source)
        for chain in chains {
            for alias in moduleAliases {
                let parts = alias.split(separator: ".").map(String.init)
                if chain.count > parts.count, Array(chain.prefix(parts.count)) == parts, isTypeName(chain[parts.count]) { names.insert(chain[parts.count]) }
            }
            for alias in packageAliases {
                let parts = alias.split(separator: ".").map(String.init)
                if chain.count > parts.count + 1, Array(chain.prefix(parts.count)) == parts, isTypeName(chain[parts.count + 1]) {
                    names.insert(chain[parts.count + 1])
                }
            }
        }
        return names
    }

    static func isTypeName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase else { return false }
        return name.contains { $0.isLowercase } || name.count == 1
    }

    /// `a as b, c` (parentheses and trailing commas allowed) as (name, alias) pairs.
    static func importList(_ text: String) -> [(String, String)] {
        text.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ").split(separator: ",").compactMap { item in
            let words = item.split(separator: " ").map(String.init)
            guard let name = words.first, name != "*" else { return nil }
            return (name, words.count == 3 && words[1] == "as" ? words[2] : name)
        }
    }

    /// Logical statements: comments dropped, parenthesised imports and backslash continuations joined.
    static func statements(_ source: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            var text = line.trimmingCharacters(in: .whitespaces)
            let continued = text.hasSuffix("\\")
            if continued { text.removeLast() }
            current += (current.isEmpty ? "" : " ") + text
            depth += text.filter { $0 == "(" }.count - text.filter { $0 == ")" }.count
            if depth <= 0 && !continued {
                out.append(current)
                current = ""
                depth = 0
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Every run of identifiers joined by dots (`a.b.C`), as its parts.
    static func dottedChains(_ source: String) -> [[String]] {
        var chains: [[String]] = []
        var chain: [String] = []
        var word = ""
        var previous: Character = " "
        func endWord() {
            if !word.isEmpty {
                chain.append(word)
                word = ""
            }
        }
        for character in source {
            if character.isLetter || character.isNumber || character == "_" {
                if word.isEmpty, !chain.isEmpty, previous != "." {
                    if chain.count > 1 { chains.append(chain) }
                    chain = []
                }
                word.append(character)
            } else if character == "." {
                endWord()
            } else {
                endWord()
                if chain.count > 1 { chains.append(chain) }
                chain = []
            }
            previous = character
        }
        endWord()
        if chain.count > 1 { chains.append(chain) }
        return chains
    }
}
