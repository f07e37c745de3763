import ProtoModel
import Support

/// Two versions of a schema, paired element by element. Choosing the key is the semantics, so it is
/// decided here, once: files pair by path; messages, enums, services and extensions by full name;
/// fields by number within their message (and by name for the JSON view); enum values by number
/// (and by name for JSON); methods by name within their service.
public struct SchemaPair: Sendable {
    public let old: Version
    public let new: Version

    /// Messages, enums and services present in both versions, and every field pair: computed once,
    /// since every rule walks them.
    public let messagePairs: [(old: Message, new: Message, oldFile: ProtoFile, newFile: ProtoFile)]
    public let enumPairs: [(old: EnumType, new: EnumType, oldFile: ProtoFile, newFile: ProtoFile)]
    public let servicePairs: [(old: Service, new: Service, oldFile: ProtoFile, newFile: ProtoFile)]
    public let allFieldPairs: [FieldPair]
    /// The files of each version that the other version does not hold identically (`VersionDigests`),
    /// in schema order: whatever was added, deleted or moved, and every file option that changed, is in
    /// one of them, so the rules that look for those (`RuleScope.changedFiles`, `.eachChangedFile`)
    /// walk only these. The element pairs above leave out top-level elements (with everything nested
    /// in them) whose digests agree.
    public let changedOldFiles: [ProtoFile]
    public let changedNewFiles: [ProtoFile]
    /// Where the rules write down the types they look into beyond the pair's elements (only a
    /// part checked for reuse keeps one).
    public let typeReads: TypeReadLog?

    public init(old: Schema, new: Schema) {
        self.init(old: Version(old), new: Version(new))
    }

    /// Pairs two already indexed versions (a matrix indexes each version once). With
    /// `comparingEverything`, nothing is skipped for being unchanged: the tests compare the two ways.
    public init(old oldVersion: Version, new newVersion: Version, comparingEverything: Bool = false) {
        self.old = oldVersion
        self.new = newVersion
        typeReads = nil
        let oldFiles = oldVersion.digests.files
        let newFiles = newVersion.digests.files
        let same = { (name: String) in !comparingEverything && oldFiles[name] == newFiles[name] }
        changedOldFiles = oldVersion.schema.files.filter { !same($0.name) }
        changedNewFiles = newVersion.schema.files.filter { !same($0.name) }
        let unchanged = { (fullName: String) -> Bool in
            guard !comparingEverything, let digest = newVersion.digests.elements[fullName] else { return false }
            return oldVersion.digests.elements[fullName] == digest
        }
        messagePairs = Self.pairMessages(oldVersion, newVersion, unchanged: unchanged)
        enumPairs = Self.pairEnums(oldVersion, newVersion, unchanged: unchanged)
        servicePairs = Self.pairServices(oldVersion, newVersion, unchanged: unchanged)
        allFieldPairs = Self.pairFields(messagePairs, oldVersion, newVersion, keepingUnchanged: comparingEverything)
    }

    /// The services of the new version's changed files.
    public var changedNewServices: [(service: Service, file: ProtoFile)] { changedNewFiles.flatMap { new.services(in: $0.name) } }

    /// One side, indexed for lookups.
    public final class Version: Sendable {
        public let schema: Schema
        public let index: SchemaIndex
        public let features: FeatureResolver
        public let files: [String: ProtoFile]
        /// Every message with the file that defines it, in file then declaration order.
        public let messages: [(message: Message, file: ProtoFile)]
        public let enums: [(enumType: EnumType, file: ProtoFile)]
        public let services: [(service: Service, file: ProtoFile)]
        /// Where each service is in `services`, by full name (the first, if two files define one).
        public let serviceIndex: [String: Int]
        /// What a comparison may skip.
        public let digests: VersionDigests
        /// The fields of `google.protobuf.FileOptions` in this version (their defaults), by name.
        public let fileOptionFields: [String: Field]
        /// What each channel reaches in this version, walked once.
        public let reachCache = ReachCache()
        /// The named elements of each file, by kind, listed once (the deletion rules ask for them in every pair).
        let elementLists = ElementListCache()
        /// Where each file's messages, enums and services are in the lists above.
        let ranges: [String: (messages: Range<Int>, enums: Range<Int>, services: Range<Int>)]

