import Foundation
import ProtoFrontEnd
import ProtoModel
import SwiftProtobuf

/// Writes a schema as a binary FileDescriptorSet, as `protoc --descriptor_set_out` and
/// `buf build -o` do: files in dependency order (each after the files it imports), type names
/// fully qualified with a leading dot, every field's JSON name, options encoded against
/// descriptor.proto and the schema's custom options. The same schema gives the same bytes.
public enum DescriptorSetWriter {
    /// A schema that cannot be written (an option value that does not fit its declared type).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "error: cannot write the descriptor set: \(message)" }
    }

    /// Whether and how to write where declarations are (`SourceInfoWriter`).
    public enum SourceInfo: Sendable {
        /// No source info, as protoc writes by default.
        case none
        /// Each declaration's location; columns are counted in the files' texts read from `texts`
        /// (as protoc counts them: a tab to the next multiple of 8), or in bytes where a text is missing.
        case locations(texts: (any SourceProvider)?)
    }

    /// The set of `files` (by name; all of the schema's when nil) and, with `includeImports`, every
    /// file they import, directly or not.
    public static func write(
        _ schema: Schema, files named: [String]? = nil, includeImports: Bool, sourceInfo: SourceInfo = .none
    ) throws(Failure) -> [UInt8] {
        var set = Google_Protobuf_FileDescriptorSet()
        set.file = try descriptors(schema, files: named, includeImports: includeImports, sourceInfo: sourceInfo)
        do {
            return try set.serializedBytes()
        } catch {
            throw Failure(message: "\(error)")
        }
    }

    /// The file descriptors `write` puts in the set, in its order.
    public static func descriptors(
        _ schema: Schema, files named: [String]? = nil, includeImports: Bool, sourceInfo: SourceInfo = .none
    ) throws(Failure)
        -> [Google_Protobuf_FileDescriptorProto]
    {
        var byName: [String: ProtoFile] = [:]
        for file in schema.files { byName[file.name] = file }
        let roots = (named ?? schema.files.map(\.name)).sorted()
        // Each file after its imports (depth first, in import order), as protoc writes them.
        var ordered: [ProtoFile] = []
        var seen = Set<String>()
        func visit(_ name: String, isRoot: Bool) {
            guard let file = byName[name], seen.insert(name).inserted else { return }
            if includeImports {
                for dependency in file.imports { visit(dependency.path, isRoot: false) }
            }
            if isRoot || includeImports { ordered.append(file) }
        }
        for name in roots { visit(name, isRoot: true) }
        var index = SchemaIndex(schema)
        if byName["google/protobuf/descriptor.proto"] == nil, let builtIn = WellKnownTypes.files["google/protobuf/descriptor.proto"] {
            index.add(builtIn)
        }
        let encoder = OptionWireEncoder(index: index)
        do {
            return try ordered.map { file in
                var proto = try FileDescriptorBuilder(options: encoder).file(file)
                if case .locations(let texts) = sourceInfo {
                    let text = try? texts?.read(file.name)
                    proto.sourceCodeInfo = SourceInfoWriter.sourceInfo(of: file, text: text ?? nil)
                }
                return proto
            }
        } catch let error as OptionWireEncoder.Unencodable {
            throw Failure(message: error.description)
        } catch {
            throw Failure(message: "\(error)")
        }
    }
}

/// Converts one model file to a FileDescriptorProto (the reverse of `DescriptorSetReader.convert`).
struct FileDescriptorBuilder {
    let options: OptionWireEncoder

    func file(_ file: ProtoFile) throws -> Google_Protobuf_FileDescriptorProto {
        var proto = Google_Protobuf_FileDescriptorProto()
        proto.name = file.name
        if !file.package.isEmpty { proto.package = file.package }
        let dependencies = file.imports.filter { $0.kind != .option }
        proto.dependency = dependencies.map(\.path)
        proto.publicDependency = dependencies.indices.filter { dependencies[$0].kind == .public }.map(Int32.init)
        proto.weakDependency = dependencies.indices.filter { dependencies[$0].kind == .weak }.map(Int32.init)
        proto.optionDependency = file.imports.filter { $0.kind == .option }.map(\.path)
        proto.messageType = try file.messages.map(message)
        proto.enumType = try file.enums.map(enumType)
        proto.service = try file.services.map(service)
        proto.extension = try file.extensions.map(field)
        if !file.options.isEmpty { proto.options = try decode(file.options, "FileOptions") }
        switch file.syntax {
        case .proto2: break
        case .proto3: proto.syntax = "proto3"
        case .editions:
            proto.syntax = "editions"
            proto.edition = Self.edition(file.edition)
        }
        return proto
    }

    static func edition(_ name: String?) -> Google_Protobuf_Edition {
        switch name {
        case "2023"?: .edition2023
        case "2024"?: .edition2024
        case "2026"?: .edition2026
        case "UNSTABLE"?: .unstable
        default: Int(name ?? "").flatMap(Google_Protobuf_Edition.init(rawValue:)) ?? .unknown
        }
    }

