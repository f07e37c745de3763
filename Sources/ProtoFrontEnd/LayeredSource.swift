/// Tries several sources in order (for example a git tree first, then include roots on disk).
public struct LayeredSource: SourceProvider {
    public var layers: [any SourceProvider]

    public init(_ layers: [any SourceProvider]) { self.layers = layers }

    public func read(_ importPath: String) throws -> [UInt8]? {
        for layer in layers {
            if let bytes = try layer.read(importPath) { return bytes }
        }
        return nil
    }
}
