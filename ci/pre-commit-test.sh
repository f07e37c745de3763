#!/usr/bin/env bash
# The pre-commit hook as a project uses it: `pre-commit try-repo` against this repository, in a
# temporary git repository of .proto files (the example schemas). A staged breaking change must be
# refused with the finding printed; a compatible one must pass.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
command -v pre-commit >/dev/null || pip install -q pre-commit
bin="$(bash ci/release-build.sh)"
export PATH="$(dirname "$bin"):$PATH"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
export PRE_COMMIT_HOME="$work/cache"
cd "$work" && git init -q project && cd project
# The .proto tree at the repository root (the hook's default --input .).
cp -r "$here/schemas/examples/v1/." .
git add . && git commit -q -m "v1"
# A compatible change: a new field with a new number.
sed -i 's/^message ListResponse {/message ListResponse {\n  string cursor = 9;/' chat/chat.proto
git add .
if ! pre-commit try-repo "$here" protocompat > "$work/ok.txt" 2>&1; then
  cat "$work/ok.txt"; echo "pre-commit-test: the hook refused a compatible change"; exit 1
fi
git commit -q -m "compatible" --no-verify
# A breaking change: v2 renames a field and deletes an RPC.
cp -r "$here/schemas/examples/v2/." .
git add .
if pre-commit try-repo "$here" protocompat > "$work/broken.txt" 2>&1; then
  cat "$work/broken.txt"; echo "pre-commit-test: the hook passed a breaking change"; exit 1
fi
grep -q "FIELD_SAME_NAME" "$work/broken.txt" || { cat "$work/broken.txt"; echo "pre-commit-test: the refusal does not print the finding"; exit 1; }
echo "pre-commit-test: a compatible staged change passes, a breaking one is refused with its findings ($(grep -c ': [A-Z_]*[:,]' "$work/broken.txt") lines)"
