"""Encodes generated messages with a writer version and decodes them with a reader version, in binary
and in ProtoJSON (camelCase and proto names; strict and lenient readers), and records the effects."""
import json

from google.protobuf import json_format

from .compare import Comparison, Effect, field_symbols, type_closure
from .generate import EXTREME, ORDINARY, Generator



class Observation:
    """Effects of one kind on the same elements, with the first message that showed them."""

    def __init__(self, direction, view, required, effect, example):
        self.direction = direction
        self.view = view
        self.required = required
        self.effect = effect
        self.example = example
        self.count = 0


class Trial:
    def __init__(self, writer, reader, direction, rng):
        self.writer, self.reader, self.direction, self.rng = writer, reader, direction, rng
        self.observations = {}
        self.messages = 0
        self.isolations = 0

    def run(self, root, count):
        wd = self.writer.message(root)
        rd = self.reader.message(root)
        rcls = self.reader.message_class(rd)
        for index in range(count):
            profile = ORDINARY if index % 2 == 0 else EXTREME
            try:
                msg = Generator(self.writer, self.rng, profile).message(wd)
                data = msg.SerializeToString()
            except Exception:
                continue
            self.messages += 1
            self.binary(msg, data, rcls, profile)
            for proto_names in (False, True):
                try:
                    text = json_format.MessageToJson(msg, preserving_proto_field_name=proto_names,
                                                     descriptor_pool=self.writer.pool, indent=None)
                except Exception:
                    continue
                self.json(msg, text, rcls, profile, proto_names)

    # Binary: pair fields by number and by name.
    def binary(self, msg, data, rcls, profile):
        def decode(m):
            _initialized(rcls.FromString(m.SerializePartialToString()))
        try:
            got = _initialized(rcls.FromString(data))
        except Exception as error:
            self.rejected(msg, decode, "wire", profile, data.hex(), str(error))
            return
        comparison = Comparison(self.writer, self.reader, by_number=True)
        comparison.messages(msg, got, frozenset(), [msg.DESCRIPTOR.full_name])
        for effect in comparison.effects:
            required = "breaking" if profile == ORDINARY and not effect.unknown_value else "hazard"
            self.observe("wire", required, effect, msg, "binary " + data.hex(), got)

    def json(self, msg, text, rcls, profile, proto_names):
        pool = self.reader.pool
        encoding = "ProtoJSON (%s)" % ("proto names" if proto_names else "camelCase")
        def decoder(lenient):
            def decode(m):
                _initialized(parse_json(json_format.MessageToJson(m, preserving_proto_field_name=proto_names,
                                                             descriptor_pool=self.writer.pool, indent=None),
                                        rcls(), ignore_unknown_fields=lenient, descriptor_pool=pool))
            return decode
        try:
            got = _initialized(parse_json(text, rcls(), ignore_unknown_fields=True, descriptor_pool=pool))
        except Exception as error:
            self.rejected(msg, decoder(True), "json", profile, encoding + " " + text, str(error))
            return
        comparison = Comparison(self.writer, self.reader, by_number=False)
        comparison.messages(msg, got, frozenset(), [msg.DESCRIPTOR.full_name])
        unchanged = set()
        if comparison.effects:
            # What ProtoJSON cannot carry even between two copies of the writer's schema (a NullValue
            # other than 0, say) is no effect of the change.
            same = Comparison(self.writer, self.writer, by_number=False)
            try:
                same.messages(msg, json_format.Parse(text, type(msg)(), descriptor_pool=self.writer.pool), frozenset(), [msg.DESCRIPTOR.full_name])
            except Exception:
                return
            unchanged = {tuple(e.path) for e in same.effects}
        for effect in comparison.effects:
            if tuple(effect.path) in unchanged:
                continue
            required = "breaking" if profile == ORDINARY and not effect.unknown_value else "hazard"
            self.observe("json", required, effect, msg, encoding + " " + text, got)
        try:
            parse_json(text, rcls(), ignore_unknown_fields=False, descriptor_pool=pool)
        except Exception as error:
            # A strict reader rejects what a lenient one reads: at least a hazard.
            self.rejected(msg, decoder(False), "json", "strict", encoding + " " + text, str(error))

    def rejected(self, msg, decode, view, profile, sent, error):
        required = "breaking" if profile == ORDINARY else "hazard"
        for effect in self.isolate(msg, decode, self.reader.message(msg.DESCRIPTOR.full_name), frozenset(), [msg.DESCRIPTOR.full_name]):
            effect.detail = "rejected: " + error.splitlines()[0][:200]
            self.observe(view, required, effect, msg, sent, None)

    def isolate(self, msg, decode, reader_type, ancestors, path):
        """The fields whose values alone make the reader reject the message (descending into messages)."""
        self.isolations += 1
        fields = msg.ListFields()
        required = [f for f, _ in fields if f.is_required]

        def keeping(keep):
            copy = type(msg)()
            copy.CopyFrom(msg)
            for f, _ in fields:
                if f not in keep:
                    copy.ClearExtension(f) if f.is_extension else copy.ClearField(f.name)
            return copy

        def fails(m):
            try:
                decode(m)
                return False
            except Exception:
                return True

        def counterparts(f):
            """The reader's fields paired with `f`: by name and by number (both can explain a rejection)."""
            if reader_type is None:
                return []
            if f.is_extension:
                found = [_reader_extension(self.reader, f.full_name, reader_type), _reader_extension_number(self.reader, reader_type, f.number)]
            else:
                found = [reader_type.fields_by_name.get(f.name), reader_type.fields_by_number.get(f.number)]
            return [g for i, g in enumerate(found) if g is not None and g not in found[:i]]

        def counterpart(f):
            found = counterparts(f)
            return found[0] if found else None

        def symbols(f):
            names = field_symbols(f, self.writer)
            for other in counterparts(f):
                names |= field_symbols(other, self.reader)
            return names

        def below(f):
            return ancestors | {f.full_name} | {g.full_name for g in counterparts(f)}

        if fails(keeping(required)) or len(fields) == 0:
            names = {msg.DESCRIPTOR.full_name} | (set() if reader_type is None else {reader_type.full_name})
            for f in required:
                names |= symbols(f)
            if reader_type is not None:
                names |= {f.full_name for f in reader_type.fields if f.is_required}
            return [Effect("rejected", names, ancestors, path)]
        causes = []
        for f, value in fields:
            if f.is_required:
                continue
            alone = keeping(required + [f])
            if not fails(alone):
                continue
            is_map = f.message_type is not None and f.message_type.GetOptions().map_entry
            other = counterpart(f)
            inner_type = other.message_type if other is not None else None
            empty_fails = f.message_type is not None and not is_map and not f.is_extension and fails(_with_empty(alone, f))
            if f.message_type is not None and not is_map and not f.is_extension and inner_type is not None and not empty_fails:
                if f.is_repeated:
                    element = next((e for i, e in enumerate(value) if fails(_only_element(alone, f, i))), None)
                    if element is not None:
                        sub_decode = _placing(alone, f, decode, repeated=True)
                        causes += self.isolate(element, sub_decode, inner_type, below(f), path + [f.name + "[]"])
                        continue
                else:
                    sub_decode = _placing(alone, f, decode, repeated=False)
                    causes += self.isolate(value, sub_decode, inner_type, below(f), path + [f.name])
                    continue
            names = symbols(f)
            for enum_field in [f] + counterparts(f):
                if enum_field is not None and enum_field.enum_type is not None:
                    names |= {enum_field.enum_type.full_name + "." + v.name for v in enum_field.enum_type.values}
            if f.message_type is not None:
                names |= type_closure(f.message_type, self.writer)
            for g in counterparts(f):
                if g.message_type is not None:
                    names |= type_closure(g.message_type, self.reader)
            causes.append(Effect("rejected", names, ancestors, path + [f.name]))
        if not causes:
            # Several fields together (members of one oneof): the message's fields and oneofs explain it.
            names = {msg.DESCRIPTOR.full_name}
            for f, _ in fields:
                names |= symbols(f)
            causes.append(Effect("rejected", names, ancestors, path))
        return causes

    def observe(self, view, required, effect, msg, sent, got):
        key = (view, required, effect.kind, frozenset(effect.symbols), frozenset(effect.ancestors))
        observation = self.observations.get(key)
        if observation is None:
            received = "rejected" if got is None else json_format.MessageToJson(got, indent=None, descriptor_pool=self.reader.pool) if _printable(got, self.reader) else str(got)
            example = {"writer_json": _safe_json(msg, self.writer), "sent": sent[:600], "received": received[:600] if got is not None else effect.detail}
            observation = Observation(self.direction, view, required, effect, example)
            self.observations[key] = observation
        observation.count += 1


