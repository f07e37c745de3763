#!/usr/bin/env python3
"""Monorepo benchmark (scenario 6): `protocompat check` of two versions of a generated tree of
100,000 small .proto files (1,000 packages of 100 files; each file two messages of four fields, one
referring to a message of the file before it, which it imports), with time and peak memory; `buf
breaking` on the same tree under a time limit (--buf-timeout, 0: skip). The current version changes
one file in a hundred (a field's type, a deleted field, a renamed field, an added message). Targets:
under 60 s and under 4 GiB. Never fails on a number.
"""
import os, shutil, subprocess, sys, tempfile, time

from benchlib import arguments, buf_workspace, measure

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def generate(root, files, changed):
    """`files` files in packages of 100 (pkgNNNN/fileNN.proto); with `changed`, every hundredth file differs."""
    for index in range(files):
        package, number = divmod(index, 100)
        folder = os.path.join(root, "pkg%04d" % package)
        os.makedirs(folder, exist_ok=True)
        change = changed and index % 100 == 37 and (index // 100) % 4
        lines = ['syntax = "proto3";', "package mono.pkg%04d;" % package]
        if number > 0:
            lines.append('import "pkg%04d/file%02d.proto";' % (package, number - 1))
        lines.append("message Item%d {" % number)
        lines.append("  string id = 1;")
        lines.append("  int64 created_at = 2;" if change != 1 else "  int32 created_at = 2;")
        if change != 2:
            lines.append("  repeated string tags = 3;")
        lines.append("  bool active = 4;" if change != 3 else "  bool enabled = 4;")
        lines.append("}")
        lines.append("message Page%d {" % number)
        lines.append("  repeated Item%d items = 1;" % number)
        if number > 0:
            lines.append("  Item%d previous = 2;" % (number - 1))
        lines.append("  string next_page_token = 3;")
        lines.append("}")
        if changed and index % 100 == 37 and (index // 100) % 4 == 0:
            lines.append("message Added%d { string note = 1; }" % number)
        with open(os.path.join(folder, "file%02d.proto" % number), "w") as f:
            f.write("\n".join(lines) + "\n")


def main():
    ap = arguments(__doc__, runs=1)
    ap.add_argument("--files", type=int, default=100000)
    ap.add_argument("--buf-timeout", type=int, default=600)
    args = ap.parse_args()
    ours = os.path.abspath(args.bin)
    tmp = tempfile.mkdtemp(prefix="bench-mono-")
    start = time.perf_counter()
    previous, current = os.path.join(tmp, "previous"), os.path.join(tmp, "current")
    generate(previous, args.files, changed=False)
    generate(current, args.files, changed=True)
    count = sum(1 for _, _, fs in os.walk(current) for f in fs if f.endswith(".proto"))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(current) for f in fs)
    print("# Monorepo: %d files a side (%.0f MB), generated in %.0f s, %d run(s), %d cores" % (count, size / 1e6, time.perf_counter() - start, args.runs, os.cpu_count()))
    print("\n| tool | min s | median s | peak RSS MiB | target |")
    print("|---|---|---|---|---|")
    m = measure([ours, "check", "--rules", "buf:WIRE_JSON", "-o", os.path.join(tmp, "report.txt"), previous, current], None, args.runs, ok=(0, 1))
    print("| protocompat check | %s | < 60 s, < 4096 MiB |" % ("failed | | " if m is None else "%.1f | %.1f | %.0f" % m))
    if args.buf_timeout and shutil.which("buf"):
        work = buf_workspace((("previous", previous), ("current", current)))
        start = time.perf_counter()
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%M", shutil.which("buf"), "breaking", "current", "--against", "previous"],
                               cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=args.buf_timeout)
            peak = int(p.stderr.decode().strip().splitlines()[-1]) / 1024
            print("| buf breaking (WIRE_JSON) | %.1f | | %.0f | |" % (time.perf_counter() - start, peak))
        except subprocess.TimeoutExpired:
            print("| buf breaking (WIRE_JSON) | did not finish in %d s | | | |" % args.buf_timeout)
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
