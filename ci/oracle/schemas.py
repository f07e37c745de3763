"""One schema version as the protobuf runtime sees it: protoc's descriptor set, loaded in its own pool."""
import os
import subprocess

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def proto_files(root):
    """Every .proto below `root`, relative to it, sorted."""
    found = []
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".proto"):
                found.append(os.path.relpath(os.path.join(base, name), root))
    return found


def compile_tree(protoc, roots, out_path):
    """protoc's FileDescriptorSet of every .proto under roots[0] (the other roots only resolve imports),
    compiled once per run and output path. Returns the set's bytes, or None when protoc rejects the tree."""
    files = proto_files(roots[0])
    if not files:
        return None
    if os.path.exists(out_path):
        # Another pair of the run compiled the same tree (written whole, then renamed into place).
        with open(out_path, "rb") as handle:
            return handle.read()
    partial = "%s.%d" % (out_path, os.getpid())
    cmd = [protoc] + ["-I" + r for r in roots] + ["--include_imports", "--descriptor_set_out=" + partial] + files
    done = subprocess.run(cmd, cwd=roots[0], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    with open(partial, "rb") as handle:
        data = handle.read()
    os.replace(partial, out_path)
    return data


class Version:
    """A descriptor set in a pool of its own, with message classes made on demand."""

    def __init__(self, label, fds_bytes, check_args):
        self.label = label
        self.fds = descriptor_pb2.FileDescriptorSet()
        self.fds.ParseFromString(fds_bytes)
        self.fds_bytes = fds_bytes
        # What protocompat is given for this version (a tree with include roots, or a descriptor set).
        self.check_args = check_args
        self.pool = descriptor_pool.DescriptorPool()
        for file in self.fds.file:
            self.pool.Add(file)
        self._classes = {}
        self._synthetic = {}
        self.message_names = []
        self.extension_names = []
        for file in self.fds.file:
            prefix = file.package + "." if file.package else ""
            for message in file.message_type:
                self._collect(prefix, message)
            for extension in file.extension:
                self.extension_names.append(prefix + extension.name)

    def _collect(self, prefix, message):
        name = prefix + message.name
        if not message.options.map_entry:
            self.message_names.append(name)
        self._synthetic[name] = {message.oneof_decl[f.oneof_index].name for f in message.field if f.proto3_optional}
        for extension in message.extension:
            self.extension_names.append(name + "." + extension.name)
        for nested in message.nested_type:
            self._collect(name + ".", nested)

    def message(self, name):
        return self.pool.FindMessageTypeByName(name)

    def has_message(self, name):
        try:
            self.pool.FindMessageTypeByName(name)
            return True
        except KeyError:
            return False

    def message_class(self, descriptor):
        cls = self._classes.get(descriptor.full_name)
        if cls is None:
            cls = message_factory.GetMessageClass(descriptor)
            self._classes[descriptor.full_name] = cls
        return cls

    def real_oneof(self, field):
        """The oneof a field is in, unless it is a proto3 optional field's synthetic one."""
        oneof = field.containing_oneof
        if oneof is None or oneof.name in self._synthetic.get(field.containing_type.full_name, ()):
            return None
        return oneof

    def extensions_of(self, descriptor):
        return list(self.pool.FindAllExtensions(descriptor))
