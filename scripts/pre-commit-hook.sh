#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml, id protocompat): refuses a commit whose staged .proto
# files break compatibility with HEAD, and passes otherwise. Runs `protocompat check` on HEAD's tree
# and on the staged tree (the index, not the work tree), from the repository root, so that its
# protocompat.yaml (level, direction, ignores, roles) applies.
#   args: [--input DIR] [any check flag: --level wire, --direction backward, --config FILE, ...]
# Needs protocompat on PATH: pip install protocompat (or a built wheel, see the README).
set -euo pipefail
input="."
flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input="$2"; shift 2;;
    --input=*) input="${1#--input=}"; shift;;
    *) flags+=("$1"); shift;;
  esac
done
if ! command -v protocompat >/dev/null; then
  echo "protocompat: not on PATH: pip install protocompat (or pip install dist/protocompat-*.whl)" >&2
  exit 2
fi
# A first commit has nothing to break.
git rev-parse --verify -q HEAD >/dev/null || exit 0
staged=$(mktemp -d); trap 'rm -rf "$staged"' EXIT
git checkout-index --all --prefix="$staged/"
status=0
head="git:HEAD"
[ "$input" = "." ] || head="git:HEAD:${input%/}"
protocompat check ${flags[@]+"${flags[@]}"} "$head" "$staged/$input" || status=$?
if [ $status -eq 1 ]; then
  echo "protocompat: the staged .proto files break compatibility with HEAD (above)." >&2
  echo "Reserve removed numbers and names, or add an ignore with a reason to protocompat.yaml." >&2
fi
exit $status
