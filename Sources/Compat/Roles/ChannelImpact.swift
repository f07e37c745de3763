/// What one finding does to one channel: the verdicts in the encodings the channel carries, who
/// breaks, and the route from the channel's root to the changed element.
public struct ChannelImpact: Sendable, Hashable, Codable {
    public var channel: String
    /// Per view, for this channel: a view the channel does not carry is safe.
    public var verdicts: Verdicts
    /// Who is hurt, in the channel's roles: "old clients read what new servers write".
    public var effect: String
    /// `Root.field -> Type`: how the channel reaches the element (empty for service-level changes).
    public var route: String

    public init(channel: String, verdicts: Verdicts, effect: String, route: String) {
        self.channel = channel
        self.verdicts = verdicts
        self.effect = effect
        self.route = route
    }
}
