

extension FeatureResolver {
    /// A resolver for `schema`, with feature defaults from the schema's own descriptor.proto when it
    /// has one, else from the built-in one.
    public init(schema: Schema) {
        var index = SchemaIndex()
        if let descriptor = WellKnownTypes.files["google/protobuf/descriptor.proto"] { index.add(descriptor) }
        for file in schema.files { index.add(file) }
        self.init(index: index)
    }
}
