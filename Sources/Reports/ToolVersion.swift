/// protocompat's version: the one place it is written. `--version`, SARIF's tool version and the
/// Python wheel (`ci/build-wheel.sh` asks the binary) all read it.
public enum ToolVersion {
    public static let current = "0.1.0"
}
