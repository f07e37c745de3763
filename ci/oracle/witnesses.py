"""Replays protocompat's witnesses (`check --explain`) with the official protobuf runtime.

A witness claims: the writer's version turns this ProtoJSON into these bytes (binary witnesses), and
the reader's version makes this of it (its ProtoJSON and the fields it kept unknown), or refuses it.
Each claim is checked with the writer's and the reader's descriptors in pools of their own: the
writer's runtime must print the sent JSON as given and serialize it to exactly the bytes given, and
the reader's runtime must produce exactly the received JSON, or fail (a parse error, or a message
missing a required field, which the C++ and Java parsers refuse).
"""
import json

from google.protobuf import json_format, unknown_fields
from google.protobuf.message import DecodeError


def _read(version, name):
    return version.message_class(version.message(name))


def replay(witness, versions):
    """None when the runtime does exactly what the witness claims, else what differs."""
    writer = versions[witness["writer"]]
    reader = versions[witness["reader"]]
    sent = json.loads(witness["sent"])
    try:
        written = json_format.ParseDict(sent, _read(writer, witness["type"])())
    except Exception as error:  # noqa: BLE001 - any refusal of the writer's own JSON is a wrong claim
        return "the writer's runtime refuses the sent JSON: %s" % error
    proto_names = witness["encoding"] == "json-proto-names"
    printed = json.loads(json_format.MessageToJson(written, preserving_proto_field_name=proto_names))
    if printed != sent:
        return "the writer's runtime prints the message as %s, not %s" % (json.dumps(printed), witness["sent"])
    refused = None
    read = None
    if witness["encoding"] == "binary":
        data = written.SerializeToString(deterministic=True)
        if data.hex(" ") != witness.get("bytes", ""):
            return "the writer's runtime writes %s, not %s" % (data.hex(" "), witness.get("bytes"))
        try:
            read = _read(reader, witness["type"]).FromString(data)
        except DecodeError as error:
            refused = str(error)
    else:
        try:
            read = json_format.Parse(witness["sent"], _read(reader, witness["type"])())
        except json_format.ParseError as error:
            refused = str(error)
    if read is not None and not read.IsInitialized():
        refused = "missing required fields: %s" % ", ".join(read.FindInitializationErrors())
    if "error" in witness:
        if refused is None:
            return "claimed a refusal (%s), the runtime reads %s" % (witness["error"], json_format.MessageToJson(read, indent=None))
        return None
    if refused is not None:
        return "claimed %s, the runtime refuses it: %s" % (witness.get("received"), refused)
    received = json.loads(json_format.MessageToJson(read, preserving_proto_field_name=proto_names))
    if received != json.loads(witness["received"]):
        return "claimed %s, the runtime reads %s" % (witness["received"], json.dumps(received))
    if witness["encoding"] == "binary":
        kept = sorted({field.field_number for field in unknown_fields.UnknownFieldSet(read)})
        if kept != witness.get("unknown_fields", []):
            return "claimed unknown fields %s, the runtime keeps %s" % (witness.get("unknown_fields", []), kept)
    return None


def is_stated(no_witness):
    """Whether a finding's missing witness is a reason stated (a string), not a search that came up
    empty (an object with `"search": "exhausted"`)."""
    return isinstance(no_witness, str)
