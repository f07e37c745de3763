// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "protocompat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "protocompat", targets: ["protocompat"]),
        .library(name: "ProtoModel", targets: ["ProtoModel"]),
        .library(name: "ProtoFrontEnd", targets: ["ProtoFrontEnd"]),
        .library(name: "SchemaSources", targets: ["SchemaSources"]),
        .library(name: "Workflows", targets: ["Workflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Infrastructure with no knowledge of protobuf: the content hash, open-addressing slots,
        // Locked<State>, values computed once, work on all cores, freeing in the background, tracing.
        .target(name: "Support"),
        // The normalized schema model: value types only.
        .target(name: "ProtoModel", dependencies: ["Support"]),
        // libyaml, from Debian's libyaml-dev.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // A small Swift face over libyaml: emit and parse, deterministic.
        .target(name: "YAML", dependencies: ["CYAML"]),
        // Lexer, parser, linker and the built-in well-known types.
        .target(name: "ProtoFrontEnd", dependencies: ["ProtoModel", "Support"]),
        // Where a schema version comes from: .proto trees, descriptor sets, git, wheels, snapshots.
        .target(
            name: "SchemaSources",
            dependencies: [
                // ZIPFoundation also brings zlib (its CZlib module), used for .tar.gz as well.
                "ProtoModel", "ProtoFrontEnd", "YAML", "Support",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Messages as plain values over the model, written and read in the binary format and ProtoJSON
        // as the protobuf runtime does: what a witness sends and what a reader makes of it.
        .target(name: "ProtoCodec", dependencies: ["ProtoModel"]),
        // The compatibility engine: pairing, rules (one file each), verdicts per view, directions, witnesses.
        .target(name: "Compat", dependencies: ["ProtoModel", "ProtoCodec", "YAML", "Support"]),
        // Reporters, one per format, pure functions of a check result.
        .target(name: "Reports", dependencies: ["Compat", "ProtoModel", "YAML"]),
        // What each command does, as library calls: load a history of versions, build its changelog
        // and matrices, inspect an installed Python environment.
        .target(name: "Workflows", dependencies: ["ProtoModel", "ProtoFrontEnd", "SchemaSources", "Compat", "Reports", "Support"]),
        // The thin command-line face.
        .executableTarget(
            name: "protocompat",
            dependencies: [
                "ProtoModel", "ProtoFrontEnd", "SchemaSources", "YAML", "Compat", "Reports", "Workflows", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The entry points fuzzing drives (bytes in, no crash out), shared by the fuzzer and the regression tests.
        .target(name: "FuzzTargets", dependencies: ["ProtoModel", "ProtoFrontEnd", "SchemaSources", "Compat"]),
        // libFuzzer driver when built by ci/fuzz.sh (-sanitize=fuzzer,address -DFUZZING); otherwise replays inputs.
        .executableTarget(name: "protocompat-fuzz", dependencies: ["FuzzTargets"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"], exclude: ["Regressions"]),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "ProtoModelTests", dependencies: ["ProtoModel", "Support"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ProtoCodecTests", dependencies: ["ProtoModel", "ProtoFrontEnd", "ProtoCodec"]),
        .testTarget(name: "CompatTests", dependencies: ["ProtoModel", "ProtoFrontEnd", "Compat", "SchemaSources", "Support"]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Compat", "ProtoFrontEnd", "ProtoModel", "Reports", "Workflows"],
            exclude: ["Golden", "Fixtures"]),
        // Runs the built executable end to end (ci/test.sh builds it first).
        // Depends on the executable so that `swift test` builds the binary the tests run (never a stale one).
        .testTarget(name: "CLITests", dependencies: ["protocompat"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SchemaSourcesTests",
            dependencies: [
                "ProtoModel", "ProtoFrontEnd", "SchemaSources", "YAML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(name: "WorkflowsTests", dependencies: ["Compat", "Reports", "SchemaSources", "ProtoFrontEnd", "ProtoModel", "Workflows"]),
        .testTarget(
            name: "ProtoFrontEndTests",
            dependencies: ["ProtoModel", "ProtoFrontEnd", "SchemaSources"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
