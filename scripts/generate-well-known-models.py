#!/usr/bin/env python3
"""Writes Sources/ProtoModel/WellKnown/WellKnownTypesModel.swift from WellKnownTypesData.swift.

The data file holds each built-in file's model as protocompat's JSON; this script turns the same JSON
into Swift code that builds the model directly, so that protocompat does not decode JSON when it
starts (decoding descriptor.proto cost more than parsing a small schema). A test checks that both
give the same model. Run by scripts/generate-well-known-types.sh; needs only Python 3. With --check
it writes nothing and fails when the committed file is not what the data generates (ci/test.sh).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "Sources", "ProtoModel", "WellKnown", "WellKnownTypesData.swift")
OUT = os.path.join(HERE, "..", "Sources", "ProtoModel", "WellKnown", "WellKnownTypesModel.swift")


def fail(message):
    sys.exit("error: %s" % message)


def swift_string(text):
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append("\\u{%x}" % code)
        else:
            out.append(ch)
    return '"%s"' % "".join(out)


def check_keys(obj, allowed, what):
    unknown = set(obj) - set(allowed)
    if unknown:
        fail("%s has keys this generator does not know: %s (update scripts/generate-well-known-models.py)" % (what, sorted(unknown)))


def args(pairs):
    return ", ".join("%s: %s" % (k, v) for k, v in pairs if v is not None)


def option_value(value):
    check_keys(value, ["bool", "int", "uint", "double", "string", "bytes", "enum", "message", "list"], "an option value")
    if len(value) != 1:
        fail("an option value with %d kinds: %s" % (len(value), value))
    kind, v = next(iter(value.items()))
    if kind == "bool":
        return ".bool(%s)" % ("true" if v else "false")
    if kind == "int":
        return ".int(%d)" % int(v)
    if kind == "uint":
        return ".uint(%d)" % int(v)
    if kind == "double":
        return ".double(OptionValue.parseDouble(%s))" % swift_string(v)
    if kind == "string":
        return ".string(%s)" % swift_string(v)
    if kind == "bytes":
        return ".bytes(OptionValue.unhex(%s))" % swift_string(v)
    if kind == "enum":
        return ".enumValue(%s)" % swift_string(v)
    if kind == "message":
        return ".message(%s)" % options(v)
    return ".list([%s])" % ", ".join(option_value(x) for x in v)


def options(fields):
    parts = []
    for f in fields:
        check_keys(f, ["name", "number", "value"], "an option field")
        parts.append("OptionField(name: %s, number: %d, value: %s)" % (swift_string(f["name"]), f["number"], option_value(f["value"])))
    return "OptionMessage(fields: [%s])" % ", ".join(parts)


def opt_options(obj):
    return options(obj["options"]) if obj.get("options") else None


def array(items, render, indent):
    if not items:
        return None
    pad = " " * indent
    return "[\n" + "".join("%s    %s,\n" % (pad, render(x, indent + 4)) for x in items) + pad + "]"


def number_range(r, indent):
    check_keys(r, ["start", "end", "options"], "a range")
    return "NumberRange(%s)" % args([("start", str(r["start"])), ("end", str(r["end"])), ("options", opt_options(r))])


def field(f, indent):
    check_keys(f, ["name", "number", "label", "type", "typeName", "extendee", "defaultValue", "oneofIndex", "jsonName",
                   "proto3Optional", "options"], "a field")
    return "Field(%s)" % args([
        ("name", swift_string(f["name"])), ("number", str(f["number"])), ("label", "." + f["label"]),
        ("type", "." + f["type"]), ("typeName", swift_string(f["typeName"]) if "typeName" in f else None),
        ("extendee", swift_string(f["extendee"]) if "extendee" in f else None),
        ("defaultValue", swift_string(f["defaultValue"]) if "defaultValue" in f else None),
        ("oneofIndex", str(f["oneofIndex"]) if "oneofIndex" in f else None),
        ("jsonName", swift_string(f["jsonName"])), ("proto3Optional", "true" if f.get("proto3Optional") else None),
        ("options", opt_options(f)),
    ])


def oneof(o, indent):
    check_keys(o, ["name", "options"], "a oneof")
    return "Oneof(%s)" % args([("name", swift_string(o["name"])), ("options", opt_options(o))])


def enum_value(v, indent):
    check_keys(v, ["name", "number", "options"], "an enum value")
    return "EnumValue(%s)" % args([("name", swift_string(v["name"])), ("number", str(v["number"])), ("options", opt_options(v))])


def strings(items):
    return "[%s]" % ", ".join(swift_string(x) for x in items) if items else None


def enum_type(e, indent):
    check_keys(e, ["name", "fullName", "values", "reservedRanges", "reservedNames", "options", "visibility"], "an enum")
    return "EnumType(%s)" % args([
        ("name", swift_string(e["name"])), ("fullName", swift_string(e["fullName"])),
        ("values", array(e.get("values"), enum_value, indent)),
        ("reservedRanges", array(e.get("reservedRanges"), number_range, indent)),
        ("reservedNames", strings(e.get("reservedNames"))), ("options", opt_options(e)),
        ("visibility", "." + e["visibility"] if "visibility" in e else None),
    ])


def message(m, indent):
    check_keys(m, ["name", "fullName", "fields", "oneofs", "nestedMessages", "enums", "extensions", "extensionRanges",
                   "reservedRanges", "reservedNames", "options", "visibility"], "a message")
    built = "Message(%s)" % args([
        ("name", swift_string(m["name"])), ("fullName", swift_string(m["fullName"])),
        ("fields", array(m.get("fields"), field, indent)), ("oneofs", array(m.get("oneofs"), oneof, indent)),
        ("nestedMessages", array(m.get("nestedMessages"), message, indent)),
        ("enums", array(m.get("enums"), enum_type, indent)), ("extensions", array(m.get("extensions"), field, indent)),
        ("extensionRanges", array(m.get("extensionRanges"), number_range, indent)),
        ("reservedRanges", array(m.get("reservedRanges"), number_range, indent)),
        ("reservedNames", strings(m.get("reservedNames"))), ("options", opt_options(m)),
    ])
    if "visibility" in m:
        return "WellKnownTypesModel.message(%s, visibility: .%s)" % (built, m["visibility"])
    return built


def method(m, indent):
    check_keys(m, ["name", "inputType", "outputType", "clientStreaming", "serverStreaming", "options"], "a method")
    return "Method(%s)" % args([
        ("name", swift_string(m["name"])), ("inputType", swift_string(m["inputType"])),
        ("outputType", swift_string(m["outputType"])), ("clientStreaming", "true" if m.get("clientStreaming") else None),
        ("serverStreaming", "true" if m.get("serverStreaming") else None), ("options", opt_options(m)),
    ])


def service(s, indent):
    check_keys(s, ["name", "fullName", "methods", "options"], "a service")
    return "Service(%s)" % args([("name", swift_string(s["name"])), ("fullName", swift_string(s["fullName"])),
                                 ("methods", array(s.get("methods"), method, indent)), ("options", opt_options(s))])


def import_(i, indent):
    check_keys(i, ["path", "kind"], "an import")
    return "Import(%s)" % args([("path", swift_string(i["path"])), ("kind", "." + i["kind"])])


def proto_file(f):
    check_keys(f, ["name", "package", "syntax", "edition", "imports", "messages", "enums", "services", "extensions", "options"], "a file")
    return "ProtoFile(%s)" % args([
        ("name", swift_string(f["name"])), ("package", swift_string(f["package"]) if f.get("package") else None),
        ("syntax", "." + f["syntax"]), ("edition", swift_string(f["edition"]) if "edition" in f else None),
        ("imports", array(f.get("imports"), import_, 12)), ("messages", array(f.get("messages"), message, 12)),
        ("enums", array(f.get("enums"), enum_type, 12)), ("services", array(f.get("services"), service, 12)),
        ("extensions", array(f.get("extensions"), field, 12)), ("options", opt_options(f)),
    ])


def function_name(path):
    return "file_" + re.sub(r"[^A-Za-z0-9]", "_", path)


def main():
    text = open(DATA, encoding="utf-8").read()
    blobs = re.findall(r'\(("[^"]+"), #"""\n(.*?)\n"""#\)', text, re.S)
    if not blobs:
        fail("no files found in %s" % DATA)
    out = ["// Generated by scripts/generate-well-known-models.py from WellKnownTypesData.swift. Do not edit.",
           "// swiftlint:disable all", "// swift-format-ignore-file", "",
           "extension WellKnownTypesModel {",
           "    /// Each built-in file's model builder, by import path, sorted.",
           "    static let builders: [(name: String, build: @Sendable () -> ProtoFile)] = ["]
    bodies = []
    for quoted, blob in blobs:
        name = json.loads(quoted)
        model = json.loads(blob)
        if model["name"] != name:
            fail("the entry %s holds the file %s" % (name, model["name"]))
        out.append("        (%s, %s)," % (swift_string(name), function_name(name)))
        bodies.append("\n    /// `%s`.\n    static func %s() -> ProtoFile {\n        %s\n    }" % (name, function_name(name), proto_file(model)))
    out.append("    ]")
    out.extend(bodies)
    out.append("}")
    text = "\n".join(out) + "\n"
    if "--check" in sys.argv[1:]:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            fail("%s is not what WellKnownTypesData.swift generates: run scripts/generate-well-known-models.py" % os.path.relpath(OUT))
        print("%s is up to date (%d files)" % (os.path.relpath(OUT), len(blobs)))
        return
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("wrote %s (%d files)" % (os.path.relpath(OUT), len(blobs)))


if __name__ == "__main__":
    main()
