#!/usr/bin/env bash
# Regenerates schemas/livekit/: one protocompat snapshot per livekit-protocol release on PyPI
# (or the versions given as arguments). Downloads the wheels with 'pip download --no-deps' into a
# cache folder (PROTOCOMPAT_WHEEL_CACHE, default .build-wheels) and runs 'protocompat snapshot' on
# each. Deterministic: the same wheels give the same bytes. The wheels themselves are not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
cache="${PROTOCOMPAT_WHEEL_CACHE:-$root/.build-wheels}"
mkdir -p "$cache" schemas/livekit
bin="$(bash ci/release-build.sh)"
if [ $# -gt 0 ]; then
  versions="$*"
else
  versions=$(pip index versions livekit-protocol 2>/dev/null | sed -n 's/^Available versions: //p' | tr -d ',')
  [ -n "$versions" ] || { echo "error: cannot list livekit-protocol versions on PyPI" >&2; exit 2; }
fi
for version in $versions; do
  wheel=$(ls "$cache"/livekit_protocol-"$version"-*.whl 2>/dev/null | head -n 1 || true)
  if [ -z "$wheel" ]; then
    pip download -q --no-deps --only-binary=:all: -d "$cache" "livekit-protocol==$version" >/dev/null
    wheel=$(ls "$cache"/livekit_protocol-"$version"-*.whl | head -n 1)
  fi
  # Run from the cache so the snapshot records the wheel's file name, not a local path.
  (cd "$cache" && "$bin" snapshot "$(basename "$wheel")" -o "$root/schemas/livekit/livekit-protocol-$version.yaml")
  echo "livekit-protocol $version -> schemas/livekit/livekit-protocol-$version.yaml"
done
# Protocol tags that a release was built from exactly (for `pair ... v1.50.4`), from the corpus's
# record of which protocol commit each python-sdks release pinned.
map="$root/../shared/corpus/livekit/PYPI_TO_TAG.tsv"
if [ -f "$map" ]; then
  { printf '# protocol tag (github.com/livekit/protocol)\tlivekit-protocol release built exactly from it (the newest, when several were)\n'
    awk -F'\t' 'NR>1 && $5!="-" {m[$5]=$1} END {for (t in m) print t"\t"m[t]}' "$map" | sort -V; } > "$root/schemas/livekit/protocol-tags.tsv"
fi
