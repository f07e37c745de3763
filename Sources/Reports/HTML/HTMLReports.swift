import Compat

extension Changelog {
    /// The changelog as one HTML page: the Markdown changelog's content and grouping, each release a
    /// `<section data-from data-to>`, each change with `data-direction`, and a direction filter.
    public func html(title: String) -> String {
        HTMLPage(
            title: title, body: Self.filters(view: false, channels: channelNames) + htmlSections(markdown(title: title)), script: HTMLScripts.directionFilter
        ).render()
    }

    /// The channels the steps were judged in (roles), in order.
    var channelNames: [String] {
        var names: [String] = []
        for step in steps { for channel in step.channels where !names.contains(channel.name) { names.append(channel.name) } }
        return names
    }

    /// Markdown of this changelog as HTML, releases as sections carrying their versions; `embedded`
    /// leaves out the title (the page around it has its own).
    func htmlSections(_ markdown: String, embedded: Bool = false) -> String {
        let markdown = embedded ? String(markdown.drop { $0 != "\n" }) : markdown
        let newestFirst = Array(steps.reversed())
        var converter = MarkdownHTML()
        converter.itemAttributes = Self.directionAttribute
        converter.sectionAttributes = { index, _ in
            guard index < newestFirst.count else { return "" }
            let step = newestFirst[index]
            return "class=\"step\" data-from=\"\(MarkdownHTML.escape(step.from))\" data-to=\"\(MarkdownHTML.escape(step.to))\""
        }
        return converter.render(markdown)
    }

    /// `data-direction="backward"` for an entry whose tag ends `; backward]` (forward, both alike), and
    /// `data-channels="a b"` for one that says ` · channels: a, b`.
    static func directionAttribute(_ text: String) -> String {
        var attributes: [String] = []
        for direction in ["backward", "forward", "both"] where text.hasSuffix("; \(direction)]") || text.contains("; \(direction)] ") {
            attributes.append("data-direction=\"\(direction)\"")
            break
        }
        if let range = text.range(of: " · channels: ") {
            let names = text[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            attributes.append("data-channels=\"" + MarkdownHTML.escape(names.joined(separator: " ")) + "\"")
        }
        return attributes.joined(separator: " ")
    }

    /// The filter controls (shown only when the script runs: `hidden` is lifted by it); a channel
    /// filter when the roles name channels.
    static func filters(view: Bool, channels: [String] = []) -> String {
        var out = "<form class=\"filters\" id=\"filters\" hidden>\n"
        if !channels.isEmpty {
            out += "<label>Channel <select id=\"channel\"><option value=\"\">every change</option>"
            out +=
                channels.map { "<option value=\"\(MarkdownHTML.escape($0))\">changes reaching \(MarkdownHTML.escape($0))</option>" }.joined()
                + "</select></label>\n"
        }
        if view {
            out +=
                "<label>View <select id=\"view\"><option value=\"worst\">wire and JSON</option><option value=\"wire\">wire</option><option value=\"json\">JSON</option></select></label>\n"
        }
        out += "<label>Direction <select id=\"direction\"><option value=\"all\">both</option>"
        out +=
            "<option value=\"backward\">backward: new readers of old data</option><option value=\"forward\">forward: old readers of new data</option></select></label>\n"
        return out + "</form>\n"
    }
}

extension CompatibilityMatrix {
    /// The heatmap as one HTML page: rows are readers, columns writers, each cell coloured by its
    /// verdict (wire and JSON, or one view by the filter) with the count of changes not safe for its
    /// reader. Selecting a cell (click, or arrow keys and Enter) shows the changes released between
    /// the two versions that reach its reader, from the changelog below the heatmap; the direction
    /// filter keeps one triangle. Without JavaScript the heatmap and the changelog still read.
    public func html(title: String, changelog: Changelog) -> String {
        let letter = { (verdict: Verdict) in verdict == .safe ? "s" : verdict == .hazard ? "h" : "b" }
        var body = "<h1>\(MarkdownHTML.escape(title))</h1>\n"
        body +=
            "<p>Rows: the reader's version. Columns: the writer's version. A cell's colour is its verdict (the worst of wire and JSON unless a view is chosen), "
        body +=
            "its number how many changes are not safe for that reader. Below the diagonal a newer reader meets older data (backward), above it an older reader meets newer data (forward).</p>\n"
        body += "<p class=\"legend\"><span class=\"s\">compatible</span><span class=\"h\">hazard</span><span class=\"b\">breaking</span></p>\n"
        body += Changelog.filters(view: true, channels: changelog.channelNames)
        body +=
            "<div class=\"scroll\"><table class=\"heatmap\" id=\"matrix\" data-view=\"worst\" role=\"grid\" aria-label=\"reader by writer\">\n<thead><tr><th>reader \\ writer</th>"
        body += labels.map { "<th scope=\"col\">\(MarkdownHTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, reader) in labels.enumerated() {
            body += "<tr><th scope=\"row\">\(MarkdownHTML.escape(reader))</th>"
            for w in labels.indices {
                if r == w {
                    body += "<td class=\"self\"></td>"
                    continue
                }
                let cell = cells[r][w]
                body += "<td class=\"x\(letter(cell.wire))\(letter(cell.json))\">" + (cell.count > 0 ? String(cell.count) : "") + "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody></table></div>\n"
        body +=
            "<div id=\"panel\" aria-live=\"polite\"><p>Select a cell (click it, or focus the heatmap, move with the arrow keys and press Enter) to see the changes released between its two versions that its reader meets.</p></div>\n"
        body += "<h2 id=\"changelog\">Changelog</h2>\n" + changelog.htmlSections(changelog.markdown(title: title), embedded: true)
        return HTMLPage(title: title, body: body, style: Self.cellStyle, script: HTMLScripts.directionFilter + HTMLScripts.heatmap).render()
    }

    /// The colour of each cell class (`x` + wire letter + JSON letter) in each view.
    static var cellStyle: String {
        let letters: [(Character, String)] = [("s", "safe"), ("h", "hazard"), ("b", "breaking")]
        var rules: [String] = []
        for (wi, wire) in letters.enumerated() {
            for (ji, json) in letters.enumerated() {
                let worst = letters[max(wi, ji)].1
                rules.append("#matrix[data-view=worst] .x\(wire.0)\(json.0) { background: var(--\(worst)); }")
                rules.append("#matrix[data-view=wire] .x\(wire.0)\(json.0) { background: var(--\(wire.1)); }")
                rules.append("#matrix[data-view=json] .x\(wire.0)\(json.0) { background: var(--\(json.1)); }")
            }
        }
        return rules.joined(separator: "\n")
    }
}

/// `check --format html`: the Markdown report (the PR comment) as one HTML page.
public struct HTMLReporter: CheckReporter {
    public init() {}

    public func render(_ result: CheckResult) throws -> String {
        let markdown = try MarkdownReporter().render(result)
        return HTMLPage(title: "protocompat: \(result.old.label) -> \(result.new.label)", body: MarkdownHTML().render(markdown)).render()
    }
}
