using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>The tags every resource this server creates carries, so that its origin and requester stay visible in AWS.</summary>
public static class ManagedTags
{
    public const string CreatedBy = "CreatedBy";
    public const string ManagedBy = "ManagedBy";
    public const string ManagedByValue = "awsmcp";

    /// <summary>The caller's tags plus <c>CreatedBy</c> and <c>ManagedBy</c>, which callers may not set themselves.</summary>
    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? tags, ToolContext ctx, string argumentName = "tags")
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            if (key is CreatedBy or ManagedBy)
            {
                throw new ToolArgumentException($"{argumentName}.{key}", "is set by the server and may not be given.");
            }

            if (key.Length is 0 or > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new ToolArgumentException($"{argumentName}.{key}", "keys need 1 to 128 characters and may not start with 'aws:'; values at most 256 characters.");
            }

            all[key] = value;
        }

        all[CreatedBy] = ctx.Caller.Id;
        all[ManagedBy] = ManagedByValue;
        return all;
    }
}
