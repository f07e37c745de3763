#!/usr/bin/env python3
"""Independent check of the front end: protocompat's descriptor sets equal protoc's, as messages.

For each unit of the corpora in ../shared (a LiveKit tag's tree, a buf case's side, one of
protobuf's test protos, googleapis' files) that protoc accepts, `protoc --include_imports
--descriptor_set_out` and `protocompat build --include-imports -o` each write a FileDescriptorSet.
The official Python runtime (`protobuf` from PyPI) parses both, and every file descriptor of the
two sets must be equal as a message: every field, every option (custom options as the runtime
keeps them, unknown fields compared by number, type and bytes), source info aside. None of
protocompat's own reading code takes part, so a field both of its paths drop, or an option both
misread, shows here.

Differences that are not semantic are normalised by name, never by skipping a file; the list is
NORMALISATIONS below, and each run prints how often each one applied. Whether protoc and
protocompat accept the same files is the differential test's job (ci/differential.py); a unit
protoc rejects is not compared here.

Ratchet: ci/descriptor-equivalence-baseline.tsv holds the count of equal units each corpus reached;
the run fails when a count drops (--update-baseline raises the recorded counts).

With --source-info, both tools also write source info (`--include_source_info`,
`--include-source-info`) and, besides the sets, the locations are compared, file by file for the files a unit
names: protocompat writes one location per declaration (imports, messages, fields, oneofs, enums, enum values, services, methods, extensions; `ELEMENT_PATHS`), and
that list must equal protoc's locations of the same paths: the same paths, spans and leading,
trailing and detached comments, in the same order. protoc's other locations (a declaration's name,
number and type, option statements, reserved ranges, the whole file) are not written by protocompat
and not compared. Its ratchet is ci/source-info-baseline.tsv.
"""
import argparse, collections, concurrent.futures as cf, os, shutil, subprocess, sys, tarfile, tempfile, threading

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "descriptor-equivalence-baseline.tsv")
SOURCE_INFO_BASELINE = os.path.join(HERE, "source-info-baseline.tsv")
sys.path.insert(0, HERE)
import differential  # noqa: E402  (the corpora's units: the same trees the differential test compiles)

from google.protobuf import descriptor_pb2  # noqa: E402
from google.protobuf.unknown_fields import UnknownFieldSet  # noqa: E402

# Differences in form that carry no meaning, applied to both sides before comparing; every other
# field of protoc's descriptors is compared as protoc writes it.
NORMALISATIONS = {
    "empty options": "protoc writes an empty options message for an element declared with a body "
                     "and no option in it (`rpc M(A) returns (B) {}`); an options message with no "
                     "field set means the same as none, and protocompat writes none",
}
applied = collections.Counter()


def unknown(fields):
    """Unknown fields (custom options the runtime has no extension for), in field-number order
    (stable: a repeated option keeps its values' order). Groups and length-delimited values are
    compared as their own unknown fields where they parse as such, else as bytes."""
    out = []
    for f in sorted(fields, key=lambda f: f.field_number):
        data = f.data
        if f.wire_type == 3:
            data = unknown(data)
        out.append((f.field_number, f.wire_type, data))
    return out


def is_repeated(fd):
    """Whether a field is repeated (`is_repeated` from protobuf 6, `label` before)."""
    return fd.is_repeated if hasattr(fd, "is_repeated") else fd.label == fd.LABEL_REPEATED


def canon(msg):
    """A message as plain data: its set fields by name, and its unknown fields."""
    out = {}
    for fd, value in msg.ListFields():
        if fd.name == "source_code_info":
            continue
        if fd.type == fd.TYPE_MESSAGE:
            out[fd.name] = [canon(v) for v in value] if is_repeated(fd) else canon(value)
            if fd.name == "options" and out[fd.name] == {}:
                del out[fd.name]
                applied["empty options"] += 1
        else:
            out[fd.name] = list(value) if is_repeated(fd) else value
    extra = UnknownFieldSet(msg)
    if len(extra):
        out["#unknown"] = unknown(extra)
    return out


