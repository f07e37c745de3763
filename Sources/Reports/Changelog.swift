import Compat
import ProtoModel

/// What changed from each version to the next, as release notes: per step a one-line verdict, then
/// the changes in sections (breaking, hazards, added, deprecated, removed, changed). One change is one
/// entry, however many rules saw it; whatever is added or removed with a top-level element (the
/// nested types of a new message) is counted under it, not listed. Built from check results, so
/// ignored findings (config) are left out exactly as they are from the gate.
public struct Changelog: Sendable {
    /// The sections, in the order they are written.
    public enum Section: String, Sendable, CaseIterable {
        case breaking = "Breaking"
        case hazards = "Hazards"
        case added = "Added"
        case deprecated = "Deprecated"
        case removed = "Removed"
        case changed = "Changed"
    }

    /// One change, with the changes folded into it (the nested types of an added message).
    public struct Entry: Sendable {
        public var change: ChangeEntry
        /// For a breaking change: the view it breaks first (wire, else JSON).
        public var view: View?
        /// Changes of elements inside this one, in the same section: counted, not listed.
        public var nested: [ChangeEntry] = []
        /// `file:line` in the version that has the element.
        public var location: String?
        /// The file the element is in (the old version's for a removal).
        public var file: String
        /// The element's leading comment, line by line.
        public var comment: String?
        /// The channels of the roles (when configured) the change reaches, in the order first met.
        public var channels: [String] = []

        public var symbol: String { change.symbol }
        /// The element holding this one (`pkg.M` for `pkg.M.f`), or nil at the top.
        public var parent: String? { symbol.lastIndex(of: ".").map { String(symbol[..<$0]) } }
        /// The element's own name, its full name's last part.
        public var ownName: String { symbol.lastIndex(of: ".").map { String(symbol[symbol.index(after: $0)...]) } ?? symbol }
        public var message: String { Checker.message(change.headline) }
        /// Every element the entry speaks for: its own and the nested ones.
        public var covers: [String] { [symbol] + nested.map(\.symbol) }

        /// `30 messages and 2 enums` for the nested changes, by kind; nil when none.
        public var nestedSummary: String? {
            guard !nested.isEmpty else { return nil }
            var counts: [(ElementKind?, Int)] = []
            for change in nested {
                let kind = change.subject
                if let index = counts.firstIndex(where: { $0.0 == kind }) { counts[index].1 += 1 } else { counts.append((kind, 1)) }
            }
            let parts = counts.sorted { Changelog.order($0.0) < Changelog.order($1.0) }.map { kind, n in
                kind?.count(n) ?? "\(n) other element\(n == 1 ? "" : "s")"
            }
            return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }

    /// One step, from one version to the next.
    public struct Step: Sendable {
        public var from: String
        public var to: String
        public var sections: [(Section, [Entry])]
        /// The bump the step's changes needed against the one its number made, when both labels carry a version number.
        public var semver: SemverVerdict?
        /// Each file's package (the new version's, else the old one's), to name elements by their short names.
        public var packages: [String: String] = [:]
        /// Files the new version adds.
        public var newFiles: Set<String> = []
        /// Per channel of the roles (when the config has them), the worst verdict of the step's changes in it.
        public var channels: [(name: String, verdict: Verdict)] = []

        /// The entries of one section (empty when it has none).
        public func entries(_ section: Section) -> [Entry] { sections.first { $0.0 == section }?.1 ?? [] }

        /// How many changes a section holds, nested ones included.
        public func count(_ section: Section) -> Int { entries(section).reduce(0) { $0 + 1 + $1.nested.count } }

        /// Every element the step's entries speak for.
        public var covered: [String] { sections.flatMap { $0.1.flatMap(\.covers) } }
    }

    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// Where a kind of element is listed: messages, then enums, ... (`ElementKind` order); unknown last.
    static func order(_ kind: ElementKind?) -> Int {
        kind.flatMap { ElementKind.allCases.firstIndex(of: $0) } ?? ElementKind.allCases.count
    }

    /// The section a change belongs to: additions and deprecations by their rule's kind (their
    /// hazards are told once, in the section's note), then what breaks, then the rest.
    static func section(_ change: ChangeEntry) -> Section {
        let kind = RuleCatalog.rule(change.headline.rule)?.changeKind ?? .change
        if kind == .addition { return .added }
        if kind == .deprecation { return .deprecated }
        let verdicts = change.verdicts
        if verdicts.wire == .breaking || verdicts.json == .breaking { return .breaking }
        if verdicts.wire == .hazard || verdicts.json == .hazard { return .hazards }
        if kind == .deletion { return .removed }
        return .changed
    }

