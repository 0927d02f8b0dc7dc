import DistlangLoader
import DistlangRuntime
import DistlangSpec

/// The files `distlang init` writes: the JavaScript starter, or with `--typescript` the TypeScript one
/// and its `distlang-env.d.ts`, generated from the starter spec as `distlang types` would.
enum StarterFiles {
    static func files(appName: String, typescript: Bool) -> [(path: String, contents: String)] {
        guard typescript else { return Starter.files(appName: appName) }
        let files = TypeScriptStarter.files(appName: appName)
        let spec = files.first { $0.path == "distlang.yaml" }!.contents
        var compiler = SpecCompiler()
        compiler.checkSourceFiles = false
        let compiled = compiler.compile(
            loaded: Loader.load(text: spec, file: "distlang.yaml", format: .yaml), file: "distlang.yaml",
            specDirectory: ".")
        // The starter spec is valid (a test builds it), so its declarations always exist.
        let declarations = (try? EnvDeclarations.generate(compiled.models, specFileName: "distlang.yaml").get()) ?? ""
        return files + [(EnvDeclarations.defaultFileName, declarations)]
    }
}
