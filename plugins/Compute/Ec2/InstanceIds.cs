using System.Text.RegularExpressions;
using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Ec2;

/// <summary>Checks instance ids before AWS sees them, so a typo is named by its argument position.</summary>
internal static partial class InstanceIds
{
    public static List<string> Validate(IReadOnlyList<string>? ids, string argumentName = "instance_ids")
    {
        var checkedIds = new List<string>();
        for (var index = 0; index < (ids?.Count ?? 0); index++)
        {
            // Not trimmed: the host audited and capped exactly these values, so the tool acts on exactly them.
            var id = ids![index];
            if (!InstanceId().IsMatch(id))
            {
                throw new ToolArgumentException($"{argumentName}[{index}]", $"'{id}' is not an instance id (expected i- followed by 8 or 17 hex digits).");
            }

            if (!checkedIds.Contains(id, StringComparer.Ordinal))
            {
                checkedIds.Add(id);
            }
        }

        return checkedIds;
    }

    [GeneratedRegex("^" + Ec2Limits.InstanceIdPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();
}
