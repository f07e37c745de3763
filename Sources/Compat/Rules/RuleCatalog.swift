/// Every rule protocompat knows, in a stable order.
public enum RuleCatalog {
    public static let all: [any CompatRule] =
        [
            FieldNoDeleteUnlessNumberReserved(), FieldNoDeleteUnlessNameReserved(),
            FieldSameName(), FieldSameJSONName(), FieldSameOneof(), FieldSameDefault(),
            FieldTypeRule.wire, FieldTypeRule.wireJSON, FieldTypeRule.file,
            FieldCardinalityRule.wire, FieldCardinalityRule.wireJSON, FieldCardinalityRule.file,
            MessageSameRequiredFields(), ReservedMessageNoDelete(), ReservedEnumNoDelete(),
            EnumValueNoDeleteUnlessNumberReserved(), EnumValueNoDeleteUnlessNameReserved(), EnumValueSameName(),
            FieldSameNumber(), EnumValueSameNumber(), ExtensionSameNumber(), ElementSamePackage(),
            MessageSameJSONFormat(), EnumSameJSONFormat(), FileSamePackage(),
            RPCSameMessageType.request, RPCSameMessageType.response, RPCSameStreaming.client, RPCSameStreaming.server,
            RPCSameIdempotencyLevel(),
            FileNoDelete(), ElementNoDelete.message, ElementNoDelete.enumType, ElementNoDelete.service, ElementNoDelete.extensionField,
            PackageElementNoDelete.message, PackageElementNoDelete.enumType, PackageElementNoDelete.service,
            PackageElementNoDelete.extensionField, PackageNoDelete(),
            FieldNoDelete(), OneofNoDelete(), RPCNoDelete(), EnumValueNoDelete(), ExtensionMessageNoDelete(),
            FileSameSyntax(), EnumSameType(), MessageNoRemoveStandardDescriptorAccessor(), MessageSameMessageSetWireFormat(),
            FieldSameSetting.jstype, FieldSameSetting.cppStringType, FieldSameSetting.javaUTF8, FieldSameSetting.utf8,
        ] + FileSameOption.all + [
            ElementAdded.field, ElementAdded.enumValue, ElementAdded.message, ElementAdded.enumType, ElementAdded.method, ElementAdded.service,
            ExtensionAdded(),
            ElementDeprecated(),
        ]

    /// The rule with this ID.
    public static func rule(_ id: String) -> (any CompatRule)? { byID[id] }

    /// Every rule by its ID (IDs are unique: `RuleExampleTests`).
    static let byID: [String: any CompatRule] = Dictionary(all.map { ($0.info.id, $0) }, uniquingKeysWith: { first, _ in first })
}
