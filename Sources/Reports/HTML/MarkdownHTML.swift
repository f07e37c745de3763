/// The Markdown protocompat's own reports write, as HTML: headings (with GitHub's anchors; a level-2
/// heading opens a `<section>`), paragraphs, nested `-` lists, quotes (a trailing `\` is a line
/// break), fenced code, tables, `<details>` blocks, and inline code, bold, links and backslash
/// escapes. Not a general Markdown renderer: it reads the subset the reporters write, so an HTML
/// report says exactly what the Markdown one says.
struct MarkdownHTML {
    /// Attributes for a list item, from its Markdown text (e.g. `data-direction`), or "".
    var itemAttributes: (String) -> String = { _ in "" }
    /// Attributes for the section a level-2 heading opens, by its position (0, 1, ...) and text.
    var sectionAttributes: (Int, String) -> String = { _, _ in "" }

    func render(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = ""
        var paragraph: [String] = []
        var openLists = 0
        var sections = 0
        var index = 0

        func flush() {
            guard !paragraph.isEmpty else { return }
            // A line ending in a backslash breaks the line there.
            out +=
                "<p>" + paragraph.map { $0.hasSuffix("\\") ? Self.inline(String($0.dropLast())) + "<br>" : Self.inline($0) }.joined(separator: "\n") + "</p>\n"
            paragraph = []
        }
        func closeLists(to depth: Int) {
            while openLists > depth {
                out += "</li></ul>\n"
                openLists -= 1
            }
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            index += 1
            if trimmed.isEmpty {
                flush()
                continue
            }
            if trimmed.hasPrefix("```") {
                flush()
                if indent == 0 { closeLists(to: 0) }
                var code: [String] = []
                while index < lines.count, lines[index].drop(while: { $0 == " " }) != "```" {
                    code.append(String(lines[index].dropFirst(min(indent, lines[index].prefix { $0 == " " }.count))))
                    index += 1
                }
                index += 1
                out += "<pre><code>" + code.map(Self.escape).joined(separator: "\n") + "</code></pre>\n"
            } else if trimmed.hasPrefix("- ") {
                flush()
                let depth = indent / 2 + 1
                if depth > openLists {
                    while openLists < depth {
                        out += "<ul>"
                        openLists += 1
                        if openLists < depth { out += "<li>" }
                    }
                } else {
                    closeLists(to: depth)
                    out += "</li>"
                }
                let text = String(trimmed.dropFirst(2))
                let attributes = itemAttributes(text)
                out += "<li" + (attributes.isEmpty ? "" : " " + attributes) + ">" + Self.inline(text) + "\n"
            } else if trimmed.hasPrefix(">") {
                flush()
                if indent == 0 { closeLists(to: 0) }
                var quoted = [String(trimmed.dropFirst(trimmed.hasPrefix("> ") ? 2 : 1))]
                while index < lines.count, lines[index].drop(while: { $0 == " " }).hasPrefix(">") {
                    let next = lines[index].drop { $0 == " " }
                    quoted.append(String(next.dropFirst(next.hasPrefix("> ") ? 2 : 1)))
                    index += 1
                }
                out +=
                    "<blockquote><p>"
                    + quoted.map { part in
                        part.hasSuffix("\\") ? Self.inline(String(part.dropLast())) + "<br>" : Self.inline(part)
                    }.joined(separator: "\n") + "</p></blockquote>\n"
            } else if trimmed.hasPrefix("|") {
                flush()
                closeLists(to: 0)
                var rows = [String(trimmed)]
                while index < lines.count, lines[index].hasPrefix("|") {
                    rows.append(lines[index])
                    index += 1
                }
                out += Self.table(rows)
            } else if trimmed.hasPrefix("<details") || trimmed.hasPrefix("</details>") || trimmed.hasPrefix("<summary") {
                flush()
                closeLists(to: 0)
                out += trimmed + "\n"
            } else if let level = Self.headingLevel(trimmed) {
                flush()
                closeLists(to: 0)
                let text = String(trimmed.dropFirst(level + 1))
                if level == 2 {
                    if sections > 0 { out += "</section>\n" }
                    let attributes = sectionAttributes(sections, text)
                    out += "<section" + (attributes.isEmpty ? "" : " " + attributes) + ">\n"
                    sections += 1
                }
                out += "<h\(level) id=\"\(Self.anchor(text))\">" + Self.inline(text) + "</h\(level)>\n"
            } else {
                if indent == 0 { closeLists(to: 0) }
                paragraph.append(String(trimmed))
            }
        }
        flush()
        closeLists(to: 0)
        if sections > 0 { out += "</section>\n" }
        return out
    }

    /// The level of a `#` heading line, or nil.
    static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
    }

    /// A table: the first row is the header, the second the separator.
    static func table(_ rows: [String]) -> String {
        func cells(_ row: String) -> [String] {
            var cells: [String] = []
            var current = ""
            var escaped = false
            for character in row.dropFirst() {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            return cells
        }
        var out = "<div class=\"table\"><table>\n<thead><tr>" + cells(rows[0]).map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst(2) { out += "<tr>" + cells(row).map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
        return out + "</tbody></table></div>\n"
    }

    /// Inline code, bold, links and backslash escapes, HTML-escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let tick = rest.firstIndex(of: "`") {
            out += plain(rest[..<tick])
            let after = rest.index(after: tick)
            guard let close = rest[after...].firstIndex(of: "`") else {
                out += plain(rest[tick...])
                return out
            }
            out += "<code>" + escape(String(rest[after..<close])) + "</code>"
            rest = rest[rest.index(after: close)...]
        }
        return out + plain(rest)
    }

    /// Text outside code: escapes, `**bold**`, `[text](target)`.
    static func plain(_ text: Substring) -> String {
        var out = ""
        var bold = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, "\\`*_[]()#+-.!|=>".contains(text[next]) {
                out += escape(String(text[next]))
                index = text.index(after: next)
            } else if character == "*", next < text.endIndex, text[next] == "*" {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index = text.index(after: next)
            } else if character == "[", let close = text[next...].firstIndex(of: "]"), text.index(after: close) < text.endIndex,
                text[text.index(after: close)] == "(", let end = text[close...].firstIndex(of: ")")
            {
                let label = text[next..<close]
                let target = text[text.index(close, offsetBy: 2)..<end]
                out += "<a href=\"\(escape(String(target)))\">\(escape(String(label)))</a>"
                index = text.index(after: end)
            } else {
                out += escape(String(character))
                index = next
            }
        }
        return out + (bold ? "</strong>" : "")
    }

    /// Text safe in HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// GitHub's heading anchor: lower case, letters, digits, `-` and `_` kept, spaces to `-`.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : nil })
    }
}
