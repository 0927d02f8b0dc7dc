import DistlangCore
import DistlangModel

/// The difference between a previous build (its manifest) and the build the spec would produce now.
public struct BuildDiff: Sendable {
    public var environments: [EnvironmentDiff]
    /// Functions whose code changed (the same code serves every environment, so listed once).
    public var code: [CodeChange] = []

    public var isEmpty: Bool { environments.allSatisfy(\.isEmpty) && code.isEmpty }
    public var hasDataLoss: Bool { environments.contains { $0.resources.contains(where: \.isDataLoss) } }
    /// The previous build the diff compares with.
    public var baseline: Baseline.Origin?

    /// Resource counts over every environment and target.
    public var counts: Counts {
        var c = Counts()
        for r in environments.flatMap(\.resources) {
            switch r.kind {
            case .added: c.added += 1
            case .changed: c.changed += 1
            case .replaced: c.replaced += 1
            case .removed: c.removed += 1
            }
            if r.isDataLoss { c.dataLoss += 1 }
            if r.dataFate == .orphaned { c.orphaned += 1 }
        }
        return c
    }

    public struct Counts: Sendable, Equatable {
        public var added = 0, changed = 0, replaced = 0, removed = 0, dataLoss = 0, orphaned = 0
    }
}

/// Changes in one environment: the model first, then access, then each target's resources.
public struct EnvironmentDiff: Sendable {
    public var name: String
    /// The environment appears (no previous model) or disappears (no current one).
    public var status: Status
    public var model: [ModelChange]
    public var access: [AccessChange]
    public var resources: [ResourceChange]

    public enum Status: String, Sendable { case added, removed, present }

    public var isEmpty: Bool { status == .present && model.isEmpty && access.isEmpty && resources.isEmpty }
}

/// A change to a function or resource of the model, e.g. `function api: memory 256 -> 512`.
public struct ModelChange: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed, renamed }
    public var element: ModelElement
    public var kind: Kind
    /// For `renamed`: the old name.
    public var oldName: String?
    public var fields: [FieldChange]
}

/// A function's access to a resource that grows or shrinks.
public struct AccessChange: Sendable {
    public var function: String
    public var resource: String
    public var resourceKind: String
    /// Access words gained (`write`, `send`, `consume`) and lost.
    public var added: [String]
    public var removed: [String]
    /// The AWS IAM actions behind the gained and lost access (when the spec builds for AWS).
    public var actionsAdded: [String]
    public var actionsRemoved: [String]
}

/// A resource of one target's output that is added, changed, replaced or removed.
public struct ResourceChange: Sendable {
    public enum Kind: String, Sendable { case added, changed, replaced, removed }
    public var kind: Kind
    public var target: TargetKind
    public var format: String
    public var type: String
    public var logicalName: String
    /// For a replacement under a new logical name (a renamed resource).
    public var oldLogicalName: String?
    public var physicalName: String?
    public var oldPhysicalName: String?
    /// The model element the resource comes from.
    public var source: ModelElement?
    public var attributes: [FieldChange]
    /// What happens to the data of a stateful resource that is removed or replaced.
    public var dataFate: DataFate?
    /// For a replacement: what forces it (`logical name`, `physical name`, the replacing attributes
    /// that change, such as `KeySchema`).
    public var replacedBecause: [String]
    /// What a reviewer can do about it, e.g. the Terraform `moved {}` block that keeps a renamed resource.
    public var hints: [String]
    /// The resource holds data (before or after the change).
    public var isStateful = false
    /// A changed or replaced resource's attribute changes with spellings set aside, equal for the
    /// same change in another output format of the provider (`ComparisonKeys`).
    var attributeSignature = ""

    public init(
        kind: Kind, target: TargetKind, format: String, type: String, logicalName: String, oldLogicalName: String? = nil,
        physicalName: String? = nil, oldPhysicalName: String? = nil, source: ModelElement? = nil, attributes: [FieldChange] = [],
        dataFate: DataFate? = nil, replacedBecause: [String] = [], hints: [String] = []
    ) {
        self.kind = kind
        self.target = target
        self.format = format
        self.type = type
        self.logicalName = logicalName
        self.oldLogicalName = oldLogicalName
        self.physicalName = physicalName
        self.oldPhysicalName = oldPhysicalName
        self.source = source
        self.attributes = attributes
        self.dataFate = dataFate
        self.replacedBecause = replacedBecause
        self.hints = hints
    }

    /// Removing or replacing it loses data (an orphaned resource keeps its data).
    public var isDataLoss: Bool { dataFate?.losesData ?? false }
}

/// What becomes of the data of a stateful resource (a table, bucket, queue, database, secret).
public enum DataFate: String, Sendable {
    /// Removed, and the provider deletes it (Terraform; CloudFormation without `Retain`).
    case deleted
    /// A new, empty resource takes its place (a new physical name or key schema, a rename).
    case replaced
    /// Removed from the output but kept in the cloud with its data (CloudFormation's
    /// `DeletionPolicy: Retain`): no longer managed, not lost.
    case orphaned

    public var losesData: Bool { self != .orphaned }
}
