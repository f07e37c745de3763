import Foundation
import ProtoModel
import Support

/// The message and enum types a channel carries in a pair of versions: its roots and every type their
/// fields (and extensions of them) reach, in either version, each with the route from a root. Each
/// version is walked once per channel and kept (`SchemaPair.Version.reachCache`): a matrix asks the
/// same version about the same channels hundreds of times.
public struct ChannelReach: Sendable {
    /// The walks of each version, the new one first (routes follow the new schema where they can).
    let walks: [VersionReach]

    public init(_ channel: Channel, versions: [SchemaPair.Version]) {
        walks = versions.map { version in version.reachCache.value(channel) { VersionReach(channel, version) } }
    }

    public func contains(_ type: String) -> Bool { walks.contains { $0.parents[type] != nil } }

    /// Services whose methods the channel carries (their requests, or their responses).
    public func carries(service: String) -> Bool { walks.contains { $0.services.contains(service) } }

    /// Services whose requests the channel carries: a change to a method itself (added, deleted,
    /// streaming) is felt first by whoever sends the request.
    public func carriesRequests(of service: String) -> Bool { walks.contains { $0.requestServices.contains(service) } }

    /// `Root.field -> Type.field -> Type`: how the channel reaches a type, in the first version that reaches it.
    public func route(to type: String) -> String {
        guard let walk = walks.first(where: { $0.parents[type] != nil }) else { return Self.short(type) }
        var steps: [String] = []
        var current = type
        var guardCount = 0
        while case let parent?? = walk.parents[current], guardCount < 64 {
            steps.append(Self.short(parent.type) + "." + parent.field)
            current = parent.type
            guardCount += 1
        }
        return (steps.reversed() + [Self.short(type)]).joined(separator: " -> ")
    }

    /// A full name without its package: the components from the first capitalised one on.
    static func short(_ fullName: String) -> String {
        let parts = fullName.split(separator: ".")
        guard let first = parts.firstIndex(where: { $0.first?.isUppercase == true }) else { return parts.last.map(String.init) ?? fullName }
        return parts[first...].joined(separator: ".")
    }
}

/// What one channel reaches in one version: breadth first from its roots through fields and extensions.
public struct VersionReach: Sendable {
    /// For each reached type, the type and field it was first reached through (nil for a root).
    private(set) var parents: [String: (type: String, field: String)?] = [:]
    private(set) var services: Set<String> = []
    private(set) var requestServices: Set<String> = []

    /// Every type reached.
    var reachedTypes: Dictionary<String, (type: String, field: String)?>.Keys { parents.keys }

    init(_ channel: Channel, _ version: SchemaPair.Version) {
        var queue: [String] = []
        func reach(_ type: String, from parent: (type: String, field: String)?) {
            let name = type.hasPrefix(".") ? String(type.dropFirst()) : type
            guard parents[name] == nil else { return }
            parents[name] = .some(parent)
            queue.append(name)
        }
        let globs = channel.messages
        if globs.contains(where: { $0.contains("*") }) {
            for entry in version.messages where globs.contains(where: { CheckConfig.matches($0, entry.message.fullName) }) {
                reach(entry.message.fullName, from: nil)
            }
        } else {
            for name in globs where version.index.messages.contains(name) || version.index.enums.contains(name) { reach(name, from: nil) }
        }
        // Channels that name their services exactly (every default channel) look them up; globs scan.
        let patterns = channel.requestsOf + channel.responsesOf
        let covered: [(service: Service, file: ProtoFile)]
        if patterns.contains(where: { $0.utf8.contains(UInt8(ascii: "*")) }) {
            covered = version.services.filter { channel.covers(service: $0.service.fullName) }
        } else {
            covered = Set(patterns.compactMap { version.serviceIndex[$0] }).sorted().map { version.services[$0] }
        }
        for entry in covered {
            services.insert(entry.service.fullName)
            let requests = channel.requestsOf.contains { CheckConfig.matches($0, entry.service.fullName) }
            let responses = channel.responsesOf.contains { CheckConfig.matches($0, entry.service.fullName) }
            if requests { requestServices.insert(entry.service.fullName) }
            for method in entry.service.methods {
                if requests { reach(method.inputType, from: nil) }
                if responses { reach(method.outputType, from: nil) }
            }
        }
        var next = 0
        while next < queue.count {
            let name = queue[next]
            next += 1
            guard let message = version.index.messages[name] else { continue }
            for field in message.fields {
                if let typeName = field.typeName { reach(typeName, from: (name, field.name)) }
            }
            for (_, ext) in version.index.extensionsByExtendee[name] ?? [:] {
                if let typeName = ext.field.typeName { reach(typeName, from: (name, "(" + ext.name + ")")) }
            }
        }
    }
}

/// The walks of one version, by channel, shared by every pair the version is in.
public typealias ReachCache = ComputedOnce<Channel, VersionReach>

/// The element lists of one version's files, by kind and file, and every name of a kind, shared by
/// every pair the version is in.
struct ElementListCache: Sendable {
    let lists = ComputedOnce<String, [String: SourceSpan?]>()
    let names = ComputedOnce<String, Set<String>>()
}
