using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Schema;
using AwsMcp.Generators.Tests.Infrastructure;
using Xunit;

namespace AwsMcp.Generators.Tests;

public sealed class GeneratedSchemaTests
{
    [Theory]
    [InlineData(nameof(TestSources.Representative), TestSources.Representative)]
    [InlineData(nameof(TestSources.EdgeCases), TestSources.EdgeCases)]
    [InlineData(nameof(TestSources.Features), TestSources.Features)]
    public void EverySchema_IsValidJsonAndCopilotSafe(string name, string source)
    {
        using LoadedToolPack pack = LoadedToolPack.Compile(source);

        Assert.NotEmpty(pack.Tools);
        foreach (ToolDescriptor tool in pack.Tools)
        {
            foreach (string? schema in new[] { tool.InputSchemaJson, tool.OutputSchemaJson })
            {
                if (schema is null)
                {
                    continue;
                }

                using JsonDocument document = JsonDocument.Parse(schema);
                IReadOnlyList<string> violations = CopilotSchemaRules.Check(document.RootElement);
                Assert.True(violations.Count == 0, $"{name}/{tool.Name}: {string.Join("; ", violations)}");
            }
        }
    }

    [Fact]
    public void NullableParameter_IsNotRequiredAndHasASingleType()
    {
        using LoadedToolPack pack = LoadedToolPack.Compile(TestSources.Representative);
        using JsonDocument schema = JsonDocument.Parse(pack["search_instances"].InputSchemaJson);
        JsonElement root = schema.RootElement;

        Assert.Equal(["filters"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("string", root.GetProperty("properties").GetProperty("next_token").GetProperty("type").GetString());
        Assert.Equal(25, root.GetProperty("properties").GetProperty("max_results").GetProperty("default").GetInt32());
        Assert.Equal("newest", root.GetProperty("properties").GetProperty("order").GetProperty("default").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
    }
}
