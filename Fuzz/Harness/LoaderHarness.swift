import DistlangCore
import DistlangLoader

/// The YAML and JSON loaders on arbitrary bytes.
///
/// Properties: loading ends (libFuzzer's timeout catches a hang); errors are located; a failed load
/// has no document and a good one has at least one; diagnostics render in every format; every value
/// has a node in the source map; and each loaded value survives a JSON and a YAML rendering.
enum LoaderHarness {
    static func yaml(_ bytes: [UInt8]) {
        let single = Loader.load(bytes: bytes, file: "fuzz.yaml", format: .yaml)
        check(single, "fuzz.yaml", "YAML loader")
        // A stream of several documents is an error for a spec; `validate --schema` accepts it.
        if single.diagnostics.contains(where: { $0.code == "yaml.multiple-documents" }) {
            let stream = Loader.load(bytes: bytes, file: "fuzz.yaml", format: .yaml, options: LoadOptions(allowMultipleDocuments: true))
            check(stream, "fuzz.yaml", "YAML loader (multi-document)")
        }
    }

    static func json(_ bytes: [UInt8]) {
        check(Loader.load(bytes: bytes, file: "fuzz.json", format: .json), "fuzz.json", "JSON loader")
    }

    private static func check(_ result: LoadResult, _ file: String, _ stage: String) {
        Properties.errorsLocated(result.diagnostics, stage)
        Properties.diagnosticsRender(result.diagnostics, sources: [(file, result.text)])
        if result.diagnostics.hasErrors {
            FuzzFailure.check(result.document == nil, "\(stage): a failed load has no document")
            return
        }
        FuzzFailure.check(!result.documents.isEmpty, "\(stage): a load without errors has a document")
        for document in result.documents {
            Properties.everyValueLocated(document)
            Properties.valueRoundTrips(document.value)
        }
    }
}
