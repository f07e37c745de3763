#!/usr/bin/env python3
"""Differential test: protocompat's front end against protoc on real corpora.

For each unit (a whole tree, or one file) both tools give a verdict (accept or reject); when both
accept, protocompat's `dump --no-source-info` of the .proto sources must equal its dump of protoc's
descriptor set (`protoc --include_imports --descriptor_set_out`), compared file by file by digest.
Prints `CORPUS: N agree, M differ` and lists every difference.

Ratchet: ci/differential-baseline.tsv records the agree count each corpus has reached; the run fails
when a count drops below it (and --update-baseline raises the recorded counts).
"""
import argparse, concurrent.futures as cf, json, os, shutil, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "differential-baseline.tsv")


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def digests(text):
    out = {}
    for line in text.splitlines():
        if " " in line:
            d, name = line.split(" ", 1)
            out[name] = d
    return out


class Tools:
    def __init__(self, binary, protoc, tmp):
        self.bin, self.protoc, self.tmp = binary, protoc, tmp
        self.counter = 0

    def ours(self, roots, files, keep_going=False):
        """Our verdict: (ok, {file: digest}, stderr)."""
        cmd = [self.bin, "dump", "--no-source-info", "--digest"]
        if keep_going:
            cmd.append("--keep-going")
        # Files are given as paths under the first root; every root is an include root, in order.
        for r in roots:
            cmd += ["-I", r]
        cmd += [os.path.join(roots[0], f) for f in files]
        code, out, err = run(cmd)
        return code == 0, digests(out), err

    def theirs(self, roots, files):
        """protoc's verdict: (ok, {file: digest of our dump of its descriptor set}, stderr)."""
        self.counter += 1
        out_path = os.path.join(self.tmp, "protoc-%d-%d.binpb" % (os.getpid(), self.counter))
        cmd = [self.protoc] + ["-I" + r for r in roots] + ["--include_imports", "--descriptor_set_out=" + out_path] + [os.path.join(roots[0], f) for f in files]
        code, _, err = run(cmd)
        if code != 0:
            return False, {}, err
        code2, out, err2 = run([self.bin, "dump", "--no-source-info", "--digest", out_path])
        os.unlink(out_path)
        if code2 != 0:
            return True, None, "protocompat cannot read protoc's descriptor set: " + err2
        return True, digests(out), ""

    def explain(self, roots, files, name):
        """A short unified diff of one file's dump, ours against protoc's."""
        import difflib
        out_path = os.path.join(self.tmp, "explain.binpb")
        run([self.protoc] + ["-I" + r for r in roots] + ["--include_imports", "--descriptor_set_out=" + out_path] + [os.path.join(roots[0], f) for f in files])
        cmd = [self.bin, "dump", "--no-source-info", "--keep-going"] + sum((["-I", r] for r in roots), []) + [os.path.join(roots[0], f) for f in files]
        _, a, _ = run(cmd)
        _, b, _ = run([self.bin, "dump", "--no-source-info", out_path])
        def pick(text):
            try:
                for f in json.loads(text)["files"]:
                    if f["name"] == name:
                        return json.dumps(f, indent=1, sort_keys=True).splitlines()
            except Exception:
                pass
            return []
        diff = list(difflib.unified_diff(pick(b), pick(a), "protoc", "protocompat", n=2, lineterm=""))
        return "\n".join(diff[:40])


def compare_tree(tools, name, roots, files):
    """One verdict for a whole tree. Returns (agree, note)."""
    ok_a, dig_a, err_a = tools.ours(roots, files)
    ok_b, dig_b, err_b = tools.theirs(roots, files)
    if ok_a != ok_b:
        why = (err_b if not ok_b else err_a).strip().splitlines()[:3]
        return False, "%s: protoc %s, protocompat %s: %s" % (name, "accepts" if ok_b else "rejects", "accepts" if ok_a else "rejects", " | ".join(why))
    if not ok_a:
        return True, None
    if dig_b is None:
        return False, "%s: %s" % (name, err_b.strip())
    differing = sorted(f for f in set(dig_a) | set(dig_b) if dig_a.get(f) != dig_b.get(f))
    if differing:
        return False, "%s: dumps differ in %s\n%s" % (name, ", ".join(differing[:5]), tools.explain(roots, files, differing[0]))
    return True, None


