using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Schema;
using AwsMcp.Host.Tools;
using NJsonSchema;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Checks a plugin's descriptors before any of them is served: the name rules clients share, schemas that parse,
/// are object schemas, are safe for Copilot Studio and can be compiled for argument validation.
/// </summary>
public static partial class DescriptorValidator
{
    /// <summary>Validates every descriptor of one plugin; the first problem fails the whole plugin.</summary>
    public static async Task<IReadOnlyList<ServedTool>> ValidateAsync(
        string pluginName, IReadOnlyList<ToolDescriptor> descriptors, CancellationToken cancellationToken)
    {
        var tools = new List<ServedTool>(descriptors.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            var tool = await ValidateAsync(pluginName, descriptor, cancellationToken);
            if (!names.Add(tool.Name))
            {
                throw Invalid(descriptor.Name, "is declared twice in the plugin");
            }

            tools.Add(tool);
        }

        return tools;
    }

    private static async Task<ServedTool> ValidateAsync(string pluginName, ToolDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (descriptor.Name is null || !NamePattern().IsMatch(descriptor.Name))
        {
            throw Invalid(descriptor.Name ?? "(null)", "has an invalid name: tool names must match ^[a-z0-9_]{1,64}$");
        }

        if (string.IsNullOrWhiteSpace(descriptor.Description))
        {
            throw Invalid(descriptor.Name, "has no description; clients choose tools by their description");
        }

        if (descriptor.Invoker is null)
        {
            throw Invalid(descriptor.Name, "has no invoker");
        }

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

        JsonSchema argumentSchema;
        try
        {
            argumentSchema = await JsonSchema.FromJsonAsync(descriptor.InputSchemaJson, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Invalid(descriptor.Name, $"input schema cannot be compiled for validation: {ex.Message}");
        }

        return new ServedTool(descriptor, pluginName, input, output, argumentSchema);
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
