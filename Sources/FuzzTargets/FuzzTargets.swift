import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import SchemaSources

/// The entry points fuzzing drives: each takes arbitrary bytes and must return (an error is fine)
/// without crashing, hanging or leaking. `ci/fuzz.sh` runs them under libFuzzer with
/// AddressSanitizer; the regression tests replay every saved input through the same functions.
public enum FuzzTargets {
    /// The targets by name.
    public static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "parser": parser,
        "frontend": frontEnd,
        "descriptors": descriptors,
        "python": python,
        "archives": archives,
        "yaml": yaml,
    ]

    /// The lexer and parser alone on a file of these bytes: the fast target (no linking, no imports).
    @Sendable public static func parser(_ bytes: [UInt8]) {
        _ = SyntaxCheck.diagnostics(of: bytes, file: "fuzz.proto")
    }

    /// The lexer, parser, linker and validator on a file of these bytes (which may import a second,
    /// fixed file, and the well-known types).
    @Sendable public static func frontEnd(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let source = InMemorySource(texts: ["fuzz.proto": text, "dep.proto": "syntax = \"proto3\"; package dep; message D { int32 x = 1; } enum E { E0 = 0; }"])
        _ = try? ProtoCompiler(source: source).compile(["fuzz.proto"])
    }

    /// The binary FileDescriptorSet reader.
    @Sendable public static func descriptors(_ bytes: [UInt8]) {
        _ = try? DescriptorSetReader.read(bytes, path: "fuzz.binpb")
    }

    /// The generated-module scanner and the Python bytes-literal decoder, then the descriptors found.
    @Sendable public static func python(_ bytes: [UInt8]) {
        _ = try? PythonPackageReader.schema(from: [("fuzz_pb2.py", bytes)], origin: "fuzz")
    }

    /// The wheel (zip) and sdist (gzip + tar) readers, with small limits.
    @Sendable public static func archives(_ bytes: [UInt8]) {
        var limits = PythonPackageReader.Limits()
        limits.maxEntrySize = 1 << 20
        limits.maxTotalSize = 1 << 22
        limits.maxEntries = 1_000
        _ = try? PythonPackageReader.modules(inWheelData: Data(bytes), path: "fuzz.whl", limits: limits)
        _ = try? PythonPackageReader.modules(inSdistData: bytes, path: "fuzz.tar.gz", limits: limits)
    }

    /// The snapshot reader and the config reader (protocompat.yaml, buf.yaml); the same bytes as JSON
    /// through the model's own JSON reader and tree decoder (YAML seeds are often JSON-like).
    @Sendable public static func yaml(_ bytes: [UInt8]) {
        _ = try? Snapshot.read(bytes, path: "fuzz.yaml")
        _ = try? TreeDecoder().decode(Schema.self, fromJSON: bytes)
        _ = try? CheckConfig.parse(bytes, path: "protocompat.yaml")
        _ = try? CheckConfig.parse(bytes, path: "buf.yaml")
    }
}