    /// An options message of descriptor.proto's type `type`, from its encoded model.
    func decode<M: SwiftProtobuf.Message>(_ model: OptionMessage, _ type: String) throws -> M {
        try M(serializedBytes: try options.encode(model, type: "google.protobuf." + type))
    }

    func message(_ message: ProtoModel.Message) throws -> Google_Protobuf_DescriptorProto {
        var proto = Google_Protobuf_DescriptorProto()
        proto.name = message.name
        proto.field = try message.fields.map(field)
        proto.extension = try message.extensions.map(field)
        proto.nestedType = try message.nestedMessages.map(self.message)
        proto.enumType = try message.enums.map(enumType)
        proto.extensionRange = Self.ranges(message.extensionRanges)
        for (i, range) in message.extensionRanges.enumerated() where !range.options.isEmpty {
            proto.extensionRange[i].options = try decode(range.options, "ExtensionRangeOptions")
        }
        proto.oneofDecl = try message.oneofs.map { oneof in
            var o = Google_Protobuf_OneofDescriptorProto()
            o.name = oneof.name
            if !oneof.options.isEmpty { o.options = try decode(oneof.options, "OneofOptions") }
            return o
        }
        if !message.options.isEmpty { proto.options = try decode(message.options, "MessageOptions") }
        proto.reservedRange = Self.ranges(message.reservedRanges)
        proto.reservedName = message.reservedNames
        if let visibility = message.visibility { proto.visibility = Self.visibility(visibility) }
        return proto
    }

    func field(_ field: Field) throws -> Google_Protobuf_FieldDescriptorProto {
        var proto = Google_Protobuf_FieldDescriptorProto()
        proto.name = field.name
        proto.number = field.number
        proto.label = Google_Protobuf_FieldDescriptorProto.Label(rawValue: field.label.rawValue) ?? .optional
        proto.type = Google_Protobuf_FieldDescriptorProto.TypeEnum(rawValue: field.type.rawValue) ?? .message
        if let typeName = field.typeName { proto.typeName = "." + typeName }
        if let extendee = field.extendee { proto.extendee = "." + extendee }
        if let defaultValue = field.defaultValue { proto.defaultValue = defaultValue }
        if let oneofIndex = field.oneofIndex { proto.oneofIndex = oneofIndex }
        proto.jsonName = field.jsonName
        if !field.options.isEmpty { proto.options = try decode(field.options, "FieldOptions") }
        if field.proto3Optional { proto.proto3Optional = true }
        return proto
    }

    func enumType(_ e: EnumType) throws -> Google_Protobuf_EnumDescriptorProto {
        var proto = Google_Protobuf_EnumDescriptorProto()
        proto.name = e.name
        proto.value = try e.values.map { value in
            var v = Google_Protobuf_EnumValueDescriptorProto()
            v.name = value.name
            v.number = value.number
            if !value.options.isEmpty { v.options = try decode(value.options, "EnumValueOptions") }
            return v
        }
        if !e.options.isEmpty { proto.options = try decode(e.options, "EnumOptions") }
        proto.reservedRange = Self.ranges(e.reservedRanges)
        proto.reservedName = e.reservedNames
        if let visibility = e.visibility { proto.visibility = Self.visibility(visibility) }
        return proto
    }

    func service(_ service: Service) throws -> Google_Protobuf_ServiceDescriptorProto {
        var proto = Google_Protobuf_ServiceDescriptorProto()
        proto.name = service.name
        proto.method = try service.methods.map { method in
            var m = Google_Protobuf_MethodDescriptorProto()
            m.name = method.name
            m.inputType = "." + method.inputType
            m.outputType = "." + method.outputType
            if !method.options.isEmpty { m.options = try decode(method.options, "MethodOptions") }
            if method.clientStreaming { m.clientStreaming = true }
            if method.serverStreaming { m.serverStreaming = true }
            return m
        }
        if !service.options.isEmpty { proto.options = try decode(service.options, "ServiceOptions") }
        return proto
    }

    /// Number ranges as a descriptor's range messages (reserved, extension), bounds as the model
    /// keeps them (the descriptor's own: end exclusive for messages, inclusive for enums).
    static func ranges<R: RangeDescriptor>(_ ranges: [NumberRange]) -> [R] {
        ranges.map { range in
            var r = R()
            r.start = range.start
            r.end = range.end
            return r
        }
    }

    static func visibility(_ visibility: SymbolVisibility) -> Google_Protobuf_SymbolVisibility {
        switch visibility {
        case .local: .visibilityLocal
        case .export: .visibilityExport
        }
    }
}

/// The range messages of descriptor.proto: a start and an end.
protocol RangeDescriptor {
    init()
    var start: Int32 { get set }
    var end: Int32 { get set }
}

extension Google_Protobuf_DescriptorProto.ReservedRange: RangeDescriptor {}
extension Google_Protobuf_DescriptorProto.ExtensionRange: RangeDescriptor {}
extension Google_Protobuf_EnumDescriptorProto.EnumReservedRange: RangeDescriptor {}
