/// The mismatch answer for a client on one version talking to a server on another: per channel
/// that crosses between the two sides, the findings that hurt the channel's reader.
///
/// The check behind it compares the client's schema (old) with the server's (new), whatever their
/// age: a channel the client writes and the server reads meets the backward findings (a reader on
/// the "new" side reads data from the "old" side), a channel the server writes meets the forward ones.
public struct PairAnalysis: Sendable {
    /// One channel's answer.
    public struct ChannelAnswer: Sendable {
        public var channel: Channel
        /// The worst kind among the findings, or safe.
        public var verdict: Verdict
        /// The findings that reach the channel in a direction that hurts its reader, worst first.
        public var findings: [(finding: Finding, kind: Verdict)]
        /// The version the writer runs and the one the reader runs.
        public var writerVersion: String
        public var readerVersion: String
        /// Whether the new version writes on this channel.
        public var writerIsNew = false
        /// Per finding (same order), a witness in the channel's direction and encodings (`pair --explain`).
        public var witnesses: [WitnessOutcome?] = []
    }

    /// The role that runs the SERVER version; every other role runs the CLIENT version.
    public static let serverRole = "server"

    public let result: CheckResult
    public private(set) var answers: [ChannelAnswer]
    /// Channels whose writer and reader are on the same side (nothing crosses the version boundary).
    public let sameSide: [Channel]
    /// Findings that are not safe at the level and that no channel reaches.
    public let unreached: [Finding]

    /// Whether the client runs the check's old version (`pair`), or its new one (the mirrored
    /// cell of a matrix, read from the same check).
    public let clientIsOld: Bool

    /// `result` compares the client's version (old) with the server's (new), or the other way
    /// round when `clientIsOld` is false.
    public init(_ result: CheckResult, clientIsOld: Bool = true) {
        self.result = result
        self.clientIsOld = clientIsOld
        var answers: [ChannelAnswer] = []
        var sameSide: [Channel] = []
        for channel in result.channels {
            let writerIsServer = channel.writer == Self.serverRole
            let readerIsServer = channel.reader == Self.serverRole
            guard writerIsServer != readerIsServer else {
                sameSide.append(channel)
                continue
            }
            // Client (old) writes, server (new) reads: a new reader of old data, so the backward findings.
            let writerIsNew = writerIsServer == clientIsOld
            let hurts: Direction = writerIsNew ? .forward : .backward
            var findings: [(Finding, Verdict)] = []
            for finding in result.findings where finding.direction == hurts || finding.direction == .both {
                guard let kind = result.kind(of: finding, in: channel.name), kind != .safe else { continue }
                findings.append((finding, kind))
            }
            findings.sort { $0.1 > $1.1 }
            answers.append(
                ChannelAnswer(
                    channel: channel, verdict: findings.map(\.1).max() ?? .safe, findings: findings,
                    writerVersion: writerIsNew ? result.new.label : result.old.label,
                    readerVersion: writerIsNew ? result.old.label : result.new.label, writerIsNew: writerIsNew))
        }
        self.answers = answers
        self.sameSide = sameSide
        unreached = result.findings.filter { $0.channels.isEmpty && result.kind(of: $0) != .safe }
    }

    /// Gives each channel's findings a witness written by the channel's writer, in its encodings.
    public mutating func explain(_ pair: SchemaPair) {
        let search = WitnessSearch(pair: pair)
        for index in answers.indices {
            let answer = answers[index]
            let views = Set(answer.channel.encodings.map { $0 == .binary ? View.wire : View.json })
            answers[index].witnesses = answer.findings.map { search.outcome(for: $0.finding, writer: answer.writerIsNew ? .new : .old, views: views) }
        }
    }

    /// True when some channel breaks at the level.
    public var isBreaking: Bool { answers.contains { $0.verdict == .breaking } }
}
