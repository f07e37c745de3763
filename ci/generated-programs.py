#!/usr/bin/env python3
"""Generated programs: protoc and protocompat must give the same verdict on every one.

A seeded, grammar-aware generator writes .proto programs (one file, or two where one imports the
other): proto2, proto3 and edition 2023; nested messages and enums, scalar, enum and message
fields, maps, oneofs, proto2 groups, labels and proto3 `optional`, defaults, json_name, packed,
jstype, deprecated, reserved ranges and names, extension ranges and extensions, custom options of
scalar, enum and message type (aggregate syntax), enum aliases, services with streaming and
options, comments of both kinds (leading, detached by a blank line, starred blocks). One program in three is made invalid by exactly one mutation
(a duplicate number, a reserved number used, an unknown type, a missing semicolon, ...).

For every program, protoc 36.2 and `protocompat build` must agree: both accept or both reject.
For every accepted one, the descriptor sets must be equal as messages judged by the official
Python runtime, and each declaration's source location and comments equal protoc's source info
(ci/descriptor-equivalence.py's two comparisons). Valid-by-construction programs are
compiled a hundred at a time (each in its own package and folder, its custom options numbered
apart); a batch either tool rejects is split down to the program.

The generator's seed and the program count are arguments: a run is reproducible, and a failure
prints the program's number and text (`--show N` prints one program).
"""
import argparse, collections, concurrent.futures as cf, os, random, shutil, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import importlib  # noqa: E402
equivalence = importlib.import_module("descriptor-equivalence")  # noqa: E402

SCALARS = ["double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
           "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"]
MAP_KEYS = ["int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
            "sfixed32", "sfixed64", "bool", "string"]
WORDS = ["alpha", "beta", "gamma", "delta", "omega", "room", "track", "peer", "codec", "layer",
         "state", "quality", "token", "region", "egress", "ingress", "sip", "agent", "job", "user"]
MUTATIONS = ["duplicate_number", "number_zero", "number_reserved_range", "number_too_large",
             "unknown_type", "duplicate_field_name", "missing_semicolon", "enum_first_nonzero",
             "reserved_number_used", "required_in_proto3", "default_in_proto3", "unknown_option",
             "json_name_conflict", "duplicate_enum_number", "bad_syntax", "missing_import",
             "packed_on_singular", "group_in_proto3", "map_in_oneof", "extension_outside_range",
             "reserved_name_used", "unterminated_comment", "misplaced_feature"]
# Features a field may not set, for the editions programs' "misplaced_feature" mutation.
MISPLACED_FEATURES = [
    "repeated string misplaced = 87 [features.repeated_field_encoding = PACKED];",
    "int32 misplaced = 87 [features.repeated_field_encoding = EXPANDED];",
    "int32 misplaced = 87 [features.utf8_validation = NONE];",
    "int32 misplaced = 87 [features.message_encoding = DELIMITED];",
    "repeated int32 misplaced = 87 [features.field_presence = EXPLICIT];",
    "int32 misplaced = 87 [features.field_presence = IMPLICIT, default = 1];",
    "map<string, int32> misplaced = 87 [features.repeated_field_encoding = PACKED];",
]


def camel(name):
    return "".join(p.capitalize() for p in name.split("_"))


