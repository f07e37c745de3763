import Foundation
import Testing

/// The bad-input catalogue: every input protocompat must answer with a clear error, run end to
/// end through the binary, checked for its exit code and its exact first line of output.
/// docs/errors.md is rendered from these cases (PROTOCOMPAT_RECORD=1 rewrites it, then fails).
struct ErrorCatalogTests {
    /// One bad input and the answer it must get.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// The input, for people.
        var input: String
        /// Files to create (relative path, bytes) in a fresh folder, which is the working directory.
        var files: [(String, [UInt8])] = []
        /// The protocompat arguments (run in the folder); or a shell command line when `shell` is set.
        var arguments: [String]
        var shell = false
        var exit: Int32 = 2
        /// The exact first line on stderr (stdout when `onStdout`).
        var message: String
        var onStdout = false
        /// Runs in the folder before the command (git repositories).
        var gitRepository = false
        var description: String { name }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        // Lexical
        Case(
            name: "Invalid UTF-8 outside strings and comments", input: "a byte 0xFF after a message name",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M") + [0xFF] + text(" {}\n"))], arguments: ["dump", "."],
            message: "a.proto:2:10: error: unexpected non-ASCII character outside a string or comment"),
        Case(
            name: "Invalid UTF-8 inside a string or comment", input: "bytes 0xFF, 0xFE in a comment and a default value (accepted, as protoc does)",
            files: [
                (
                    "a.proto",
                    text("syntax = \"proto2\";\n// note ") + [0xFF] + text("\nmessage M { optional string s = 1 [default = \"") + [0xFE] + text("\"]; }\n")
                )
            ],
            arguments: ["dump", "--check-only", "."], exit: 0, message: ""),
        Case(
            name: "A byte-order mark", input: "a UTF-8 BOM before `syntax` (skipped, as protoc does)",
            files: [("a.proto", [0xEF, 0xBB, 0xBF] + text("syntax = \"proto3\";\nmessage M {}\n"))], arguments: ["dump", "--check-only", "."], exit: 0,
            message: ""),
        Case(
            name: "A NUL byte", input: "a NUL byte inside a message body",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {") + [0] + text("}\n"))], arguments: ["dump", "."],
            message: "a.proto:2:12: error: invalid control character \\x0 in the text: remove it"),
        Case(
            name: "Unterminated string", input: "a string literal that runs to the end of the line",
            files: [("a.proto", text("syntax = \"proto3;\nmessage M {}\n"))], arguments: ["dump", "."],
            message: "a.proto:1:10: error: string literals cannot cross line boundaries: close the string before the line ends"),
        Case(
            name: "Unterminated comment", input: "a block comment never closed",
            files: [("a.proto", text("syntax = \"proto3\";\n/* never closed\nmessage M {}\n"))], arguments: ["dump", "."],
            message: "a.proto:2:1: error: unterminated block comment: add */ to close the comment started here"),
        Case(
            name: "Unterminated block", input: "a message without its closing brace",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n"))], arguments: ["dump", "."],
            message: "a.proto:4:1: error: reached end of input in message definition (missing '}')"),
        Case(
            name: "100,000-deep nesting", input: "100,000 nested message declarations",
            files: [("a.proto", text("syntax = \"proto3\";\n" + String(repeating: "message M { ", count: 100_000) + String(repeating: "}", count: 100_000)))],
            arguments: ["dump", "."], message: "a.proto:2:1201: error: messages nested deeper than 100 levels: flatten the schema"),
        Case(
            name: "A 100 MB file of one token", input: "an identifier of 100,000,000 letters",
            files: [("a.proto", [UInt8](repeating: UInt8(ascii: "a"), count: 100_000_000))], arguments: ["dump", "."],
            message: "a.proto: error: file is 100000000 bytes, over the limit of 67108864 bytes: is it really a .proto file?"),
        // Fields and names
        Case(
            name: "Duplicate field numbers", input: "two fields numbered 1",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  int32 b = 1;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:4:3: error: field number 1 has already been used in \"M\" by field \"a\""),
        Case(
            name: "Field number 0", input: "`int32 a = 0;`",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  int32 a = 0;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:3:13: error: field numbers must be positive integers"),
        Case(
            name: "Field number in 19000-19999", input: "`int32 a = 19500;`",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  int32 a = 19500;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:3:3: error: field numbers 19000 through 19999 are reserved for the protocol buffer library implementation"),
        Case(
            name: "Field number over 536870911", input: "`int32 a = 536870912;`",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  int32 a = 536870912;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:3:13: error: field numbers cannot be greater than 536870911"),
        Case(
            name: "Reserved number used", input: "`reserved 2;` then a field numbered 2",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  reserved 2;\n  int32 a = 2;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:4:3: error: field \"a\" uses reserved number 2"),
        Case(
            name: "Undefined type", input: "a field of type `Nope`",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {\n  Nope a = 1;\n}\n"))], arguments: ["dump", "."],
            message: "a.proto:3:3: error: \"Nope\" is not defined"),
        Case(
            name: "Ambiguous type (resolved in the inner scope)", input: "`b.C.D` inside package `a.b`, where `a.b.b` shadows `b`",
            files: [("a.proto", text("syntax = \"proto3\";\npackage a.b;\nmessage b { message C {} }\nmessage M {\n  b.C.D x = 1;\n}\n"))],
            arguments: ["dump", "."],
            message:
                "a.proto:5:3: error: \"b.C.D\" is resolved to \"a.b.b.C.D\", which is not defined; the innermost scope is searched first in name resolution: use a leading '.' (\".b.C.D\") to start from the outermost scope"
        ),
        // Files and imports
        Case(
            name: "Import cycle", input: "a.proto imports b.proto, which imports a.proto",
            files: [("a.proto", text("syntax = \"proto3\";\nimport \"b.proto\";\n")), ("b.proto", text("syntax = \"proto3\";\nimport \"a.proto\";\n"))],
            arguments: ["dump", "."], message: "b.proto:2:1: error: file recursively imports itself: a.proto -> b.proto -> a.proto"),
        Case(
            name: "An import chain 1,001 files deep", input: "f0.proto imports f1.proto, which imports f2.proto, ... f1000.proto (the limit is 250)",
            files: (0...1000).map { i in ("f\(i).proto", text("syntax = \"proto3\";\n" + (i < 1000 ? "import \"f\(i + 1).proto\";\n" : ""))) },
            arguments: ["dump", "f0.proto"],
            message: "f249.proto:2:1: error: imports nested more than 250 files deep (f0.proto -> ... -> f250.proto): flatten the import chain"),
        Case(
            name: "Missing import", input: "`import \"nope.proto\";`",
            files: [("a.proto", text("syntax = \"proto3\";\nimport \"nope.proto\";\n"))], arguments: ["dump", "."],
            message: "nope.proto: error: file not found: check the import path and the include roots (-I)"),
        Case(
            name: "An unreadable file", input: "a.proto is a dangling symbolic link", files: [],
            arguments: ["ln -s /nonexistent/a.proto a.proto && exec \"$PROTOCOMPAT\" dump ."],
            shell: true, message: "a.proto: error: file not found: check the import path and the include roots (-I)"),
        Case(
            name: "A folder with no .proto", input: "an empty folder", files: [("empty/.keep", [])], arguments: ["dump", "empty"],
            message: "empty: error: no .proto files in this directory"),
        Case(
            name: "A non-UTF-8 path", input: "a folder named with the byte 0xFF", files: [],
            arguments: ["mkdir \"$(printf 'bad\\377')\" && exec \"$PROTOCOMPAT\" dump \"$(printf 'bad\\377')\""], shell: true,
            message: "bad\u{FFFD}: error: the path is not valid UTF-8: rename it or use a UTF-8 path"),
        Case(
            name: "A symbolic-link loop", input: "a folder holding a link to itself (links to folders are not followed)",
            files: [("a.proto", text("syntax = \"proto3\";\nmessage M {}\n"))], arguments: ["ln -s . self && exec \"$PROTOCOMPAT\" dump --check-only ."],
            shell: true, exit: 0, message: ""),
        // Sources
        Case(
            name: "A git ref that does not exist", input: "`git:v9.9.9` in a repository without that tag", arguments: ["dump", "git:v9.9.9"],
            message: "error: git ref \"v9.9.9\" names nothing in .: check it with 'git rev-parse v9.9.9'", gitRepository: true),
        Case(
            name: "A git ref beginning with -", input: "`git:--output=x`", arguments: ["dump", "git:--output=x"],
            message: "error: invalid git ref \"--output=x\": a ref must be non-empty and must not start with '-'", gitRepository: true),
        Case(
            name: "A corrupt descriptor set", input: "eight 0xFF bytes named x.binpb", files: [("x.binpb", [UInt8](repeating: 0xFF, count: 8))],
            arguments: ["dump", "x.binpb"],
            message:
                "x.binpb: error: not a valid FileDescriptorSet (malformedProtobuf); write one with 'protoc --include_imports --descriptor_set_out=FILE' or 'buf build -o FILE.binpb'"
        ),
        Case(
            name: "A wheel without protos", input: "a wheel holding only `pkg/__init__.py`",
            files: [("p-1.0-py3-none-any.whl", StoredZip.archive([("pkg/__init__.py", text("x = 1\n"), nil)]))], arguments: ["dump", "p-1.0-py3-none-any.whl"],
            message:
                "p-1.0-py3-none-any.whl: error: no module embeds a serialized descriptor (AddSerializedFile or serialized_pb): is this a package with generated protobuf code?"
        ),
        Case(
            name: "A zip with ../ entries", input: "a wheel entry named `../evil_pb2.py`",
            files: [("p-1.0-py3-none-any.whl", StoredZip.archive([("../evil_pb2.py", text("x = 1\n"), nil)]))], arguments: ["dump", "p-1.0-py3-none-any.whl"],
            message:
                "p-1.0-py3-none-any.whl: ../evil_pb2.py: error: the entry's path leaves the archive (absolute, or with '..'): refusing a malicious or broken archive"
        ),
        Case(
            name: "A zip bomb", input: "a wheel entry that declares 300 MB",
            files: [("p-1.0-py3-none-any.whl", StoredZip.archive([("pkg/bomb_pb2.py", text("x = 1\n"), 300 << 20)]))],
            arguments: ["dump", "p-1.0-py3-none-any.whl"],
            message: "p-1.0-py3-none-any.whl: pkg/bomb_pb2.py: error: the entry declares 314572800 bytes, over the limit of 67108864 (a zip bomb?)"),
        Case(
            name: "A snapshot from a future format", input: "a snapshot with `version: 99`",
            files: [("s.yaml", text("format: protocompat-snapshot\nversion: 99\nlabel: x\nsource: y\nfiles: []\n"))], arguments: ["dump", "s.yaml"],
            message: "s.yaml:2:1: error: snapshot format version 99 is newer than this protocompat reads (1): upgrade protocompat"),
        // Config
        Case(
            name: "An invalid config key", input: "`levl: wire` in protocompat.yaml",
            files: [("protocompat.yaml", text("version: 1\nlevl: wire\n")), ("a/a.proto", text("syntax = \"proto3\";\n"))], arguments: ["check", "a", "a"],
            message: "protocompat.yaml:2:1: error: unknown key \"levl\": use direction, ignore, level, roles, rules, semver, version"),
        Case(
            name: "An unknown rule in buf.yaml", input: "`breaking: {use: [FIELD_SAME_NAMES]}` in buf.yaml",
            files: [("buf.yaml", text("version: v2\nbreaking:\n  use:\n    - FIELD_SAME_NAMES\n")), ("a/a.proto", text("syntax = \"proto3\";\n"))],
            arguments: ["check", "a", "a", "--config", "buf.yaml"],
            message:
                "buf.yaml:4:7: error: unknown rule or category \"FIELD_SAME_NAMES\" in breaking.use: use FILE, PACKAGE, WIRE_JSON, WIRE or a rule ID (see 'protocompat rules')"
        ),
        Case(
            name: "An unknown rule in the config", input: "`rules: {use: [NOPE]}`",
            files: [("protocompat.yaml", text("version: 1\nrules:\n  use: [NOPE]\n")), ("a/a.proto", text("syntax = \"proto3\";\n"))],
            arguments: ["check", "a", "a"],
            message: "protocompat.yaml:3:9: error: unknown rule \"NOPE\" in rules.use: see 'protocompat rules'"),
        Case(
            name: "An expired ignore entry", input: "an ignore whose `expires` date has passed: it no longer applies and is reported as a hazard",
            files: [
                (
                    "protocompat.yaml",
                    text("version: 1\nignore:\n  - rule: FIELD_SAME_NAME\n    symbol: p.*\n    reason: accepted in review\n    expires: 2020-01-01\n")
                ),
                ("a/a.proto", text("syntax = \"proto3\";\npackage p;\nmessage M { int32 a = 1; }\n")),
                ("b/a.proto", text("syntax = \"proto3\";\npackage p;\nmessage M { int32 b = 1; }\n")),
            ],
            arguments: ["check", "--level", "wire", "a", "b"], exit: 0,
            message:
                "protocompat.yaml: CONFIG_IGNORE_EXPIRED: The ignore of FIELD_SAME_NAME for \"p.*\" expired on 2020-01-01 (accepted in review): fix the change or extend the expiry. [hazard, none]",
            onStdout: true),
        // Command line
        Case(
            name: "An unknown output format", input: "`check --format xml`", files: [("a/a.proto", text("syntax = \"proto3\";\n"))],
            arguments: ["check", "--format", "xml", "a", "a"], message: "error: unknown format \"xml\": use text, json, yaml, markdown, sarif, github, html"),
        Case(
            name: "An unwritable output file", input: "`-o` into a folder that does not exist", files: [("a/a.proto", text("syntax = \"proto3\";\n"))],
            arguments: ["check", "a", "a", "-o", "missing/report.txt"],
            message: "missing/report.txt: error: cannot write the output: the folder \"missing\" does not exist: create it first"),
    ]

    struct Outcome {
        var exit: Int32
        var line: String
    }

    func run(_ c: Case) throws -> Outcome {
        let dir = NSTemporaryDirectory() + "protocompat-errors-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, bytes) in c.files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        if c.gitRepository {
            for arguments in [["init", "-q", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "x"]] {
                let git = Process()
                git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                git.arguments = ["git"] + arguments
                git.currentDirectoryURL = URL(fileURLWithPath: dir)
                git.standardOutput = Pipe()
                git.standardError = Pipe()
                try git.run()
                git.waitUntilExit()
            }
        }
        let process = Process()
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        if c.shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", c.arguments[0]]
            process.environment = ProcessInfo.processInfo.environment.merging(["PROTOCOMPAT": CLITests.binary]) { $1 }
        } else {
            process.executableURL = URL(fileURLWithPath: CLITests.binary)
            process.arguments = c.arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: c.onStdout ? stdout : stderr, as: UTF8.self)
        return Outcome(exit: process.terminationStatus, line: text.split(separator: "\n").first.map(String.init) ?? "")
    }

