#!/usr/bin/env python3
"""Packs the protocompat binary into a platform wheel (no Python code to build, nothing compiled here).

The wheel holds the binary as a script (pip puts it on PATH, as ruff's and buf-bin's wheels do), a
`protocompat` package so that `python -m protocompat` runs it too, the man page and the shell
completions as data (pip installs them under the environment's share/), and the metadata. Its tag is
linux_<arch> here; `auditwheel repair` then names the manylinux policy the binary meets.
Deterministic: files in a fixed order, a fixed timestamp.
"""
import argparse
import base64
import hashlib
import os
import platform
import zipfile

MAIN = '''"""Runs the protocompat binary this wheel installed (`python -m protocompat ...`)."""
import os
import sys
import sysconfig


def main():
    binary = os.path.join(sysconfig.get_path("scripts"), "protocompat")
    if not os.path.exists(binary):
        sys.exit("protocompat: the binary is missing from %s: reinstall the wheel" % os.path.dirname(binary))
    os.execv(binary, [binary] + sys.argv[1:])


if __name__ == "__main__":
    main()
'''

METADATA = """Metadata-Version: 2.1
Name: protocompat
Version: {version}
Summary: Tells whether two versions of a Protocol Buffers schema can still talk to each other, and writes down what changed.
Home-page: https://github.com/protocompat/protocompat
License: Apache-2.0
Keywords: protobuf,compatibility,breaking-changes,schema,livekit
Classifier: Programming Language :: Other
Classifier: Operating System :: POSIX :: Linux
Classifier: Topic :: Software Development :: Quality Assurance
Requires-Python: >=3.8
Description-Content-Type: text/markdown

protocompat compares two versions of a Protocol Buffers schema (.proto trees, descriptor sets, git
refs, published Python wheels such as livekit-protocol) and classifies every change: wire-breaking,
JSON-breaking, source-breaking, hazard or safe, and in which direction it breaks. This wheel carries
the native binary: `pip install protocompat`, then `protocompat check OLD NEW`.
"""


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--man", help="the man page (protocompat.1)")
    ap.add_argument("--completions", help="a folder with protocompat.bash, _protocompat (zsh), protocompat.fish")
    ap.add_argument("--out", required=True, help="the folder the wheel is written to")
    args = ap.parse_args()
    arch = platform.machine()
    name = "protocompat-%s" % args.version
    data = name + ".data"
    files = [("protocompat/__init__.py", b'"""protocompat: the native binary, installed as a script."""\n', 0o644),
             ("protocompat/__main__.py", MAIN.encode(), 0o644),
             (data + "/scripts/protocompat", open(args.binary, "rb").read(), 0o755)]
    if args.man:
        files.append((data + "/data/share/man/man1/protocompat.1", open(args.man, "rb").read(), 0o644))
    if args.completions:
        for source, target in (("protocompat.bash", "share/bash-completion/completions/protocompat"),
                               ("_protocompat", "share/zsh/site-functions/_protocompat"),
                               ("protocompat.fish", "share/fish/vendor_completions.d/protocompat.fish")):
            files.append((data + "/data/" + target, open(os.path.join(args.completions, source), "rb").read(), 0o644))
    dist = name + ".dist-info"
    wheel = "Wheel-Version: 1.0\nGenerator: protocompat ci/wheel/pack.py\nRoot-Is-Purelib: false\nTag: py3-none-linux_%s\n" % arch
    files.append((dist + "/METADATA", METADATA.format(version=args.version).encode(), 0o644))
    files.append((dist + "/WHEEL", wheel.encode(), 0o644))
    record = "".join("%s,%s,%d\n" % (path, record_hash(body), len(body)) for path, body, _ in files) + dist + "/RECORD,,\n"
    files.append((dist + "/RECORD", record.encode(), 0o644))
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "%s-py3-none-linux_%s.whl" % (name, arch))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for inner, body, mode in files:
            info = zipfile.ZipInfo(inner, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, body)
    print(path)


if __name__ == "__main__":
    main()
