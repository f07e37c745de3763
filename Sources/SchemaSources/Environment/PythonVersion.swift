/// A PEP 440 version, as far as dependency ranges need it: the release numbers, an optional
/// pre-release (a, b, rc) and post/dev markers; local labels are ignored.
public struct PythonVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var release: [Int]
    /// (0 a, 1 b, 2 rc, number), nil for a final release.
    public var pre: (Int, Int)?
    public var post: Int?
    public var dev: Int?
    public let description: String

    public init?(_ text: String) {
        var rest = Substring(text.lowercased().trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
        var release: [Int] = []
        while let first = rest.first, first.isNumber {
            let digits = rest.prefix { $0.isNumber }
            release.append(Int(digits) ?? 0)
            rest = rest.dropFirst(digits.count)
            if rest.first == ".", rest.dropFirst().first?.isNumber == true { rest = rest.dropFirst() } else { break }
        }
        guard !release.isEmpty else { return nil }
        func number() -> Int {
            while rest.first == "." || rest.first == "-" || rest.first == "_" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isNumber }
            rest = rest.dropFirst(digits.count)
            return Int(digits) ?? 0
        }
        func take(_ words: [String]) -> Bool {
            while rest.first == "." || rest.first == "-" || rest.first == "_" {
                guard words.contains(where: { rest.dropFirst().hasPrefix($0) }) else { break }
                rest = rest.dropFirst()
            }
            for word in words where rest.hasPrefix(word) {
                rest = rest.dropFirst(word.count)
                return true
            }
            return false
        }
        if take(["alpha", "a"]) {
            pre = (0, number())
        } else if take(["beta", "b"]) {
            pre = (1, number())
        } else if take(["rc", "c", "pre", "preview"]) {
            pre = (2, number())
        }
        if take(["post", "rev", "r"]) { post = number() }
        if take(["dev"]) { dev = number() }
        guard rest.isEmpty else { return nil }
        self.release = release
        description = text
    }

    public static func == (a: PythonVersion, b: PythonVersion) -> Bool { compare(a, b) == 0 }
    public func hash(into hasher: inout Hasher) {
        var trimmed = release
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }
    public static func < (a: PythonVersion, b: PythonVersion) -> Bool { compare(a, b) < 0 }

    /// Release numbers padded with zeros; then dev < pre < final < post.
    static func compare(_ a: PythonVersion, _ b: PythonVersion) -> Int {
        let count = max(a.release.count, b.release.count)
        for index in 0..<count {
            let x = index < a.release.count ? a.release[index] : 0
            let y = index < b.release.count ? b.release[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        func key(_ v: PythonVersion) -> [Int] {
            // A bare dev release sorts before the pre-releases of the same version.
            let pre = v.pre.map { [$0.0, $0.1] } ?? (v.dev != nil && v.post == nil ? [-1, 0] : [3, 0])
            return pre + [v.post ?? -1, v.dev ?? Int.max]
        }
        let ka = key(a)
        let kb = key(b)
        return ka == kb ? 0 : ka.lexicographicallyPrecedes(kb) ? -1 : 1
    }

    /// The first `count` release numbers.
    func prefix(_ count: Int) -> [Int] {
        (0..<count).map { $0 < release.count ? release[$0] : 0 }
    }
}
