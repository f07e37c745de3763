import ProtoFrontEnd
import ProtoModel
import Testing

/// Editions feature resolution: edition defaults, overrides at each level, and the features
/// that proto2 and proto3 syntax imply.
struct FeatureResolutionTests {
    func resolve(_ text: String) throws -> (FeatureResolver, Schema) {
        let schema = try compile(text)
        return (FeatureResolver(schema: schema), schema)
    }

    @Test func edition2023Defaults() throws {
        let (resolver, schema) = try resolve("edition = \"2023\"; message M { int32 a = 1; }")
        let file = try #require(schema.file(named: "test.proto"))
        let features = resolver.features(of: file)
        #expect(features.fieldPresence == "EXPLICIT")
        #expect(features.enumType == "OPEN")
        #expect(features.repeatedFieldEncoding == "PACKED")
        #expect(features.utf8Validation == "VERIFY")
        #expect(features.messageEncoding == "LENGTH_PREFIXED")
        #expect(features.jsonFormat == "ALLOW")
    }

    @Test func overridesApplyFromFileToField() throws {
        let (resolver, schema) = try resolve(
            """
            edition = "2023";
            option features.field_presence = IMPLICIT;
            message Outer {
              option features.utf8_validation = NONE;
              message Inner {
                int32 a = 1;
                int32 b = 2 [features.field_presence = EXPLICIT];
                repeated int32 c = 3 [features.repeated_field_encoding = EXPANDED];
                string s = 4;
              }
            }
            enum E { option features.enum_type = CLOSED; A = 0; }
            """)
        let file = try #require(schema.file(named: "test.proto"))
        let inner = try #require(schema.message("Outer.Inner"))
        let features = inner.fields.map { resolver.features(of: $0, in: inner, file: file) }
        #expect(features.map(\.fieldPresence) == ["IMPLICIT", "EXPLICIT", "IMPLICIT", "IMPLICIT"])
        #expect(features[2].repeatedFieldEncoding == "EXPANDED")
        #expect(features[3].utf8Validation == "NONE")
        #expect(resolver.features(of: try #require(schema.enumType("E")), in: file).enumType == "CLOSED")
        #expect(resolver.hasPresence(inner.fields[0], in: inner, file: file) == false)
        #expect(resolver.hasPresence(inner.fields[1], in: inner, file: file) == true)
    }

    @Test func proto2AndProto3ImplyTheirFeatures() throws {
        let (resolver2, schema2) = try resolve(
            """
            syntax = "proto2";
            message M {
              required int32 a = 1;
              optional group G = 2 { optional int32 x = 1; }
              repeated int32 p = 3 [packed = true];
              repeated int32 e = 4;
            }
            enum E { A = 1; }
            """)
        let file2 = try #require(schema2.file(named: "test.proto"))
        let m2 = try #require(schema2.message("M"))
        let f2 = m2.fields.map { resolver2.features(of: $0, in: m2, file: file2) }
        #expect(f2[0].fieldPresence == "LEGACY_REQUIRED")
        #expect(f2[1].messageEncoding == "DELIMITED")
        #expect(f2.map(\.repeatedFieldEncoding) == ["EXPANDED", "EXPANDED", "PACKED", "EXPANDED"])
        #expect(resolver2.features(of: try #require(schema2.enumType("E")), in: file2).enumType == "CLOSED")

        let (resolver3, schema3) = try resolve(
            """
            syntax = "proto3";
            message M { int32 a = 1; optional int32 b = 2; repeated int32 c = 3; repeated int32 d = 4 [packed = false]; }
            """)
        let file3 = try #require(schema3.file(named: "test.proto"))
        let m3 = try #require(schema3.message("M"))
        let f3 = m3.fields.map { resolver3.features(of: $0, in: m3, file: file3) }
        #expect(f3.map(\.fieldPresence) == ["IMPLICIT", "EXPLICIT", "IMPLICIT", "IMPLICIT"])
        #expect(f3.map(\.repeatedFieldEncoding) == ["PACKED", "PACKED", "PACKED", "EXPANDED"])
        #expect(f3[0].jsonFormat == "ALLOW")
    }
}
