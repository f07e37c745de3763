import Support
import Testing

/// The content hasher behind model digests and the compile cache: unseeded (the same digest in every
/// run), and different inputs of the shapes digests are made of feed different words.
struct ContentHasherTests {
    static func digest(_ feed: (inout ContentHasher) -> Void) -> UInt64 {
        var hasher = ContentHasher()
        feed(&hasher)
        return hasher.finalize()
    }

    static func digest(_ text: String) -> UInt64 { digest { $0.combine(text) } }

    @Test func digestsAreTheSameInEveryRun() {
        // Fixed values, computed apart from this code (the algorithm written out in Python): a change
        // of the algorithm, or a seeded hasher slipping in, shows here.
        #expect(Self.digest("livekit.ParticipantInfo") == 0x44D1_B9E0_F865_6D3F)
        #expect(Self.digest("") == 0xCB9F_ECAE_2800_BF4A)
        #expect(Self.digest { $0.combine(7 as Int) } == 0xE64F_653B_F244_F9CE)
        #expect(Self.digest { $0.combine(Int32(7)) } == Self.digest { $0.combine(7 as Int) })
    }

    @Test func everyTailLengthFeedsEveryByte() {
        // Strings of 0 to 24 bytes: changing any one byte changes the digest (tails of 1 to 7 bytes
        // are read with overlapping loads or three byte reads; each must cover every byte).
        for length in 0...24 {
            let base = Array(repeating: UInt8(ascii: "a"), count: length)
            let original = Self.digest { hasher in base.withUnsafeBytes { hasher.combine(bytes: $0) } }
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "b")
                let other = Self.digest { hasher in changed.withUnsafeBytes { hasher.combine(bytes: $0) } }
                #expect(other != original, "byte \(position) of \(length) left out")
            }
        }
    }

    @Test func lengthsSeparateValues() {
        // The count goes first: "ab" then "c" is not "a" then "bc", and trailing zero bytes count.
        #expect(
            Self.digest {
                $0.combine("ab")
                $0.combine("c")
            }
                != Self.digest {
                    $0.combine("a")
                    $0.combine("bc")
                })
        #expect(Self.digest { $0.combine([1, 2, 0] as [UInt8]) } != Self.digest { $0.combine([1, 2] as [UInt8]) })
        #expect(Self.digest { $0.combine(["a", "b"]) } != Self.digest { $0.combine(["ab"]) })
    }

    @Test func optionalsFeedTheirPresence() {
        #expect(Self.digest { $0.combine(nil as String?) } != Self.digest { $0.combine("" as String?) })
        #expect(Self.digest { $0.combine(nil as Bool?) } != Self.digest { $0.combine(false as Bool?) })
        #expect(Self.digest { $0.combine(nil as Int32?) } != Self.digest { $0.combine(0 as Int32?) })
    }

    @Test func distinctNamesGetDistinctDigests() {
        // Names shaped like a large schema's: no two of 200,000 collide.
        var seen = Set<UInt64>()
        for file in 0..<100 {
            for item in 0..<2_000 {
                seen.insert(Self.digest("synth.p\(file % 7).v1.Message\(file)_\(item).field_\(item % 37)"))
            }
        }
        #expect(seen.count == 200_000)
    }

    @Test func textsReadNativelyAndThroughABridgeAgree() {
        // A substring's copy and the original give one digest (the string path and the byte path agree).
        let text = "google.protobuf.FieldOptions.deprecated"
        let bytes = Array(text.utf8)
        #expect(Self.digest(text) == Self.digest { hasher in bytes.withUnsafeBytes { hasher.combine(bytes: $0) } })
        #expect(Self.digest(String(text.dropFirst(7))) == Self.digest(String(Substring(text).dropFirst(7))))
    }
}
