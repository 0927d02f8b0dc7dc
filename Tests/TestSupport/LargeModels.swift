import DistlangModel

/// Apps big enough for CloudFormation's quotas, built by hand (no spec stage).
public enum LargeModels {
    /// The sample shop plus `extra` functions, alternately `page-<letters>` (two HTTP routes,
    /// reads the sessions table, reads secret STRIPE_KEY or PAGES_KEY) and `job-<letters>` (a
    /// daily schedule, writes the uploads bucket, sends to the orders queue): every kind of shared
    /// value a nested stack takes from its parent. A page costs seven CloudFormation resources, a
    /// job five; the shop itself 28.
    public static func shop(extra: Int) -> AppModel {
        var model = SampleModels.shop()
        for i in 0..<extra {
            let page = i % 2 == 0
            let name = (page ? "page-" : "job-") + letters(i)
            var f = FunctionModel(
                name: name, source: "src/\(page ? "page" : "job").js", timeout: 20,
                physicalNames: SampleModels.names("shop", "default", name, nil, targets: [.cloudflare, .aws]))
            if page {
                f.routes = [Route(method: .GET, path: "/\(name)"), Route(method: .POST, path: "/\(name)/items")]
                f.uses = [Binding(resource: "sessions", access: .read)]
                f.secrets = [i % 4 == 0 ? "STRIPE_KEY" : "PAGES_KEY"]
            } else {
                f.schedules = [try! CronSchedule.parse("\(i % 60) \(i % 24) * * *").get()]
                f.uses = [Binding(resource: "uploads", access: .write), Binding(resource: "orders", access: .send)]
            }
            model.functions.append(f)
        }
        return model
    }

    /// `model` with one more function named `name`: a copy of its first function, with routes of
    /// its own (under `/<name>`) and no queue to consume (a queue has one consumer).
    public static func adding(_ name: String, to model: AppModel) -> AppModel {
        var model = model
        var f = model.functions[0]
        f.name = name
        f.physicalNames = PhysicalNames(aws: Naming.compose(app: model.app, environment: model.environment, part: name))
        f.routes = f.routes.map { Route(method: $0.method, path: "/\(name)" + $0.path) }
        f.consumes = nil
        model.functions.append(f)
        return model
    }

    /// `a`, `b`, ... `z`, `ba`, `bb` ...: names made of letters only, so logical IDs stay plain.
    static func letters(_ i: Int) -> String {
        var n = i, out = ""
        repeat {
            out = String(UnicodeScalar(UInt8(97 + n % 26))) + out
            n /= 26
        } while n > 0
        return out
    }
}
