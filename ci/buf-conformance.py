#!/usr/bin/env python3
"""buf conformance: `protocompat check previous current --rules buf:MODE` on every case of
../shared/conformance/buf/cases, against buf's own annotations (expected.MODE.jsonl).

A case agrees in a mode when the breaking verdict is the same and the set of (rule, file, line)
is the same. Prints `MODE: N/M cases agree` and every difference. Ratchet: ci/buf-conformance-baseline.tsv
records the agree counts reached; the run fails when one drops (--update-baseline raises them).
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "buf-conformance-baseline.tsv")
MODES = ["WIRE", "WIRE_JSON", "PACKAGE", "FILE"]


def roots_of(side):
    """The module roots of a case side, relative to it (buf.yaml v1beta1 build roots, or v2 modules)."""
    import yaml
    cfg = os.path.join(side, "buf.yaml")
    if not os.path.exists(cfg):
        return ["."]
    data = yaml.safe_load(open(cfg)) or {}
    return [m["path"] for m in data.get("modules") or []] or (data.get("build") or {}).get("roots") or ["."]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    base = os.path.join(args.shared, "conformance", "buf", "cases")
    if not os.path.isdir(base):
        print("buf-conformance: skipped: ../shared is missing (%s)" % os.path.abspath(args.shared))
        return 0
    baseline = {}
    if os.path.exists(BASELINE):
        for line in open(BASELINE):
            if line.strip() and not line.startswith("#"):
                k, v = line.split("\t")[:2]
                baseline[k] = int(v)
    cases = sorted(c for c in os.listdir(base) if os.path.isdir(os.path.join(base, c)))
    results, failed = {}, False
    for mode in MODES:
        agree, total, notes = 0, 0, []
        for case in cases:
            expected_path = os.path.join(base, case, "expected.%s.jsonl" % mode)
            if not os.path.exists(expected_path):
                continue
            total += 1
            previous_dir, current_dir = os.path.join(base, case, "previous"), os.path.join(base, case, "current")
            prev_roots, cur_roots = roots_of(previous_dir), roots_of(current_dir)
            # A workspace is compared module by module (buf pairs modules by path; a module only in
            # current is skipped). A single module pairs whatever its roots are called.
            if len(prev_roots) == 1 and len(cur_roots) == 1:
                modules = [(prev_roots[0], cur_roots[0])]
            else:
                modules = [(m, m) for m in cur_roots if m in prev_roots]
            expected = set()
            for line in open(expected_path):
                if line.strip():
                    a = json.loads(line)
                    expected.add((a["type"], a.get("path", ""), a.get("start_line", 0)))
            ours, breaking, failed_run = set(), False, None
            for prev_root, cur_root in modules:
                prev, cur = os.path.normpath(os.path.join(previous_dir, prev_root)), os.path.normpath(os.path.join(current_dir, cur_root))
                p = subprocess.run([args.bin, "check", "--rules", "buf:" + mode, "--format", "json", prev, cur], capture_output=True, text=True)
                if p.returncode not in (0, 1):
                    failed_run = p.stderr.strip()[:300]
                    break
                report = json.loads(p.stdout)
                breaking |= report["breaking"]
                # buf's paths are relative to current/, ours to the module root; buf gives deleted files no path.
                prefix = "" if cur_root == "." else os.path.normpath(cur_root) + "/"
                cur_files = {os.path.relpath(os.path.join(d, x), cur) for d, _, xs in os.walk(cur) for x in xs if x.endswith(".proto")}
                # buf gives no path to findings about a file that no longer exists.
                ours |= {(f["rule"], prefix + f["path"] if f["path"] in cur_files else "", f["line"]) for f in report["findings"]}
            if failed_run:
                notes.append("%s: protocompat failed: %s" % (case, failed_run))
                continue
            if ours == expected and breaking == bool(expected):
                agree += 1
            else:
                missing, extra = sorted(expected - ours), sorted(ours - expected)
                notes.append("%s: missing %s; extra %s" % (case, missing[:4], extra[:4]))
        results[mode] = agree
        floor = baseline.get(mode, 0)
        if args.verbose or agree < floor:
            for n in notes:
                print("  %s differ: %s" % (mode, n))
        status = "ok" if agree >= floor else "REGRESSION (baseline %d)" % floor
        print("%s: %d/%d cases agree  [%s]" % (mode, agree, total, status), flush=True)
        failed |= agree < floor
    if args.update_baseline:
        for k, v in results.items():
            baseline[k] = max(v, baseline.get(k, 0))
        with open(BASELINE, "w") as f:
            f.write("# mode\tcases agreeing with buf reached (ratchet: CI fails when a count drops)\n")
            for k in MODES:
                f.write("%s\t%d\n" % (k, baseline.get(k, 0)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
