using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Mcp.Content;
using AwsMcp.Host.Mcp.Features;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using McpPromptMessage = ModelContextProtocol.Protocol.PromptMessage;

namespace AwsMcp.Host.Mcp.Prompts;

/// <summary>
/// <c>prompts/list</c> (the <c>[Prompt]</c>s policy lets the caller see, their arguments read from the generated input
/// schema) and <c>prompts/get</c> (the prompt run as a call: its string arguments bound and checked by its binder).
/// </summary>
public sealed class PromptHandlers(ToolPolicy policy, ICallerIdentityResolver callers, FeatureCalls calls)
{
    public ValueTask<ListPromptsResult> ListAsync(RequestContext<ListPromptsRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListPromptsResult
        {
            Prompts = [.. policy.Visible(ToolKind.Prompt, callers.Resolve(request.User)).Select(Describe)],
        });

    public async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken)
    {
        var name = request.Params?.Name ?? string.Empty;
        var arguments = new JsonObject();
        foreach (var (key, value) in request.Params?.Arguments ?? new Dictionary<string, JsonElement>())
        {
            arguments[key] = JsonSerializer.SerializeToNode(value);
        }

        var result = await calls.RunAsync(request, ToolKind.Prompt, name, arguments, cancellationToken);
        var prompt = result.Prompt ?? PromptResult.User(result.Text);
        return new GetPromptResult
        {
            Description = prompt.Description,
            Messages = [.. prompt.Messages.Select(m => new McpPromptMessage { Role = m.Role == PromptRole.User ? Role.User : Role.Assistant, Content = ContentBlocks.ToSdk(m.Content) })],
        };
    }

    private static Prompt Describe(ServedTool prompt)
    {
        var required = prompt.InputSchema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        var arguments = prompt.InputSchema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => new PromptArgument
            {
                Name = p.Name,
                Description = p.Value.TryGetProperty("description", out var description) ? description.GetString() : null,
                Required = required.Contains(p.Name),
            }).ToList()
            : [];
        return new Prompt { Name = prompt.Name, Title = prompt.Descriptor.Title, Description = prompt.Descriptor.Description, Arguments = arguments };
    }
}
