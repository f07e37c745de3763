"""What a reader made of what a writer sent, field by field and enum value by name: kept, changed
or lost; the effects are tied to the names (symbols) of the elements on their path."""
from google.protobuf.descriptor import FieldDescriptor as F


class Effect:
    """One observed effect: `kind` (changed, lost, rejected) on a field, with the symbols that can explain it."""

    def __init__(self, kind, symbols, ancestors, path, unknown_value=False, detail=""):
        self.kind = kind
        self.symbols = symbols          # the leaf's own element names (fields, messages, enums, values, oneofs)
        self.ancestors = ancestors      # fields on the way from the root (a type change there explains it)
        self.path = path
        self.unknown_value = unknown_value
        self.detail = detail


def field_symbols(field, version):
    """The names a finding about this field (or what it holds) may carry."""
    names = {field.full_name}
    container = field.containing_type
    if field.is_extension:
        names.add(field.full_name)
    if container is not None:
        names.add(container.full_name)
        names.add(container.full_name + "." + field.name)
        oneof = version.real_oneof(field) if not field.is_extension else None
        if oneof is not None:
            # One member set clears the others: a finding on any member of the oneof can explain a loss.
            names.add(container.full_name + "." + oneof.name)
            names |= {member.full_name for member in oneof.fields}
    if field.message_type is not None:
        names.add(field.message_type.full_name)
    if field.enum_type is not None:
        names.add(field.enum_type.full_name)
    if _is_map(field):
        # A map's values are of its entry's value type: a finding on that type explains a changed entry.
        value = field.message_type.fields_by_name["value"]
        for held in (value.message_type, value.enum_type):
            if held is not None:
                names.add(held.full_name)
    return names


def _is_map(field):
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def _value(msg, field):
    return msg.Extensions[field] if field.is_extension else getattr(msg, field.name)


def _present(msg, field):
    if field.is_repeated:
        return len(_value(msg, field)) > 0
    if field.is_extension or field.has_presence:
        return msg.HasExtension(field) if field.is_extension else msg.HasField(field.name)
    return True