def first_difference(a, b, path="file"):
    """Where two canonical forms first differ, as a path and the two values."""
    if type(a) is not type(b):
        return path, a, b
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return "%s.%s" % (path, key), a.get(key, "(unset)"), b.get(key, "(unset)")
            d = first_difference(a[key], b[key], "%s.%s" % (path, key))
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        if len(a) != len(b):
            return "%s (length)" % path, len(a), len(b)
        return None
    return None if a == b else (path, a, b)


def element_path(path):
    """Whether a location's path names a whole declaration (what protocompat writes), as opposed
    to a part of one (or the syntax and package statements, whose spans the model does not keep):
    FileDescriptorProto's dependency 3, option_dependency 15, message_type 4, enum_type 5, service 6 (method 2), extension 7;
    DescriptorProto's field 2, nested_type 3, enum_type 4, extension 6, oneof_decl 8;
    EnumDescriptorProto's value 2."""
    p = list(path)
    if len(p) == 2 and p[0] in (3, 15, 7):
        return True
    if len(p) >= 2 and p[0] == 6:
        return len(p) == 2 or (len(p) == 4 and p[2] == 2)
    if len(p) >= 2 and p[0] == 5:
        return len(p) == 2 or (len(p) == 4 and p[2] == 2)
    if len(p) >= 2 and p[0] == 4:
        rest = p[2:]
        while rest:
            if len(rest) == 2 and rest[0] in (2, 6, 8):
                return True
            if len(rest) >= 2 and rest[0] == 3:
                rest = rest[2:]
                continue
            if len(rest) >= 2 and rest[0] == 4:
                return len(rest) == 2 or (len(rest) == 4 and rest[2] == 2)
            return False
        return True
    return False


def locations(file, keep=lambda path: True):
    """A file's source locations as plain tuples, in the order written."""
    return [(tuple(l.path), tuple(l.span), l.leading_comments if l.HasField("leading_comments") else None,
             l.trailing_comments if l.HasField("trailing_comments") else None, tuple(l.leading_detached_comments))
            for l in file.source_code_info.location if keep(l.path)]


def compare_locations(theirs, ours, only):
    """Differences between two sets' source info, for the files in `only`: [(file, where, protoc's, ours)]."""
    a = {f.name: f for f in theirs.file}
    b = {f.name: f for f in ours.file}
    out = []
    for name in sorted(only):
        if name not in a or name not in b:
            out.append((name, "file", "present" if name in a else "missing", "present" if name in b else "missing"))
            continue
        x, y = locations(a[name], element_path), locations(b[name])
        if x == y:
            continue
        if sorted(x) == sorted(y):
            i = next(i for i, (p, q) in enumerate(zip(x, y)) if p != q)
            out.append((name, "order at location %d" % i, x[i][0], y[i][0]))
            continue
        missing = sorted(set(x) - set(y))
        extra = sorted(set(y) - set(x))
        if missing and extra:
            by_path = {l[0]: l for l in extra}
            same = [m for m in missing if m[0] in by_path]
            if same:
                out.append((name, "location %s" % (list(same[0][0]),), same[0][1:], by_path[same[0][0]][1:]))
                continue
        if missing:
            out.append((name, "location %s" % (list(missing[0][0]),), missing[0][1:], "(not written)"))
        else:
            out.append((name, "location %s" % (list(extra[0][0]),), "(none)", extra[0][1:]))
    return out


def short(value):
    text = repr(value)
    return text if len(text) < 160 else text[:157] + "..."


