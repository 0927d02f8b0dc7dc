import DistlangBuild
import DistlangCore
import DistlangLoader
import DistlangModel
import DistlangSpec

/// The whole pipeline in memory: bytes -> load -> validate (schema, environments, semantic checks)
/// -> build every target and format -> manifest -> diff. Nothing is written to disk.
///
/// Properties, on top of "ends without crashing":
/// - output paths are relative, normalised and unique;
/// - no input adds a resource to an output: each Terraform file has exactly as many `resource`
///   blocks as the manifest lists for it (and the `data` blocks it lists), and each CloudFormation
///   template as many `Resources`;
/// - each CloudFormation template's YAML and JSON load (with distlang's loaders) to the same value;
/// - the manifest survives decoding and encoding again, and diffs as empty against itself;
/// - diffs against a fixed earlier build render as text, markdown and JSON (valid JSON).
enum PipelineHarness {
    static func run(_ bytes: [UInt8]) {
        let loaded = Loader.load(bytes: bytes, file: "distlang.yaml", format: .yaml)
        guard let document = loaded.document else { return }
        let compiled = SpecCompiler.shipped.compile(document: document, specDirectory: nil)
        Properties.errorsLocated(compiled.diagnostics, "spec compiler")
        guard !compiled.hasErrors, !compiled.models.isEmpty else { return }
        let text = loaded.text ?? ""
        guard let plan = build(compiled.models, text) else { return }
        Properties.diagnosticsRender(plan.diagnostics, sources: [("distlang.yaml", text)])
        pathsAreSafe(plan)
        terraformBlocksMatchManifest(plan)
        cloudFormationAgrees(plan)
        manifestRoundTrips(plan.manifest)
    }

    static func build(_ models: [AppModel], _ text: String) -> BuildPlan? {
        let request = BuildRequest(cloudFormationFormats: [.yaml, .json])
        do {
            return try Builder(emitters: TargetEmitters.all).plan(models: models, specFile: "distlang.yaml", specText: text, request: request)
        } catch {
            FuzzFailure.fail("a build of every environment and target is a valid request", "\(error)")
        }
    }

    static func pathsAreSafe(_ plan: BuildPlan) {
        var seen = Set<String>()
        for (file, _) in plan.files {
            let p = file.path
            let parts = p.split(separator: "/", omittingEmptySubsequences: false)
            FuzzFailure.check(
                !p.hasPrefix("/") && !parts.contains("..") && !parts.contains(".") && !parts.contains(""),
                "output paths are relative and normalised", p)
            FuzzFailure.check(!p.contains("\0") && !p.contains("\n"), "output paths have no NUL or newline", p)
            FuzzFailure.check(seen.insert(p).inserted, "output paths are unique", p)
        }
    }

    /// Every `resource` block is in the manifest and every manifest resource has its block; data
    /// sources the manifest lists (`data.aws_iam_policy_document…`) have their `data` blocks too.
    static func terraformBlocksMatchManifest(_ plan: BuildPlan) {
        var listed: [String: Int] = [:], listedData: [String: Int] = [:]
        for r in plan.manifest.resources where r.format == "terraform" {
            if r.type.hasPrefix("data.") { listedData[r.file, default: 0] += 1 } else { listed[r.file, default: 0] += 1 }
        }
        for (file, _) in plan.files where file.path.hasSuffix(".tf") {
            let lines = file.contents.split(separator: "\n")
            let blocks = lines.filter { $0.hasPrefix("resource \"") }.count
            let dataBlocks = lines.filter { $0.hasPrefix("data \"") }.count
            FuzzFailure.check(
                blocks == listed[file.path, default: 0], "a Terraform file has the resource blocks the manifest lists",
                "\(file.path): \(blocks) blocks, manifest \(listed[file.path, default: 0])\n\(file.contents)")
            FuzzFailure.check(
                dataBlocks >= listedData[file.path, default: 0], "a Terraform file has the data blocks the manifest lists",
                "\(file.path): \(dataBlocks) data blocks, manifest \(listedData[file.path, default: 0])")
        }
    }

    static func cloudFormationAgrees(_ plan: BuildPlan) {
        var yaml: [String: Value] = [:], json: [String: Value] = [:]
        for (file, _) in plan.files where file.path.hasPrefix("aws/cloudformation/") && !file.contents.contains("\\u0000") {
            let stem = String(file.path.dropLast(5))  // without ".yaml" or ".json"
            if file.path.hasSuffix(".json") {
                json[stem] = Properties.reloadsAsJSON(file.contents, file.path)
            } else if file.path.hasSuffix(".yaml") {
                let loaded = Loader.load(text: file.contents, file: file.path, format: .yaml)
                guard let document = loaded.document else {
                    FuzzFailure.fail("a CloudFormation YAML template loads", "\(loaded.diagnostics.map(\.message))\n\(file.contents)")
                }
                yaml[stem] = document.value
            }
        }
        for (stem, value) in json {
            if let other = yaml[stem] {
                FuzzFailure.check(
                    withoutTemplateExtensions(other) == withoutTemplateExtensions(value), "a template's YAML and JSON are the same value",
                    stem)
            }
        }
        for (stem, value) in yaml.merging(json, uniquingKeysWith: { a, _ in a }) {
            let resources = value["Resources"]?.objectValue?.count ?? 0
            let listed = plan.manifest.resources.filter {
                $0.format == "cloudformation" && ($0.file == stem + ".yaml" || $0.file == stem + ".json")
            }.count
            FuzzFailure.check(
                resources == listed, "a template has the resources the manifest lists", "\(stem): \(resources) vs \(listed)")
        }
    }

