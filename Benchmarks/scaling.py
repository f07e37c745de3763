#!/usr/bin/env python3
"""Scaling benchmark (scenario 5): `protocompat check` on the synthetic pair of
../shared/conformance/buf/gen_synthetic.py at 1x, 4x and 16x its default size (files and changes
scaled together), with `buf breaking` at the sizes it fits in memory (--buf-up-to). Prints time and
peak memory per size and the exponent of a log-log fit (1.0 is linear). Never fails on a number.
"""
import os, shutil, subprocess, sys, tempfile

from benchlib import arguments, buf_workspace, exponent, measure

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def generate(shared, factor, out):
    subprocess.run([sys.executable, os.path.join(shared, "conformance", "buf", "gen_synthetic.py"), "--out", out, "--seed", "42",
                    "--files", str(50 * factor), "--scale", str(factor)], check=True, stdout=subprocess.DEVNULL)
    lines = sum(sum(1 for _ in open(os.path.join(d, f))) for d, _, fs in os.walk(os.path.join(out, "current")) for f in fs if f.endswith(".proto"))
    return os.path.join(out, "previous"), os.path.join(out, "current"), lines


def main():
    ap = arguments(__doc__, runs=3)
    ap.add_argument("--factors", default="1,4,16")
    ap.add_argument("--buf-up-to", type=int, default=4, help="largest factor buf runs at (16x needs about 12 GiB)")
    args = ap.parse_args()
    ours = os.path.abspath(args.bin)
    factors = [int(f) for f in args.factors.split(",")]
    print("# Scaling: check of the seed-42 synthetic pair at %s its size, %d runs each, %d cores" % (", ".join("%dx" % f for f in factors), args.runs, os.cpu_count()))
    print("\n| size | lines (current) | protocompat min s | median s | peak RSS MiB | buf median s | buf peak RSS MiB | buf / protocompat |")
    print("|---|---|---|---|---|---|---|---|")
    sizes, times, memories = [], [], []
    for factor in factors:
        tmp = tempfile.mkdtemp(prefix="bench-scale-")
        previous, current, lines = generate(args.shared, factor, tmp)
        m = measure([ours, "check", "--rules", "buf:WIRE_JSON", previous, current], None, args.runs, ok=(0, 1))
        buf = None
        if shutil.which("buf") and factor <= args.buf_up_to:
            work = buf_workspace((("previous", previous), ("current", current)))
            buf = measure([shutil.which("buf"), "breaking", "current", "--against", "previous"], work, args.runs, ok=(0, 100))
            shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
        if m is None:
            print("| %dx | %d | failed | | | | | |" % (factor, lines))
            continue
        sizes.append(lines); times.append(m[1]); memories.append(m[2])
        peer = ("%.2f | %.0f | %.1fx time, %.1fx memory" % (buf[1], buf[2], buf[1] / m[1], buf[2] / m[2])) if buf else " | | "
        print("| %dx | %d | %.2f | %.2f | %.0f | %s |" % (factor, lines, m[0], m[1], m[2], peer))
    if len(sizes) >= 2:
        print("\nExponent of a fit time = a * lines^b: b = %.2f; memory: b = %.2f (linear: 1.0; target <= 1.1)" % (exponent(sizes, times), exponent(sizes, memories)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
