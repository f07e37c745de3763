import ProtoModel

/// The message and enum types a channel carries: its roots and every type their fields (and
/// extensions of them) reach, in either version, each with the route from a root.
public struct ChannelReach: Sendable {
    /// For each reached type, the type and field it was first reached through (nil for a root).
    public private(set) var parents: [String: (type: String, field: String)?] = [:]
    /// Services whose methods the channel carries (their requests, or their responses).
    public private(set) var services: Set<String> = []
    /// Services whose requests the channel carries: a change to a method itself (added, deleted,
    /// streaming) is felt first by whoever sends the request.
    public private(set) var requestServices: Set<String> = []

    /// Walks both versions (the new one first, so routes follow the new schema where they can).
    public init(_ channel: Channel, versions: [SchemaPair.Version]) {
        for version in versions { walk(channel, version) }
    }

    public func contains(_ type: String) -> Bool { parents[type] != nil }

    /// `Root.field -> Type.field -> Type`: how the channel reaches a type.
    public func route(to type: String) -> String {
        var steps: [String] = []
        var current = type
        var guardCount = 0
        while case let parent?? = parents[current], guardCount < 64 {
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

    private mutating func walk(_ channel: Channel, _ version: SchemaPair.Version) {
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
            for name in globs where version.index.messages[name] != nil || version.index.enums[name] != nil { reach(name, from: nil) }
        }
        for entry in version.services where channel.covers(service: entry.service.fullName) {
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