class Program:
    """One generated program: files by name, and what it was made as."""

    def __init__(self, number, seed):
        self.number = number
        self.r = random.Random("%d-%d" % (seed, number))
        self.files = {}
        self.mutation = None
        self.prefix = "p%d" % number
        self.option_base = 50000 + (number % 100) * 20

    # --- pieces -----------------------------------------------------------------------------

    def word(self, used):
        while True:
            w = self.r.choice(WORDS) + ("_" + self.r.choice(WORDS) if self.r.random() < 0.3 else "")
            if w not in used:
                used.add(w)
                return w

    def comment(self, indent):
        r = self.r.random()
        if r < 0.08:
            return indent + "// " + " ".join(self.r.choice(WORDS) for _ in range(3)) + "\n"
        if r < 0.12:
            return indent + "/* " + self.r.choice(WORDS) + " */\n"
        if r < 0.15:
            # A comment then a blank line: the previous declaration's trailing comment, or detached.
            return indent + "// " + self.r.choice(WORDS) + "\n\n"
        if r < 0.17:
            return indent + "/*\n" + indent + " * " + self.r.choice(WORDS) + "\n" + indent + " *   " + self.r.choice(WORDS) + "\n" + indent + " */\n"
        return ""

    # --- generation -------------------------------------------------------------------------

    def generate(self, invalid):
        r = self.r
        self.syntax = r.choice(["proto2", "proto3", "proto3", "editions"])
        self.package = "%s.%s" % (self.prefix, r.choice(WORDS))
        self.types = []  # (full name relative to the package, kind, is_map_entry_ok)
        self.custom = []  # (name, type, extendee)
        self.enums_open = {}
        self.top_names = set()
        # One optimization mode per program: a non-lite file cannot import a lite one, and a lite
        # file cannot extend descriptor.proto's (non-lite) options.
        self.lite = r.random() < 0.05
        two_files = r.random() < 0.35
        dep = None
        if two_files:
            dep = self.file("%s/dep.proto" % self.prefix, imports=[], top=True)
        main_imports = ["%s/dep.proto" % self.prefix] if dep else []
        self.file("%s/main.proto" % self.prefix, imports=main_imports, top=False)
        if invalid:
            self.mutate()
        return self

    def header(self, imports):
        lines = []
        if self.syntax == "editions":
            lines.append('edition = "2023";')
        else:
            lines.append('syntax = "%s";' % self.syntax)
        lines.append("package %s;" % self.package)
        for i in imports:
            lines.append('import "%s";' % i)
        return lines

    def file(self, name, imports, top):
        r = self.r
        used = self.top_names  # both files share the package: one set of top-level names
        body = []
        uses_descriptor = False
        # Custom options (in the first file, or the only one).
        if top or not self.custom:
            if not self.lite and r.random() < 0.5:
                uses_descriptor = True
                body.append("message OptionRule { %s string label = 1; %s int32 level = 2; }" % (
                    "optional" if self.syntax == "proto2" else "", "repeated" if r.random() < 0.5 else ("optional" if self.syntax == "proto2" else "")))
                self.types.append(("OptionRule", "message"))
                ext = []
                for k, (opt_type, extendee) in enumerate([("int32", "FieldOptions"), ("string", "MessageOptions"),
                                                          ("OptionRule", "MessageOptions"), ("bool", "EnumValueOptions"),
                                                          ("double", "FileOptions"), ("sint64", "MethodOptions")]):
                    if r.random() < 0.6:
                        oname = "%s_opt%d" % (r.choice(WORDS), k)
                        label = "optional " if self.syntax == "proto2" else ""
                        ext.append((extendee, "  %s%s %s = %d;" % (label, opt_type, oname, self.option_base + k)))
                        self.custom.append((oname, opt_type, extendee))
                for extendee in sorted(set(e for e, _ in ext)):
                    body.append("extend google.protobuf.%s {\n%s\n}" % (extendee, "\n".join(l for e, l in ext if e == extendee)))
        for _ in range(r.randint(0, 2)):
            body.append(self.enum(used, ""))
        for _ in range(r.randint(1, 3)):
            body.append(self.message(used, "", "", depth=0))
        if r.random() < 0.4:
            body.append(self.service(used))
        if self.syntax != "proto3" and r.random() < 0.3:
            body.append(self.extend_block())
        lines = self.header(imports + (["google/protobuf/descriptor.proto"] if uses_descriptor else []))
        for o in self.file_options():
            lines.append(o)
        text = "\n".join(lines) + "\n\n" + "\n\n".join(b for b in body if b) + "\n"
        self.files[name] = text
        return name

    def file_options(self):
        out = []
        r = self.r
        if r.random() < 0.3:
            out.append('option go_package = "example.com/%s";' % self.prefix)
        if r.random() < 0.2:
            out.append("option java_multiple_files = %s;" % r.choice(["true", "false"]))
        if self.lite:
            out.append("option optimize_for = LITE_RUNTIME;")
        elif r.random() < 0.15:
            out.append("option optimize_for = %s;" % r.choice(["SPEED", "CODE_SIZE"]))
        for name, t, extendee in self.custom:
            if extendee == "FileOptions" and r.random() < 0.5:
                out.append("option (%s) = %s;" % (name, r.choice(["1.5", "-2", "1e3", "inf"])))
        return out

    def enum(self, used, indent, scope=""):
        r = self.r
        name = camel(self.word(used))
        full = (scope + "." if scope else "") + name
        prefix = name.upper()
        values, lines = [], []
        alias = r.random() < 0.15
        if alias:
            lines.append(indent + "  option allow_alias = true;")
        if self.syntax == "editions" and r.random() < 0.2:
            lines.append(indent + "  option features.enum_type = CLOSED;")
            self.enums_open[full] = False
        else:
            self.enums_open[full] = self.syntax != "proto2"
        numbers = [0] + sorted(r.sample(range(1, 40), r.randint(1, 4)))
        if self.syntax == "proto2" and r.random() < 0.3:
            numbers[0] = r.randint(-5, -1)
        for i, n in enumerate(numbers):
            vname = "%s_%s%d" % (prefix, r.choice(WORDS).upper(), i)
            opts = []
            if r.random() < 0.1:
                opts.append("deprecated = true")
            for oname, t, extendee in self.custom:
                if extendee == "EnumValueOptions" and r.random() < 0.3:
                    opts.append("(%s) = %s" % (oname, r.choice(["true", "false"])))
            lines.append("%s  %s = %d%s;" % (indent, vname, n, " [%s]" % ", ".join(opts) if opts else ""))
            values.append((vname, n))
        if alias:
            lines.append("%s  %s_ALIAS = %d;" % (indent, prefix, numbers[-1]))
        if r.random() < 0.3:
            lines.append("%s  reserved %d to %d;" % (indent, 100, 100 + r.randint(0, 5)))
        if r.random() < 0.2:
            lines.append(("%s  reserved %s_GONE;" if self.syntax == "editions" else '%s  reserved "%s_GONE";') % (indent, prefix))
        self.types.append((full, "enum"))
        self.first_value = getattr(self, "first_value", {})
        self.first_value[full] = values[0][0]
        return self.comment(indent) + "%senum %s {\n%s\n%s}" % (indent, name, "\n".join(lines), indent)

    def message(self, used, indent, scope, depth):
        r = self.r
        name = camel(self.word(used))
        full = (scope + "." if scope else "") + name
        self.types.append((full, "message"))
        inner_used, field_names = set(), set()
        lines = []
        numbers = iter(sorted(r.sample(range(1, 60), 12)))
        if r.random() < 0.1:
            lines.append(indent + "  option deprecated = true;")
        for oname, t, extendee in self.custom:
            if extendee == "MessageOptions" and r.random() < 0.4:
                if t == "OptionRule":
                    lines.append(indent + '  option (%s) = { label: "%s" level: %d };' % (oname, r.choice(WORDS), r.randint(-3, 9)))
                else:
                    lines.append(indent + '  option (%s) = "%s";' % (oname, r.choice(WORDS)))
        nested = []
        if depth < 2 and r.random() < 0.35:
            nested.append(self.enum(inner_used, indent + "  ", full))
        if depth < 2 and r.random() < 0.3:
            nested.append(self.message(inner_used, indent + "  ", full, depth + 1))
        for _ in range(r.randint(1, 6)):
            n = next(numbers)
            lines.append(self.field(field_names, indent + "  ", n, full))
        if r.random() < 0.3:
            oneof = self.word(field_names)
            members = [self.field(field_names, indent + "    ", next(numbers), full, in_oneof=True) for _ in range(r.randint(1, 3))]
            lines.append("%s  oneof %s {\n%s\n%s  }" % (indent, oneof, "\n".join(members), indent))
        if self.syntax == "proto2" and depth < 2 and r.random() < 0.15:
            gname = camel(self.word(inner_used))
            lines.append("%s  optional group %s = %d {\n%s    optional int32 %s = 1;\n%s  }" % (indent, gname, next(numbers), indent, self.word(set()), indent))
        if r.random() < 0.3:
            lines.append("%s  reserved %d, %d to %d;" % (indent, 70, 72, 72 + r.randint(0, 3)))
        if r.random() < 0.2:
            gone = "gone_" + r.choice(WORDS)
            lines.append(("%s  reserved %s;" if self.syntax == "editions" else '%s  reserved "%s";') % (indent, gone))
        if self.syntax != "proto3" and r.random() < 0.3:
            lines.append("%s  extensions 100 to %s;" % (indent, r.choice(["199", "max"])))
            self.extendable = getattr(self, "extendable", []) + [full]
        body = "\n".join(nested + lines)
        return self.comment(indent) + "%smessage %s {\n%s\n%s}" % (indent, name, body, indent)

    def type_ref(self, scope, kinds=("message", "enum")):
        candidates = [t for t, k in self.types if k in kinds]
        if not candidates:
            return None
        t = self.r.choice(candidates)
        return ("." + self.package + "." + t) if self.r.random() < 0.2 else t

    def field(self, names, indent, number, scope, in_oneof=False):
        r = self.r
        name = self.word(names)
        opts = []
        kind = r.random()
        label = ""
        if not in_oneof and kind < 0.12:
            key = r.choice(MAP_KEYS)
            value = r.choice(SCALARS + [self.type_ref(scope) or "int32"])
            return "%smap<%s, %s> %s = %d;" % (indent, key, value, name, number)
        if kind < 0.55:
            t = r.choice(SCALARS)
        else:
            t = self.type_ref(scope) or r.choice(SCALARS)
        if not in_oneof:
            roll = r.random()
            if roll < 0.2:
                label = "repeated "
            elif self.syntax == "proto2":
                label = "required " if roll < 0.25 else "optional "
            elif self.syntax == "proto3" and roll < 0.4:
                label = "optional "
        is_scalar = t in SCALARS
        enum_name = t.lstrip(".").split(self.package + ".")[-1] if not is_scalar else None
        is_enum = enum_name in self.enums_open
        if label == "repeated " and (is_scalar and t not in ("string", "bytes") or is_enum) and r.random() < 0.3:
            if self.syntax == "editions":
                opts.append("features.repeated_field_encoding = %s" % r.choice(["EXPANDED", "PACKED"]))
            else:
                opts.append("packed = %s" % r.choice(["true", "false"]))
        if r.random() < 0.1:
            opts.append('json_name = "%s"' % ("j" + camel(name)))
        if r.random() < 0.08:
            opts.append("deprecated = true")
        if t in ("int64", "uint64", "sint64", "fixed64", "sfixed64") and r.random() < 0.1:
            opts.append("jstype = %s" % r.choice(["JS_STRING", "JS_NUMBER", "JS_NORMAL"]))
        explicit = self.syntax == "proto2" and label == "optional "
        if self.syntax == "editions" and not in_oneof and label == "" and r.random() < 0.2:
            opts.append("features.field_presence = %s" % r.choice(["EXPLICIT", "IMPLICIT"]) if not is_enum and t != "bytes" or True else "")
            explicit = "EXPLICIT" in opts[-1]
            if "IMPLICIT" in opts[-1] and (not is_scalar):
                opts.pop()
                explicit = False
        if explicit and r.random() < 0.3 and (is_scalar and t != "bytes" or is_enum):
            default = {"bool": "true", "string": '"%s"' % r.choice(WORDS), "float": "1.5", "double": "-2.25"}.get(t)
            if is_enum:
                default = self.first_value.get(enum_name)
            if default is None and is_scalar:
                default = str(r.randint(0, 99))
            if default:
                opts.append("default = %s" % default)
        for oname, ot, extendee in self.custom:
            if extendee == "FieldOptions" and r.random() < 0.3:
                opts.append("(%s) = %d" % (oname, r.randint(-100, 100)))
        opts = [o for o in opts if o]
        return "%s%s%s %s = %d%s;" % (indent, label, t, name, number, " [%s]" % ", ".join(opts) if opts else "")

    def service(self, used):
        r = self.r
        messages = [t for t, k in self.types if k == "message" and "." not in t] or [None]
        if messages[0] is None:
            return ""
        name = camel(self.word(used))
        lines = []
        for i in range(r.randint(1, 3)):
            a, b = r.choice(messages), r.choice(messages)
            cs, ss = ("stream " if r.random() < 0.2 else ""), ("stream " if r.random() < 0.2 else "")
            opts = []
            if r.random() < 0.2:
                opts.append("option idempotency_level = %s;" % r.choice(["NO_SIDE_EFFECTS", "IDEMPOTENT"]))
            for oname, t, extendee in self.custom:
                if extendee == "MethodOptions" and r.random() < 0.4:
                    opts.append("option (%s) = %d;" % (oname, r.randint(-50, 50)))
            body = " { %s }" % " ".join(opts) if opts else (" {}" if r.random() < 0.2 else ";")
            lines.append("  rpc %s%d(%s%s) returns (%s%s)%s" % (camel(r.choice(WORDS)), i, cs, a, ss, b, body))
        return "service %s {\n%s\n}" % (name, "\n".join(lines))

    def extend_block(self):
        targets = getattr(self, "extendable", [])
        if not targets:
            return ""
        target = self.r.choice(targets)
        label = "optional " if self.syntax == "proto2" else ""
        return "extend %s {\n  %sint32 ext_%s = %d;\n}" % (target, label, self.r.choice(WORDS), self.r.randint(100, 150))

    # --- mutations --------------------------------------------------------------------------

    def mutate(self):
        r = self.r
        name = "%s/main.proto" % self.prefix
        text = self.files[name]
        lines = text.split("\n")
        field_lines = [i for i, l in enumerate(lines) if l.strip().endswith(";") and " = " in l and l.strip().split()[0] in SCALARS + ["optional", "repeated", "required"]]
        m = r.choice(MUTATIONS)
        self.mutation = m

        def insert_in_message(line):
            starts = [i for i, l in enumerate(lines) if l.lstrip().startswith("message ") and l.rstrip().endswith("{")]
            i = r.choice(starts)
            lines.insert(i + 1, line)

        label = "optional " if self.syntax == "proto2" else ""
        if m == "duplicate_number" and field_lines:
            i = r.choice(field_lines)
            num = lines[i].split("=")[-1].strip().split()[0].rstrip(";")
            lines.insert(i + 1, lines[i][:len(lines[i]) - len(lines[i].lstrip())] + "%sint32 dup_field = %s;" % (label, num))
        elif m == "number_zero":
            insert_in_message("  %sint32 zero_field = 0;" % label)
        elif m == "number_reserved_range":
            insert_in_message("  %sint32 impl_field = 19001;" % label)
        elif m == "number_too_large":
            insert_in_message("  %sint32 big_field = 536870912;" % label)
        elif m == "unknown_type":
            insert_in_message("  %sNoSuchType missing_field = 99;" % label)
        elif m == "duplicate_field_name" and field_lines:
            i = r.choice(field_lines)
            fname = lines[i].split("=")[0].split()[-1]
            lines.insert(i + 1, "  %sint32 %s = 98;" % (label, fname))
        elif m == "missing_semicolon" and field_lines:
            i = r.choice(field_lines)
            lines[i] = lines[i].rstrip().rstrip(";")
        elif m == "enum_first_nonzero" and self.syntax == "proto3":
            lines.append("enum BadFirst { BAD_FIRST_ONE = 1; }")
        elif m == "reserved_number_used":
            insert_in_message("  reserved 97;\n  %sint32 reserved_user = 97;" % label)
        elif m == "required_in_proto3" and self.syntax == "proto3":
            insert_in_message("  required int32 must = 96;")
        elif m == "default_in_proto3" and self.syntax == "proto3":
            insert_in_message("  int32 with_default = 95 [default = 3];")
        elif m == "unknown_option":
            insert_in_message("  %sint32 odd_option = 94 [no_such_option = 1];" % label)
        elif m == "json_name_conflict":
            insert_in_message("  %sint32 foo_bar = 92;\n  %sint32 fooBar = 93;" % (label, label))
        elif m == "duplicate_enum_number":
            lines.append("enum DupValues { DUP_VALUES_A = 0; DUP_VALUES_B = 0; }")
        elif m == "bad_syntax":
            lines[0] = 'syntax = "proto4";'
        elif m == "missing_import":
            lines.insert(2, 'import "%s/absent.proto";' % self.prefix)
        elif m == "packed_on_singular":
            insert_in_message("  %sint32 lone = 91 [packed = true];" % label)
        elif m == "group_in_proto3" and self.syntax == "proto3":
            insert_in_message("  optional group Grouped = 90 { optional int32 x = 1; }")
        elif m == "map_in_oneof":
            insert_in_message("  oneof mapped { map<string, int32> entries = 89; }")
        elif m == "extension_outside_range":
            lines.append("message Ranged { extensions 10 to 20; }\nextend Ranged { %sint32 outside = 30; }" % label)
        elif m == "reserved_name_used":
            insert_in_message('  reserved "taken";\n  %sint32 taken = 88;' % label)
        elif m == "unterminated_comment":
            lines.append("/* never closed")
        elif m == "misplaced_feature" and self.syntax == "editions":
            insert_in_message("  " + r.choice(MISPLACED_FEATURES))
        else:
            # The mutation does not apply to this program's syntax: a duplicate message instead.
            self.mutation = "duplicate_message"
            lines.append("message Dup {}\nmessage Dup {}")
        self.files[name] = "\n".join(lines)


