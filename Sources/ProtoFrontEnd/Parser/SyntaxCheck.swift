import ProtoModel

/// The lexer and parser alone, over one file's bytes: no imports, no linking, no options. What the
/// fast front-end fuzz target drives (`FuzzTargets.parser`), so that millions of inputs reach the
/// code that reads untrusted text first.
public enum SyntaxCheck {
    /// Every syntax problem in the file (empty when it parses).
    public static func diagnostics(of bytes: [UInt8], file: String) -> [Diagnostic] {
        Parser.parse(file: file, bytes: bytes).1
    }
}
