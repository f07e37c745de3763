

extension FeatureResolver {
    /// A resolver for `schema`, with feature defaults from the schema's own descriptor.proto when it
    /// has one, else from the built-in one.
    public init(schema: Schema) {
        var index = SchemaIndex()
        if let descriptor = WellKnownTypes.files["google/protobuf/descriptor.proto"] { index.add(descriptor) }
        // Only what resolution reads: descriptor.proto (defaults) and editions files (enclosing messages).
        for file in schema.files where file.syntax == .editions || file.name == "google/protobuf/descriptor.proto" { index.add(file) }
        self.init(index: index)
    }
}