def protoc_accepts(tools, roots, files):
    """protoc's verdict for each file of `files`, found by bisecting failed batches."""
    ok, dig, _ = tools.theirs(roots, files)
    if ok:
        return {f: dig for f in files}
    if len(files) == 1:
        return {files[0]: None}
    mid = len(files) // 2
    result = protoc_accepts(tools, roots, files[:mid])
    result.update(protoc_accepts(tools, roots, files[mid:]))
    return result


def compare_files_batch(tools, name, roots, files):
    """Per-file verdicts for a large tree compiled in one batch. Returns (agree, differ, notes)."""
    ok, dig_a, err = tools.ours(roots, files, keep_going=True)
    accepted = [f for f in files if f in dig_a]
    rejected = [f for f in files if f not in dig_a]
    theirs = protoc_accepts(tools, roots, accepted) if accepted else {}
    agree, notes = 0, []
    for f in accepted:
        d = theirs.get(f)
        if d is None:
            notes.append("%s/%s: protoc rejects, protocompat accepts" % (name, f))
        elif d.get(f) != dig_a.get(f) or any(d.get(k) != dig_a.get(k) for k in d):
            notes.append("%s/%s: dumps differ\n%s" % (name, f, tools.explain(roots, [f], f)))
        else:
            agree += 1
    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        verdicts = list(pool.map(lambda f: (f, tools.theirs(roots, [f])), rejected))
    our_errors = {}
    for line in err.splitlines():
        our_errors.setdefault(line.split(":", 1)[0], line)
    for f, (ok_b, _, err_b) in verdicts:
        if ok_b:
            notes.append("%s/%s: protoc accepts, protocompat rejects: %s" % (name, f, our_errors.get(f, err.splitlines()[0] if err else "")))
        else:
            agree += 1
    return agree, len(files) - agree, notes


def livekit_units(shared):
    base = os.path.join(shared, "corpus", "livekit")
    deps = os.path.join(shared, "corpus", "livekit-deps", "psrpc")
    for tag in sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d))):
        root = os.path.join(base, tag)
        files = sorted(os.path.relpath(os.path.join(dp, f), root) for dp, _, fs in os.walk(root) for f in fs if f.endswith(".proto"))
        yield tag, [root, deps], files


def buf_units(shared):
    import yaml
    base = os.path.join(shared, "conformance", "buf", "cases")
    for case in sorted(os.listdir(base)):
        for side in ("previous", "current"):
            top = os.path.join(base, case, side)
            if not os.path.isdir(top):
                continue
            roots = [top]
            cfg = os.path.join(top, "buf.yaml")
            if os.path.exists(cfg):
                data = yaml.safe_load(open(cfg)) or {}
                if data.get("modules"):
                    roots = [os.path.join(top, m["path"]) for m in data["modules"]]
                elif (data.get("build") or {}).get("roots"):
                    roots = [os.path.join(top, r) for r in data["build"]["roots"]]
            # Each module root is compiled with the other roots as include roots.
            for i, root in enumerate(roots):
                files = sorted(os.path.relpath(os.path.join(dp, f), root) for dp, _, fs in os.walk(root) for f in fs if f.endswith(".proto"))
                if files:
                    label = "%s/%s" % (case, side) + ("/" + os.path.relpath(root, top) if root != top else "")
                    yield label, [root] + roots[:i] + roots[i + 1:], files


def protobuf_units(shared):
    base = os.path.join(shared, "corpus", "protobuf")
    src = os.path.join(base, "src")
    for dp, _, fs in sorted(os.walk(base)):
        for f in sorted(fs):
            if f.endswith(".proto"):
                path = os.path.join(dp, f)
                if path.startswith(src + os.sep):
                    yield os.path.relpath(path, base), [src, base], [os.path.relpath(path, src)]
                else:
                    yield os.path.relpath(path, base), [base, src], [os.path.relpath(path, base)]


def run_units(tools, corpus, units, jobs):
    agree, differ, notes = 0, 0, []
    with cf.ThreadPoolExecutor(max_workers=jobs) as pool:
        for ok, note in pool.map(lambda u: compare_tree(tools, *u), units):
            if ok:
                agree += 1
            else:
                differ += 1
                notes.append(note)
    return agree, differ, notes


