extension FeatureResolver {
    /// A resolver for `schema`, with feature defaults from the schema's own descriptor.proto when it
    /// has one, else from the built-in one.
    public init(schema: Schema) {
        let builtIn = WellKnownTypes.files["google/protobuf/descriptor.proto"]
        // Without editions files and with no descriptor.proto but the built-in one, every schema has
        // the same resolver: made once (a history indexes hundreds of versions).
        if !schema.files.contains(where: { $0.syntax == .editions }),
            schema.files.allSatisfy({ $0.name != "google/protobuf/descriptor.proto" || $0 == builtIn })
        {
            self = Self.builtIn
            return
        }
        var index = SchemaIndex()
        if let descriptor = builtIn { index.add(descriptor) }
        // Only what resolution reads: descriptor.proto (defaults) and editions files (enclosing messages).
        for file in schema.files where file.syntax == .editions || file.name == "google/protobuf/descriptor.proto" { index.add(file) }
        self.init(index: index)
    }
}

extension FeatureResolver {
    /// The resolver of schemas without editions files, from the built-in descriptor.proto.
    static let builtIn: FeatureResolver = {
        var index = SchemaIndex()
        if let descriptor = WellKnownTypes.files["google/protobuf/descriptor.proto"] { index.add(descriptor) }
        return FeatureResolver(index: index)
    }()
}
