import DistlangCore
import DistlangModel

/// What to build: which environments and targets, in which CloudFormation formats.
public struct BuildRequest: Sendable {
    /// Nil: every environment.
    public var environments: Set<String>?
    /// Nil: every target the spec names.
    public var targets: Set<TargetKind>?
    public var cloudFormationFormats: Set<CloudFormationFormat>
    /// The spec file's folder as seen from the output folder (see `EmitOptions`).
    public var specDirectoryFromOutput: String
    /// The files the spec references (see `EmitOptions`). Nil: the code is not packaged (no user
    /// modules in the code roots, no zips, no bundles, no code digests).
    public var specFiles: (any SpecFiles)?
    /// Where a JSON pointer of the spec is written, for problems the package stage finds with a
    /// function's `source`.
    public var locateInSpec: (@Sendable (JSONPointer) -> SourceLocation?)?

    public init(
        environments: Set<String>? = nil, targets: Set<TargetKind>? = nil,
        cloudFormationFormats: Set<CloudFormationFormat> = [.yaml], specDirectoryFromOutput: String = "..",
        specFiles: (any SpecFiles)? = nil
    ) {
        self.environments = environments
        self.targets = targets
        self.cloudFormationFormats = cloudFormationFormats
        self.specDirectoryFromOutput = specDirectoryFromOutput
        self.specFiles = specFiles
    }
}

/// A request that does not fit the spec (exit code 2).
public struct BuildRequestError: Error, CustomStringConvertible {
    public var description: String
}