def googleapis_groups(shared, tmp):
    """Each googleapis snapshot, extracted: (label, include roots, files) for its main tree and for
    preview/, which holds copies of google/api files that define the same names again: it is its own
    include root (its imports resolve to its own copies first) and compiled apart. A snapshot's
    folder is removed once its groups have been used."""
    base = os.path.join(shared, "corpus", "googleapis")
    for tarball in sorted(f for f in os.listdir(base) if f.endswith(".tar.xz")):
        dest = os.path.join(tmp, tarball[:-7])
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(os.path.join(base, tarball)) as t:
            t.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(dest)
        entries = os.listdir(dest)
        root = os.path.join(dest, entries[0]) if len(entries) == 1 and os.path.isdir(os.path.join(dest, entries[0])) and not os.path.exists(os.path.join(dest, "google")) else dest
        files = sorted(os.path.relpath(os.path.join(dp, f), root) for dp, _, fs in os.walk(root) for f in fs if f.endswith(".proto"))
        main = [f for f in files if not f.startswith("preview/")]
        preview_root = os.path.join(root, "preview")
        preview = [os.path.relpath(os.path.join(root, f), preview_root) for f in files if f.startswith("preview/")]
        for label, roots, group in ((tarball, [root], main), (tarball + ":preview", [preview_root, root], preview)):
            if group:
                yield label, roots, group
        shutil.rmtree(dest)


def googleapis(tools, shared, tmp):
    total_a, total_d, notes = 0, 0, []
    for label, roots, group in googleapis_groups(shared, tmp):
        a, d, n = compare_files_batch(tools, label, roots, group)
        total_a, total_d, notes = total_a + a, total_d + d, notes + n
    return total_a, total_d, notes


def read_baseline(path):
    """A ratchet file: `corpus<TAB>count` lines, comments starting with #."""
    baseline = {}
    if os.path.exists(path):
        for line in open(path):
            if line.strip() and not line.startswith("#"):
                k, v, *_ = line.split("\t")
                baseline[k] = int(v)
    return baseline


def raise_baseline(path, baseline, results, header):
    """Raises each recorded count to what this run reached (never lowers one)."""
    for k, v in results.items():
        baseline[k] = max(v, baseline.get(k, 0))
    with open(path, "w") as f:
        f.write("# corpus\t%s\n" % header)
        for k in sorted(baseline):
            f.write("%s\t%d\n" % (k, baseline[k]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--bin", required=True, help="the protocompat binary")
    ap.add_argument("--protoc", default=shutil.which("protoc") or "protoc")
    ap.add_argument("--corpus", action="append", choices=["livekit", "buf", "protobuf", "googleapis"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--update-baseline", action="store_true")
    args = ap.parse_args()
    corpora = args.corpus or ["livekit", "buf", "protobuf", "googleapis"]
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        print("differential: skipped: ../shared is missing (%s); the corpus checks need it" % os.path.abspath(args.shared))
        return 0
    baseline = read_baseline(BASELINE)
    tmp = tempfile.mkdtemp(prefix="protocompat-diff-")
    tools = Tools(os.path.abspath(args.bin), args.protoc, tmp)
    results, failed = {}, False
    try:
        for corpus in corpora:
            if corpus == "livekit":
                a, d, notes = run_units(tools, corpus, list(livekit_units(args.shared)), args.jobs)
            elif corpus == "buf":
                a, d, notes = run_units(tools, corpus, list(buf_units(args.shared)), args.jobs)
            elif corpus == "protobuf":
                a, d, notes = run_units(tools, corpus, list(protobuf_units(args.shared)), args.jobs)
            else:
                a, d, notes = googleapis(tools, args.shared, tmp)
            results[corpus] = a
            for n in notes:
                print("  differ: " + n)
            floor = baseline.get(corpus, 0)
            status = "ok" if a >= floor else "REGRESSION (baseline %d)" % floor
            print("%s: %d agree, %d differ  [%s]" % (corpus, a, d, status), flush=True)
            if a < floor:
                failed = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.update_baseline:
        raise_baseline(BASELINE, baseline, results, "agree count reached (ratchet: CI fails when a count drops)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
