#!/usr/bin/env bash
# The wheel as a user gets it: built by ci/build-wheel.sh, installed with pip into a fresh virtual
# environment, then run with no Swift on PATH and no libyaml needed by the binary: `protocompat
# --version` must print the binary's version and `protocompat check` on the shipped examples must
# print the golden report and exit 1; `python -m protocompat`, the man page and the completions must
# be where pip put them. Prints the wheel's size and the install time.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(bash ci/build-wheel.sh | tail -n 1)
python3 -m auditwheel show "$wheel" | tr '\n' ' ' | sed 's/  */ /g'; echo
root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
python3 -m venv "$root/venv"
start=$(date +%s%N)
"$root/venv/bin/pip" install -q --no-index "$wheel"
installed=$(( ($(date +%s%N) - start) / 1000000 ))
# A user's shell: the environment's bin and the system's, no Swift toolchain, no library path.
user=(env -i HOME="$root" PATH="$root/venv/bin:/usr/bin:/bin")
if "${user[@]}" sh -c 'command -v swift' >/dev/null; then echo "wheel-test: swift is on the user's PATH: the test proves nothing"; exit 1; fi
binary="$root/venv/bin/protocompat"
if readelf -d "$binary" | grep -q 'NEEDED.*yaml'; then echo "wheel-test: the binary needs libyaml at run time"; exit 1; fi
expected="$(bash ci/release-build.sh 2>/dev/null)"
[ "$("${user[@]}" protocompat --version)" = "$("$expected" --version)" ] || { echo "wheel-test: --version differs from the binary's"; exit 1; }
set +e
(cd schemas/examples && "${user[@]}" protocompat check v1 v2 > "$root/check.txt")
code=$?
set -e
[ $code -eq 1 ] || { echo "wheel-test: check exited $code, expected 1 (a breaking change)"; exit 1; }
# Run where a user runs it: schemas/examples has a protocompat.yaml with roles, found and applied.
diff -u Tests/ReportsTests/Golden/check.roles.txt "$root/check.txt" || { echo "wheel-test: the installed binary's report differs from the golden file"; exit 1; }
[ "$("${user[@]}" "$root/venv/bin/python" -m protocompat --version)" = "$("$expected" --version)" ] || { echo "wheel-test: python -m protocompat failed"; exit 1; }
for file in share/man/man1/protocompat.1 share/bash-completion/completions/protocompat share/zsh/site-functions/_protocompat share/fish/vendor_completions.d/protocompat.fish; do
  [ -s "$root/venv/$file" ] || { echo "wheel-test: $file was not installed"; exit 1; }
done
echo "wheel-test: $(basename "$wheel"): $(( $(stat -c %s "$wheel") / 1048576 )) MB, installed in ${installed} ms; --version, check (exit 1, golden report), python -m, man page and completions ok"
