#!/usr/bin/env python3
"""The HTML reports in a real headless browser (Chromium from Debian's packages).

For each page: Chromium loads it from disk with nothing else reachable, runs its scripts, and the
DOM it ends with is read back: no script error may have been recorded (the page keeps uncaught
errors in <body data-errors>, and Chromium's console log must hold no error), the heatmap must have
one cell per reader x writer pair, and a cell selected by the address (#cell=R,W, what a click or
Enter does) must show that pair's changes in the panel. A screenshot of each page is written to
--screenshots (default: a temporary folder) for people to look at.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("html-check: no Chromium on PATH: apt-get install -y chromium")


def load(browser, url, screenshot=None):
    """The DOM after the page's scripts ran, and the browser's log."""
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--disable-extensions", "--disable-background-networking", "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=5000", "--window-size=1400,1600"]
    if screenshot:
        subprocess.run(flags + ["--screenshot=" + screenshot, url], capture_output=True, text=True, timeout=120)
    p = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
    if p.returncode != 0 or "<html" not in p.stdout:
        raise SystemExit("html-check: Chromium could not load %s: %s" % (url, p.stderr[-500:]))
    return p.stdout, p.stderr


def console_errors(log):
    """Console messages at error level and uncaught exceptions, from Chromium's log."""
    return [line for line in log.splitlines() if "CONSOLE" in line and ("Uncaught" in line or ":ERROR:" in line or "error" in line.lower())]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshots", default=None)
    args = ap.parse_args()
    browser = chromium()
    shots = args.screenshots or tempfile.mkdtemp(prefix="protocompat-html-")
    os.makedirs(shots, exist_ok=True)
    failures = []

    def page(path, fragment="", expect_cells=None, expect_panel=None):
        url = "file://" + os.path.abspath(path) + fragment
        name = os.path.basename(path) + (fragment.replace("#", "-").replace("=", "-").replace(",", "-"))
        dom, log = load(browser, url, os.path.join(shots, name + ".png"))
        errors = re.findall(r'data-errors="([^"]*)"', dom)
        if errors:
            failures.append("%s: script errors: %s" % (name, errors))
        if console_errors(log):
            failures.append("%s: console errors: %s" % (name, console_errors(log)[:3]))
        notes = []
        if expect_cells is not None:
            body = dom.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
            cells = body.count("<td")
            if cells != expect_cells:
                failures.append("%s: %d cells, expected %d" % (name, cells, expect_cells))
            notes.append("%d cells" % cells)
        if expect_panel is not None:
            selected, texts = expect_panel
            panel = dom.split('id="panel"', 1)[1].split('<h2 id="changelog"', 1)[0]
            if 'data-selected="%s"' % selected not in panel:
                failures.append("%s: the panel did not take the selection %s" % (name, selected))
            for text in texts:
                if text not in panel:
                    failures.append("%s: the selected cell's panel lacks %r" % (name, text))
            notes.append("cell %s shows %s" % (selected, ", ".join(texts)))
        print("html-check: %s loaded without errors%s" % (name, (": " + "; ".join(notes)) if notes else ""))

    matrix = os.path.join(REPO, "reports/livekit/matrix.html")
    labels = re.findall(r'<th scope="col">([^<]*)</th>', open(matrix).read())
    n = len(labels)
    # Reader 1.0.6, writer 1.0.7: an old reader of the release that renamed ListUpdate.del to remove.
    reader, writer = labels.index("1.0.6"), labels.index("1.0.7")
    page(matrix, expect_cells=n * n)
    page(matrix, "#cell=%d,%d" % (reader, writer), expect_cells=n * n, expect_panel=("%d,%d" % (reader, writer), ["ListUpdate", "remove", "FIELD_SAME_NAME"]))
    page(os.path.join(REPO, "reports/livekit/CHANGELOG.html"))
    page(os.path.join(REPO, "Tests/ReportsTests/Golden/check.explain.html"))
    page(os.path.join(REPO, "Tests/ReportsTests/Golden/matrix.html"), "#cell=1,0", expect_cells=4,
         expect_panel=("1,0", ["ChatService", "RPC_NO_DELETE"]))
    # The channel filter: chat-responses keeps the rename (it reaches every channel) and hides the
    # deleted RPC (only chat-requests carries it).
    roles = os.path.join(REPO, "Tests/ReportsTests/Golden/changelog.roles.html")
    dom, _ = load(browser, "file://" + roles + "#channel=chat-responses")
    items = re.findall(r'<li ([^>]*data-channels="[^"]*"[^>]*)>', dom)
    hidden = [i for i in items if 'class="hidden"' in i]
    deleted_rpc = [i for i in items if 'data-channels="chat-requests"' in i]
    if not deleted_rpc or any('class="hidden"' not in i for i in deleted_rpc) or len(hidden) == len(items):
        failures.append("changelog.roles.html#channel=chat-responses: the channel filter did not hide exactly the other channels' changes")
    print("html-check: changelog.roles.html#channel=chat-responses hides %d of %d changes" % (len(hidden), len(items)))
    print("html-check: screenshots in %s" % shots)
    for failure in failures:
        print("html-check: FAILED: " + failure)
    print("html-check: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