        /// Indexes `schema`; with the files' compile identities and a cache shared by the versions of
        /// a history, each distinct file is digested once.
        public init(_ schema: Schema, identities: [String: Int] = [:], digestCache: DigestCache? = nil) {
            self.schema = schema
            index = SchemaIndex(schema)
            features = FeatureResolver(schema: schema).precomputing(schema)
            files = Dictionary(schema.files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            // Typed as the stored lists, labels included: unlabelled tuples were converted element by element.
            var messages: [(message: Message, file: ProtoFile)] = []
            var enums: [(enumType: EnumType, file: ProtoFile)] = []
            var services: [(service: Service, file: ProtoFile)] = []
            var ranges: [String: (messages: Range<Int>, enums: Range<Int>, services: Range<Int>)] = [:]
            for file in schema.files {
                let starts = (messages.count, enums.count, services.count)
                file.forEachMessage { messages.append(($0, file)) }
                file.forEachEnum { enums.append(($0, file)) }
                for service in file.services { services.append((service, file)) }
                if ranges[file.name] == nil {
                    ranges[file.name] = (starts.0..<messages.count, starts.1..<enums.count, starts.2..<services.count)
                }
            }
            self.messages = messages
            self.enums = enums
            self.services = services
            serviceIndex = Dictionary(services.enumerated().map { ($0.element.0.fullName, $0.offset) }, uniquingKeysWith: { first, _ in first })
            self.ranges = ranges
            digests = VersionDigests(schema, index: index, identities: identities, cache: digestCache)
            fileOptionFields = Dictionary(
                (index.messages["google.protobuf.FileOptions"]?.fields ?? []).map { ($0.name, $0) },
                uniquingKeysWith: { first, _ in first })
        }

        /// The elements of one kind in a file (`FileElements`), listed once per version.
        func elements(_ noun: String, of file: ProtoFile, _ list: (ProtoFile) -> [String: SourceSpan?]) -> [String: SourceSpan?] {
            elementLists.lists.value(noun + "\u{0}" + file.name) { list(file) }
        }

        /// Every element of one kind in the version, with its file (`FileElements`), listed once.
        func allElements(_ noun: String, _ list: (ProtoFile) -> [String: SourceSpan?]) -> Set<String> {
            elementLists.names.value(noun) { Set(schema.files.flatMap { self.elements(noun, of: $0, list).keys }) }
        }

        /// The enums defined in one file (nested ones included).
        public func enums(in file: String) -> ArraySlice<(enumType: EnumType, file: ProtoFile)> {
            ranges[file].map { enums[$0.enums] } ?? []
        }

        /// The services defined in one file.
        public func services(in file: String) -> ArraySlice<(service: Service, file: ProtoFile)> {
            ranges[file].map { services[$0.services] } ?? []
        }

        public func message(_ fullName: String) -> Message? { index.messages[fullName] }

        /// Whether a message of that name exists (without copying it out).
        public func hasMessage(_ fullName: String) -> Bool { index.messages.contains(fullName) }

        public func file(of fullName: String) -> ProtoFile? { index.fileOf[fullName].flatMap { files[$0] } }
    }

    static func pairMessages(
        _ old: Version, _ new: Version, unchanged: (String) -> Bool,
        in files: [ProtoFile]? = nil
    ) -> [(old: Message, new: Message, oldFile: ProtoFile, newFile: ProtoFile)] {
        var result: [(old: Message, new: Message, oldFile: ProtoFile, newFile: ProtoFile)] = []
        for file in files ?? new.schema.files {
            for top in file.messages where !unchanged(top.fullName) {
                top.forEachMessage { message in
                    guard let previous = old.message(message.fullName), let oldFile = old.file(of: message.fullName) else { return }
                    result.append((previous, message, oldFile, file))
                }
            }
        }
        return result
    }

    static func pairEnums(
        _ old: Version, _ new: Version, unchanged: (String) -> Bool,
        in files: [ProtoFile]? = nil
    ) -> [(old: EnumType, new: EnumType, oldFile: ProtoFile, newFile: ProtoFile)] {
        let entries = files.map { $0.flatMap { new.enums(in: $0.name) } } ?? Array(new.enums)
        return entries.compactMap { entry in
            // A nested enum is as unchanged as its top-level message.
            let top =
                entry.enumType.fullName.dropFirst(entry.file.package.isEmpty ? 0 : entry.file.package.count + 1)
                .split(separator: ".").first.map { (entry.file.package.isEmpty ? "" : entry.file.package + ".") + $0 } ?? ""
            if unchanged(top) { return nil }
            guard let value = old.index.enums[entry.enumType.fullName], let oldFile = old.file(of: value.fullName) else { return nil }
            return (value, entry.enumType, oldFile, entry.file)
        }
    }

    /// `pairEnums` for one top-level element: the enum itself or the enums nested in the message, found
    /// by name prefix (working out every enum's top-level name built strings for every enum of the file).
    static func pairEnums(
        _ old: Version, _ new: Version, within name: String,
        in files: [ProtoFile]
    ) -> [(old: EnumType, new: EnumType, oldFile: ProtoFile, newFile: ProtoFile)] {
        let prefix = name + "."
        return files.flatMap { new.enums(in: $0.name) }.compactMap { entry in
            let fullName = entry.enumType.fullName
            guard fullName == name || fullName.utf8.starts(with: prefix.utf8) else { return nil }
            guard let value = old.index.enums[fullName], let oldFile = old.file(of: value.fullName) else { return nil }
            return (value, entry.enumType, oldFile, entry.file)
        }
    }

    static func pairServices(_ old: Version, _ new: Version, unchanged: (String) -> Bool) -> [(
        old: Service, new: Service, oldFile: ProtoFile, newFile: ProtoFile
    )] {
        let oldServices = Dictionary(old.services.map { ($0.service.fullName, $0) }, uniquingKeysWith: { a, _ in a })
        return new.services.compactMap { entry in
            if unchanged(entry.service.fullName) { return nil }
            guard let match = oldServices[entry.service.fullName] else { return nil }
            return (match.service, entry.service, match.file, entry.file)
        }
    }