class Comparison:
    def __init__(self, writer, reader, by_number):
        self.writer = writer            # Version
        self.reader = reader
        self.by_number = by_number      # binary: pair by number as well as by name
        self.effects = []

    def messages(self, w, r, ancestors, path):
        dr = r.DESCRIPTOR
        for fw, vw in w.ListFields():
            if fw.is_extension:
                by_name = self._extension(fw.full_name, dr)
                by_number = self._extension_number(dr, fw.number)
            else:
                by_name = dr.fields_by_name.get(fw.name)
                by_number = dr.fields_by_number.get(fw.number)
            candidates = []
            if by_name is not None:
                candidates.append(by_name)
            if by_number is not None and by_number is not by_name and (self.by_number or by_name is None):
                candidates.append(by_number)
            for fr in candidates:
                self.field(w, fw, vw, r, fr, ancestors, path + [fw.name if fw.name == fr.name else "%s->%s" % (fw.name, fr.name)])

    def _extension(self, name, dr):
        try:
            ext = self.reader.pool.FindExtensionByName(name)
        except KeyError:
            return None
        return ext if ext.containing_type.full_name == dr.full_name else None

    def _extension_number(self, dr, number):
        try:
            return self.reader.pool.FindExtensionByNumber(dr, number)
        except KeyError:
            return None

    def field(self, w, fw, vw, r, fr, ancestors, path):
        symbols = field_symbols(fw, self.writer) | field_symbols(fr, self.reader)
        def effect(kind, detail, unknown=False):
            self.effects.append(Effect(kind, symbols, ancestors, path, unknown, detail))
        if not _present(r, fr):
            if self._is_default(fw, vw):
                return
            sent, values, read = _enum_carriers(fw, vw, fr)
            symbols |= _enum_value_symbols(sent, values, read)
            effect("lost", "reader has no value", _has_unknown_enum(sent, values, read))
            return
        vr = _value(r, fr)
        inner = ancestors | {fw.full_name, fr.full_name}
        if _is_map(fw) and _is_map(fr):
            wm, rm = dict(vw), dict(vr)
            if set(map(_key, wm)) != set(map(_key, rm)):
                # Entries whose enum value the reader does not know are dropped whole (closed enums,
                # lenient ProtoJSON readers): the values sent name the change.
                sent, values, read = _enum_carriers(fw, [wm[k] for k in wm if _key(k) not in set(map(_key, rm))], fr)
                symbols |= _enum_value_symbols(sent, values, read)
                effect("changed", "map keys differ", _has_unknown_enum(sent, values, read))
                return
            wv, rvf = fw.message_type.fields_by_name["value"], fr.message_type.fields_by_name["value"]
            rk = {_key(k): k for k in rm}
            for k in wm:
                self.single(wv, wm[k], rvf, rm[rk[_key(k)]], inner, path + ["[%r]" % (k,)], symbols)
            return
        if _is_map(fw) or _is_map(fr):
            wl = _entries(fw, vw)
            rl = _entries(fr, vr)
            if wl != rl:
                effect("changed", "map and repeated entries differ")
            return
        if fw.is_repeated and fr.is_repeated:
            if len(vw) != len(vr):
                symbols |= _enum_value_symbols(fw, list(vw), fr)
                effect("changed", "%d elements sent, %d read" % (len(vw), len(vr)), _has_unknown_enum(fw, vw, fr))
                return
            for index, (a, b) in enumerate(zip(vw, vr)):
                self.single(fw, a, fr, b, inner, path + ["[%d]" % index], symbols)
            return
        if fw.is_repeated:
            if len(vw) != 1:
                effect("changed", "%d elements sent, one value read" % len(vw))
                return
            self.single(fw, vw[0], fr, vr, inner, path, symbols)
            return
        if fr.is_repeated:
            if len(vr) != 1:
                effect("changed", "one value sent, %d elements read" % len(vr))
                return
            self.single(fw, vw, fr, vr[0], inner, path, symbols)
            return
        self.single(fw, vw, fr, vr, inner, path, symbols)

    def _is_default(self, fw, vw):
        if fw.is_repeated:
            return len(vw) == 0
        if fw.message_type is not None:
            return False
        return vw == fw.default_value and not fw.has_presence

    def single(self, fw, a, fr, b, ancestors, path, symbols):
        self._ancestors, self._path = ancestors, path
        def effect(kind, detail, unknown=False):
            self.effects.append(Effect(kind, symbols, ancestors, path, unknown, detail))
        wmsg, rmsg = fw.message_type is not None, fr.message_type is not None
        if wmsg and rmsg:
            self.messages(a, b, ancestors, path)
            return
        if wmsg or rmsg:
            sent = a.SerializePartialToString() if wmsg else a
            got = b.SerializePartialToString() if rmsg else b
            if sent != got:
                effect("changed", "message and bytes differ")
            return
        if fw.type == F.TYPE_ENUM or fr.type == F.TYPE_ENUM:
            self.enum(fw, a, fr, b, effect, symbols)
            return
        ca, cb = self.scalar(fw, a), self.scalar(fr, b)
        if ca != cb:
            effect("changed", "sent %r, read %r" % (ca, cb))

    def enum(self, fw, a, fr, b, effect, symbols):
        """Enum values by name (what an application sees): a value whose name the reader knows must arrive
        under that name; one whose name it does not know (renamed) must keep its number. A value the
        reader's enum lists neither way is an unknown value (an extreme: at least a hazard)."""
        wenum = fw.enum_type if fw.type == F.TYPE_ENUM else None
        renum = fr.enum_type if fr.type == F.TYPE_ENUM else None
        a_number = a if not isinstance(a, bool) else int(a)
        b_number = b if not isinstance(b, bool) else int(b)
        sent = wenum.values_by_number.get(a_number) if wenum is not None else None
        read = renum.values_by_number.get(b_number) if renum is not None else None
        names = set(symbols)
        if sent is not None:
            names.add(wenum.full_name + "." + sent.name)
        if read is not None:
            names.add(renum.full_name + "." + read.name)
        if renum is not None:
            same_number = renum.values_by_number.get(a_number)
            if same_number is not None:
                names.add(renum.full_name + "." + same_number.name)
            if sent is not None and sent.name in renum.values_by_name:
                names.add(renum.full_name + "." + sent.name)
        if wenum is not None and renum is not None:
            known_name = sent is not None and sent.name in renum.values_by_name
            unknown = not known_name and a_number not in renum.values_by_number
            if known_name:
                same = read is not None and read.name == sent.name
            else:
                same = a_number == b_number
            detail = "sent %s (%d), read %s (%d)" % (sent.name if sent else "an unnamed value", a_number,
                                                       read.name if read else "an unnamed value", b_number)
        else:
            same = a_number == b_number
            unknown = renum is not None and read is None
            detail = "sent %r, read %r" % (a, b)
        if not same:
            self.effects.append(Effect("changed", names, self._ancestors, self._path, unknown, detail))

    def scalar(self, field, value):
        """A comparable form: bools as integers, strings as bytes."""
        if field.type == F.TYPE_BOOL:
            return ("int", int(value))
        if field.type in (F.TYPE_STRING, F.TYPE_BYTES):
            return ("bytes", value.encode("utf-8") if isinstance(value, str) else bytes(value))
        if field.type in (F.TYPE_FLOAT, F.TYPE_DOUBLE):
            return ("float", value)
        return ("int", value)


