import DistlangModel

/// Chooses every physical name per target (`<app>-<env>-<part>`, fitted to the target's limit); the
/// names a target forbids are its checker's to report.
struct PhysicalNamer {
    let app: String
    let environment: String
    let targets: [TargetKind]

    func assign(functions: inout [FunctionModel], resources: inout [ResourceModel]) {
        for i in functions.indices {
            for t in targets {
                functions[i].physicalNames[t] = NameRule.function(on: t).fit(full(functions[i].name))
            }
        }
        for i in resources.indices {
            let r = resources[i]
            for t in targets {
                let rule = NameRule.resource(r.kind, on: t)
                let name = rule.fit(full(r.name))
                resources[i].physicalNames[t] = name
                if r.deadLetter { resources[i].deadLetterNames[t] = rule.fit(full(r.name + "-dlq")) }
            }
        }
    }

    private func full(_ part: String) -> String { Naming.compose(app: app, environment: environment, part: part) }
}
