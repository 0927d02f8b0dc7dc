import DistlangCore
import DistlangModel
import DistlangRender

/// One template document as the text of both formats (the same document: YAML through
/// `YAMLRenderer`, JSON through `JSONWriter`).
struct CFNRendering: Sendable {
    var yaml: String
    var json: String

    init(_ document: Value) {
        yaml = Self.text(document, .yaml)
        json = Self.text(document, .json)
    }

    static func text(_ document: Value, _ format: CloudFormationFormat) -> String {
        format == .yaml ? YAMLRenderer().render(document) : JSONWriter().string(document) + "\n"
    }

    func text(_ format: CloudFormationFormat) -> String { format == .yaml ? yaml : json }

    /// Byte sizes of both renderings: CloudFormation's body limit applies to whichever is deployed.
    var sizes: [Int] { [yaml.utf8.count, json.utf8.count] }
}