def _printable(msg, version):
    try:
        json_format.MessageToJson(msg, indent=None, descriptor_pool=version.pool)
        return True
    except Exception:
        return False


def _safe_json(msg, version):
    try:
        return json_format.MessageToJson(msg, indent=None, descriptor_pool=version.pool)[:600]
    except Exception:
        return str(msg)[:600]


_JSON_FORMS = {"google.protobuf." + n for n in ("Any", "Timestamp", "Duration", "FieldMask", "Struct", "Value", "ListValue",
    "DoubleValue", "FloatValue", "Int64Value", "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue", "Empty")}


def parse_json(text, message, ignore_unknown_fields, descriptor_pool):
    """json_format.Parse, except where it would crash: the Python runtime (upb) walks a string given for
    a message field as if it were an object, and the parsed message then crashes the interpreter (seen
    with a lenient reader on bytes turned into a message). Such input is refused instead."""
    value = json.loads(text)
    _check_json_shape(value, message.DESCRIPTOR)
    # What json_format.Parse does after its own json.loads (the texts here, printed by MessageToJson,
    # have no duplicate keys for its duplicate check to catch): the text is parsed once.
    return json_format.ParseDict(value, message, ignore_unknown_fields=ignore_unknown_fields, descriptor_pool=descriptor_pool)


