/// Every diagnostic code distlang reports, with what it means: the source of the SARIF rules'
/// descriptions and of the catalogue in `docs/diagnostics.md` (a test keeps the catalogue, the
/// document and the codes used in the sources in step).
public enum DiagnosticCatalog {
    public struct Entry: Sendable {
        public let code: String
        /// `error` or `warning` (a few codes are either, by what they find).
        public let severity: String
        /// One line: what was found.
        public let summary: String
        /// The rule, in plain words.
        public let rule: String
        /// The fix the diagnostic's hint suggests; nil when there is no likely one.
        public let fix: String?
    }

    /// The entry of a code, if it is catalogued.
    public static func entry(_ code: String) -> Entry? { byCode[code] }

    /// Where the docs explain a code: its row in the catalogue of `docs/diagnostics.md`.
    public static func helpURI(_ code: String) -> String {
        DistlangTool.informationURI + "/blob/main/docs/diagnostics.md#" + anchor(code)
    }

    /// `spec.unknown-resource` -> `spec-unknown-resource`.
    public static func anchor(_ code: String) -> String {
        String(code.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    private static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    public static let entries: [Entry] = loading + yaml + json + schemaKeywords("schema") + schemaOnly + schemaKeywords("spec") + spec + aws + cloudflare + typeScript

    private static func e(_ code: String, _ severity: String, _ summary: String, _ rule: String, fix: String? = nil) -> Entry {
        Entry(code: code, severity: severity, summary: summary, rule: rule, fix: fix)
    }

    // MARK: reading files

    static let loading: [Entry] = [
        e("io.read", "error", "The file cannot be read.", "The file must exist, be a file and be readable (exit code 2)."),
        e("input.too-large", "error", "The file is larger than the input limit.", "Inputs are at most 64 MiB (docs/limits.md)."),
        e("input.empty", "error", "The file holds no document.", "A spec or instance file must hold one YAML document or JSON value.",
          fix: "write the document"),
        e("input.nul-byte", "error", "The file contains a NUL byte.", "Text files may not contain U+0000."),
        e("input.control-character", "error", "A control character in YAML.", "YAML allows no raw control characters other than tab and line breaks.",
          fix: "write it as an escape in a double-quoted string"),
        e("input.too-deep", "error", "The document nests too deeply.", "Nesting is limited to 2,000 levels.", fix: "flatten the structure"),
        e("input.string-too-long", "error", "A string is longer than the limit.", "A string or key is at most 16 MiB."),
        e("input.integer-overflow", "error", "An integer does not fit in 64 bits.", "Integers must fit in 64 bits.",
          fix: "quote it to keep it as a string"),
    ]

    // MARK: YAML

    static let yaml: [Entry] = [
        e("yaml.syntax", "error", "The YAML is malformed.", "The file must be valid YAML 1.2; the message is the parser's, with where its context starts."),
        e("yaml.tab", "error", "A tab in the indentation.", "YAML indentation must use spaces.", fix: "replace the tab with spaces"),
        e("yaml.indentation", "error", "A line is indented off the lines above it.",
          "Keys of one mapping, and items of one list, line up; a line indented deeper than a `key: value` line continues its value.",
          fix: "the indentation that lines the line up with the entry it belongs to"),
        e("yaml.colon-space", "error", "No space after a ':'.", "A key is followed by ':' and a space; without the space the line is one plain value.",
          fix: "the line with the space"),
        e("yaml.missing-colon", "error", "A key without its ':'.", "Each line of a mapping is `key: value`.", fix: "the line with the ':'"),
        e("yaml.unquoted-colon", "error", "': ' inside a plain value.", "A plain value may not contain ': ', which starts a key.",
          fix: "put the value in quotes"),
        e("yaml.unclosed-quote", "error", "A quoted string is never closed.", "Every quote has its closing quote.", fix: "add the closing quote"),
        e("yaml.unclosed-bracket", "error", "A '[' or '{' is never closed.", "Every flow collection has its closing bracket.",
          fix: "add the matching bracket"),
        e("yaml.duplicate-key", "error", "A key appears twice in one mapping.", "Keys of a mapping are unique (the note shows the first)."),
        e("yaml.multiple-documents", "error", "More than one document in a spec.", "A spec is a single YAML document.",
          fix: "remove the '---' line and what follows, or split the file"),
        e("yaml.undefined-alias", "error", "An alias names no earlier anchor.", "An alias `*name` refers to an anchor `&name` defined before it."),
        e("yaml.alias-budget", "error", "Aliases expand the document too far.", "Alias expansion may add at most 1,000,000 values.",
          fix: "reduce the nesting of anchors and aliases"),
        e("yaml.non-scalar-key", "error", "A key that is not a string.", "Mapping keys are strings (scalars)."),
        e("yaml.invalid-merge", "error", "A merge key's value is not a mapping.", "The value of `<<` is a mapping or a list of mappings."),
        e("yaml.unknown-tag", "error", "An unsupported tag.", "distlang reads plain YAML data: only the core schema's tags.", fix: "remove the tag"),
        e("yaml.tag-mismatch", "error", "A value does not fit its tag.", "A tagged scalar must be a valid value of its tag.",
          fix: "remove the tag or fix the value"),
        e("yaml.non-finite-number", "error", "Infinity or NaN.", "JSON has no infinite or NaN numbers, so the data model has none.",
          fix: "quote it, or use a finite number"),
        e("yaml.number-out-of-range", "error", "A number too large for a double.", "Numbers must fit in a 64-bit floating-point number.",
          fix: "quote it to keep it as a string"),
    ]

    // MARK: JSON

    static let json: [Entry] = [
        e("json.syntax", "error", "The JSON is malformed.", "The file must be valid JSON (RFC 8259); the message is the parser's."),
        e("json.unclosed", "error", "An array, object or string is never closed.", "Every bracket and quote is closed (the note shows where the file ends)."),
        e("json.trailing-comma", "error", "A trailing comma.", "JSON allows no comma before ']' or '}'.", fix: "remove the comma"),
        e("json.comment", "error", "A comment in JSON.", "JSON has no comments.", fix: "remove it, or write the file as YAML"),
        e("json.duplicate-key", "error", "A key appears twice in one object.", "Keys of an object are unique (the note shows the first)."),
        e("json.non-finite-number", "error", "NaN or Infinity.", "JSON has no NaN or Infinity.", fix: "use null or a string"),
        e("json.number-out-of-range", "error", "A number too large for a double.", "Numbers must fit in a 64-bit floating-point number."),
        e("json.nul-escape", "error", "\\u0000 in a string.", "Strings may not hold a NUL character."),
    ]

    // MARK: JSON Schema keywords (schema.* in `validate --schema`, spec.* for a spec)

    static func schemaKeywords(_ prefix: String) -> [Entry] {
        let spec = prefix == "spec"
        func k(_ keyword: String, _ summary: String, _ rule: String, fix: String? = nil) -> Entry {
            e("\(prefix).\(keyword)", "error", summary, spec ? "The spec schema's rule for this value, in the words of its description: \(rule)" : rule, fix: fix)
        }
        return [
            k("type", "A value of the wrong type.", "The value has the type the schema names.",
              fix: spec ? "how to write the value meant: true for yes, a number without quotes, a whole number, a list" : nil),
            k("enum", "A value that is not one of the allowed ones.", "The value is one of the listed values.", fix: "the closest allowed value"),
            k("const", "A value other than the one allowed.", "The value is exactly the one the schema gives.", fix: "that value"),
            k("pattern", "A string that does not have the required form.",
              spec ? "The string has the form the description states (names, dates, regions …)." : "The string matches the schema's regular expression.",
              fix: spec ? "the nearest value of that form (notes-app for Notes_App, 2025-06-01 for 2025-6-1)" : nil),
            k("required", "A required key is missing.", "The object has every required key.", fix: spec ? "the key with an example value" : nil),
            k("additionalProperties", "An unknown key.", "The object has only the keys the schema declares.", fix: "the closest allowed key, or the allowed keys"),
            k("unevaluatedProperties", "An unknown key.", "Every key is declared by some subschema.", fix: "the closest allowed key"),
            k("minimum", "A number below the minimum.", "The number is at least the minimum."),
            k("maximum", "A number above the maximum.", "The number is at most the maximum."),
            k("exclusiveMinimum", "A number not above the bound.", "The number is greater than the bound."),
            k("exclusiveMaximum", "A number not below the bound.", "The number is less than the bound."),
            k("multipleOf", "A number that is not a multiple.", "The number is a multiple of the given one."),
            k("minLength", "A string that is too short.", "The string has at least the given length.", fix: spec ? "an example" : nil),
            k("maxLength", "A string that is too long.", "The string has at most the given length."),
            k("minItems", "Too few items.", "The list has at least the given number of items.", fix: spec ? "an example" : nil),
            k("maxItems", "Too many items.", "The list has at most the given number of items."),
            k("uniqueItems", "Two equal items.", "The items of the list are unique."),
            k("contains", "Too few or too many matching items.", "The list has the number of items matching `contains` the schema asks."),
            k("minProperties", "Too few keys.", "The object has at least the given number of keys.", fix: spec ? "an example" : nil),
            k("maxProperties", "Too many keys.", "The object has at most the given number of keys."),
            k("dependentRequired", "A key that needs another.", "When the first key is present, the second is too."),
            k("items", "An item where none is allowed.", "The list has no more items than the schema allows."),
            k("unevaluatedItems", "An item no subschema allows.", "Every item is evaluated by some subschema."),
            k("not", "A value the schema excludes.", spec ? "The value has one of the forms its description states." : "The value does not match the schema under `not`."),
            k("oneOf", "A value that fits several alternatives.", spec ? "The value has exactly one of the forms its description states." : "The value matches exactly one alternative of `oneOf`."),
            k("anyOf", "A value that fits no alternative.", spec ? "The value has one of the forms its description states." : "The value matches at least one alternative."),
            k("false", "A value where none is allowed.", "The schema `false` allows no value."),
            k("format", "A string that is not of its format.", "With --assert-formats, strings have their `format` (date-time, email, uri …)."),
            k("ref-cycle", "A $ref cycle.", "A schema may not refer to itself without consuming input.", fix: "go through properties or items"),
            k("too-deep", "The schema and value nest too deeply.", "Validation stops past the nesting limit."),
        ]
    }

    static let schemaOnly: [Entry] = [
        e("schema.invalid-schema", "error", "The schema is not a valid schema.", "A schema validates against its meta-schema (exit code 2)."),
        e("schema.not-a-schema", "error", "A schema that is not an object or a boolean.", "Every subschema is an object or a boolean."),
        e("schema.invalid-regex", "error", "A regular expression that does not compile.", "`pattern` and `patternProperties` hold ECMA-262 regular expressions."),
        e("schema.unresolved-ref", "error", "A $ref that names no known schema.", "Every $ref resolves, to the file or to one served with --ref/--ref-dir.",
          fix: "serve it with --ref URI=FILE or --ref-dir PREFIX=DIR"),
        e("schema.ref-unreadable", "error", "A referenced schema cannot be loaded.", "A schema served with --ref or --ref-dir loads."),
        e("schema.unknown-metaschema", "error", "An unknown $schema.", "distlang knows 2020-12 and draft-07, and meta-schemas served with --ref."),
        e("schema.unknown-vocabulary", "error", "A required vocabulary distlang lacks.", "The meta-schema requires only vocabularies distlang implements."),
    ]

    // MARK: the spec's own rules

    static let spec: [Entry] = [
        e("spec.unknown-resource", "error", "A name in uses or consumes that is no resource.", "Every resource a function uses or consumes exists (in every environment).",
          fix: "the closest resource name, or the names there are"),
        e("spec.unknown-function", "error", "A route names no function.", "The `function` of a Cloudflare route names a function.", fix: "the closest function name"),
        e("spec.access", "error", "An access a resource does not take.", "kv, bucket and database take read, write or readwrite; a queue takes send.",
          fix: "consumes, for a queue the function receives from"),
        e("spec.consumes-kind", "error", "consumes names a resource that is not a queue.", "Only queues can be consumed.",
          fix: "name a queue, or use uses for a store"),
        e("spec.second-consumer", "error", "A queue with two consumers.", "A queue has at most one consumer (the note shows the first).",
          fix: "one consumer, or a queue of its own"),
        e("spec.duplicate-route", "error", "A route two functions declare.", "Each method and path (parameter names aside) has one function.",
          fix: "remove one, or change its path"),
        e("spec.route", "error", "A malformed http route.", "A route is \"METHOD /path\": an uppercase method, path segments or {param}, a trailing /*.",
          fix: "the route rewritten: POST for post, {id} for :id, /* for {proxy+}"),
        e("spec.schedule", "error", "A malformed schedule.", "A schedule is a 5-field Unix cron expression in UTC.",
          fix: "the cron expression for an AWS rate() or cron(), or an example"),
        e("spec.route-function", "error", "A Cloudflare route whose function is unclear.", "A route names its function unless exactly one function has http routes.",
          fix: "add function: <name>"),
        e("spec.route-without-http", "warning", "A route to a function without http routes.", "A routed function is expected to have http routes.",
          fix: "add http routes, or route to another function"),
        e("spec.credential-in-env", "warning", "A credential-looking name under env.", "env values are written into outputs in plain text; credentials belong under secrets.",
          fix: "declare it under secrets"),
        e("spec.name-clash", "error", "Two things with one name in a function's env.", "Env names, secret names and binding names are unique per function; a resource is not named like a dead-letter queue.",
          fix: "rename one"),
        e("spec.reserved-name", "error", "A name starting with DISTLANG_.", "Names starting with DISTLANG_ are the runtime's.", fix: "rename it"),
        e("spec.source-missing", "warning", "A function's source file does not exist yet.", "validate accepts a source made later; build packages the code, so it needs the file then.",
          fix: "create it before building"),
        e("spec.handler-ignored", "warning", "A function sets handler.", "The generated entry owns the Lambda handler (index.handler) and calls the module's default export on every platform.",
          fix: "remove handler and export default { fetch, queue, scheduled }"),
        e("spec.no-trigger", "warning", "A function nothing calls.", "A function has http routes, a schedule or consumes; a trigger the spec cannot express yet is set up outside distlang.",
          fix: "add a trigger"),
    ]

    // MARK: targets

    static let aws: [Entry] = [
        e("aws.unsupported", "error", "A construct AWS cannot build.", "What a target cannot express is an error at validate time: a database, a schedule restricting both day fields, a reserved bucket name.",
          fix: "what to do instead"),
        e("aws.runtime-retired", "error", "A runtime Lambda no longer creates functions with.", "A runtime is usable until Lambda blocks creating functions with it.",
          fix: "the newest runtime"),
        e("aws.runtime-deprecated", "warning", "A runtime AWS deprecates soon.", "From 60 days before AWS deprecates a runtime, each use is a warning, once per line.",
          fix: "the newest runtime"),
        e("aws.unknown-region", "warning", "A region distlang does not know.", "The region is a known AWS region (a newer one is fine).", fix: "the closest known region"),
        e("aws.queue-visibility", "error", "A queue hides messages for less than its consumer runs.", "An SQS visibility timeout is at least the consumer's timeout.",
          fix: "a visibility_timeout to set"),
        e("aws.env-conflict", "error", "An env name distlang generates on AWS.", "The <NAME>_TABLE, _BUCKET, _QUEUE_URL and _SECRET_ARN variables are distlang's.", fix: "rename it"),
        e("aws.env-reserved", "error", "An env name Lambda reserves.", "Lambda reserves AWS_REGION, _HANDLER and others.", fix: "rename it"),
        e("aws.env-name", "error", "An env name Lambda does not accept.", "A Lambda variable name is a letter, then letters, digits or underscores.",
          fix: "rename it"),
        e("aws.env-dynamic-reference", "error", "A value CloudFormation would resolve.", "{{resolve: in a value makes CloudFormation substitute a parameter or secret.",
          fix: "declare a secret instead"),
        e("aws.env-size", "error", "Environment variables over 4 KB.", "A Lambda function's variables take at most 4 KB.",
          fix: "move large values into a secret or a file"),
        e("aws.handler", "error", "A handler longer than Lambda allows.", "A Lambda handler has at most 128 characters.", fix: "shorten it"),
        e("aws.route-conflict", "error", "One route key for two functions.", "An HTTP API sends a route key to one function.", fix: "serve it from one function"),
        e("aws.duplicate-name", "error", "Two parts of the app with one AWS name.", "Logical IDs, Terraform addresses and outputs are unique per environment (reported at targets.aws).",
          fix: "rename one of the functions, resources or secrets"),
        e("aws.cloudformation-limit", "error", "A template over a CloudFormation quota.", "A template has at most 500 resources, 200 parameters, 200 outputs and 1 MB (reported at targets.aws).",
          fix: "split the app, or use the Terraform output"),
    ]

    static let cloudflare: [Entry] = [
        e("cloudflare.invalid-name", "error", "A name Cloudflare does not accept.", "Worker, KV, queue, D1 and R2 names are lowercase letters, digits and '-', at most 63 characters.",
          fix: "shorten the names it is made of"),
        e("cloudflare.unreachable", "warning", "An HTTP function no request reaches.", "A Worker with http routes needs workers.dev or a route.",
          fix: "add a route, or set workers_dev: true"),
        e("cloudflare.no-settings", "error", "An environment without Cloudflare settings.", "A Cloudflare build needs targets.cloudflare in every environment it builds."),
        e("cloudflare.terraform-name-conflict", "error", "Two resources with one Terraform address.", "Terraform addresses are unique per root (reported at targets.cloudflare).",
          fix: "rename one of the functions or resources"),
        e("cloudflare.store-id-missing", "error", "A shared KV namespace or D1 database without an id.", "A store two or more Workers bind needs its id in targets.cloudflare.ids wherever wrangler.toml is written, or wrangler gives each Worker its own.",
          fix: "create it once (wrangler kv namespace create / wrangler d1 create, or distlang deploy) and set its id"),
        e("cloudflare.id-unknown-resource", "error", "An id for a resource the app does not have.", "targets.cloudflare.ids is keyed by the spec's KV and D1 resource names.",
          fix: "use a KV or D1 resource's name"),
        e("cloudflare.invalid-id", "error", "An id of the wrong form.", "KV namespace ids are 32 lowercase hexadecimal digits; D1 database ids are UUIDs.",
          fix: "copy the id from wrangler kv namespace list / wrangler d1 list"),
        e("cloudflare.id-unused", "warning", "An id for a bucket or queue.", "wrangler names R2 buckets and queues by name; only KV and D1 have ids.",
          fix: "remove it"),
    ]

    // MARK: TypeScript (docs/typescript.md)

    static let typeScript: [Entry] = [
        e("types.name-clash", "error", "Two functions give one TypeScript name.",
          "`distlang types` names each function's types by its name in PascalCase, so two names that differ only in hyphens before digits or doubled hyphens (a-1, a1) clash.",
          fix: "rename one of them"),
        e("types.stale", "warning", "distlang-env.d.ts is out of date.",
          "The declarations next to the spec must be what `distlang types` writes for the spec as it is (`distlang build` compares them).",
          fix: "run `distlang types`"),
        e("typescript.esbuild-missing", "error", "A TypeScript source and no esbuild.",
          "A TypeScript function built for AWS is compiled with esbuild, which must be installed (Debian's package esbuild).",
          fix: "apt-get install esbuild, or name an esbuild binary in DISTLANG_ESBUILD"),
        e("typescript.esbuild-failed", "error", "esbuild did not run to the end.", "esbuild must start, finish within two minutes and write the module."),
        e("typescript.compile-error", "error", "esbuild cannot compile the TypeScript.",
          "A TypeScript source and every file it imports by a relative path must parse, and each relative import must name a file (esbuild's message, at its place)."),
        e("typescript.compile-warning", "warning", "esbuild warns about the TypeScript.", "esbuild's warning, at its place: the code compiles but likely does not do what it says."),
    ]
}

extension DiagnosticCatalog {
    /// The catalogue as the Markdown table `docs/diagnostics.md` holds, one row per code with its anchor.
    public static func markdownTable() -> String {
        var out = "| code | severity | finds | rule | hint |\n|---|---|---|---|---|\n"
        for entry in entries {
            let cells = [
                "<a id=\"\(anchor(entry.code))\"></a>`\(entry.code)`", entry.severity, entry.summary, entry.rule, entry.fix ?? "",
            ]
            out += "| " + cells.map { $0.replacingAll("|", "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
