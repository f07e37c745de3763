#!/usr/bin/env python3
"""Check benchmark: `protocompat check` against `buf breaking` on the same pairs, in the same run.

Scenarios: the seed-42 pair of ../shared/conformance/buf/gen_synthetic.py (default size, about 44k
lines a side), and a small pair (two consecutive LiveKit tags). The two tools run in turn, one run of
each per round. Prints min and median wall time, peak RSS and the ratios (buf / protocompat: of the
medians, and of the minimums). A benchmark, not a test: it never fails on a number.
"""
import os, shutil, subprocess, sys, tempfile

from benchlib import arguments, buf_workspace, measure_interleaved

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


# check and buf breaking exit non-zero when they find something: that is a result, not a failure.
FOUND_OR_NOT = (0, 1, 100)


def row(name, m, base):
    if m is None:
        return "| %s | failed | | | |" % name
    ratio = "" if base is None else "%.1fx time (minimums %.1fx), %.1fx memory" % (m[1] / base[1], m[0] / base[0], m[2] / base[2])  # peer / protocompat
    return "| %s | %.3f | %.3f | %.0f | %s |" % (name, m[0], m[1], m[2], ratio)


def scenario(title, previous, current, tools, runs, includes=()):
    print("\n## %s\n" % title)
    print("| tool | min s | median s | peak RSS MiB | buf / protocompat |")
    print("|---|---|---|---|---|")
    jobs = [([tools["protocompat"], "check", "--rules", "buf:WIRE_JSON"] + sum((["-I", i] for i in includes), []) + [previous, current], None, FOUND_OR_NOT)]
    work = None
    if tools.get("buf"):
        work = buf_workspace((("current", current), ("previous", previous)), includes)
        jobs.append(([tools["buf"], "breaking", "current", "--against", "previous"], work, FOUND_OR_NOT))
    results = measure_interleaved(jobs, runs)
    print(row("protocompat check --rules buf:WIRE_JSON", results[0], None))
    if work:
        print(row("buf breaking (WIRE_JSON)", results[1], results[0]))
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.flush()


def main():
    ap = arguments(__doc__, runs=3)
    args = ap.parse_args()
    tools = {"protocompat": os.path.abspath(args.bin), "buf": shutil.which("buf")}
    print("# check: protocompat vs buf breaking, same run, %d runs each in turn, %d cores" % (args.runs, os.cpu_count()))
    tmp = tempfile.mkdtemp(prefix="bench-check-")
    subprocess.run([sys.executable, os.path.join(args.shared, "conformance", "buf", "gen_synthetic.py"), "--out", tmp, "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
    sides = sorted(d for d in os.listdir(tmp) if os.path.isdir(os.path.join(tmp, d)))
    prev = os.path.join(tmp, "previous") if "previous" in sides else os.path.join(tmp, sides[0])
    cur = os.path.join(tmp, "current") if "current" in sides else os.path.join(tmp, sides[1])
    lines = sum(sum(1 for _ in open(os.path.join(d, f))) for d, _, fs in os.walk(cur) for f in fs if f.endswith(".proto"))
    scenario("Synthetic pair, seed 42 (%d lines in current)" % lines, prev, cur, tools, args.runs)
    lk = os.path.join(args.shared, "corpus", "livekit")
    scenario("Small pair: LiveKit v1.50.3 -> v1.50.4", os.path.join(lk, "v1.50.3"), os.path.join(lk, "v1.50.4"), tools, args.runs,
             includes=[os.path.join(args.shared, "corpus", "livekit-deps", "psrpc")])
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