def _check_json_shape(value, descriptor):
    if not isinstance(value, dict) or descriptor.full_name in _JSON_FORMS:
        return
    for key, item in value.items():
        field = descriptor.fields_by_camelcase_name.get(key) or descriptor.fields_by_name.get(key)
        if field is None or field.message_type is None or item is None:
            continue
        inner = field.message_type
        if inner.GetOptions().map_entry:
            value_field = inner.fields_by_name["value"]
            if isinstance(item, dict) and value_field.message_type is not None:
                for element in item.values():
                    _check_one(element, value_field.message_type, field)
            continue
        for element in (item if field.is_repeated and isinstance(item, list) else [item]):
            _check_one(element, inner, field)


def _check_one(element, inner, field):
    if inner.full_name in _JSON_FORMS or element is None:
        return
    if not isinstance(element, dict):
        raise json_format.ParseError("field %s holds a message, not %s" % (field.name, json.dumps(element)[:40]))
    _check_json_shape(element, inner)


def _initialized(msg):
    """The decoded message, or an error where a proto2 required field is missing: Python's runtime
    parses such a message, C++ and Java readers reject it (`parseFrom` checks IsInitialized)."""
    if not msg.IsInitialized():
        raise ValueError("missing required fields: " + ", ".join(msg.FindInitializationErrors()))
    return msg


def _reader_extension(reader, name, reader_type):
    try:
        ext = reader.pool.FindExtensionByName(name)
    except KeyError:
        return None
    return ext if ext.containing_type.full_name == reader_type.full_name else None


def _reader_extension_number(reader, reader_type, number):
    try:
        return reader.pool.FindExtensionByNumber(reader_type, number)
    except KeyError:
        return None


def _with_empty(msg, field):
    """`msg` with `field` holding one empty message: whether the field itself, not its contents, is refused."""
    copy = type(msg)()
    copy.CopyFrom(msg)
    copy.ClearField(field.name)
    if field.is_repeated:
        getattr(copy, field.name).add()
    else:
        getattr(copy, field.name).SetInParent()
    return copy


def _only_element(msg, field, index):
    copy = type(msg)()
    copy.CopyFrom(msg)
    items = list(getattr(copy, field.name))
    keep = items[index]
    kept = type(keep)()
    kept.CopyFrom(keep)
    copy.ClearField(field.name)
    getattr(copy, field.name).add().CopyFrom(kept)
    return copy


def _placing(outer, field, decode, repeated):
    """A decode of a submessage placed alone where it was in `outer`."""
    def run(sub):
        copy = type(outer)()
        copy.CopyFrom(outer)
        copy.ClearField(field.name)
        if repeated:
            getattr(copy, field.name).add().CopyFrom(sub)
        else:
            getattr(copy, field.name).CopyFrom(sub)
        decode(copy)
    return run
