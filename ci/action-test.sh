#!/usr/bin/env bash
# The GitHub Action's check step (scripts/github-action.sh, what action.yml runs) in a simulated
# runner: a temporary repository whose base commit holds the example schemas' v1 and whose head holds
# v2, a pull_request event file, and the step summary, output and temp folders GitHub provides. The
# step must exit 1, annotate the changed lines, append the Markdown report to the summary, write a
# SARIF file and set the outputs. Then action.yml and the examples are checked (ci/validate-actions.py).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
bin="$(bash ci/release-build.sh)"
export PATH="$(dirname "$bin"):$PATH"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
git init -q "$work/repo" && cd "$work/repo"
mkdir protos && cp -r "$here/schemas/examples/v1/." protos/
git add . && git commit -q -m base && base=$(git rev-parse HEAD)
cp -r "$here/schemas/examples/v2/." protos/
git add . && git commit -q -m head
printf '{"pull_request": {"base": {"sha": "%s"}}}' "$base" > "$work/event.json"
mkdir "$work/runner"
: > "$work/summary.md"; : > "$work/output.txt"
set +e
env GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" GITHUB_STEP_SUMMARY="$work/summary.md" \
  GITHUB_OUTPUT="$work/output.txt" RUNNER_TEMP="$work/runner" GITHUB_ACTION_PATH="$here" \
  INPUT_INPUT=protos INPUT_FORMAT=none bash "$here/scripts/github-action.sh" > "$work/log.txt" 2>&1
code=$?
set -e
fail() { echo "action-test: $1"; cat "$work/log.txt"; exit 1; }
[ $code -eq 1 ] || fail "the step exited $code, expected 1 (v2 breaks v1)"
grep -q '^::error file=chat/chat.proto,line=12,col=3,title=FIELD_SAME_NAME' "$work/log.txt" || fail "no annotation on the renamed field"
grep -q '^### protocompat: breaking' "$work/summary.md" || fail "the job summary lacks the Markdown report"
grep -q '^breaking=true$' "$work/output.txt" && grep -q "^sarif=$work/runner/protocompat.sarif$" "$work/output.txt" || fail "outputs not set: $(cat "$work/output.txt")"
python3 - "$work/runner/protocompat.sarif" <<'PY' || fail "the SARIF file is not a SARIF report with results"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["version"] == "2.1.0" and report["runs"][0]["results"], "no results"
PY
# Without a pull request or a push, the step says what to set instead of guessing.
set +e
env GITHUB_EVENT_NAME=workflow_dispatch GITHUB_EVENT_PATH="$work/event.json" bash "$here/scripts/github-action.sh" > "$work/none.txt" 2>&1
none=$?
set -e
[ $none -eq 2 ] && grep -q "set the action's 'against' input" "$work/none.txt" || fail "a run without a base must exit 2 and say so"
echo "action-test: the check step annotates ($(grep -c '^::' "$work/log.txt") annotations), writes the summary ($(wc -l < "$work/summary.md") lines), SARIF and outputs, exits 1"
cd "$here"
python3 ci/validate-actions.py
