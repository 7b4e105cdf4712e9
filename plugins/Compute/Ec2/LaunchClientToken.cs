using System.Security.Cryptography;
using System.Text;
using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Ec2;

/// <summary>
/// The EC2 ClientToken of a launch when the caller gives none: a hash of who asks and exactly what is launched where,
/// so that a retried call (a model repeating itself, a timeout) returns the first call's instances instead of new ones.
/// </summary>
internal static class LaunchClientToken
{
    /// <summary>EC2 accepts up to 64 ASCII characters.</summary>
    public const int MaxLength = 64;

    public static string Derive(ToolContext ctx, string region, string imageId, string instanceType, string? subnetId, string? keyName, IEnumerable<string> securityGroupIds, IReadOnlyDictionary<string, string> tags, int count)
    {
        var canonical = new StringBuilder()
            .Append(ctx.Caller.Id).Append('\n')
            .Append(ctx.Account).Append('\n')
            .Append(region).Append('\n')
            .Append(imageId).Append('\n')
            .Append(instanceType).Append('\n')
            .Append(subnetId).Append('\n')
            .Append(keyName).Append('\n')
            .AppendJoin(',', securityGroupIds.Order(StringComparer.Ordinal)).Append('\n')
            .AppendJoin(',', tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => tag.Key + "=" + tag.Value)).Append('\n')
            .Append(count);
        return "awsmcp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..40];
    }
}
