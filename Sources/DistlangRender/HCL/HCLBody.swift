/// A `.tf` file: a body of top-level blocks (and, for `.tfvars`-like files, attributes).
public struct HCLFile: Sendable, Equatable {
    public var body: HCLBody

    public init(_ body: HCLBody) { self.body = body }

    public init(_ items: [HCLBodyItem]) { self.body = HCLBody(items) }

    public init(@HCLBodyBuilder _ items: () -> [HCLBodyItem]) { self.body = HCLBody(items()) }
}

/// The contents of a file or a block, in order.
public struct HCLBody: Sendable, Equatable {
    public var items: [HCLBodyItem]

    public init(_ items: [HCLBodyItem] = []) { self.items = items }

    public init(@HCLBodyBuilder _ items: () -> [HCLBodyItem]) { self.items = items() }

    public var isEmpty: Bool { items.isEmpty }
}

/// One entry of a body.
public enum HCLBodyItem: Sendable, Equatable {
    case attribute(HCLAttribute)
    case block(HCLBlock)
    /// A comment on lines of its own (`# text`); line breaks in the text start new comment lines.
    case comment(String)
}

/// `name = value` in a body. Names must be unique within a body (HCL rejects duplicates).
public struct HCLAttribute: Sendable, Equatable {
    public var name: HCLIdentifier
    public var value: HCLExpression

    public init(_ name: HCLIdentifier, _ value: HCLExpression) {
        self.name = name
        self.value = value
    }
}

/// `type "label" ... { body }`, e.g. `resource "aws_s3_bucket" "uploads" { ... }`.
public struct HCLBlock: Sendable, Equatable {
    public var type: HCLIdentifier
    public var labels: [HCLIdentifier]
    public var body: HCLBody

    public init(_ type: HCLIdentifier, _ labels: [HCLIdentifier] = [], body: HCLBody = HCLBody()) {
        self.type = type
        self.labels = labels
        self.body = body
    }

    public init(_ type: HCLIdentifier, _ labels: HCLIdentifier..., @HCLBodyBuilder body: () -> [HCLBodyItem]) {
        self.init(type, labels, body: HCLBody(body()))
    }
}

extension HCLBlock {
    /// `lifecycle { prevent_destroy = true }`: Terraform refuses a plan that would destroy the
    /// resource (`terraform destroy`, or a change that replaces it). Both Terraform outputs put it on
    /// the resources that hold data, as CloudFormation's `DeletionPolicy: Retain` (docs/diff.md).
    public static var preventDestroy: HCLBlock {
        HCLBlock("lifecycle") { HCLAttribute("prevent_destroy", true) }
    }
}

/// Builds body items with Swift's statement syntax: attributes, blocks, comments, `if`, `for`.
@resultBuilder
public enum HCLBodyBuilder {
    public static func buildExpression(_ attribute: HCLAttribute) -> [HCLBodyItem] { [.attribute(attribute)] }
    public static func buildExpression(_ block: HCLBlock) -> [HCLBodyItem] { [.block(block)] }
    public static func buildExpression(_ item: HCLBodyItem) -> [HCLBodyItem] { [item] }
    public static func buildExpression(_ items: [HCLBodyItem]) -> [HCLBodyItem] { items }
    public static func buildBlock(_ parts: [HCLBodyItem]...) -> [HCLBodyItem] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [HCLBodyItem]?) -> [HCLBodyItem] { part ?? [] }
    public static func buildEither(first part: [HCLBodyItem]) -> [HCLBodyItem] { part }
    public static func buildEither(second part: [HCLBodyItem]) -> [HCLBodyItem] { part }
    public static func buildArray(_ parts: [[HCLBodyItem]]) -> [HCLBodyItem] { parts.flatMap { $0 } }
}