    /// One step from a check result; `new` and `old` give the elements' leading comments.
    public static func step(_ result: CheckResult, old: Schema, new: Schema, policy: SemverPolicy = SemverPolicy()) -> Step {
        let findings = result.findings.filter { !$0.rule.hasPrefix("CONFIG_") }
        let changes = ChangeEntry.group(findings)
        let wanted = Set(changes.map(\.symbol))
        let comments = wanted.isEmpty ? [:] : CommentIndex(new, only: wanted).merging(CommentIndex(old, only: wanted))
        var sections: [(Section, [Entry])] = []
        for section in Section.allCases {
            let inSection = changes.filter { Self.section($0) == section }
            guard !inSection.isEmpty else { continue }
            let entries = fold(inSection).map { change, nested in
                let finding = change.headline
                let place = finding.place
                // A file's start stands for "somewhere in the file" (an element gone with no parent left): no line.
                let line = place.map { $0.line > 1 || $0.endLine > 1 || $0.endColumn > 1 ? $0.line : 0 } ?? 0
                let verdicts = change.verdicts
                return Entry(
                    change: change, view: section != .breaking ? nil : verdicts.wire == .breaking ? .wire : .json, nested: nested,
                    location: place.map { line > 0 ? "\($0.file):\(line)" : $0.file } ?? (finding.file.isEmpty ? nil : finding.file),
                    file: place?.file ?? finding.file, comment: comments[change.symbol],
                    channels: result.options.channels == nil ? [] : change.channels(worstIn: View.allCases).map(\.channel))
            }.sorted { ($0.symbol, $0.change.rules.joined(separator: ",")) < ($1.symbol, $1.change.rules.joined(separator: ",")) }
            sections.append((section, entries))
        }
        var semver: SemverVerdict?
        if let from = SemanticVersion.first(in: result.old.label), let to = SemanticVersion.first(in: result.new.label) {
            semver = SemverVerdict(result, old: from, new: to, policy: policy)
        }
        var packages: [String: String] = [:]
        for file in old.files { packages[file.name] = file.package }
        for file in new.files { packages[file.name] = file.package }
        let newFiles = Set(new.files.map(\.name)).subtracting(old.files.map(\.name))
        // Only configured roles: the channels a check derives from the services alone say nothing new.
        let channels =
            result.options.channels == nil
            ? []
            : result.channels.map { channel in
                (channel.name, findings.compactMap { result.kind(of: $0, in: channel.name) }.max() ?? .safe)
            }
        return Step(
            from: result.old.label, to: result.new.label, sections: sections, semver: semver, packages: packages, newFiles: newFiles,
            channels: channels)
    }

    /// Changes of elements inside another changed element of the same section (a nested message of
    /// an added message, a field of a deleted one) fold into the outermost such element.
    static func fold(_ changes: [ChangeEntry]) -> [(ChangeEntry, [ChangeEntry])] {
        // Only whole elements hold others: a message, enum, service, file or package.
        let holders = Set(changes.filter { $0.subject.map { !$0.isMember } ?? false }.map(\.symbol))
        func outermost(_ symbol: String) -> String? {
            var found: String?
            var name = Substring(symbol)
            while let dot = name.lastIndex(of: ".") {
                name = name[..<dot]
                if holders.contains(String(name)) { found = String(name) }
            }
            return found
        }
        var nested: [String: [ChangeEntry]] = [:]
        var tops: [ChangeEntry] = []
        for change in changes {
            if let holder = outermost(change.symbol) { nested[holder, default: []].append(change) } else { tops.append(change) }
        }
        return tops.map { top in
            (top, (holders.contains(top.symbol) ? nested.removeValue(forKey: top.symbol) ?? [] : []).sorted { $0.symbol < $1.symbol })
        }
    }
}

/// Leading comments of the elements a step names, by full name.
struct CommentIndex {
    var comments: [String: String] = [:]

    /// The comments of the elements in `wanted` (full names; a member is `Parent.member`).
    init(_ schema: Schema, only wanted: Set<String>) {
        // Members are looked at only inside the parents some wanted name lies in.
        let parents = Set(wanted.compactMap { name in name.lastIndex(of: ".").map { String(name[..<$0]) } })
        func note(_ name: String, _ element: Comments?) {
            if wanted.contains(name) { comments[name] = element?.leading }
        }
        for file in schema.files {
            file.forEachMessage { message in
                note(message.fullName, message.comments)
                guard parents.contains(message.fullName) else { return }
                for field in message.fields { note(message.fullName + "." + field.name, field.comments) }
            }
            file.forEachEnum { e in
                note(e.fullName, e.comments)
                guard parents.contains(e.fullName) else { return }
                for value in e.values { note(e.fullName + "." + value.name, value.comments) }
            }
            for service in file.services {
                note(service.fullName, service.comments)
                guard parents.contains(service.fullName) else { continue }
                for method in service.methods { note(service.fullName + "." + method.name, method.comments) }
            }
        }
    }

    func merging(_ other: CommentIndex) -> [String: String] {
        comments.merging(other.comments) { mine, _ in mine }
    }
}
