#!/usr/bin/env bash
# The main job on the schemas the project ships: builds protocompat, then reads every shipped
# version (the example .proto trees and the 51 LiveKit snapshots) and prints, per version, its
# label, files and digest. The comparison commands (check, changelog, matrix) arrive with the engine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pkg-config >/dev/null && pkg-config --exists yaml-0.1 2>/dev/null || { apt-get update -qq && apt-get install -y -qq pkg-config libyaml-dev >/dev/null; }
swift build -q -c release --product protocompat
bin="$(swift build -c release --show-bin-path)/protocompat"
for version in schemas/examples/*/ $(ls schemas/livekit/livekit-protocol-*.yaml | sort -V); do
  files=$("$bin" dump --no-source-info --digest "$version")
  printf '%-48s %3d files  %s\n' "$version" "$(echo "$files" | wc -l)" "$(echo "$files" | cksum | cut -d' ' -f1)"
done
