#!/usr/bin/env bash
# The check step of action.yml (inputs as INPUT_* variables, GitHub's GITHUB_* files). Resolves what
# to compare with (the input, else the pull request's base commit, else the commit before a push),
# then runs protocompat check: annotations on the log (--format github), the Markdown report appended
# to $GITHUB_STEP_SUMMARY, SARIF to $RUNNER_TEMP/protocompat.sarif, outputs breaking and sarif, and
# the check's exit code (0 compatible, 1 breaking, 2 an error).
set -euo pipefail
input="${INPUT_INPUT:-.}"
input="${input%/}"
against="${INPUT_AGAINST:-}"
if [ -z "$against" ]; then
  base=$(python3 - "${GITHUB_EVENT_PATH:-}" "${GITHUB_EVENT_NAME:-}" <<'PY'
import json, sys
path, event = sys.argv[1], sys.argv[2]
data = json.load(open(path)) if path else {}
if event.startswith("pull_request"):
    print(data.get("pull_request", {}).get("base", {}).get("sha", ""))
elif event == "push":
    before = data.get("before", "")
    print("" if set(before) <= {"0"} else before)
PY
)
  if [ -z "$base" ]; then
    echo "::error title=protocompat::no base to compare with: this is not a pull request or a push with a previous commit; set the action's 'against' input"
    exit 2
  fi
  # A shallow checkout lacks the base commit: fetch just it.
  git cat-file -e "$base^{commit}" 2>/dev/null || git fetch --quiet --no-tags --depth=1 origin "$base"
  against="git:$base"
  [ "$input" = "." ] || against="git:$base:$input"
fi
flags=()
[ -n "${INPUT_LEVEL:-}" ] && flags+=(--level "$INPUT_LEVEL")
[ -n "${INPUT_DIRECTION:-}" ] && flags+=(--direction "$INPUT_DIRECTION")
[ -n "${INPUT_CONFIG:-}" ] && flags+=(--config "$INPUT_CONFIG")
if [ "${INPUT_SEMVER:-false}" = "true" ]; then
  flags+=(--semver)
  [ -n "${INPUT_OLD_VERSION:-}" ] && flags+=(--old-version "$INPUT_OLD_VERSION")
  [ -n "${INPUT_NEW_VERSION:-}" ] && flags+=(--new-version "$INPUT_NEW_VERSION")
fi
sarif="${RUNNER_TEMP:-/tmp}/protocompat.sarif"
run() { protocompat check ${flags[@]+"${flags[@]}"} "$@" "$against" "$input"; }
status=0
run --format github || status=$?
if [ $status -le 1 ]; then
  run --format sarif -o "$sarif" || true
  { run --format markdown || true; } >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
  case "${INPUT_FORMAT:-text}" in
    none|github) ;;
    *) run --format "$INPUT_FORMAT" || true;;
  esac
fi
{
  echo "breaking=$([ $status -eq 1 ] && echo true || echo false)"
  echo "sarif=$sarif"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit $status