    /// A parent template names its nested stacks' files in its own format (`TemplateURL:
    /// env.functions-a.yaml` in the YAML, `.json` in the JSON); the extension is left out to compare.
    static func withoutTemplateExtensions(_ value: Value) -> Value {
        switch value {
        case .array(let items): return .array(items.map(withoutTemplateExtensions))
        case .object(let o):
            var out = JSONObject()
            for (k, v) in o.entries {
                if k == "TemplateURL", case .string(let s) = v, s.hasSuffix(".yaml") || s.hasSuffix(".json") {
                    out[k] = .string(String(s.dropLast(5)))
                } else {
                    out[k] = withoutTemplateExtensions(v)
                }
            }
            return .object(out)
        default: return value
        }
    }

    static func manifestRoundTrips(_ manifest: Manifest) {
        let encoded = ManifestCoding.encode(manifest)
        // Read as a build reads a previous manifest (NUL characters allowed: YAML's "\0").
        let value = Properties.reloadsAsJSON(encoded, "the manifest", options: Manifest.loadOptions)
        switch ManifestCoding.decode(value) {
        case .failure(let error):
            FuzzFailure.fail("the manifest decodes", "\(error)\n\(encoded)")
        case .success(let decoded):
            // The encoding is canonical (sorted keys and lists), so compare encodings.
            let again = ManifestCoding.encode(decoded)
            FuzzFailure.check(again == encoded, "the manifest decodes to what was encoded", difference(decoded, manifest))
        }
        let differ = Differ(actions: TargetEmitters.iamActions)
        FuzzFailure.check(differ.diff(previous: manifest, current: manifest).isEmpty, "a build diffs as empty against itself")
        for previous in [nil, earlier] {
            let diff = differ.diff(previous: previous, current: manifest)
            _ = DiffRendering.text(diff)
            _ = DiffRendering.markdown(diff)
            _ = DiffRendering.text(diff, options: .init(color: true, verbose: true))
            _ = DiffRendering.markdown(diff, options: .init(summary: true))
            _ = DiffRendering.summary(diff)
            Properties.isJSON(DiffRendering.json(diff), "the JSON diff")
        }
    }

    /// The first part of two manifests that differs.
    static func difference(_ a: Manifest, _ b: Manifest) -> String {
        if a.toolVersion != b.toolVersion || a.specFile != b.specFile || a.specSHA256 != b.specSHA256 { return "header" }
        if a.models != b.models { return "models: \(a.models.keys.filter { a.models[$0] != b.models[$0] })" }
        if a.files != b.files { return "files: \(a.files.count) vs \(b.files.count)" }
        for (x, y) in zip(a.resources, b.resources) where x != y { return "decoded \(x)\nencoded \(y)" }
        return "resources: \(a.resources.count) vs \(b.resources.count)"
    }

    /// A fixed earlier build, so diffs of random specs have additions, changes and removals.
    static let earlier: Manifest = {
        let text = """
            distlang: 1
            name: shop
            functions:
              api:
                source: src/api.js
                env: { LOG_LEVEL: info }
                secrets: [STRIPE_KEY]
                http: [GET /products, POST /orders]
                uses: { sessions: readwrite, uploads: read, orders: send }
              fulfil:
                source: src/fulfil.js
                consumes: { queue: orders, batch_size: 10 }
                schedule: "0 3 * * *"
            resources:
              sessions: { type: kv }
              uploads: { type: bucket, versioning: true }
              orders: { type: queue, dead_letter: true }
            environments:
              staging: {}
              production: { defaults: { memory: 512 } }
            targets:
              cloudflare: { compatibility_date: "2025-06-01", workers_dev: true }
              aws: { region: eu-west-1 }

            """
        guard let document = Loader.load(text: text, file: "distlang.yaml", format: .yaml).document else {
            FuzzFailure.fail("the fixed earlier spec loads")
        }
        let compiled = SpecCompiler.shipped.compile(document: document, specDirectory: nil)
        guard !compiled.hasErrors, let plan = build(compiled.models, text) else {
            FuzzFailure.fail("the fixed earlier spec builds", "\(compiled.diagnostics.map(\.message))")
        }
        return plan.manifest
    }()
}
