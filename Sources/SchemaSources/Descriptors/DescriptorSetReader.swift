import Foundation
import ProtoFrontEnd
import ProtoModel
import SwiftProtobuf

/// Reads a binary FileDescriptorSet (as written by `protoc --descriptor_set_out` or `buf build -o`)
/// into the model. Options are decoded against descriptor.proto and the extensions in the set, so the
/// result equals what the .proto front end produces for the same files (less source info).
public enum DescriptorSetReader {
    /// A descriptor set that cannot be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String

        public var description: String { "\(path): error: \(message)" }
    }

    /// Reads the set in `bytes`; `path` names it in errors.
    public static func read(_ bytes: [UInt8], path: String) throws(Failure) -> Schema {
        let set: Google_Protobuf_FileDescriptorSet
        do {
            set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
        } catch {
            throw Failure(
                path: path,
                message:
                    "not a valid FileDescriptorSet (\(error)); write one with 'protoc --include_imports --descriptor_set_out=FILE' or 'buf build -o FILE.binpb'"
            )
        }
        return try read(set.file, path: path)
    }

    /// Converts file descriptors (e.g. from a set, or embedded in generated Python code) to the model.
    public static func read(_ protos: [Google_Protobuf_FileDescriptorProto], path: String) throws(Failure) -> Schema {
        var names = Set<String>()
        var files: [ProtoFile] = []
        for proto in protos {
            guard names.insert(proto.name).inserted else {
                throw Failure(path: path, message: "file \"\(proto.name)\" appears twice in the descriptor set")
            }
            files.append(convert(proto))
        }
        // Options are decoded once every file is known, with descriptor.proto from the set or built in.
        var index = SchemaIndex()
        if !names.contains("google/protobuf/descriptor.proto"), let builtIn = WellKnownTypes.files["google/protobuf/descriptor.proto"] {
            index.add(builtIn)
        }
        do {
            // Twice: the second pass sees the options of the definitions themselves
            // (message_set_wire_format, packed), which the first pass decodes.
            for _ in 0..<2 {
                var pass = index
                for file in files { pass.add(file) }
                let decoding = OptionDecoding(decoder: OptionWireDecoder(index: pass))
                for i in files.indices { try decoding.apply(protos[i], to: &files[i]) }
            }
        } catch {
            throw Failure(path: path, message: "cannot decode options: \(error)")
        }
        return Schema(files: files)
    }

    static func stripDot(_ name: String) -> String { name.hasPrefix(".") ? String(name.dropFirst()) : name }

    static func convert(_ proto: Google_Protobuf_FileDescriptorProto) -> ProtoFile {
        var file = ProtoFile(name: proto.name, package: proto.package)
        switch proto.syntax {
        case "proto3": file.syntax = .proto3
        case "editions":
            file.syntax = .editions
            file.edition = editionName(proto.edition)
        default: file.syntax = .proto2
        }
        let publicIndexes = Set(proto.publicDependency)
        let weakIndexes = Set(proto.weakDependency)
        file.imports =
            proto.dependency.enumerated().map { i, path in
                Import(path: path, kind: publicIndexes.contains(Int32(i)) ? .public : weakIndexes.contains(Int32(i)) ? .weak : .normal)
            } + proto.optionDependency.map { Import(path: $0, kind: .option) }
        file.messages = proto.messageType.map { message($0, scope: proto.package) }
        file.enums = proto.enumType.map { enumType($0, scope: proto.package) }
        file.extensions = proto.extension.map(field)
        file.services = proto.service.map { s in
            let fullName = NameRules.qualify(proto.package, s.name)
            return Service(
                name: s.name, fullName: fullName,
                methods: s.method.map { m in
                    Method(
                        name: m.name, inputType: stripDot(m.inputType), outputType: stripDot(m.outputType),
                        clientStreaming: m.clientStreaming, serverStreaming: m.serverStreaming)
                })
        }
        return file
    }

    static func editionName(_ edition: Google_Protobuf_Edition) -> String {
        switch edition {
        case .edition2023: "2023"
        case .edition2024: "2024"
        case .edition2026: "2026"
        case .unstable: "UNSTABLE"
        case .proto2: "proto2"
        case .proto3: "proto3"
        default: "\(edition.rawValue)"
        }
    }

    static func message(_ proto: Google_Protobuf_DescriptorProto, scope: String) -> ProtoModel.Message {
        let fullName = NameRules.qualify(scope, proto.name)
        var result = ProtoModel.Message(name: proto.name, fullName: fullName)
        result.fields = proto.field.map(field)
        result.oneofs = proto.oneofDecl.map { Oneof(name: $0.name) }
        result.nestedMessages = proto.nestedType.map { message($0, scope: fullName) }
        result.enums = proto.enumType.map { enumType($0, scope: fullName) }
        result.extensions = proto.extension.map(field)
        result.extensionRanges = proto.extensionRange.map { NumberRange(start: $0.start, end: $0.end) }
        result.reservedRanges = proto.reservedRange.map { NumberRange(start: $0.start, end: $0.end) }
        result.reservedNames = proto.reservedName
        result.visibility = visibility(proto.hasVisibility, proto.visibility)
        return result
    }

    static func field(_ proto: Google_Protobuf_FieldDescriptorProto) -> Field {
        Field(
            name: proto.name, number: proto.number,
            label: FieldLabel(rawValue: proto.label.rawValue) ?? .optional,
            type: FieldType(rawValue: proto.type.rawValue) ?? .message,
            typeName: proto.hasTypeName ? stripDot(proto.typeName) : nil,
            extendee: proto.hasExtendee ? stripDot(proto.extendee) : nil,
            defaultValue: proto.hasDefaultValue ? proto.defaultValue : nil,
            oneofIndex: proto.hasOneofIndex ? proto.oneofIndex : nil,
            jsonName: proto.hasJsonName ? proto.jsonName : NameRules.jsonName(proto.name),
            proto3Optional: proto.proto3Optional)
    }

    static func enumType(_ proto: Google_Protobuf_EnumDescriptorProto, scope: String) -> EnumType {
        EnumType(
            name: proto.name, fullName: NameRules.qualify(scope, proto.name),
            values: proto.value.map { EnumValue(name: $0.name, number: $0.number) },
            reservedRanges: proto.reservedRange.map { NumberRange(start: $0.start, end: $0.end) },
            reservedNames: proto.reservedName,
            visibility: visibility(proto.hasVisibility, proto.visibility))
    }

    static func visibility(_ has: Bool, _ value: Google_Protobuf_SymbolVisibility) -> SymbolVisibility? {
        guard has else { return nil }
        switch value {
        case .visibilityLocal: return .local
        case .visibilityExport: return .export
        default: return nil
        }
    }
}

