#!/usr/bin/env bash
# Builds the release binary and prints its path: the one way every script builds it, so that no two
# scripts build it differently (a different flag rebuilds everything). The Swift runtime and
# Foundation are linked in (--static-swift-stdlib): a process starts in half the time, most of what a
# small check costs (docs/performance.md, scenario 2). libyaml is linked in too: a pkg-config file
# of our own points the linker at a folder holding only libyaml's static archive, so the binary (and
# the wheel that carries it) runs where libyaml is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
static="$PWD/.build/static-libs"
libdir=$(pkg-config --variable=libdir yaml-0.1 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)
mkdir -p "$static"
cmp -s "$libdir/libyaml.a" "$static/libyaml.a" || cp "$libdir/libyaml.a" "$static/libyaml.a"
pc="prefix=/usr
libdir=$static
includedir=$(pkg-config --variable=includedir yaml-0.1 2>/dev/null || echo /usr/include)
Name: LibYAML
Description: libyaml, linked statically into protocompat
Version: $(pkg-config --modversion yaml-0.1 2>/dev/null || echo 0.2.5)
Libs: -L\${libdir} -lyaml
Cflags: -I\${includedir}"
[ "$(cat "$static/yaml-0.1.pc" 2>/dev/null)" = "$pc" ] || printf '%s\n' "$pc" > "$static/yaml-0.1.pc"
export PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
flags=(-c release --static-swift-stdlib)
swift build -q "${flags[@]}" --product protocompat >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/protocompat"
