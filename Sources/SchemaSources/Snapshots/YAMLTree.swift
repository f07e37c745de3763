import ProtoModel
import YAML

extension TreeValue {
    /// A YAML document as plain values, scalars typed as YAML 1.2 readers type them (quoted: strings; plain:
    /// null, booleans and numbers where the core schema says so, as
    /// `YAMLScalar` reads them), for `TreeDecoder`.
    public init(yaml: YAMLNode) {
        switch yaml {
        case .scalar(let text, let quoted):
            if quoted {
                self = .string(text)
                return
            }
            switch YAMLScalar.implicitValue(text) {
            case .null?: self = .null
            case .bool(let flag)?: self = .bool(flag)
            case .int(let int)?: self = .number(String(int))
            case .double(let double)?: self = .number("\(double)")
            case nil: self = .string(text)
            }
        case .sequence(let items): self = .array(items.map(TreeValue.init(yaml:)))
        case .mapping(let pairs): self = .object(pairs.map { (key: $0.key, value: TreeValue(yaml: $0.value)) })
        }
    }
}
