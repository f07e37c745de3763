import ProtoModel
import Support
import Testing

/// The schema index's name-keyed storage: found after growth, replaced in place, in insertion order,
/// and the table under it never loses an entry when digests collide.
struct NameMapTests {
    @Test func everyNameIsFoundThroughGrowth() {
        var map = NameMap<Int>()
        let names = (0..<10_000).map { "synth.p\($0 % 7).Message\($0).Nested\($0 % 13)" }
        for (position, name) in names.enumerated() {
            #expect(map[name] == nil)
            map.set(position, for: name)
            #expect(map.count == position + 1)
        }
        for (position, name) in names.enumerated() { #expect(map[name] == position) }
        #expect(map.keys == names)
        #expect(map.values == Array(names.indices))
        #expect(!map.contains("synth.p0.Message0.Nested"))
        #expect(!map.contains(""))
    }

    @Test func settingANameAgainReplacesItsValueInPlace() {
        var map = NameMap<String>()
        map.set("first", for: "a.B")
        map.set("other", for: "a.C")
        map.set("second", for: "a.B")
        #expect(map.count == 2)
        #expect(map["a.B"] == "second")
        #expect(map.keys == ["a.B", "a.C"])
        #expect(Array(map).map(\.key) == ["a.B", "a.C"])
    }

    @Test func updateStartsFromTheInitialValueOnce() {
        var map = NameMap<[Int32]>()
        map.update("ext.Target", startingWith: []) { $0.append(1) }
        map.update("ext.Target", startingWith: [99]) { $0.append(2) }
        #expect(map["ext.Target"] == [1, 2])
    }

    @Test func reservingKeepsWhatIsThere() {
        var map = NameMap<Int>()
        map.set(1, for: "x")
        map.reserveCapacity(5_000)
        map.set(2, for: "y")
        #expect(map["x"] == 1)
        #expect(map["y"] == 2)
    }

    /// Entries whose digests are all equal still live side by side and are told apart by the owner.
    @Test func collidingDigestsCostAComparisonNotAnAnswer() {
        var slots = DigestSlots()
        var digests: [UInt64] = []
        let names = (0..<300).map { "name\($0)" }
        for position in names.indices {
            digests.append(42)
            slots.insert(at: position, digests: digests)
        }
        for (position, name) in names.enumerated() {
            #expect(slots.position(of: 42, digests: digests) { names[$0] == name } == position)
        }
        #expect(slots.position(of: 42, digests: digests) { names[$0] == "absent" } == nil)
        #expect(slots.position(of: 7, digests: digests) { _ in true } == nil)
    }
}
