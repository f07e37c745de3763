"""Seeded random messages of a writer's type: every field kind, nested messages to depth 3, maps,
oneofs, every enum value, proto2 required fields, extensions; with ordinary values or extreme ones."""
from google.protobuf.descriptor import FieldDescriptor as F

ORDINARY, EXTREME = "ordinary", "extreme"
MAX_DEPTH = 3
# Any holds a type URL a reader must resolve: random contents cannot be written as ProtoJSON.
SKIPPED_TYPES = {"google.protobuf.Any"}

_SIGNED32 = (F.TYPE_INT32, F.TYPE_SINT32, F.TYPE_SFIXED32)
_SIGNED64 = (F.TYPE_INT64, F.TYPE_SINT64, F.TYPE_SFIXED64)
_UNSIGNED32 = (F.TYPE_UINT32, F.TYPE_FIXED32)
_UNSIGNED64 = (F.TYPE_UINT64, F.TYPE_FIXED64)


class Generator:
    def __init__(self, version, rng, profile):
        self.version = version
        self.rng = rng
        self.profile = profile

    def message(self, descriptor):
        msg = self.version.message_class(descriptor)()
        self.fill(msg, 0)
        return msg

    def fill(self, msg, depth):
        descriptor = msg.DESCRIPTOR
        rng = self.rng
        chosen = {}
        for oneof in descriptor.oneofs:
            members = [f for f in oneof.fields if self.version.real_oneof(f) is oneof or self.version.real_oneof(f) == oneof]
            if members and rng.random() < 0.85:
                chosen[oneof.full_name] = rng.choice(members).number
        for field in descriptor.fields:
            oneof = self.version.real_oneof(field)
            if oneof is not None:
                if chosen.get(oneof.full_name) != field.number:
                    continue
            elif not field.is_required and rng.random() < 0.25:
                continue
            if field.message_type is not None and depth >= MAX_DEPTH and not field.is_required:
                continue
            if field.message_type is not None and field.message_type.full_name in SKIPPED_TYPES:
                continue
            if depth > MAX_DEPTH + 3:
                continue
            self.set_field(msg, field, depth)
        if depth == 0:
            for extension in self.version.extensions_of(descriptor):
                if rng.random() < 0.6:
                    self.set_field(msg, extension, depth, extension=True)

    def set_field(self, msg, field, depth, extension=False):
        rng = self.rng
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            key_field = field.message_type.fields_by_name["key"]
            value_field = field.message_type.fields_by_name["value"]
            target = getattr(msg, field.name)
            for _ in range(rng.randint(1, 2)):
                key = self.scalar(key_field)
                if value_field.message_type is not None:
                    self.fill(target[key], depth + 1)
                else:
                    target[key] = self.scalar(value_field)
            return
        holder = msg.Extensions if extension else None
        if field.is_repeated:
            container = holder[field] if extension else getattr(msg, field.name)
            for _ in range(rng.randint(1, 3)):
                if field.message_type is not None:
                    self.fill(container.add(), depth + 1)
                else:
                    container.append(self.scalar(field))
            return
        if field.message_type is not None:
            sub = holder[field] if extension else getattr(msg, field.name)
            self.fill(sub, depth + 1)
            sub.SetInParent()
            return
        value = self.scalar(field)
        if extension:
            holder[field] = value
        else:
            setattr(msg, field.name, value)

    def scalar(self, field):
        rng = self.rng
        t = field.type
        extreme = self.profile == EXTREME and rng.random() < 0.7
        if t == F.TYPE_BOOL:
            return rng.random() < 0.8 if not extreme else rng.choice([True, False])
        if t == F.TYPE_ENUM:
            values = list(field.enum_type.values)
            if extreme and not field.enum_type.is_closed and rng.random() < 0.5:
                return max(v.number for v in values) + 7
            # Mostly values that are written even without presence (not 0), sometimes any value at all.
            nonzero = [v for v in values if v.number != 0] or values
            return rng.choice(values if rng.random() < 0.25 else nonzero).number
        if t in (F.TYPE_STRING,):
            return rng.choice(["héllo ✓", "日本語", "😀 emoji"]) if extreme else "s%d" % rng.randint(1, 999)
        if t == F.TYPE_BYTES:
            return rng.choice([b"\xff\xfe\x00", b"\x80abc"]) if extreme else b"b%d" % rng.randint(1, 999)
        if t == F.TYPE_FLOAT:
            return rng.choice([3.0e38, -1.0e-30, 16777217.0]) if extreme else rng.choice([1.5, 2.25, 100.0, 7.0])
        if t == F.TYPE_DOUBLE:
            return rng.choice([1.0e300, -2.5e-300, 9007199254740993.0]) if extreme else rng.choice([1.5, 2.25, 100.0, 7.0])
        if not extreme:
            return rng.randint(1, 100)
        if t in _SIGNED32:
            return rng.choice([-1, -(2 ** 31), 2 ** 31 - 1, -5])
        if t in _SIGNED64:
            return rng.choice([2 ** 40 + 3, -(2 ** 40), 2 ** 63 - 1, -(2 ** 63), -1])
        if t in _UNSIGNED32:
            return rng.choice([2 ** 32 - 1, 2 ** 31 + 5])
        if t in _UNSIGNED64:
            return rng.choice([2 ** 64 - 1, 2 ** 40 + 3, 2 ** 63 + 1])
        raise ValueError("no value for type %d" % t)