    @Test(arguments: cases)
    func badInputGetsItsAnswer(_ c: Case) throws {
        let outcome = try run(c)
        #expect(outcome.exit == c.exit, "\(c.name): exit \(outcome.exit)")
        #expect(outcome.line == c.message, "\(c.name)")
    }

    @Test func catalogueDocumentIsCurrent() throws {
        var doc = """
            # Errors: every bad input and its answer

            Generated from `Tests/CLITests/ErrorCatalogTests.swift`, whose test runs each input through the
            built binary and checks the exit code and the exact first line below (re-record with
            `PROTOCOMPAT_RECORD=1 swift test --filter ErrorCatalogTests`). Exit codes: 0 clean, 1 something
            breaks at the chosen level, 2 usage, input, config or I/O error. Messages name the file, and the
            line and column where there is one (`path:line:col: error: ...`), and say what to do. No input
            crashes or hangs protocompat (`ci/fuzz.sh`), and no error leaves a half-written output file.

            | input | what it is | command | exit | first line of output |
            |---|---|---|---|---|

            """
        for c in Self.cases {
            let command =
                c.shell
                ? "`sh -c '\(c.arguments[0].replacingOccurrences(of: "\"$PROTOCOMPAT\"", with: "protocompat"))'`"
                : "`protocompat \(c.arguments.joined(separator: " "))`"
            let message = c.message.isEmpty ? "(accepted)" : "`\(c.message)`"
            doc +=
                "| \(c.name) | \(c.input) | \(command.replacingOccurrences(of: "|", with: "\\|")) | \(c.exit) | \(message.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        let path = CLITests.root.appendingPathComponent("docs/errors.md")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["PROTOCOMPAT_RECORD"] != nil {
            try doc.write(to: path, atomically: true, encoding: .utf8)
            Issue.record("recorded docs/errors.md: run again without PROTOCOMPAT_RECORD")
        }
        #expect(committed == doc, "docs/errors.md is stale: PROTOCOMPAT_RECORD=1 swift test --filter ErrorCatalogTests")
    }
}

/// A minimal zip writer (stored entries) for the catalogue's archives; `declared` overrides the
/// uncompressed size written in the headers (a zip bomb's lie).
enum StoredZip {
    static func archive(_ entries: [(String, [UInt8], Int?)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 24) & 0xFF)] }
        for (name, bytes, declared) in entries {
            let offset = out.count
            let crc = Int(crc32(bytes))
            let size = declared ?? bytes.count
            let nameBytes = Array(name.utf8)
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(bytes.count) + u32(size)
            out += u16(nameBytes.count) + u16(0) + nameBytes + bytes
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(bytes.count) + u32(size)
            central += u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + nameBytes
        }
        let start = out.count
        out += central
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(central.count) + u32(start) + u16(0)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
