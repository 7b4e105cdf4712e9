using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>
/// Holds a prompt to the pack it belongs to, so that its text cannot drift from the tools it tells a model to call:
/// every snake_case word in it must be a tool of the pack, an argument or result field of one of its tools, or one of
/// their enum values; the tools it names come in the order it means; and the host's redaction left it whole.
/// </summary>
internal static partial class PromptVocabulary
{
    public static void AssertMatchesPack(string prompt, IReadOnlyList<ToolDescriptor> pack, params string[] toolsInOrder)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(pack);
        // The host redacts what looks like "secret name: value"; a prompt that trips it reaches the model mangled.
        Assert.DoesNotContain(SecretRedactor.Mask, prompt, StringComparison.Ordinal);
        var tools = pack.Where(descriptor => descriptor.Kind == ToolKind.Tool).ToList();
        var words = tools.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var schema in tools.SelectMany(tool => new[] { tool.InputSchemaJson, tool.OutputSchemaJson }).OfType<string>())
        {
            using var document = JsonDocument.Parse(schema);
            Collect(document.RootElement, words);
        }

        var unknown = SnakeCaseWord().Matches(prompt).Select(match => match.Value).Where(word => !words.Contains(word)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"The prompt names what its pack's tools do not have: {string.Join(", ", unknown)}");

        var positions = toolsInOrder.Select(tool =>
        {
            Assert.Contains(tools, descriptor => descriptor.Name == tool);
            var at = ToolName(tool).Match(prompt);
            Assert.True(at.Success, $"The prompt does not name {tool}");
            return at.Index;
        }).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    /// <summary>Property names (at any depth) and enum values of a JSON Schema.</summary>
    private static void Collect(JsonElement schema, HashSet<string> words)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in schema.EnumerateObject())
                {
                    if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                    {
                        words.UnionWith(member.Value.EnumerateObject().Select(property => property.Name));
                    }
                    else if (member.Name == "enum" && member.Value.ValueKind == JsonValueKind.Array)
                    {
                        words.UnionWith(member.Value.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!));
                    }

                    Collect(member.Value, words);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    Collect(item, words);
                }

                break;
        }
    }

    private static Regex ToolName(string tool) => new($@"\b{Regex.Escape(tool)}\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCaseWord();
}
