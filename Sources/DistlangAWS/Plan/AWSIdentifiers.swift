import DistlangModel
import DistlangRender

/// Names inside the outputs: CloudFormation logical IDs (`[A-Za-z0-9]+`) and Terraform resource
/// names (`[a-z_][a-z0-9_]*`), built from model names.
///
/// Every identifier depends only on the name of the model element it belongs to (never on its
/// neighbours), so adding or removing a function leaves every other identifier unchanged, and a
/// function's identifiers stay the same wherever its resources are written (issue 9).
///
/// Names in the usual form (`user-sessions`, `STRIPE_KEY`: words of letters and digits, each word
/// starting with a letter, joined by single `-` or `_`) map one to one onto `UserSessions` /
/// `user_sessions`. Any other name (`worker-2`, `a--b`) would be ambiguous once the separators
/// are gone, so it also ends in eight hex digits of the SHA-256 of the name. The emitter still
/// checks every template and root for duplicates (`AWSChecks.duplicates`).
enum AWSIdentifiers {
    /// `user-sessions` -> `UserSessions`; `STRIPE_KEY` -> `StripeKey`; `worker-2` -> `Worker2` + hash.
    static func logical(_ name: String) -> String {
        let words = name.split(whereSeparator: { !isASCIIAlphanumeric($0) }).map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        var id = words.joined()
        if id.isEmpty || !id.first!.isLetter { id = "N" + id }
        return isUnambiguous(name) ? id : id + Naming.shortHash(name)
    }

    /// `user-sessions` -> `user_sessions`; `STRIPE_KEY` -> `stripe_key`; `worker-2` -> `worker_2_` + hash.
    static func terraform(_ name: String) -> String {
        let words = name.split(whereSeparator: { !isASCIIAlphanumeric($0) }).map { $0.lowercased() }
        var id = words.joined(separator: "_")
        if id.isEmpty || !id.first!.isLetter { id = "n_" + id }
        return isUnambiguous(name) ? id : id + "_" + Naming.shortHash(name)
    }

    static func terraformIdentifier(_ parts: String...) -> HCLIdentifier {
        HCLIdentifier.sanitizing(parts.filter { !$0.isEmpty }.joined(separator: "_"))
    }

    /// Words of `[a-z][a-z0-9]*` joined by single `-`, or words of `[A-Z][A-Z0-9]*` joined by single `_`.
    static func isUnambiguous(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let lower = first.properties.isLowercase
        let separator: Character = lower ? "-" : "_"
        let words = name.split(separator: separator, omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            guard let head = word.first, head.isASCII, head.isLetter else { return false }
            return word.allSatisfy { c in
                c.isASCII && (c.isNumber || (c.isLetter && (lower ? c.isLowercase : c.isUppercase)))
            }
        }
    }

    private static func isASCIIAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// Readable words for an HTTP route plus a hash of its route key: `GET /orders/{id}` ->
    /// (`GetOrdersId` + hash, `get_orders_id_` + hash). The hash keeps two routes whose words are
    /// alike (`/a-b`, `/a/b`) apart; the words are capped so the ID stays far below 255 characters.
    static func route(_ routeKey: String) -> (logical: String, terraform: String) {
        let words = routeKey.split(whereSeparator: { !isASCIIAlphanumeric($0) }).map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        var logical = "", terraform: [String] = []
        for word in words where logical.count + word.count <= 60 {
            logical += word
            terraform.append(word.lowercased())
        }
        let hash = Naming.shortHash(routeKey)
        return (logical + hash, (terraform + [hash]).joined(separator: "_"))
    }
}
