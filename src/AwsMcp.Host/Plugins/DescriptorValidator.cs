using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Schema;
using AwsMcp.Host.ToolCalls.Binding;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Checks a plugin's descriptors before any of them is served: the name rules clients share, schemas that parse,
/// are object schemas and are safe for Copilot Studio, declared roles that name real arguments, and (hand-built
/// descriptors only, generated ones validate in their binder) an input schema that compiles for argument validation.
/// </summary>
public static partial class DescriptorValidator
{
    /// <summary>Validates every descriptor of one plugin; the first problem fails the whole plugin.</summary>
    public static IReadOnlyList<ServedTool> Validate(string pluginName, IReadOnlyList<ToolDescriptor> descriptors, PluginCalls calls)
    {
        var tools = new List<ServedTool>(descriptors.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            var tool = Validate(pluginName, descriptor, calls);
            if (!names.Add(tool.Name))
            {
                throw Invalid(descriptor.Name, "is declared twice in the plugin");
            }

            tools.Add(tool);
        }

        return tools;
    }

    private static ServedTool Validate(string pluginName, ToolDescriptor descriptor, PluginCalls calls)
    {
        if (descriptor.Name is null || !NamePattern().IsMatch(descriptor.Name))
        {
            throw Invalid(descriptor.Name ?? "(null)", "has an invalid name: tool names must match ^[a-z0-9_]{1,64}$");
        }

        if (string.IsNullOrWhiteSpace(descriptor.Description))
        {
            throw Invalid(descriptor.Name, "has no description; clients choose tools by their description");
        }

        if (descriptor.Binder is null && descriptor.Invoker is null)
        {
            throw Invalid(descriptor.Name, "has neither a binder nor an invoker");
        }

        EnsureUri(descriptor);
        var input = ParseSchema(descriptor.Name, "input", descriptor.InputSchemaJson);
        if (!input.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            throw Invalid(descriptor.Name, "input schema must be an object schema ({\"type\":\"object\",...})");
        }

        EnsureCopilotSafe(descriptor.Name, "input", input);

        var output = descriptor.OutputSchemaJson is null ? (JsonElement?)null : ParseSchema(descriptor.Name, "output", descriptor.OutputSchemaJson);
        if (output is { } outputSchema)
        {
            EnsureCopilotSafe(descriptor.Name, "output", outputSchema);
        }

        EnsureRolesAreArguments(descriptor, input);
        SchemaBinder? schemaBinder = null;
        if (descriptor.Binder is null)
        {
            try
            {
                schemaBinder = new SchemaBinder(descriptor);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                throw Invalid(descriptor.Name, $"input schema cannot be compiled for validation: {ex.Message}");
            }
        }

        return new ServedTool(descriptor, pluginName, input, output, calls, schemaBinder);
    }

    // resources/read finds a resource by its URI and a template by matching it: both must be there and well formed.
    private static void EnsureUri(ToolDescriptor descriptor)
    {
        switch (descriptor.Kind)
        {
            case ToolKind.Resource when descriptor.Uri is null || descriptor.Uri.Contains('{') || !Uri.TryCreate(descriptor.Uri, UriKind.Absolute, out _):
                throw Invalid(descriptor.Name, $"is a resource without an absolute URI ('{descriptor.Uri}')");
            case ToolKind.ResourceTemplate when descriptor.Uri is null || !descriptor.Uri.Contains('{') || !descriptor.Uri.Contains("://", StringComparison.Ordinal):
                throw Invalid(descriptor.Name, $"is a resource template without a URI template ('{descriptor.Uri}')");
            case ToolKind.Tool or ToolKind.Prompt or ToolKind.Completion when descriptor.Uri is not null:
                throw Invalid(descriptor.Name, "has a URI but is not a resource");
        }
    }

    // A role naming an argument the schema does not have would silently count nothing (or target nothing).
    private static void EnsureRolesAreArguments(ToolDescriptor descriptor, JsonElement input)
    {
        var roles = descriptor.Roles ?? throw Invalid(descriptor.Name, "has no argument roles");
        var properties = input.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object ? declared : default;
        foreach (var name in new[] { roles.Region, roles.Account, roles.Regions, roles.Accounts, roles.PageSize }.OfType<string>().Concat(roles.Resources).Concat(roles.Counts).Concat(roles.Narrowing))
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out _))
            {
                throw Invalid(descriptor.Name, $"declares the role of argument '{name}', which its input schema does not have");
            }
        }

        // What the fan-out runner needs to share a page among targets and merge their answers (AWSMCP032 for generated tools).
        if (roles.FansOut && (!descriptor.Annotations.ReadOnly || roles.PageToken is null || roles.PageSize is null || roles.PageItems is null))
        {
            throw Invalid(descriptor.Name, "fans out but is not a read-only tool with a page token, a page size and page items");
        }
    }

    private static JsonElement ParseSchema(string toolName, string which, string json)
    {
        JsonElement schema;
        try
        {
            using var document = JsonDocument.Parse(json);
            schema = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Invalid(toolName, $"{which} schema is not valid JSON: {ex.Message}");
        }

        return schema.ValueKind == JsonValueKind.Object ? schema : throw Invalid(toolName, $"{which} schema must be a JSON object");
    }

    private static void EnsureCopilotSafe(string toolName, string which, JsonElement schema)
    {
        var problems = CopilotSchemaRules.Check(schema);
        if (problems.Count > 0)
        {
            throw Invalid(toolName, $"{which} schema is not Copilot-safe: {string.Join("; ", problems)}");
        }
    }

    private static PluginLoadException Invalid(string toolName, string problem) =>
        new(PluginLoadStages.ValidateDescriptors, $"tool '{toolName}' {problem}");

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex NamePattern();
}
