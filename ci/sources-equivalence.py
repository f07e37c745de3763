#!/usr/bin/env python3
"""Every source path gives the same model: for each livekit-protocol release built from an exact
protocol tag (../shared/corpus/livekit/PYPI_TO_TAG.tsv), compares, file by file over the files the
wheel carries, protocompat's model (`dump --no-source-info --digest`) of
  the wheel (from PyPI), the .proto tree at the tag, protoc's descriptor set of that tree,
  and the snapshot round trip of the .proto tree and of the wheel,
and prints the table (docs/livekit-versions.md keeps a copy). Exits 1 when a row disagrees.
"""
import argparse, csv, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def digests(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd[:4]), p.stderr.strip()[:400]))
    return dict(reversed(line.split(" ", 1)) for line in p.stdout.splitlines())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--cache", default=os.environ.get("PROTOCOMPAT_WHEEL_CACHE", os.path.join(REPO, ".build-wheels")))
    args = ap.parse_args()
    table = os.path.join(args.shared, "corpus", "livekit", "PYPI_TO_TAG.tsv")
    if not os.path.exists(table):
        print("sources-equivalence: skipped: ../shared is missing (%s)" % os.path.abspath(args.shared))
        return 0
    binary = os.path.abspath(args.bin)
    deps = os.path.join(args.shared, "corpus", "livekit-deps", "psrpc")
    os.makedirs(args.cache, exist_ok=True)
    rows = [r for r in csv.DictReader(open(table), delimiter="\t") if r["protocol_tag_at_commit"] != "-"]
    tmp = tempfile.mkdtemp(prefix="protocompat-eq-")
    print("| livekit-protocol | tag | files | wheel = .proto | wheel = protoc | .proto snapshot round trip | wheel snapshot round trip |")
    print("|---|---|---|---|---|---|---|")
    failed = 0
    try:
        for r in rows:
            version, tag = r["pypi_version"], r["protocol_tag_at_commit"]
            wheels = [f for f in os.listdir(args.cache) if f.startswith("livekit_protocol-%s-" % version) and f.endswith(".whl")]
            if not wheels:
                p = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d", args.cache, "livekit-protocol==%s" % version], capture_output=True, text=True)
                if p.returncode != 0:
                    print("sources-equivalence: skipped: cannot download livekit-protocol==%s from PyPI: %s" % (version, p.stderr.strip()[-200:]))
                    return 0
                wheels = [f for f in os.listdir(args.cache) if f.startswith("livekit_protocol-%s-" % version) and f.endswith(".whl")]
            wheel = os.path.join(args.cache, wheels[0])
            tree = os.path.join(args.shared, "corpus", "livekit", tag)
            files = sorted(os.path.relpath(os.path.join(d, f), tree) for d, _, fs in os.walk(tree) for f in fs if f.endswith(".proto"))
            w = digests([binary, "dump", "--no-source-info", "--digest", wheel])
            t = digests([binary, "dump", "--no-source-info", "--digest", "-I", deps, tree])
            fds = os.path.join(tmp, "p.binpb")
            subprocess.run(["protoc", "-I" + tree, "-I" + deps, "--include_imports", "--descriptor_set_out=" + fds] + files, cwd=tree, check=True, stderr=subprocess.DEVNULL)
            p = digests([binary, "dump", "--no-source-info", "--digest", fds])
            snap_tree, snap_wheel = os.path.join(tmp, "tree.yaml"), os.path.join(tmp, "wheel.yaml")
            subprocess.run([binary, "snapshot", "-I", deps, tree, "-o", snap_tree], check=True)
            subprocess.run([binary, "snapshot", wheel, "-o", snap_wheel], check=True)
            st = digests([binary, "dump", "--no-source-info", "--digest", snap_tree])
            sw = digests([binary, "dump", "--no-source-info", "--digest", snap_wheel])

            def same(other):
                bad = [f for f in w if other.get(f) != w[f]]
                return "yes" if not bad else "NO: " + ", ".join(bad[:3])

            cols = [same(t), same(p), "yes" if st == t else "NO", "yes" if sw == w else "NO"]
            failed += sum(c != "yes" for c in cols)
            print("| %s | %s | %d | %s |" % (version, tag, len(w), " | ".join(cols)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("sources-equivalence: %d releases, %d disagreements" % (len(rows), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
