using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Mcp.Content;
using AwsMcp.Host.Mcp.Features;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Resources;

/// <summary>
/// <c>resources/list</c> and <c>resources/templates/list</c> (what policy lets the caller see) and
/// <c>resources/read</c>: the URI is found among the fixed resources, else matched against the templates (most literal
/// text first), and read as a call whose arguments are the template's variables.
/// </summary>
public sealed class ResourceHandlers(ToolPolicy policy, ToolRegistry registry, ICallerIdentityResolver callers, FeatureCalls calls)
{
    private readonly ConcurrentDictionary<string, UriTemplate> _templates = new(StringComparer.Ordinal);

    public ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourcesResult
        {
            Resources = [.. policy.Visible(ToolKind.Resource, callers.Resolve(request.User)).Select(r => new Resource
            {
                Uri = r.Descriptor.Uri!,
                Name = r.Name,
                Title = r.Descriptor.Title,
                Description = r.Descriptor.Description,
                MimeType = r.Descriptor.MimeType,
            })],
        });

    public ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates = [.. policy.Visible(ToolKind.ResourceTemplate, callers.Resolve(request.User)).Select(t => new ResourceTemplate
            {
                UriTemplate = t.Descriptor.Uri!,
                Name = t.Name,
                Title = t.Descriptor.Title,
                Description = t.Descriptor.Description,
                MimeType = t.Descriptor.MimeType,
            })],
        });

    public async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? string.Empty;
        var (resource, arguments) = Find(uri) ?? throw NotFound(uri, callers.Resolve(request.User));
        var result = await calls.RunAsync(request, resource.Kind, resource.Name, arguments, cancellationToken);
        return new ReadResourceResult
        {
            Contents = [.. result.Content.OfType<EmbeddedResourceContent>().Select(block => ContentBlocks.ToSdk(block.Resource, uri))],
        };
    }

    /// <summary>The resource or template that serves <paramref name="uri"/> and the arguments to read it with; null when none does.</summary>
    public (ServedTool Resource, JsonObject Arguments)? Find(string uri)
    {
        if (registry.OfKind(ToolKind.Resource).FirstOrDefault(r => r.Descriptor.Uri == uri) is { } fixedResource)
        {
            return (fixedResource, []);
        }

        foreach (var template in registry.OfKind(ToolKind.ResourceTemplate)
                     .Select(t => (Served: t, Template: _templates.GetOrAdd(t.Descriptor.Uri!, static text => new UriTemplate(text))))
                     .OrderByDescending(t => t.Template.LiteralLength))
        {
            if (template.Template.Match(uri) is { } values)
            {
                var arguments = new JsonObject();
                foreach (var (name, value) in values)
                {
                    arguments[name] = value;
                }

                return (template.Served, arguments);
            }
        }

        return null;
    }

    private McpProtocolException NotFound(string uri, CallerIdentity caller)
    {
        var known = policy.Visible(ToolKind.Resource, caller).Select(r => r.Descriptor.Uri!)
            .Concat(policy.Visible(ToolKind.ResourceTemplate, caller).Select(t => t.Descriptor.Uri!));
        return new McpProtocolException(
            $"Resource not found: '{uri}'.{ClosestName.Suggestion(uri, known)} List the resources and resource templates to see what this server offers.",
            McpErrorCode.ResourceNotFound);
    }
}
