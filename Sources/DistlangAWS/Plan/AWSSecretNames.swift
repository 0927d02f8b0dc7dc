import DistlangModel

/// The Secrets Manager name of each secret: `<app>/<env>/<NAME>` (`<app>/<NAME>` for the default
/// environment), Secrets Manager's path convention; a `/` rather than `-` before the name, so that a
/// six-character name never looks like the random suffix Secrets Manager appends to ARNs.
/// Public for `distlang deploy`, which sets the values.
public enum AWSSecretNames {
    public static func name(_ secret: String, in model: AppModel) -> String {
        NameRule.awsSecret.fit(model.isDefaultEnvironment ? "\(model.app)/\(secret)" : "\(model.app)/\(model.environment)/\(secret)")
    }
}