def write(program, root):
    for name, text in program.files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def check(tools, root, programs):
    """(problems, accepted, rejected) for a batch, split down to the program when the tools
    disagree: problems are [(program, what differs)]; the counts are of programs both accept and
    both reject."""
    theirs, ours, their_err, our_err = tools.compile([root], ["%s/main.proto" % p.prefix for p in programs], always_ours=True)
    if theirs is not None and ours is not None:
        names = set(n for p in programs for n in p.files)
        # The sets as messages, then each declaration's source location and comments.
        diffs = equivalence.compare_sets(theirs, ours, only=names) or equivalence.compare_locations(theirs, ours, names)
        if not diffs:
            return [], len(programs), 0
        if len(programs) == 1:
            return [(programs[0], "descriptor sets differ: %s at %s: protoc %s, protocompat %s" % (diffs[0][0], diffs[0][1], equivalence.short(diffs[0][2]), equivalence.short(diffs[0][3])))], 0, 0
    elif theirs is None and ours is None and len(programs) == 1:
        return [], 0, 1
    elif len(programs) == 1:
        if theirs is None:
            return [(programs[0], "protoc rejects, protocompat accepts: %s" % their_err.strip().splitlines()[0])], 0, 0
        return [(programs[0], "protoc accepts, protocompat rejects: %s" % (our_err.strip().splitlines() or [""])[0])], 0, 0
    mid = len(programs) // 2
    p1, a1, r1 = check(tools, root, programs[:mid])
    p2, a2, r2 = check(tools, root, programs[mid:])
    return p1 + p2, a1 + a2, r1 + r2


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--protoc", default=shutil.which("protoc") or "protoc")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, help="print program N and exit")
    ap.add_argument("--verbose", action="store_true", help="print how many programs each mutation made")
    args = ap.parse_args()
    if args.show is not None:
        p = Program(args.show, args.seed).generate(invalid=args.show % 3 == 2)
        for name, text in p.files.items():
            print("// file: %s (mutation: %s)\n%s" % (name, p.mutation, text))
        return 0
    tmp = tempfile.mkdtemp(prefix="protocompat-gen-")
    root = os.path.join(tmp, "src")
    problems, counts, accepted, rejected = [], collections.Counter(), 0, 0
    try:
        numbers = list(range(args.start, args.start + args.count))
        batches = []
        valid = [n for n in numbers if n % 3 != 2]
        for i in range(0, len(valid), 100):
            batches.append([Program(n, args.seed).generate(invalid=False) for n in valid[i:i + 100]])
        batches += [[Program(n, args.seed).generate(invalid=True)] for n in numbers if n % 3 == 2]
        for batch in batches:
            for p in batch:
                write(p, root)
                counts["invalid (%s)" % p.mutation if p.mutation else "valid by construction"] += 1
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            tools = equivalence.Tools(os.path.abspath(args.bin), args.protoc, tmp, source_info=True)
            for found, a, r in pool.map(lambda batch: check(tools, root, batch), batches):
                problems += found
                accepted += a
                rejected += r
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p, problem in problems:
        print("program %d (seed %d, %s): %s" % (p.number, args.seed, p.mutation or "valid by construction", problem))
    print("generated programs (seed %d, %d..%d): %d programs (%d valid by construction, %d mutated); both accept %d (descriptor sets and source locations equal), both reject %d; %d disagreements" % (
        args.seed, args.start, args.start + args.count - 1, args.count, counts["valid by construction"], args.count - counts["valid by construction"], accepted, rejected, len(problems)))
    if args.verbose:
        for kind, n in sorted(counts.items()):
            print("  %s: %d" % (kind, n))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