class Tools:
    def __init__(self, binary, protoc, tmp, source_info=False):
        self.bin, self.protoc, self.tmp = binary, protoc, tmp
        self.counter = 0
        self.source_info = source_info

    def modes(self):
        """What is compared: the sets as messages, and with source info the locations too."""
        return ["sets", "locations"] if self.source_info else ["sets"]

    def path(self, tag):
        self.counter += 1
        return os.path.join(self.tmp, "%s-%d-%d-%d.binpb" % (tag, os.getpid(), threading.get_ident(), self.counter))

    def compile(self, roots, files, always_ours=False):
        """Both tools' sets of `files` (paths under roots[0]), with their errors:
        (protoc's set or None, ours or None, protoc's stderr, ours). protocompat is not run when
        protoc rejects the files, unless `always_ours`."""
        theirs, ours = self.path("protoc"), self.path("ours")
        targets = [os.path.join(roots[0], f) for f in files]
        try:
            info = (["--include_source_info"], ["--include-source-info"]) if self.source_info else ([], [])
            p = subprocess.run([self.protoc] + ["-I" + r for r in roots] + ["--include_imports"] + info[0] + ["--descriptor_set_out=" + theirs] + targets,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            q = None
            if p.returncode == 0 or always_ours:
                q = subprocess.run([self.bin, "build", "--include-imports"] + info[1] + ["-o", ours] + sum((["-I", r] for r in roots), []) + targets,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)

            def load(ok, path):
                if not ok:
                    return None
                s = descriptor_pb2.FileDescriptorSet()
                s.ParseFromString(open(path, "rb").read())
                return s
            return (load(p.returncode == 0, theirs), load(q is not None and q.returncode == 0, ours),
                    p.stderr.decode("utf-8", "replace"), q.stderr.decode("utf-8", "replace") if q else "")
        finally:
            for f in (theirs, ours):
                if os.path.exists(f):
                    os.unlink(f)

    def sets(self, roots, files):
        """(protoc's set, ours, note): None for protoc's when it rejects the files (ours is then not built)."""
        theirs, ours, _, our_err = self.compile(roots, files)
        if theirs is None:
            return None, None, "protoc rejects"
        if ours is None:
            return theirs, None, "protocompat build fails: " + (our_err.strip().splitlines() or [""])[0]
        return theirs, ours, ""


def compare_sets(theirs, ours, only=None):
    """Differences between two sets, file by file: [(file, path, protoc's value, ours)]."""
    a = {f.name: f for f in theirs.file}
    b = {f.name: f for f in ours.file}
    out = []
    for name in sorted(set(a) | set(b)):
        if only is not None and name not in only:
            continue
        if name not in b:
            out.append((name, "file", "present", "missing"))
        elif name not in a:
            out.append((name, "file", "missing", "present"))
        else:
            d = first_difference(canon(a[name]), canon(b[name]))
            if d:
                out.append((name,) + d)
    return out


def compare_unit(tools, label, roots, files):
    """For each comparison (the sets; with source info, also the locations): ('equal' | 'differ' |
    'not compared', note) for one unit, compiled once."""
    theirs, ours, note = tools.sets(roots, files)
    out = {}
    for mode in tools.modes():
        if theirs is None:
            out[mode] = ("not compared", None)
            continue
        if ours is None:
            out[mode] = ("differ", "%s: %s" % (label, note))
            continue
        diffs = compare_locations(theirs, ours, set(files)) if mode == "locations" else compare_sets(theirs, ours)
        if diffs:
            name, path, x, y = diffs[0]
            out[mode] = ("differ", "%s: %d file(s) differ; first %s at %s: protoc %s, protocompat %s" % (label, len(diffs), name, path, short(x), short(y)))
        else:
            out[mode] = ("equal", None)
    return out


def run_units(tools, units, jobs):
    """Per comparison: the counts of each verdict and the notes of the units that differ."""
    counts = {mode: collections.Counter() for mode in tools.modes()}
    notes = {mode: [] for mode in tools.modes()}
    with cf.ThreadPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(lambda u: compare_unit(tools, *u), units):
            for mode, (verdict, note) in result.items():
                counts[mode][verdict] += 1
                if note:
                    notes[mode].append(note)
    return counts, notes


def googleapis(tools, shared, tmp, jobs):
    """googleapis' files, counted one by one, compiled in batches (a batch protoc rejects is split)."""
    counts = {mode: collections.Counter() for mode in tools.modes()}
    notes = {mode: [] for mode in tools.modes()}

    def batch(label, roots, group):
        theirs, ours, note = tools.sets(roots, group)
        if theirs is None:
            if len(group) == 1:
                return {mode: (collections.Counter({"not compared": 1}), []) for mode in tools.modes()}
            mid = len(group) // 2
            first, second = batch(label, roots, group[:mid]), batch(label, roots, group[mid:])
            return {mode: (first[mode][0] + second[mode][0], first[mode][1] + second[mode][1]) for mode in tools.modes()}
        out = {}
        for mode in tools.modes():
            if ours is None:
                out[mode] = (collections.Counter({"differ": len(group)}), ["%s: %s" % (label, note)])
                continue
            found = compare_locations(theirs, ours, set(group)) if mode == "locations" else compare_sets(theirs, ours, only=set(group))
            diffs = {d[0]: d for d in found}
            c = collections.Counter({"equal": len(group) - len(diffs), "differ": len(diffs)})
            n = ["%s/%s: at %s: protoc %s, protocompat %s" % (label, name, path, short(x), short(y)) for name, path, x, y in diffs.values()]
            out[mode] = (c, n)
        return out

    for label, roots, group in differential.googleapis_groups(shared, tmp):
        chunks = [group[i:i + 400] for i in range(0, len(group), 400)]
        with cf.ThreadPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(lambda chunk: batch(label, roots, chunk), chunks):
                for mode, (c, n) in result.items():
                    counts[mode] += c
                    notes[mode] += n
    return counts, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--bin", required=True, help="the protocompat binary")
    ap.add_argument("--protoc", default=shutil.which("protoc") or "protoc")
    ap.add_argument("--corpus", action="append", choices=["livekit", "buf", "protobuf", "googleapis"])
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--source-info", action="store_true",
                    help="also write source info and compare each declaration's location (compiled once for both comparisons)")
    args = ap.parse_args()
    corpora = args.corpus or ["livekit", "buf", "protobuf", "googleapis"]
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        print("descriptor-equivalence: skipped: ../shared is missing (%s); the corpus checks need it" % os.path.abspath(args.shared))
        return 0
    files = {"sets": BASELINE, "locations": SOURCE_INFO_BASELINE}
    titles = {"sets": "descriptor sets", "locations": "source locations"}
    tmp = tempfile.mkdtemp(prefix="protocompat-equiv-")
    tools = Tools(os.path.abspath(args.bin), args.protoc, tmp, source_info=args.source_info)
    baselines = {mode: differential.read_baseline(files[mode]) for mode in tools.modes()}
    results, failed = {mode: {} for mode in tools.modes()}, False
    try:
        for corpus in corpora:
            if corpus == "googleapis":
                counts, notes = googleapis(tools, args.shared, tmp, args.jobs)
            else:
                units = {"livekit": differential.livekit_units, "buf": differential.buf_units, "protobuf": differential.protobuf_units}[corpus]
                counts, notes = run_units(tools, list(units(args.shared)), args.jobs)
            for mode in tools.modes():
                c = counts[mode]
                results[mode][corpus] = c["equal"]
                for n in notes[mode]:
                    print("  differ (%s): %s" % (titles[mode], n))
                floor = baselines[mode].get(corpus, 0)
                status = "ok" if c["equal"] >= floor else "REGRESSION (baseline %d)" % floor
                print("%s, %s: %d equal, %d differ, %d not compared (protoc rejects)  [%s]" % (corpus, titles[mode], c["equal"], c["differ"], c["not compared"], status), flush=True)
                if c["equal"] < floor:
                    failed = True
        for name, count in sorted(applied.items()):
            print("normalised: %s (%d times): %s" % (name, count, NORMALISATIONS[name]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.update_baseline:
        what = {"locations": "units whose declarations' source locations equal protoc's (ratchet: CI fails when a count drops)",
                "sets": "units whose descriptor sets equal protoc's, as messages (ratchet: CI fails when a count drops)"}
        for mode in tools.modes():
            differential.raise_baseline(files[mode], baselines[mode], results[mode], what[mode])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
