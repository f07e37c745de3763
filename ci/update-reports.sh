#!/usr/bin/env bash
# Regenerates reports/ from the schemas the project ships: the changelog of every livekit-protocol
# release, the release audit (RELEASES.md: releases whose number understated their changes), the compatibility matrix (Markdown for the last 20 releases, SVG for all, PNG when
# rsvg-convert is installed), the client x server matrix per channel of the LiveKit preset (same
# split), one `pair` answer and the check report of the newest pair in each format, both with witnesses (`--explain`). Deterministic: the same schemas
# give the same bytes. With --check, writes to a temporary folder and fails if reports/ differs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash ci/release-build.sh)"
out=reports/livekit
if [ "${1:-}" = "--check" ]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
mkdir -p "$out"
"$bin" changelog --versions schemas/livekit --title "livekit-protocol changelog" -o "$out/CHANGELOG.md"
"$bin" changelog --versions schemas/livekit --format yaml -o "$out/changelog.yaml"
# The releases whose version number understated their changes (SemVer), with the changes that needed more.
"$bin" changelog --versions schemas/livekit --audit --title "livekit-protocol release audit" -o "$out/RELEASES.md"
"$bin" matrix --versions schemas/livekit --last 20 --title "livekit-protocol: the last 20 releases" -o "$out/MATRIX.md"
"$bin" matrix --versions schemas/livekit --format svg --title "livekit-protocol: all releases" -o "$out/matrix.svg"
# One page each: the heatmap whose cells show their changes, and the changelog (ci/html-check.py loads them in Chromium).
"$bin" matrix --versions schemas/livekit --format html --title "livekit-protocol: all releases" -o "$out/matrix.html"
"$bin" changelog --versions schemas/livekit --format html --title "livekit-protocol changelog" -o "$out/CHANGELOG.html"
# Per channel of the LiveKit preset: client version x server version, as `pair` judges it.
"$bin" matrix --versions schemas/livekit --last 20 --preset livekit --by-channel \
  --title "livekit-protocol: client x server per channel, the last 20 releases" -o "$out/CHANNELS.md"
"$bin" matrix --versions schemas/livekit --preset livekit --by-channel --format svg \
  --title "livekit-protocol" -o "$out/channels.svg"
"$bin" pair livekit-protocol==1.0.7 v1.50.4 --preset livekit --explain --format markdown -o "$out/pair-1.0.7-v1.50.4.md" || [ $? -eq 1 ]
# The PNG is for people (and the issue note); it is not compared, fonts differ between machines.
if [ "${1:-}" != "--check" ] && command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 1400 "$out/matrix.svg" -o "$out/matrix.png"
  rsvg-convert -w 1600 "$out/channels.svg" -o "$out/channels.png"
fi
newest=$(ls schemas/livekit/livekit-protocol-*.yaml | sort -V | tail -n 2)
for format in text json yaml markdown sarif github; do
  case $format in text) ext=txt;; markdown) ext=md;; github) ext=github.txt;; *) ext=$format;; esac
  "$bin" check --explain --format "$format" $newest -o "$out/check-latest.$ext" || [ $? -eq 1 ]
done
if [ "${1:-}" = "--check" ]; then
  if diff -r -x "*.png" "$out" reports/livekit >/dev/null; then echo "reports/livekit is current"; else
    diff -r -x "*.png" "$out" reports/livekit | head -20; echo "error: reports/livekit is stale: run ci/update-reports.sh and commit" >&2; exit 1; fi
fi
