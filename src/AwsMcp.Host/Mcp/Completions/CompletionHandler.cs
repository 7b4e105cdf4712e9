using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Mcp.Features;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Completions;

/// <summary>
/// <c>completion/complete</c> for an argument of a prompt or a resource template: from the source its <c>[Complete]</c>
/// names (the host's regions and accounts, or a pack's <c>[Completion]</c> provider run as a call, so policy and
/// audit apply), else from its enum values. Values that start with what was typed (case-insensitive), at most 100.
/// A caller that may not use the prompt or template gets no values.
/// </summary>
public sealed partial class CompletionHandler(
    ToolRegistry registry, ToolPolicy policy, ICallerIdentityResolver callers, HostCompletionSources hostSources, FeatureCalls calls, ILogger<CompletionHandler> logger)
{
    /// <summary>MCP's cap on the values of one answer.</summary>
    public const int MaxValues = 100;

    public async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("completion/complete needs params.", McpErrorCode.InvalidParams);
        var target = parameters.Ref switch
        {
            PromptReference prompt => registry.TryGet(prompt.Name, out var found) && found.Kind == ToolKind.Prompt ? found
                : throw new McpProtocolException($"Unknown prompt '{prompt.Name}'.", McpErrorCode.InvalidParams),
            ResourceTemplateReference template => registry.OfKind(ToolKind.ResourceTemplate).FirstOrDefault(t => t.Descriptor.Uri == template.Uri)
                ?? throw new McpProtocolException($"Unknown resource template '{template.Uri}'.", McpErrorCode.InvalidParams),
            _ => throw new McpProtocolException("ref must be a ref/prompt or a ref/resource.", McpErrorCode.InvalidParams),
        };

        var caller = callers.Resolve(request.User);
        var argument = parameters.Argument?.Name ?? string.Empty;
        var typed = parameters.Argument?.Value ?? string.Empty;
        var candidates = policy.Evaluate(target, caller).Allowed ? await CandidatesAsync(target, argument, typed, caller, cancellationToken) : [];
        var matching = candidates.Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
        return new CompleteResult
        {
            Completion = new Completion { Values = [.. matching.Take(MaxValues)], Total = matching.Count, HasMore = matching.Count > MaxValues },
        };
    }

    private async ValueTask<IEnumerable<string>> CandidatesAsync(ServedTool target, string argument, string typed, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (target.Roles.Completions.TryGetValue(argument, out var source))
        {
            return hostSources.Values(source) ?? await FromProviderAsync(source, typed, caller, cancellationToken);
        }

        return target.InputSchema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(argument, out var property)
            && property.TryGetProperty("enum", out var values)
            ? [.. values.EnumerateArray().Select(v => v.GetString()!)]
            : [];
    }

    private async ValueTask<IEnumerable<string>> FromProviderAsync(string source, string typed, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(source, out var provider) || provider.Kind != ToolKind.Completion)
        {
            LogUnknownSource(source);
            return [];
        }

        // The provider takes the typed prefix as its one string argument, whatever its name.
        var prefix = provider.InputSchema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).FirstOrDefault() : null;
        var arguments = prefix is null ? new JsonObject() : new JsonObject { [prefix] = typed };
        try
        {
            var result = await calls.RunAsync(ToolKind.Completion, source, arguments, caller, ClientChannel.None, cancellationToken);
            return Strings(result.Structured);
        }
        catch (McpProtocolException ex)
        {
            // A provider that is refused or fails (AWS unreachable, say) leaves the user typing, not an error dialog.
            LogProviderFailed(source, ex.Message);
            return [];
        }
    }

    // A provider's list: the result itself, or the one array property of the object it is wrapped in.
    private static IEnumerable<string> Strings(JsonElement? structured) => structured switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        { ValueKind: JsonValueKind.Object } obj => obj.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completion source {Source} is not served (no [Completion] provider of that name)")]
    private partial void LogUnknownSource(string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completion source {Source} gave no values: {Reason}")]
    private partial void LogProviderFailed(string source, string reason);
}
