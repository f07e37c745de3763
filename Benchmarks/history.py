#!/usr/bin/env python3
"""History benchmark (scenario 4): `protocompat changelog` and `protocompat matrix` over every LiveKit
protocol tag in ../shared/corpus/livekit, against `buf breaking` on the same consecutive pairs.

buf has no changelog or matrix: its cost for one is the sum of its pair checks. buf runs on a sample
of consecutive pairs (--buf-pairs, spread over the history) and the total is extrapolated, for the
changelog (one check per step) and the matrix (one check per unordered pair). Prints min and median
wall time, peak RSS and the ratios. A benchmark, not a test: it never fails on a number.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

from benchlib import arguments, buf_workspace, measure

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def tags(shared):
    """Every tag that compiles, oldest first (by date, then version), as MANIFEST.tsv lists them."""
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(shared, "corpus", "livekit", "MANIFEST.tsv"))][1:]
    key = lambda r: (r[3], [int(p) if p.isdigit() else p for p in r[0].lstrip("v").replace("-", ".").split(".")])
    # v0.3.0 defines ParticipantPermission twice (protoc rejects it too).
    return [r[0] for r in sorted(rows, key=key) if r[0] != "v0.3.0"]


def main():
    ap = arguments(__doc__, runs=3)
    ap.add_argument("--buf-pairs", type=int, default=12, help="consecutive pairs buf checks (0: none)")
    args = ap.parse_args()
    ours = os.path.abspath(args.bin)
    lk = os.path.join(args.shared, "corpus", "livekit")
    deps = os.path.join(args.shared, "corpus", "livekit-deps", "psrpc")
    names = tags(args.shared)
    paths = [os.path.join(lk, t) for t in names]
    n = len(names)
    steps, pairs = n - 1, n * (n - 1) // 2
    print("# History: %d LiveKit protocol tags (%d changelog steps, %d matrix pairs), %d runs each, %d cores" % (n, steps, pairs, args.runs, os.cpu_count()))
    print("\n| job | min s | median s | peak RSS MiB | target |")
    print("|---|---|---|---|---|")
    out = tempfile.mkdtemp(prefix="bench-history-")
    changelog = measure([ours, "changelog", "-I", deps, "-o", os.path.join(out, "c.md")] + paths, None, args.runs)
    matrix = measure([ours, "matrix", "-I", deps, "-o", os.path.join(out, "m.md")] + paths, None, args.runs)
    for name, m in (("protocompat changelog (%d tags)" % n, changelog), ("protocompat matrix (%d x %d)" % (n, n), matrix)):
        print("| %s | %s | < 2 s |" % (name, "failed | | " if m is None else "%.2f | %.2f | %.0f" % m))
    shutil.rmtree(out, ignore_errors=True)
    if args.buf_pairs and shutil.which("buf"):
        sample = [round(i * (steps - 1) / max(args.buf_pairs - 1, 1)) for i in range(args.buf_pairs)]
        times = []
        for i in sorted(set(sample)):
            work = buf_workspace((("previous", paths[i]), ("current", paths[i + 1])), [deps])
            start = time.perf_counter()
            subprocess.run([shutil.which("buf"), "breaking", "current", "--against", "previous"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            shutil.rmtree(work, ignore_errors=True)
        per = statistics.median(times)
        print("\nbuf breaking (WIRE_JSON) on %d consecutive pairs spread over the history: median %.2f s a pair" % (len(times), per))
        print("\n| job | buf, extrapolated | buf / protocompat (median) |")
        print("|---|---|---|")
        for name, count, m in (("changelog", steps, changelog), ("matrix", pairs, matrix)):
            total = per * count
            print("| %s: %d checks | %.0f s (%.1f min) | %s |" % (name, count, total, total / 60, "%.0fx" % (total / m[1]) if m else ""))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
