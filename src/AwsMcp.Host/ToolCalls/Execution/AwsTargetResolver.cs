using System.Text.Json;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Execution;

/// <summary>
/// Decides which region and account a call targets before any step runs, so that policy can check them and the
/// audit record names them: the <c>region</c> argument, else <c>AwsMcp:Aws:Region</c>, else <c>AWS_REGION</c>;
/// the account is the <c>account</c> argument (null means the server's own credentials).
/// </summary>
public sealed class AwsTargetResolver(IOptionsMonitor<AwsOptions> options)
{
    public (string? Region, string? Account) Resolve(JsonElement arguments)
    {
        var region = StringArgument(arguments, "region")
            ?? options.CurrentValue.Region
            ?? NullIfEmpty(Environment.GetEnvironmentVariable("AWS_REGION"));
        return (region, StringArgument(arguments, "account"));
    }

    private static string? StringArgument(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? NullIfEmpty(value.GetString())
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
