#!/usr/bin/env python3
"""Replays the witnesses of a protocompat report (`check --explain --format json`, or `pair --explain
--format json`) with the official protobuf runtime: each must do exactly what it claims.

    python3 ci/replay-witnesses.py REPORT.json --old SOURCE --new SOURCE [-I DIR ...]

A SOURCE is a .proto tree (compiled by protoc 36.2, with the -I roots for imports) or a published
package, `livekit-protocol==X` (downloaded with pip; its descriptors read from the generated modules,
exactly what the runtime loads). Prints every mismatch and a count; exits 1 on any mismatch, or when
the report holds no witness at all (so the check cannot pass empty).
"""
import argparse
import ast
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from oracle import witnesses  # noqa: E402
from oracle.schemas import Version, compile_tree  # noqa: E402
from google.protobuf import descriptor_pb2  # noqa: E402
from google.protobuf import any_pb2, api_pb2, duration_pb2, empty_pb2, field_mask_pb2, source_context_pb2  # noqa: E402,F401
from google.protobuf import struct_pb2, timestamp_pb2, type_pb2, wrappers_pb2  # noqa: E402,F401

SERIALIZED = re.compile(r"AddSerializedFile\((b'(?:[^'\\]|\\.)*')\)")


def wheel_descriptors(requirement, tmp):
    """The FileDescriptorProtos a published package's generated modules register, with the
    well-known types they import, in dependency order."""
    out = os.path.join(tmp, re.sub(r"[^A-Za-z0-9.]", "_", requirement))
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", requirement, "-d", out], check=True)
    files = {}
    for wheel in glob.glob(os.path.join(out, "*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    for literal in SERIALIZED.findall(archive.read(name).decode("utf-8")):
                        proto = descriptor_pb2.FileDescriptorProto()
                        proto.ParseFromString(ast.literal_eval(literal))
                        files[proto.name] = proto
    for module in (any_pb2, api_pb2, duration_pb2, empty_pb2, field_mask_pb2, source_context_pb2, struct_pb2, timestamp_pb2,
                   type_pb2, wrappers_pb2, descriptor_pb2):
        proto = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(proto)
        files.setdefault(proto.name, proto)
    ordered, seen = [], set()
    def visit(name):
        if name in seen or name not in files:
            return
        seen.add(name)
        for dependency in files[name].dependency:
            visit(dependency)
        ordered.append(files[name])
    for name in sorted(files):
        visit(name)
    return descriptor_pb2.FileDescriptorSet(file=ordered).SerializeToString()


def load(source, includes, tmp, label):
    if "==" in source:
        return Version(label, wheel_descriptors(source, tmp), None)
    roots = [os.path.abspath(path) for path in [source] + includes]
    data = compile_tree(shutil.which("protoc"), roots, os.path.join(tmp, label + ".binpb"))
    if data is None:
        sys.exit("replay-witnesses: protoc rejects %s" % source)
    return Version(label, data, None)


def findings(report):
    if "findings" in report:
        return report["findings"]
    return [f for channel in report.get("channels", []) for f in channel["findings"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report")
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("-I", dest="includes", action="append", default=[])
    args = ap.parse_args()
    with open(args.report) as handle:
        report = json.load(handle)
    with tempfile.TemporaryDirectory(prefix="protocompat-replay-") as tmp:
        versions = {"old": load(args.old, args.includes, tmp, "old"), "new": load(args.new, args.includes, tmp, "new")}
        shown, wrong = 0, []
        for f in findings(report):
            if "witness" not in f:
                continue
            shown += 1
            problem = witnesses.replay(f["witness"], versions)
            if problem:
                wrong.append("%s %s: %s" % (f["rule"], f["symbol"], problem))
    for line in wrong:
        print("WITNESS MISMATCH: " + line)
    print("replay-witnesses: %s: %d witnesses replayed, %d mismatches" % (args.report, shown, len(wrong)))
    sys.exit(1 if wrong or shown == 0 else 0)


if __name__ == "__main__":
    main()
