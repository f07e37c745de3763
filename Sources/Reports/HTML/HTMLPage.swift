/// One self-contained HTML page: inline style and script, system fonts, nothing fetched. The static
/// content reads without JavaScript; the script only adds selection and filters. Script errors are
/// recorded on `<body data-errors>` (the headless-browser test reads them).
struct HTMLPage {
    var title: String
    var body: String
    /// Style rules of this page beyond the shared ones.
    var style: String = ""
    var script: String = ""

    func render() -> String {
        var out = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"protocompat\">\n"
        out += "<title>\(MarkdownHTML.escape(title))</title>\n<style>\n\(Self.style)\(style.isEmpty ? "" : style + "\n")</style>\n</head>\n<body>\n"
        out +=
            "<script>window.addEventListener('error', function (e) { document.body.dataset.errors = (document.body.dataset.errors || '') + e.message + '\\n'; });</script>\n"
        out += body
        if !script.isEmpty { out += "<script>\n\(script)</script>\n" }
        return out + "</body>\n</html>\n"
    }

    /// Shared look: readable text, the verdict colours of the SVG heatmaps.
    static let style = """
        :root { --safe: #d9f2dc; --hazard: #ffe08a; --breaking: #f28b82; --none: #eeeeee; --ink: #1f2328; --muted: #59636e; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem 2rem 4rem; max-width: 110rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1.05rem; }
        code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f2f4f6; padding: 0 0.2em; border-radius: 3px; }
        pre { background: #f6f8fa; padding: 0.6rem 0.8rem; overflow-x: auto; } pre code { background: none; padding: 0; }
        blockquote { margin: 0.2rem 0 0.4rem 0.5rem; padding-left: 0.7rem; border-left: 3px solid #d0d7de; color: var(--muted); }
        .table { overflow-x: auto; } table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
        .filters { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: center; margin: 0.8rem 0; }
        .legend span { display: inline-block; padding: 0 0.5rem; margin-right: 0.3rem; border-radius: 3px; }
        .scroll { overflow: auto; max-height: 75vh; border: 1px solid #d0d7de; }
        table.heatmap { font: 11px/1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        table.heatmap th, table.heatmap td { padding: 0 2px; min-width: 1.6em; height: 1.4em; text-align: center; border-color: #fff; }
        table.heatmap thead th { position: sticky; top: 0; background: #fff; writing-mode: vertical-rl; transform: rotate(180deg); height: auto; padding: 4px 0; }
        table.heatmap tbody th { position: sticky; left: 0; background: #fff; text-align: right; white-space: nowrap; }
        table.heatmap td { cursor: pointer; }
        table.heatmap td:focus, table.heatmap td.selected { outline: 2px solid #0969da; outline-offset: -2px; }
        table.heatmap td.self { background: var(--none); cursor: default; }
        table.heatmap td.off { visibility: hidden; }
        .s { background: var(--safe); } .h { background: var(--hazard); } .b { background: var(--breaking); }
        #panel { margin-top: 1rem; padding: 0.5rem 1rem; border: 1px solid #d0d7de; border-radius: 6px; min-height: 3rem; }
        #panel .step { margin-top: 0.8rem; } li.hidden { display: none; }
        """
}
