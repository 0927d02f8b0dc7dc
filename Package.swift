// swift-tools-version:6.0
// distlang: one provider-neutral app spec -> Terraform, wrangler.toml and CloudFormation.
//
// The targets follow the pipeline stages:
//   load (DistlangLoader) -> schema (DistlangSchema) -> normalise (DistlangSpec) -> model (DistlangModel)
//   -> translate + render per target (DistlangCloudflare, DistlangAWS over DistlangRender)
//   -> write, manifest and diff (DistlangBuild) -> CLI (DistlangCLI, the `distlang` binary).
// Only DistlangLoader touches the C libraries (libyaml, jansson, and toml++ through CTOMLReader).
import PackageDescription

let package = Package(
    name: "distlang",
    products: [
        .executable(name: "distlang", targets: ["DistlangCLI"]),
        // The fuzz targets' replay driver; `make fuzz` builds it as a libFuzzer binary (docs/fuzzing.md).
        .executable(name: "distlang-fuzz", targets: ["DistlangFuzzDriver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML", path: "Sources/CLibYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CJansson", path: "Sources/CJansson", pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]),

        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // TOML through Debian's libtomlplusplus-dev (toml++ built as a shared library; docs/loading.md
        // says why): a small C++ file gives the loader a C view of a parsed document.
        .target(
            name: "CTOMLReader", path: "Sources/CTOMLReader",
            cxxSettings: [.define("TOML_HEADER_ONLY", to: "0"), .define("TOML_SHARED_LIB", to: "1")],
            linkerSettings: [.linkedLibrary("tomlplusplus")]),

        .target(name: "DistlangCore"),
        .target(
            name: "DistlangLoader", dependencies: ["DistlangCore", "CLibYAML", "CJansson", "CTOMLReader"],
            // The builder's frames are classes mutated once per event; dynamic exclusivity checks on
            // them cost ~11% of loading a large file. Debug builds keep the checks.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(
            name: "DistlangSchema", dependencies: ["DistlangCore", "DistlangLoader"],
            // The validator's state lives in one class; dynamic exclusivity checks on it cost ~7% of a
            // validation run (callgrind), and its accesses never overlap, so release builds skip them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "DistlangModel", dependencies: ["DistlangCore"]),
        // The portable JavaScript runtime (runtime/src, embedded) and the entries that load it.
        .target(name: "DistlangRuntime", dependencies: ["DistlangCore", "DistlangModel"]),
        // `distlang dev`: the model of one environment as the local host's manifest, its files and process.
        .target(name: "DistlangDev", dependencies: ["DistlangCore", "DistlangModel", "DistlangRuntime"]),
        .target(
            name: "DistlangSpec", dependencies: ["DistlangCore", "DistlangLoader", "DistlangSchema", "DistlangModel", "DistlangRender"]),
        .target(name: "DistlangRender", dependencies: ["DistlangCore"]),
        .target(name: "DistlangCloudflare", dependencies: ["DistlangCore", "DistlangModel", "DistlangRender", "DistlangRuntime"]),
        .target(name: "DistlangAWS", dependencies: ["DistlangCore", "DistlangModel", "DistlangRender", "DistlangRuntime"]),
        .target(
            name: "DistlangBuild",
            dependencies: [
                "DistlangCore", "DistlangLoader", "DistlangSpec", "DistlangModel", "DistlangRender",
                "DistlangCloudflare", "DistlangAWS", "DistlangPackage",
            ]),
        // Deploy plans (the commands of `distlang deploy`, built from a model) and running them (docs/deploy.md).
        .target(name: "DistlangDeploy", dependencies: ["DistlangCore", "DistlangModel", "DistlangLoader", "DistlangAWS"]),
        // Code roots: the files a function imports, and deterministic zips of them (docs/packaging.md).
        .target(name: "DistlangPackage", dependencies: ["DistlangCore", "CZlib"]),
        .executableTarget(
            name: "DistlangCLI",
            dependencies: [
                "DistlangCore", "DistlangLoader", "DistlangSchema", "DistlangSpec", "DistlangBuild", "DistlangDev",
                "DistlangRuntime", "DistlangDeploy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Fuzzing (docs/fuzzing.md): the targets and their properties, and the driver that runs them
        // (a replay tool in the ordinary build, a libFuzzer binary when built by `make fuzz`).
        .target(
            name: "DistlangFuzz",
            dependencies: [
                "DistlangCore", "DistlangLoader", "DistlangSchema", "DistlangSpec", "DistlangModel", "DistlangRender",
                "DistlangBuild",
            ],
            path: "Fuzz/Harness"),
        .executableTarget(name: "DistlangFuzzDriver", dependencies: ["DistlangFuzz"], path: "Fuzz/Driver"),

        // Test helpers shared by the test targets (golden files, paths, running the binary).
        .target(name: "TestSupport", dependencies: ["DistlangCore", "DistlangModel"], path: "Tests/TestSupport"),
        .testTarget(name: "DistlangLoaderTests", dependencies: ["DistlangLoader", "TestSupport"]),
        .testTarget(
            name: "DistlangCLITests", dependencies: ["DistlangCore", "DistlangCLI", "DistlangDev", "DistlangFuzzDriver", "TestSupport"],
            exclude: ["Fixtures", "Goldens"]),
        .testTarget(
            name: "DistlangAWSTests",
            dependencies: ["DistlangAWS", "DistlangModel", "DistlangCore", "DistlangSpec", "DistlangPackage", "TestSupport"],
            exclude: ["Goldens", "Fixtures"]),
        .testTarget(
            name: "DistlangCloudflareTests",
            dependencies: ["DistlangCloudflare", "DistlangModel", "DistlangCore", "DistlangSpec", "DistlangPackage", "TestSupport"],
            exclude: ["Goldens", "Vendor"]),
        .testTarget(
            name: "DistlangRenderTests", dependencies: ["DistlangCore", "DistlangRender", "TestSupport"],
            exclude: ["Goldens"]),
        .testTarget(
            name: "DistlangSpecTests",
            dependencies: ["DistlangSpec", "DistlangBuild", "DistlangModel", "DistlangLoader", "DistlangCore", "TestSupport"],
            exclude: ["Cases", "Goldens"]),
        .testTarget(name: "DistlangPackageTests", dependencies: ["DistlangPackage", "DistlangCore", "TestSupport"]),
        .testTarget(name: "DistlangModelTests", dependencies: ["DistlangModel", "DistlangCore"]),
        .testTarget(name: "DistlangDeployTests", dependencies: ["DistlangDeploy", "DistlangModel", "DistlangCore", "TestSupport"]),
        .testTarget(
            name: "DistlangTypeScriptTests",
            dependencies: ["DistlangRuntime", "DistlangPackage", "DistlangSpec", "DistlangModel", "DistlangCore", "TestSupport"],
            exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "DistlangRuntimeTests", dependencies: ["DistlangRuntime", "DistlangModel", "TestSupport"]),
        .testTarget(name: "DistlangCoreTests", dependencies: ["DistlangCore", "DistlangLoader", "DistlangRender", "TestSupport"]),
        .testTarget(
            name: "DistlangBuildTests", dependencies: ["DistlangBuild", "DistlangModel", "DistlangCore", "DistlangSpec", "TestSupport"]),
        .testTarget(
            name: "DistlangSchemaTests", dependencies: ["DistlangSchema", "DistlangLoader", "DistlangCore", "TestSupport"],
            exclude: ["JSON-Schema-Test-Suite", "Goldens", "Fixtures"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)
