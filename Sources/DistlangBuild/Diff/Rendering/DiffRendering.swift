import DistlangCore

/// `distlang diff` output: text for terminals, markdown for pull-request comments, JSON for machines
/// (stable, documented in docs/diff.md).
public enum DiffRendering {
    /// How the text and markdown reports look (JSON always holds everything, per format).
    public struct Options: Sendable {
        /// ANSI colours (text only).
        public var color = false
        /// Each output format on its own, instead of a change once for the formats it touches.
        public var verbose = false
        /// One line per changed resource.
        public var summary = false
        /// Long values wrap at this many columns.
        public var width = 100

        public init(color: Bool = false, verbose: Bool = false, summary: Bool = false) {
            self.color = color
            self.verbose = verbose
            self.summary = summary
        }
    }

    public static func text(_ diff: BuildDiff, options: Options = Options()) -> String {
        TextReport(options: options).render(diff)
    }

    public static func markdown(_ diff: BuildDiff, options: Options = Options()) -> String {
        MarkdownReport(options: options).render(diff)
    }

    public static func json(_ diff: BuildDiff) -> String {
        JSONReport.render(diff)
    }

    /// `+a ~c -r (d data loss)`: added, changed or replaced, removed (and orphaned, when any).
    public static func summary(_ diff: BuildDiff) -> String {
        ChangeLines.counts(diff)
    }
}
