import DistlangCore
import DistlangModel

/// A target emitter for tests of the build stage: one file per environment (listing its functions),
/// one file for all environments, and a resource per function.
struct FakeEmitter: TargetEmitter {
    var target: TargetKind = .cloudflare

    func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput {
        var out = TargetOutput()
        for m in models {
            let path = "fake/\(m.environment)/main.txt"
            out.files.append(EmittedFile(path: path, contents: m.functions.map { "\($0.name) \($0.memory)\n" }.joined(), environment: m.environment))
            for f in m.functions {
                out.resources.append(EmittedResource(
                    target: target, format: "fake", environment: m.environment, type: "fake_function", logicalName: f.name,
                    physicalName: f.physicalNames[target], file: path, attributes: ["memory": .integer(Int64(f.memory))],
                    replacingAttributes: ["name"], source: ModelElement(.function, f.name)))
            }
        }
        out.files.append(EmittedFile(path: "fake/all.txt", contents: models.map(\.environment).joined(separator: ",") + "\n"))
        out.notes.append("fake note")
        return out
    }
}
