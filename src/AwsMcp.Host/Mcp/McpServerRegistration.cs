using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp.Completions;
using AwsMcp.Host.Mcp.Features;
using AwsMcp.Host.Mcp.Prompts;
using AwsMcp.Host.Mcp.Resources;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Arguments;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp;

/// <summary>Configures the MCP SDK server shared by the HTTP and stdio transports.</summary>
public static class McpServerRegistration
{
    /// <summary>The version reported to clients and by the health endpoint.</summary>
    public static string ServerVersion { get; } =
        typeof(McpServerRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IMcpServerBuilder AddAwsMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<PublishedSchemas>();
        services.AddSingleton<DescriptorToolFactory>();
        services.AddSingleton<McpToolCollection>();
        services.AddSingleton<ToolListCache>();
        services.AddHttpContextAccessor();
        services.AddSingleton<FeatureCalls>();
        services.AddSingleton<PromptHandlers>();
        services.AddSingleton<ResourceHandlers>();
        services.AddSingleton<ResourceSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<ResourceSubscriptions>());
        services.AddSingleton<HostCompletionSources>();
        services.AddSingleton<CompletionHandler>();
        services.AddOptions<McpServerOptions>().Configure<McpToolCollection, IOptions<McpOptions>>((server, tools, options) =>
        {
            server.ServerInfo = new Implementation { Name = options.Value.ServerName, Version = ServerVersion };
            server.ServerInstructions = ServerInstructions.Text;

            // Assigned explicitly even when empty: without a collection the SDK advertises no tools capability
            // and there is nothing to add plugins to later.
            server.ToolCollection = tools.Tools;
        });

        // For logging/setLevel, below.
#pragma warning disable MCP9005
        return services.AddMcpServer()
            .WithMessageFilters(filters => filters.AddIncomingFilter(next => (context, cancellationToken) =>
            {
                // The SDK path (stdio, stateful sessions) binds leniently (one of two repeated properties; arguments
                // that are not an object fail in its own deserialisation): such a call is marked here, before the SDK
                // reads it, and refused (audited, -32602) when it reaches the tool (DescriptorTool).
                if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall, Params: JsonObject parameters } request
                    && MalformedCall(parameters) is { } problem)
                {
                    SdkCallProblems.Mark(request, problem);
                    parameters["arguments"] = new JsonObject();
                }
                else if (context.JsonRpcMessage is JsonRpcRequest other)
                {
                    InitializeRequests.Settle(other);
                }

                return next(context, cancellationToken);
            }))
            .WithRequestFilters(filters => filters.AddListToolsFilter(_ => (request, _) =>
            {
                // Every tool stays in the collection so that calling a hidden one is refused (and audited) by the
                // pipeline; listing shows only what policy lets this caller see, from the cache.
                var services = request.Services!;
                var caller = services.GetRequiredService<ICallerIdentityResolver>().Resolve(request.User);
                return ValueTask.FromResult(new ListToolsResult { Tools = services.GetRequiredService<ToolListCache>().For(caller).Tools });
            }))
            .WithCallToolHandler(async (request, cancellationToken) =>
            {
                // Reached only for a name the collection does not have: refused and audited like any call, then
                // answered the way MCP answers an unknown tool; or a prototype alias, answered as its tool.
                var services = request.Services!;
                var name = request.Params?.Name ?? string.Empty;
                using var call = DescriptorTool.Edge(
                    name, request.JsonRpcRequest, services.GetRequiredService<ToolCallFactory>(),
                    services.GetRequiredService<ICallerIdentityResolver>().Resolve(request.User), cancellationToken);
                var result = await services.GetRequiredService<ToolCallPipeline>().InvokeAsync(call);
                return call.Outcome == ToolCallOutcome.UnknownTool
                    ? throw new McpProtocolException(result.Text, McpErrorCode.InvalidParams)
                    : ToolResultMapper.ToCallToolResult(new Tool { Name = call.ToolName }, result);
            })

            // The packs' prompts, resources and completion sources: each runs as a call through the same pipeline.
            .WithListPromptsHandler((request, ct) => request.Services!.GetRequiredService<PromptHandlers>().ListAsync(request, ct))
            .WithGetPromptHandler((request, ct) => request.Services!.GetRequiredService<PromptHandlers>().GetAsync(request, ct))
            .WithListResourcesHandler((request, ct) => request.Services!.GetRequiredService<ResourceHandlers>().ListAsync(request, ct))
            .WithListResourceTemplatesHandler((request, ct) => request.Services!.GetRequiredService<ResourceHandlers>().ListTemplatesAsync(request, ct))
            .WithReadResourceHandler((request, ct) => request.Services!.GetRequiredService<ResourceHandlers>().ReadAsync(request, ct))
            .WithSubscribeToResourcesHandler((request, ct) => request.Services!.GetRequiredService<ResourceSubscriptions>().SubscribeAsync(request, ct))
            .WithUnsubscribeFromResourcesHandler((request, ct) => request.Services!.GetRequiredService<ResourceSubscriptions>().UnsubscribeAsync(request, ct))
            .WithCompleteHandler((request, ct) => request.Services!.GetRequiredService<CompletionHandler>().CompleteAsync(request, ct))

            // The SDK keeps the level per session (McpServer.LoggingLevel); the client channel reads it. Logging is
            // deprecated from the 2026-07-28 draft on, but part of every version this server speaks.
            .WithSetLoggingLevelHandler((_, _) => ValueTask.FromResult(new EmptyResult()));
#pragma warning restore MCP9005
    }

    /// <summary>
    /// A problem with a <c>tools/call</c> request the SDK would bind past: a property repeated outside the arguments,
    /// text that is not valid UTF-16, arguments that are not an object. Repeats inside the arguments are left to the
    /// tool call itself (<see cref="DescriptorTool"/>), which names the argument.
    /// </summary>
    private static SdkCallProblems.Problem? MalformedCall(JsonObject parameters)
    {
        byte[] utf8;
        try
        {
            utf8 = JsonSerializer.SerializeToUtf8Bytes(parameters, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            var path = UnreadableText(parameters, string.Empty) ?? "params";
            return path.StartsWith("arguments.", StringComparison.Ordinal)
                ? new(new ArgumentProblem(path["arguments.".Length..], "is not valid text: it contains an unpaired UTF-16 surrogate"), ProtocolError: false)
                : new(new ArgumentProblem(path, "is not valid text: it contains an unpaired UTF-16 surrogate"), ProtocolError: true);
        }

        if (StrictJson.FindProblem(utf8) is { } problem && !problem.Path.StartsWith("arguments.", StringComparison.Ordinal))
        {
            return new(new ArgumentProblem($"params.{problem.Path}", problem.Reason), ProtocolError: true);
        }

        return parameters["arguments"] is { } arguments && arguments is not JsonObject
            ? new(new ArgumentProblem(JsonArgumentReader.RootPath, $"must be a JSON object of the tool's arguments, not {arguments.GetValueKind().ToString().ToLowerInvariant()}"), ProtocolError: true)
            : null;
    }

    // Where a string that cannot be read as text is, by walking the SDK's nodes (only after serialising them failed).
    private static string? UnreadableText(JsonNode? node, string path)
    {
        try
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (UnreadableText(child, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (UnreadableText(array[i], $"{path}[{i}]") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    _ = value.GetValue<string>();
                    return null;
                default:
                    return null;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            return path.Length == 0 ? null : path;
        }
    }
}
