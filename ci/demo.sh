#!/usr/bin/env bash
# The main job on the schemas the project ships: installs what is missing, builds protocompat,
# regenerates reports/livekit/ (the changelog of all 51 livekit-protocol releases and the check
# report of the newest pair in every format) and shows the gate on the shipped examples.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v pkg-config >/dev/null || need+=(pkg-config)
pkg-config --exists yaml-0.1 2>/dev/null || need+=(libyaml-dev)
[ ${#need[@]} -eq 0 ] || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
bash ci/update-reports.sh
bin="$(bash ci/release-build.sh)"
echo "== reports/livekit/CHANGELOG.md (newest steps)"
sed -n '1,30p' reports/livekit/CHANGELOG.md
echo "..."
echo "== protocompat check schemas/examples/v1 schemas/examples/v2"
"$bin" check schemas/examples/v1 schemas/examples/v2 || echo "(exit $?: something breaks, as the example intends)"
