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


def root_of(side):
    """The single module root of a case side (buf.yaml v1beta1 roots, or v2 modules), or None when several."""
    import yaml
    cfg = os.path.join(side, "buf.yaml")
    if not os.path.exists(cfg):
        return side
    data = yaml.safe_load(open(cfg)) or {}
    roots = [m["path"] for m in data.get("modules") or []] or (data.get("build") or {}).get("roots") or ["."]
    return os.path.normpath(os.path.join(side, roots[0])) if len(roots) == 1 else None


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
            prev, cur = root_of(os.path.join(base, case, "previous")), root_of(os.path.join(base, case, "current"))
            if prev is None or cur is None:
                notes.append("%s: several modules per side (workspace): not compared" % case)
                continue
            expected = set()
            for line in open(expected_path):
                if line.strip():
                    a = json.loads(line)
                    expected.add((a["type"], a.get("path", ""), a.get("start_line", 0)))
            p = subprocess.run([args.bin, "check", "--rules", "buf:" + mode, "--format", "json", prev, cur], capture_output=True, text=True)
            if p.returncode not in (0, 1):
                notes.append("%s: protocompat failed: %s" % (case, p.stderr.strip()[:300]))
                continue
            report = json.loads(p.stdout)
            ours = {(f["rule"], f["path"] if f["line"] else "", f["line"]) for f in report["findings"]}
            # buf reports deleted files without a path; protocompat names the old file: compare rule only.
            ours = {(r, p_ if l else "", l) for r, p_, l in ours}
            if ours == expected and report["breaking"] == bool(expected):
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
