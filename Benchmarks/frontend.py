#!/usr/bin/env python3
"""Front-end benchmark: parse + link whole trees with protocompat, protoc and buf in the same run.

For each googleapis snapshot in ../shared/corpus/googleapis (preview/ left out) and one LiveKit
version, runs `protocompat dump --check-only`, `protoc --include_imports --descriptor_set_out` and
(when installed) `buf build`, several times each, and prints min and median wall time, peak RSS,
files/s, MB/s and the ratio of each peer's median time to protocompat's (above 1: protocompat is faster).
This is a benchmark, not a test: it never fails on a number.
"""
import os, shutil, subprocess, sys, tarfile, tempfile

from benchlib import arguments, measure

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def tree(root, exclude=()):
    files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs if f.endswith(".proto"))
    files = [f for f in files if not any(f.startswith(e) for e in exclude)]
    size = sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return files, size


def bench(name, root, files, size, extra_roots, tools, runs):
    includes = [root] + extra_roots
    rows = []
    # Both tools read the file list from an argument file (@FILE, one path a line), as a build would
    # for thousands of files: a command line of 7,000 paths measures argument parsing, not compiling.
    listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    listing.write("\n".join(files) + "\n")
    listing.close()
    ours = measure([tools["protocompat"], "dump", "--check-only"] + sum((["-I", r] for r in includes), []) + ["@" + listing.name], root, runs)
    rows.append(("protocompat", ours))
    if tools.get("protoc"):
        rows.append(("protoc", measure([tools["protoc"]] + ["-I" + r for r in includes] + ["--include_imports", "--descriptor_set_out=/dev/null", "@" + listing.name], root, runs)))
    os.unlink(listing.name)
    if tools.get("buf"):
        work = tempfile.mkdtemp(prefix="bench-buf-")
        with open(os.path.join(work, "buf.yaml"), "w") as f:
            f.write("version: v2\nmodules:\n" + "".join("  - path: %s\n" % os.path.relpath(r, work) for r in [root]) )
        excludes = sorted({f.split("/")[0] for f in os.listdir(root)} - {f.split("/")[0] for f in files})
        cmd = [tools["buf"], "build", root, "-o", "/dev/null"] + sum((["--exclude-path", os.path.join(root, e)] for e in excludes), [])
        rows.append(("buf build", measure(cmd, work, runs)))
        shutil.rmtree(work, ignore_errors=True)
    print("\n## %s: %d files, %.1f MB" % (name, len(files), size / 1e6))
    print("| tool | min s | median s | peak RSS MiB | files/s | MB/s | peer median / protocompat median |")
    print("|---|---|---|---|---|---|---|")
    base = ours[1] if ours else None
    for tool, m in rows:
        if m is None:
            print("| %s | failed | | | | | |" % tool)
            continue
        ratio = "%.2fx" % (m[1] / base) if base and tool != "protocompat" else ""
        print("| %s | %.3f | %.3f | %.0f | %.0f | %.1f | %s |" % (tool, m[0], m[1], m[2], len(files) / m[1], size / 1e6 / m[1], ratio))
    sys.stdout.flush()


def main():
    ap = arguments(__doc__, runs=3)
    ap.add_argument("--livekit-tag", default="v1.50.0")
    args = ap.parse_args()
    tools = {"protocompat": os.path.abspath(args.bin), "protoc": shutil.which("protoc"), "buf": shutil.which("buf")}
    print("# Front end: parse + link, same run, %d runs each (%s; %d cores)" % (args.runs, subprocess.run(["protoc", "--version"], capture_output=True, text=True).stdout.strip(), os.cpu_count()))
    lk = os.path.join(args.shared, "corpus", "livekit", args.livekit_tag)
    files, size = tree(lk)
    bench("LiveKit " + args.livekit_tag, lk, files, size, [os.path.join(args.shared, "corpus", "livekit-deps", "psrpc")], {k: v for k, v in tools.items() if k != "buf"}, args.runs)
    base = os.path.join(args.shared, "corpus", "googleapis")
    for tarball in sorted(f for f in os.listdir(base) if f.endswith(".tar.xz")):
        tmp = tempfile.mkdtemp(prefix="bench-ga-")
        with tarfile.open(os.path.join(base, tarball)) as t:
            t.extractall(tmp, filter="data")
        root = os.path.join(tmp, os.listdir(tmp)[0])
        files, size = tree(root, exclude=("preview/",))
        bench("googleapis " + tarball[:-7], root, files, size, [], tools, args.runs)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
