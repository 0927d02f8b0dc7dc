import DistlangModel
import DistlangRender

/// Terraform names (resource names, variable and output names) for one root: identifiers from
/// model names via `Naming.terraformIdentifier`, and for free text (zones, route patterns) a
/// readable slug; a name that is already taken by another key gets a stable hash suffix.
struct TerraformNames {
    private var taken: [String: String] = [:]

    /// A model name (function, resource) as an identifier: `user-sessions` -> `user_sessions`.
    static func identifier(_ name: String) -> HCLIdentifier {
        HCLIdentifier(Naming.terraformIdentifier(name)) ?? HCLIdentifier.sanitizing(Naming.terraformIdentifier(name))
    }

    /// Lowercase ASCII letters and digits of `text`, every other run as one `_`, at most 40 characters.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            let isWordCharacter = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
            if isWordCharacter {
                if pendingSeparator && !out.isEmpty { out += "_" }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        if out.count > 40 { out = String(out.prefix(40)) }
        return out
    }

    /// A unique identifier in `space` (e.g. a resource type, or `variable`) for `key`: `preferred`
    /// when free or already given to the same key, otherwise `preferred_<hash of key>`.
    mutating func unique(_ preferred: String, key: String, in space: String) -> HCLIdentifier {
        var candidate = preferred
        if let owner = taken["\(space) \(candidate)"], owner != key {
            candidate = "\(preferred)_\(Naming.shortHash(key))"
        }
        taken["\(space) \(candidate)"] = key
        return HCLIdentifier(candidate) ?? HCLIdentifier.sanitizing(candidate)
    }

    /// The variable holding the ID of a zone (a route's zone, or the zone of a custom domain's hostname).
    mutating func zoneVariable(_ zone: String) -> HCLIdentifier {
        let slug = Self.slug(zone)
        return unique("zone_id_" + (slug.isEmpty ? Naming.shortHash(zone) : slug), key: "zone \(zone)", in: "variable")
    }

    mutating func secretVariable(_ secret: String) -> HCLIdentifier {
        unique("secret_" + Self.identifier(secret.lowercased()).name, key: "secret \(secret)", in: "variable")
    }

    /// A resource name made of a function's identifier and a slug of free text (a route pattern, a hostname).
    mutating func resource(_ type: String, function: String, text: String) -> HCLIdentifier {
        let slug = Self.slug(text)
        let preferred = Self.identifier(function).name + "_" + (slug.isEmpty ? Naming.shortHash(text) : slug)
        return unique(preferred, key: "\(function) \(text)", in: type)
    }

    /// A resource name for a model element, unique within its type.
    mutating func resource(_ type: String, name: String, key: String) -> HCLIdentifier {
        unique(Self.identifier(name).name, key: key, in: type)
    }
}
