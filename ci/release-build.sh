#!/usr/bin/env bash
# Builds the release binary and prints its path: the one way every script builds it, so that no two
# scripts build it differently (a different flag rebuilds everything). The Swift runtime and
# Foundation are linked in (--static-swift-stdlib): a process starts in half the time, most of what a
# small check costs (docs/performance.md, scenario 2).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q -c release --static-swift-stdlib --product protocompat >&2
echo "$(swift build -c release --static-swift-stdlib --show-bin-path)/protocompat"
