using System.Text.Json;
using AwsMcp.Abstractions.Schema;
using Xunit;

namespace AwsMcp.Generators.Tests;

public sealed class CopilotSchemaRulesTests
{
    [Fact]
    public void AcceptsAFlatObjectSchema()
    {
        Assert.Empty(Check("""
            { "type": "object", "properties": { "a": { "type": "string" }, "b": { "type": "array", "items": { "type": "integer", "minimum": 1 } } },
              "required": ["a"], "additionalProperties": false }
            """));
    }

    [Theory]
    [InlineData("""{ "type": "array", "items": { "type": "string" } }""", "(root): the root schema must have \"type\": \"object\"")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": ["string", "null"] } } }""", "/properties/a: 'type' is an array")]
    [InlineData("""{ "type": "object", "properties": { "a": { "description": "x" } } }""", "/properties/a: 'type' is missing")]
    [InlineData("""{ "type": "object", "properties": { "a": { "$ref": "#/$defs/A", "type": "object" } } }""", "/properties/a: '$ref' is not allowed")]
    [InlineData("""{ "type": "object", "$defs": { } }""", "(root): '$defs' is not allowed")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string", "anyOf": [] } } }""", "/properties/a: 'anyOf' is not allowed")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string", "oneOf": [] } } }""", "/properties/a: 'oneOf' is not allowed")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "integer", "exclusiveMinimum": 0 } } }""", "/properties/a: numeric 'exclusiveMinimum' is not allowed")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "required": ["b"] }""", "(root): required property 'b' is not in 'properties'")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "array" } } }""", "/properties/a: an array schema needs 'items'")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "array", "items": { "type": "object", "properties": { "x/y": { "type": ["a"] } } } } } }""", "/properties/a/items/properties/x~1y: 'type' is an array")]
    [InlineData("""{ "type": "object", "additionalProperties": { "type": ["string"] } }""", "/additionalProperties: 'type' is an array")]
    public void ReportsViolationsWithJsonPointers(string schema, string expected)
    {
        IReadOnlyList<string> violations = Check(schema);

        Assert.Contains(violations, v => v.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void BooleanExclusiveBounds_AreAllowed()
    {
        Assert.Empty(Check("""{ "type": "object", "properties": { "a": { "type": "number", "minimum": 0, "exclusiveMinimum": true } } }"""));
    }

    private static IReadOnlyList<string> Check(string schema)
    {
        using JsonDocument document = JsonDocument.Parse(schema);
        return CopilotSchemaRules.Check(document.RootElement);
    }
}
