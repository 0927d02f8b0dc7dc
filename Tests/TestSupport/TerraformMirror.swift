import Foundation

/// Terraform with the `hashicorp/aws` provider from the machine's local mirror only: a CLI config
/// with `filesystem_mirror` and no registry (`direct` excludes every registry.terraform.io
/// provider), the plugin cache cleared, checkpoint calls off.
public enum TerraformMirror {
    public static let mirror = "/opt/tf-plugins"
    public static let providerBinary = "registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5"

    /// Whether terraform and the mirrored provider are on this machine.
    public static var isAvailable: Bool {
        ExternalTool.find("terraform") != nil && FileManager.default.fileExists(atPath: "\(mirror)/\(providerBinary)")
    }

    /// Writes the CLI config into `folder` and returns the variables that make Terraform use it.
    public static func environment(configIn folder: URL) throws -> [String: String] {
        let config = folder.appendingPathComponent("cli.tfrc")
        try """
            provider_installation {
              filesystem_mirror {
                path = "\(mirror)"
              }
              direct {
                exclude = ["registry.terraform.io/*/*"]
              }
            }

            """.write(to: config, atomically: true, encoding: .utf8)
        return ["TF_CLI_CONFIG_FILE": config.path, "CHECKPOINT_DISABLE": "1", "TF_PLUGIN_CACHE_DIR": "", "TF_IN_AUTOMATION": "1"]
    }
}
