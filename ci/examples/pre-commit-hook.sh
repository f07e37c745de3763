#!/usr/bin/env bash
# .git/hooks/pre-commit: refuse a commit whose staged .proto files break compatibility with HEAD.
# Install: cp ci/examples/pre-commit-hook.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# Needs protocompat on PATH. SCHEMAS is the folder holding your .proto tree.
set -euo pipefail
SCHEMAS="${SCHEMAS:-protobufs}"
git diff --cached --name-only -- '*.proto' | grep -q . || exit 0
staged=$(mktemp -d); trap 'rm -rf "$staged"' EXIT
# The staged versions of the files, not the work tree's.
git checkout-index --all --prefix="$staged/" >/dev/null
if ! protocompat check "git:HEAD:$SCHEMAS" "$staged/$SCHEMAS"; then
  echo "protocompat: the staged schemas break compatibility with HEAD (see above)." >&2
  echo "Reserve removed numbers and names, or add an ignore with a reason to protocompat.yaml." >&2
  exit 1
fi
