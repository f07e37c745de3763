/// Parts that can start empty (every part unset).
public protocol SparseParts: Sendable {
    init()
}

/// The rarely written parts of a value, kept out of line: one reference, nil until a part is
/// written, so that a value most of whose instances leave the parts empty stays small (the front
/// end's field nodes: a version's nodes are all held between parsing and linking). The parts live
/// in an immutable box shared by copies; writing one makes a changed copy in a new box.
public struct Sparse<Parts: SparseParts>: Sendable {
    @usableFromInline final class Box: Sendable {
        @usableFromInline let parts: Parts
        @usableFromInline init(_ parts: Parts) { self.parts = parts }
    }

    @usableFromInline var box: Box?

    @inlinable public init() {}

    /// The parts, or nil when none has been written.
    @inlinable public var parts: Parts? { box?.parts }

    /// One optional part; nil until written.
    @inlinable
    public subscript<Part>(_ part: WritableKeyPath<Parts, Part?>) -> Part? {
        get { box?.parts[keyPath: part] }
        set { change { $0[keyPath: part] = newValue } }
    }

    /// Changes the parts (in a new box: boxes are shared by copies, so never written to).
    @inlinable
    public mutating func change(_ body: (inout Parts) -> Void) {
        var parts = box?.parts ?? Parts()
        body(&parts)
        box = Box(parts)
    }
}
