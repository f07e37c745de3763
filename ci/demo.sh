#!/usr/bin/env bash
# The main job on the schemas the project ships: builds protocompat and prints the normalized
# model of each example version (the comparison commands arrive with the engine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pkg-config >/dev/null && pkg-config --exists yaml-0.1 2>/dev/null || { apt-get update -qq && apt-get install -y -qq pkg-config libyaml-dev >/dev/null; }
swift build -q --product protocompat
bin="$(swift build --show-bin-path)/protocompat"
for version in schemas/examples/*/; do
  echo "== $version"
  "$bin" dump --no-source-info --digest "$version"
done
