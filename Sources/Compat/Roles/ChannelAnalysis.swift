import ProtoModel
import Support

/// Which channels carry which types in a pair of versions, and what each finding does to them.
public struct ChannelAnalysis: Sendable {
    public let channels: [Channel]
    let reaches: [ChannelReach]
    /// The two versions: a finding's owner is the longest of its symbol's prefixes that names a
    /// message, enum or service in either.
    let versions: [SchemaPair.Version]
    let serviceNames: Set<String>

    /// Channels as configured, or (nil) the two every service implies.
    public init(_ pair: SchemaPair, channels: [Channel]?) {
        let versions = [pair.new, pair.old]
        let services = Self.serviceNames(pair)
        self.channels = channels ?? Channel.serviceDefaults(Array(services))
        // Each channel's walk is independent (the walks are cached per version, under a lock): many
        // channels are walked on all cores.
        reaches =
            self.channels.count > 32
            ? ParallelMap.run(self.channels) { ChannelReach($0, versions: versions) }
            : self.channels.map { ChannelReach($0, versions: versions) }
        self.versions = versions
        serviceNames = services
    }

    /// The channels alone (without walking what they reach): as configured, or the two every service implies.
    public static func channels(_ pair: SchemaPair, configured: [Channel]?) -> [Channel] {
        configured ?? Channel.serviceDefaults(Array(serviceNames(pair)))
    }

    static func serviceNames(_ pair: SchemaPair) -> Set<String> {
        var services = Set<String>()
        for version in [pair.new, pair.old] { for entry in version.services { services.insert(entry.service.fullName) } }
        return services
    }

    /// The element a finding is about: the message, enum or service its symbol names or sits in.
    func owner(of symbol: String) -> String? {
        var name = Substring(symbol)
        while !name.isEmpty {
            let candidate = String(name)
            if serviceNames.contains(candidate) || versions.contains(where: { $0.index.messages.contains(candidate) || $0.index.enums.contains(candidate) }) {
                return candidate
            }
            guard let dot = name.lastIndex(of: ".") else { return nil }
            name = name[..<dot]
        }
        return nil
    }

    /// The channels a finding touches, in channel order; empty when no channel reaches it.
    public func impacts(of finding: Finding) -> [ChannelImpact] {
        impacts(of: finding, candidates: nil)
    }

    /// The channels each finding touches. Many findings over many channels (a large schema has both)
    /// look up, per type and service, the channels that reach it, instead of asking every channel
    /// about every finding (which grows with their product).
    /// With `onAllCores`, many findings are split across the cores (each finding's impacts are
    /// independent; the order is kept).
    public func impacts(of findings: [Finding], onAllCores: Bool = false) -> [[ChannelImpact]] {
        guard findings.count > 16, reaches.count > 16 else { return findings.map { impacts(of: $0, candidates: nil) } }
        let index = ReachIndex(reaches)
        guard onAllCores, findings.count > 64 else { return findings.map { impacts(of: $0, candidates: index) } }
        let chunks = stride(from: 0, to: findings.count, by: 64).map { $0..<min($0 + 64, findings.count) }
        return ParallelMap.run(chunks) { chunk in findings[chunk].map { impacts(of: $0, candidates: index) } }.flatMap { $0 }
    }

    /// `candidates`: the channels that can touch an owner (all when nil); the checks below decide.
    func impacts(of finding: Finding, candidates: ReachIndex?) -> [ChannelImpact] {
        guard let owner = owner(of: finding.symbol) else { return [] }
        var impacts: [ChannelImpact] = []
        // A method-level change goes to the channels carrying the service's requests, when there are any.
        let isService = serviceNames.contains(owner)
        let requestSide = isService && (candidates.map { !($0.requests[owner] ?? []).isEmpty } ?? reaches.contains { $0.carriesRequests(of: owner) })
        let indices: [Int]
        if let candidates {
            indices = isService ? (requestSide ? candidates.requests[owner] : candidates.services[owner]) ?? [] : candidates.types[owner] ?? []
        } else {
            indices = Array(channels.indices)
        }
        for index in indices {
            let channel = channels[index]
            let reach = reaches[index]
            let route: String
            if isService {
                guard requestSide ? reach.carriesRequests(of: owner) : reach.carries(service: owner) else { continue }
                route = ""
            } else {
                guard reach.contains(owner) else { continue }
                route = reach.route(to: owner)
            }
            impacts.append(
                ChannelImpact(
                    channel: channel.name, verdicts: Self.verdicts(finding, in: channel),
                    effect: Self.effect(finding.direction, channel), route: route))
        }
        return impacts
    }

    /// For each type and service, the channels (in channel order) that reach or carry it.
    struct ReachIndex {
        var types: [String: [Int]] = [:]
        var services: [String: [Int]] = [:]
        var requests: [String: [Int]] = [:]

        init(_ reaches: [ChannelReach]) {
            func note(_ name: String, _ index: Int, in map: inout [String: [Int]]) {
                if map[name]?.last != index { map[name, default: []].append(index) }
            }
            for (index, reach) in reaches.enumerated() {
                for walk in reach.walks {
                    for type in walk.reachedTypes { note(type, index, in: &types) }
                    for service in walk.services { note(service, index, in: &services) }
                    for service in walk.requestServices { note(service, index, in: &requests) }
                }
            }
        }
    }

    /// A finding's verdicts as the channel sees them: views it does not carry are safe; JSON is
    /// judged by the names writers emit and by what readers do with unknown names.
    static func verdicts(_ finding: Finding, in channel: Channel) -> Verdicts {
        var verdicts = finding.verdicts
        if !channel.encodings.contains(.binary) { verdicts.wire = .safe }
        guard channel.encodings.contains(.json) else {
            verdicts.json = .safe
            return verdicts
        }
        // What the channel's JSON writers and readers make of it is the rule's to say.
        verdicts.json = RuleCatalog.rule(finding.rule)?.jsonVerdict(finding, in: channel) ?? verdicts.json
        return verdicts
    }

    /// Who is hurt, in the channel's role names.
    static func effect(_ direction: Direction, _ channel: Channel) -> String {
        switch direction {
        case .forward: "old \(channel.reader) reads what new \(channel.writer) writes"
        case .backward: "new \(channel.reader) reads what old \(channel.writer) writes"
        case .both: "\(channel.reader) and \(channel.writer) on different versions"
        case .none: ""
        }
    }
}
