#!/usr/bin/env bash
# Runs one fuzz target under libFuzzer with AddressSanitizer for a fixed time:
#   ci/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET is one of: parser, frontend, descriptors, python, archives, yaml (Sources/FuzzTargets).
# Seeds come from the project's schemas and, when present, ../shared/corpus. A crash, leak or
# timeout is saved under Tests/FuzzRegressionTests/Regressions/TARGET/ (replayed by `swift test`
# from then on) and the script exits 1. The working corpus stays in .build-fuzz/corpus/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: ci/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: ci/fuzz.sh TARGET SECONDS}
shift 2
case $target in parser|frontend|descriptors|python|archives|yaml) ;; *) echo "error: unknown target $target" >&2; exit 2;; esac
swift build -q -c release --build-path .build-fuzz --product protocompat-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library
bin=.build-fuzz/release/protocompat-fuzz
corpus=.build-fuzz/corpus/$target
seeds=.build-fuzz/seeds/$target
regressions=Tests/FuzzRegressionTests/Regressions/$target
mkdir -p "$corpus" "$seeds" "$regressions"
shared=../shared/corpus
max_len=262144
case $target in
  parser|frontend)
    cp schemas/examples/v1/chat/chat.proto "$seeds/v1.proto"; cp schemas/examples/v2/chat/chat.proto "$seeds/v2.proto"
    if [ -d "$shared/protobuf" ]; then find "$shared/protobuf" -name '*.proto' -size -64k | sed -n '1,200p' | while read -r f; do cp "$f" "$seeds/$(echo "$f" | md5sum | cut -c1-12).proto"; done; fi
    if [ "$target" = parser ]; then
      # The fast target reads one buffer with no imports, so a whole file is no better a seed than
      # its parts: every seed is cut, at line ends, into pieces of at most 1 KB, and inputs stay
      # within 1 KB (docs/fuzzing.md: the sanitizers' cost grows with the input, not the grammar).
      max_len=1024
      python3 - "$seeds" "$max_len" <<'PY'
import os, sys
folder, limit = sys.argv[1], int(sys.argv[2])
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    data = open(path, "rb").read()
    if len(data) <= limit: continue
    os.remove(path)
    piece, count = b"", 0
    for line in data.splitlines(keepends=True):
        if piece and len(piece) + len(line) > limit:
            open(f"{path}.{count}", "wb").write(piece); piece, count = b"", count + 1
        piece += line[:limit]
    if piece: open(f"{path}.{count}", "wb").write(piece)
PY
    fi ;;
  descriptors)
    if command -v protoc >/dev/null; then
      protoc -I schemas/examples/v1 --include_imports --descriptor_set_out="$seeds/v1.binpb" chat/chat.proto
      protoc -I schemas/examples/v2 --include_imports --include_source_info --descriptor_set_out="$seeds/v2.binpb" chat/chat.proto
    fi ;;
  python)
    cp Tests/CLITests/Fixtures/site-packages/chat/protocol/chat_pb2.py "$seeds/chat_pb2.py"
    printf "DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\\\\n\\\\x05a.proto\\\\x12\\\\x01a' b'\\\\x42\\\\x00')\n" > "$seeds/concat.py"
    printf "DESCRIPTOR = _descriptor.FileDescriptor(name='a.proto', serialized_pb=_b('\\\\n\\\\x07a.proto'))\n" > "$seeds/old.py" ;;
  archives)
    python3 - "$seeds" <<'PY'
import io, sys, tarfile, zipfile, gzip
out = sys.argv[1]
module = open("Tests/CLITests/Fixtures/site-packages/chat/protocol/chat_pb2.py", "rb").read()
with zipfile.ZipFile(f"{out}/chat-2.0.0-py3-none-any.whl", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("chat/protocol/chat_pb2.py", module)
    z.writestr("chat-2.0.0.dist-info/METADATA", "Name: chat\nVersion: 2.0.0\n")
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as t:
    info = tarfile.TarInfo("chat-2.0.0/chat/protocol/chat_pb2.py"); info.size = len(module); info.mtime = 0
    t.addfile(info, io.BytesIO(module))
open(f"{out}/chat-2.0.0.tar.gz", "wb").write(gzip.compress(buffer.getvalue(), mtime=0))
PY
    ;;
  yaml)
    cp schemas/examples/protocompat.yaml "$seeds/examples.yaml"; cp schemas/livekit/protocompat.yaml "$seeds/livekit.yaml"
    head -c 20000 schemas/livekit/livekit-protocol-0.1.0.yaml > "$seeds/snapshot-head.yaml"
    ./.build/debug/protocompat snapshot schemas/examples/v1 -o "$seeds/v1.yaml" 2>/dev/null || true
    printf 'version: 1\nbreaking:\n  use: [FILE]\n  except: [FIELD_SAME_NAME]\n  ignore_only:\n    FIELD_SAME_TYPE: [a.proto]\n' > "$seeds/buf.yaml" ;;
esac
echo "fuzzing $target for $seconds s"
set +e
PROTOCOMPAT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/ci/lsan-suppressions.txt" \
  "$bin" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 -detect_leaks=1 \
  -artifact_prefix="$regressions/" "$@" > ".build-fuzz/$target.log" 2>&1
status=$?
set -e
grep -E "DONE|ERROR|SUMMARY|artifact|Test unit written" ".build-fuzz/$target.log" || true
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' ".build-fuzz/$target.log" | tail -1)
echo "$target: ${runs:-0} executions in $seconds s, exit $status"
if [ "$status" -ne 0 ]; then echo "error: $target found a problem; the input is saved in $regressions (see .build-fuzz/$target.log)" >&2; exit 1; fi
