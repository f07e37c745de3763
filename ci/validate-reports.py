#!/usr/bin/env python3
"""Validates protocompat's report formats with independent tools:
- SARIF against the OASIS SARIF 2.1.0 JSON schema (Tests/ReportsTests/Fixtures), with `jsonschema`;
- `check --format yaml` parsed by PyYAML's safe_load equals `check --format json` as data.
Runs on the shipped examples and on two LiveKit snapshots. Exits 1 on any failure."""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    args = ap.parse_args()
    import jsonschema, yaml
    schema = json.load(open(os.path.join(REPO, "Tests", "ReportsTests", "Fixtures", "sarif-schema-2.1.0.json")))
    pairs = [
        (os.path.join(REPO, "schemas/examples/v1"), os.path.join(REPO, "schemas/examples/v2")),
        (os.path.join(REPO, "schemas/livekit/livekit-protocol-1.0.0.yaml"), os.path.join(REPO, "schemas/livekit/livekit-protocol-1.1.0.yaml")),
    ]
    failures = 0
    for old, new in pairs:
        def run(fmt):
            # Snapshots carry version numbers: their reports also hold the SemVer verdict (JSON, YAML, SARIF).
            semver = ["--semver"] if old.endswith(".yaml") else []
            p = subprocess.run([args.bin, "check", "--format", fmt] + semver + [old, new], capture_output=True, text=True)
            if p.returncode not in (0, 1):
                raise SystemExit("check failed: %s" % p.stderr)
            return p.stdout
        sarif = json.loads(run("sarif"))
        try:
            jsonschema.validate(sarif, schema)
            print("SARIF valid: %s -> %s (%d results)" % (os.path.basename(old), os.path.basename(new), len(sarif["runs"][0]["results"])))
        except jsonschema.ValidationError as e:
            failures += 1
            print("SARIF INVALID: %s -> %s: %s" % (old, new, e.message))
        as_json, as_yaml = json.loads(run("json")), yaml.safe_load(run("yaml"))
        if as_json == as_yaml:
            print("YAML equals JSON: %s -> %s (%d findings)" % (os.path.basename(old), os.path.basename(new), len(as_json["findings"])))
        else:
            failures += 1
            print("YAML DIFFERS from JSON: %s -> %s" % (old, new))
    print("validate-reports: %d failures" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
