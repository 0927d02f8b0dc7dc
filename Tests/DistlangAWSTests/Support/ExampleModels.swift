import DistlangModel

/// The repository's examples that target AWS, once the spec stage compiles them (see
/// ExampleGoldenTests); empty until then.
enum ExampleModels {
    static func all() -> [(String, [AppModel])] { [] }
}