def _enum_carriers(fw, values, fr):
    """The fields whose enum values were sent and read, and the values: a map's value fields and its
    values (not its keys), a field's own values otherwise."""
    if _is_map(fw):
        items = list(values.values()) if hasattr(values, "values") else list(values)
        value_w = fw.message_type.fields_by_name["value"]
        value_r = fr.message_type.fields_by_name["value"] if _is_map(fr) else fr
        return value_w, items, value_r
    return fw, (list(values) if fw.is_repeated else [values]), fr


def _enum_value_symbols(fw, values, fr):
    """The names of the enum values sent, in the writer's enum and (by name and by number) the reader's."""
    names = set()
    if fw.type != F.TYPE_ENUM:
        return names
    for value in values:
        named = fw.enum_type.values_by_number.get(value)
        if named is not None:
            names.add(fw.enum_type.full_name + "." + named.name)
        if fr.type == F.TYPE_ENUM:
            same_number = fr.enum_type.values_by_number.get(value)
            if same_number is not None:
                names.add(fr.enum_type.full_name + "." + same_number.name)
            if named is not None and named.name in fr.enum_type.values_by_name:
                names.add(fr.enum_type.full_name + "." + named.name)
    return names


def _has_unknown_enum(fw, values, fr):
    """Whether enum values were sent that the reader's enum lists neither by name nor by number
    (readers drop or keep such values as numbers: an extreme, at least a hazard)."""
    if fw.type != F.TYPE_ENUM or fr.type != F.TYPE_ENUM:
        return False
    reader = fr.enum_type
    for value in values:
        named = fw.enum_type.values_by_number.get(value)
        if value not in reader.values_by_number and (named is None or named.name not in reader.values_by_name):
            return True
    return False


def _key(k):
    return k.encode("utf-8") if isinstance(k, str) else k


def _entries(field, value):
    """A map or a repeated entry message, as sorted (key, value) pairs of plain values."""
    pairs = []
    if _is_map(field) and not hasattr(value, "add"):
        for k, v in dict(value).items():
            pairs.append((_key(k), v.SerializePartialToString() if hasattr(v, "SerializeToString") else v))
    else:
        for entry in value:
            v = getattr(entry, "value", None)
            pairs.append((_key(getattr(entry, "key", None)), v.SerializePartialToString() if hasattr(v, "SerializeToString") else v))
    return sorted(pairs, key=repr)


def type_closure(descriptor, version, names=None, visited=None):
    """Every element a message reaches, with its own name: what a rejection may be explained by."""
    names = set() if names is None else names
    visited = set() if visited is None else visited
    if descriptor.full_name in visited:
        return names
    visited.add(descriptor.full_name)
    names.add(descriptor.full_name)
    for field in descriptor.fields:
        names |= field_symbols(field, version)
        if field.enum_type is not None:
            names |= {field.enum_type.full_name + "." + v.name for v in field.enum_type.values}
        if field.message_type is not None:
            type_closure(field.message_type, version, names, visited)
    for ext in version.extensions_of(descriptor):
        names |= field_symbols(ext, version)
    return names