    /// A field (or extension) present in both versions, with what surrounds it.
    /// A reference type: rules pass pairs around a lot, and a pair holds whole messages and files.
    public final class FieldPair: Sendable {
        public let old: Field
        public let new: Field
        /// The messages holding the fields (nil for extensions).
        public let oldMessage: Message?
        public let newMessage: Message?
        /// The message name findings mention: the holder, or the extended message for extensions.
        public let containerName: String
        /// The element's full name.
        public let symbol: String
        /// Its full name in the old version (differs for an extension declared in another scope).
        public let oldSymbol: String
        public let oldFile: ProtoFile
        public let newFile: ProtoFile

        init(
            old: Field, new: Field, oldMessage: Message?, newMessage: Message?, containerName: String, symbol: String,
            oldSymbol: String, oldFile: ProtoFile, newFile: ProtoFile
        ) {
            self.old = old
            self.new = new
            self.oldMessage = oldMessage
            self.newMessage = newMessage
            self.containerName = containerName
            self.symbol = symbol
            self.oldSymbol = oldSymbol
            self.oldFile = oldFile
            self.newFile = newFile
        }
    }

    /// Every field of messages present in both versions (paired by number), then every extension
    /// present in both (paired by extended message and number). Unless `keepingUnchanged`, fields
    /// no rule can find anything in are left out (`UnchangedFields`).
    static func pairFields(
        _ messagePairs: [(old: Message, new: Message, oldFile: ProtoFile, newFile: ProtoFile)],
        _ oldVersion: Version, _ newVersion: Version, extensions: Bool = true, keepingUnchanged: Bool = false
    ) -> [FieldPair] {
        let pairs = { @Sendable (range: Range<Int>) -> [FieldPair] in
            var result: [FieldPair] = []
            for (old, new, oldFile, newFile) in messagePairs[range] {
                let skipsUnchanged = !keepingUnchanged && UnchangedFields.sameSurroundings(old, new, oldFile, newFile)
                for (o, n) in Self.fieldPairs(old, new) {
                    if skipsUnchanged, UnchangedFields.same(o, n, old: oldVersion, new: newVersion) { continue }
                    result.append(
                        FieldPair(
                            old: o, new: n, oldMessage: old, newMessage: new, containerName: new.name,
                            symbol: FullName.join(new.fullName, n.name), oldSymbol: FullName.join(old.fullName, o.name),
                            oldFile: oldFile, newFile: newFile))
                }
            }
            return result
        }
        // Many changed messages (a large pair: hundreds) are paired on all cores, in chunks kept in order;
        // the few of a release-to-release step stay on the caller's thread.
        var result: [FieldPair]
        if messagePairs.count >= 256 {
            let chunks = stride(from: 0, to: messagePairs.count, by: 128).map { $0..<min($0 + 128, messagePairs.count) }
            result = ParallelMap.run(chunks, pairs).flatMap { $0 }
        } else {
            result = pairs(messagePairs.indices)
        }
        for (extendee, byNumber) in newVersion.index.extensionsByExtendee.sorted(by: { $0.key < $1.key }) where extensions {
            guard let oldByNumber = oldVersion.index.extensionsByExtendee[extendee] else { continue }
            for (number, entry) in byNumber.sorted(by: { $0.key < $1.key }) {
                guard let oldEntry = oldByNumber[number], let file = newVersion.file(of: entry.name),
                    let oldFile = oldVersion.file(of: oldEntry.name)
                else { continue }
                result.append(
                    FieldPair(
                        old: oldEntry.field, new: entry.field, oldMessage: nil, newMessage: nil,
                        containerName: extendee, symbol: entry.name, oldSymbol: oldEntry.name,
                        oldFile: oldFile, newFile: file))
            }
        }
        return result
    }

    /// Fields present in both messages, paired by number.
    public static func fieldPairs(_ old: Message, _ new: Message) -> [(old: Field, new: Field)] {
        var result: [(old: Field, new: Field)] = []
        result.reserveCapacity(min(old.fields.count, new.fields.count))
        if old.fields.count <= 16 {
            for index in new.fields.indices {
                let number = new.fields[index].number
                if let match = old.fields.indices.first(where: { old.fields[$0].number == number }) {
                    result.append((old.fields[match], new.fields[index]))
                }
            }
            return result
        }
        // Long messages: by a table of the first field with each number (what `field(number:)` finds).
        var firstByNumber: [Int32: Int] = [:]
        firstByNumber.reserveCapacity(old.fields.count)
        for index in old.fields.indices where firstByNumber[old.fields[index].number] == nil {
            firstByNumber[old.fields[index].number] = index
        }
        for index in new.fields.indices {
            if let match = firstByNumber[new.fields[index].number] { result.append((old.fields[match], new.fields[index])) }
        }
        return result
    }
}