/// Walks a descriptor and its model side by side, decoding every options message.
struct OptionDecoding {
    let decoder: OptionWireDecoder

    func options<M: SwiftProtobuf.Message>(_ message: M, has: Bool, type: String) throws -> OptionMessage {
        guard has else { return OptionMessage() }
        let bytes: [UInt8] = try message.serializedBytes()
        return try decoder.decode(bytes, type: "google.protobuf." + type)
    }

    func apply(_ proto: Google_Protobuf_FileDescriptorProto, to file: inout ProtoFile) throws {
        file.options = try options(proto.options, has: proto.hasOptions, type: "FileOptions")
        for i in file.messages.indices { try apply(proto.messageType[i], to: &file.messages[i]) }
        for i in file.enums.indices { try apply(proto.enumType[i], to: &file.enums[i]) }
        for i in file.extensions.indices {
            file.extensions[i].options = try options(proto.extension[i].options, has: proto.extension[i].hasOptions, type: "FieldOptions")
        }
        for i in file.services.indices {
            let s = proto.service[i]
            file.services[i].options = try options(s.options, has: s.hasOptions, type: "ServiceOptions")
            for m in file.services[i].methods.indices {
                file.services[i].methods[m].options = try options(s.method[m].options, has: s.method[m].hasOptions, type: "MethodOptions")
            }
        }
    }

    func apply(_ proto: Google_Protobuf_DescriptorProto, to message: inout ProtoModel.Message) throws {
        message.options = try options(proto.options, has: proto.hasOptions, type: "MessageOptions")
        for i in message.fields.indices {
            message.fields[i].options = try options(proto.field[i].options, has: proto.field[i].hasOptions, type: "FieldOptions")
        }
        for i in message.extensions.indices {
            message.extensions[i].options = try options(proto.extension[i].options, has: proto.extension[i].hasOptions, type: "FieldOptions")
        }
        for i in message.oneofs.indices {
            message.oneofs[i].options = try options(proto.oneofDecl[i].options, has: proto.oneofDecl[i].hasOptions, type: "OneofOptions")
        }
        for i in message.extensionRanges.indices {
            message.extensionRanges[i].options = try options(
                proto.extensionRange[i].options, has: proto.extensionRange[i].hasOptions, type: "ExtensionRangeOptions")
        }
        for i in message.nestedMessages.indices { try apply(proto.nestedType[i], to: &message.nestedMessages[i]) }
        for i in message.enums.indices { try apply(proto.enumType[i], to: &message.enums[i]) }
    }

    func apply(_ proto: Google_Protobuf_EnumDescriptorProto, to e: inout EnumType) throws {
        e.options = try options(proto.options, has: proto.hasOptions, type: "EnumOptions")
        for i in e.values.indices {
            e.values[i].options = try options(proto.value[i].options, has: proto.value[i].hasOptions, type: "EnumValueOptions")
        }
    }
}
