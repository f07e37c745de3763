#!/usr/bin/env bash
# Runs `protocompat check` on every consecutive pair of LiveKit protocol tags in ../shared/corpus/livekit
# (ordered by MANIFEST.tsv date) and prints one line per pair: the exit code and the count of findings.
# Fails when any run crashes (an exit code other than 0, 1, or 2 for the one tag protoc also rejects).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
[ -d "$shared/corpus/livekit" ] || { echo "livekit-history: skipped: $shared is missing"; exit 0; }
bin="$(bash ci/release-build.sh)"
deps="$shared/corpus/livekit-deps/psrpc"
tags=$(tail -n +2 "$shared/corpus/livekit/MANIFEST.tsv" | sort -t$'\t' -k4,4 -k1,1V | cut -f1)
previous=""
pairs=0; crashes=0
for tag in $tags; do
  if [ -n "$previous" ]; then
    set +e
    out=$("$bin" check -I "$deps" --format json "$shared/corpus/livekit/$previous" "$shared/corpus/livekit/$tag" 2>/dev/null)
    code=$?
    set -e
    pairs=$((pairs+1))
    if [ $code -gt 2 ]; then crashes=$((crashes+1)); echo "CRASH $previous -> $tag (exit $code)"; fi
    count=$(printf '%s' "$out" | grep -c '"rule"' || true)
    echo "$previous -> $tag: exit $code, $count findings"
  fi
  previous=$tag
done
echo "livekit-history: $pairs pairs, $crashes crashes"
[ $crashes -eq 0 ]
