import ProtoModel
import SwiftProtobuf

/// Writes where a file's declarations are, as protoc's `SourceCodeInfo` (`--include_source_info`):
/// one location for each declaration the model keeps a place for (each import, message, field,
/// oneof, enum, enum value, service, method and extension), with its span and its leading, trailing
/// and detached comments, in source order.
///
/// protoc also writes locations for the parts of a declaration (a field's label, type, name and
/// number, each option statement, each reserved range), for the syntax and package statements
/// (with the comments before `syntax`) and for the whole file; the model does not keep those
/// places, so they are not written. Every location that is written equals protoc's
/// (`ci/descriptor-equivalence.py --source-info` holds it to protoc on the corpora).
struct SourceInfoWriter {
    /// protoc's tokenizer moves a tab to the next multiple of 8 columns.
    static let tabWidth = 8

    /// The file's text, for counting columns as protoc does; without it, columns count bytes.
    let text: [UInt8]?
    private var entries: [(start: Int, end: Int, rank: Int, sequence: Int, location: Google_Protobuf_SourceCodeInfo.Location)] = []

    init(text: [UInt8]?) {
        self.text = text
    }

    /// The locations of `file`'s declarations.
    static func sourceInfo(of file: ProtoFile, text: [UInt8]?) -> Google_Protobuf_SourceCodeInfo {
        var writer = SourceInfoWriter(text: text)
        // The syntax and package statements are left out: the model keeps where the version string
        // and the package name are, not the whole statements protoc's locations span.
        let dependencies = file.imports.filter { $0.kind != .option }
        for (index, dependency) in dependencies.enumerated() { writer.add([3, Int32(index)], dependency.span, dependency.comments) }
        for (index, dependency) in file.imports.filter({ $0.kind == .option }).enumerated() {
            writer.add([15, Int32(index)], dependency.span, dependency.comments)
        }
        for (index, message) in file.messages.enumerated() { writer.add(message, at: [4, Int32(index)]) }
        for (index, e) in file.enums.enumerated() { writer.add(e, at: [5, Int32(index)]) }
        for (index, service) in file.services.enumerated() {
            let path: [Int32] = [6, Int32(index)]
            writer.add(path, service.span, service.comments)
            for (m, method) in service.methods.enumerated() { writer.add(path + [2, Int32(m)], method.span, method.comments) }
        }
        for (index, field) in file.extensions.enumerated() { writer.add([7, Int32(index)], field.span, field.comments, isField: true) }
        var info = Google_Protobuf_SourceCodeInfo()
        // Source order; an enclosing declaration before what it holds; a group's field before its
        // type (the two share their span), as protoc records them.
        info.location = writer.entries.sorted { a, b in
            (a.start, b.end, a.rank, a.sequence) < (b.start, a.end, b.rank, b.sequence)
        }.map(\.location)
        return info
    }

    private mutating func add(_ message: ProtoModel.Message, at path: [Int32]) {
        // A map's entry type is made by the compiler, not declared: protoc gives it no location.
        if message.isMapEntry { return }
        add(path, message.span, message.comments)
        for (index, field) in message.fields.enumerated() { add(path + [2, Int32(index)], field.span, field.comments, isField: true) }
        for (index, nested) in message.nestedMessages.enumerated() { add(nested, at: path + [3, Int32(index)]) }
        for (index, e) in message.enums.enumerated() { add(e, at: path + [4, Int32(index)]) }
        for (index, field) in message.extensions.enumerated() { add(path + [6, Int32(index)], field.span, field.comments, isField: true) }
        for (index, oneof) in message.oneofs.enumerated() {
            // A proto3 `optional` field's oneof is made by the compiler: protoc gives it no location.
            let fields = message.fields.filter { $0.oneofIndex == Int32(index) }
            if !fields.isEmpty, fields.allSatisfy(\.proto3Optional) { continue }
            add(path + [8, Int32(index)], oneof.span, oneof.comments)
        }
    }

    private mutating func add(_ e: EnumType, at path: [Int32]) {
        add(path, e.span, e.comments)
        for (index, value) in e.values.enumerated() { add(path + [2, Int32(index)], value.span, value.comments) }
    }

    private mutating func add(_ path: [Int32], _ span: SourceSpan?, _ comments: Comments?, isField: Bool = false) {
        guard let span, !span.file.isEmpty else { return }
        var location = Google_Protobuf_SourceCodeInfo.Location()
        location.path = path
        let startColumn = column(atOffset: span.offset, byteColumn: span.column)
        let endColumn = column(atOffset: span.endOffset, byteColumn: span.endColumn)
        location.span =
            span.endLine == span.line
            ? [Int32(span.line - 1), Int32(startColumn), Int32(endColumn)]
            : [Int32(span.line - 1), Int32(startColumn), Int32(span.endLine - 1), Int32(endColumn)]
        if let leading = comments?.leading { location.leadingComments = leading }
        if let trailing = comments?.trailing { location.trailingComments = trailing }
        location.leadingDetachedComments = comments?.detached ?? []
        entries.append((span.offset, span.endOffset, isField ? 0 : 1, entries.count, location))
    }

    /// protoc's 0-based column of the byte at `offset`: bytes count one, a tab moves to the next
    /// multiple of 8. Without the text (or past its end), the byte column.
    func column(atOffset offset: Int, byteColumn: Int) -> Int {
        guard let text, offset <= text.count, offset >= byteColumn - 1 else { return byteColumn - 1 }
        let lineStart = offset - (byteColumn - 1)
        var column = 0
        for index in lineStart..<offset {
            column = text[index] == UInt8(ascii: "\t") ? column + Self.tabWidth - column % Self.tabWidth : column + 1
        }
        return column
    }
}
