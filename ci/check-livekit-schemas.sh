#!/usr/bin/env bash
# Fails when schemas/livekit/ is not what ci/update-livekit-schemas.sh makes from the same wheels:
# regenerates three snapshots (oldest, a middle one, newest) and compares bytes. Needs PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshots=(schemas/livekit/livekit-protocol-*.yaml)
[ -e "${snapshots[0]}" ] || { echo "error: schemas/livekit has no snapshots: run ci/update-livekit-schemas.sh" >&2; exit 1; }
versions=$(printf '%s\n' "${snapshots[@]}" | sed 's/.*livekit-protocol-\(.*\)\.yaml/\1/' | sort -V | sed -n '1p;$p;25p')
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r schemas "$tmp/before"
if ! ./ci/update-livekit-schemas.sh $versions >/dev/null 2>"$tmp/err"; then
  if grep -qi "download\|network\|connection\|PyPI" "$tmp/err"; then echo "check-livekit-schemas: skipped: PyPI unreachable"; exit 0; fi
  cat "$tmp/err" >&2; exit 1
fi
status=0
for v in $versions; do
  if cmp -s "$tmp/before/livekit/livekit-protocol-$v.yaml" "schemas/livekit/livekit-protocol-$v.yaml"; then
    echo "livekit-protocol $v: snapshot reproduced byte for byte"
  else
    echo "livekit-protocol $v: snapshot differs from a fresh one: run ci/update-livekit-schemas.sh and commit" >&2; status=1
  fi
done
exit $status
