using System.Text.Json;

namespace AwsMcp.Abstractions.Schema;

/// <summary>
/// Checks a tool's JSON Schema against what Microsoft Copilot Studio and other strict MCP clients accept: an object at
/// the root, exactly one string <c>type</c> per schema (a type array truncates the schema), everything inline (tools
/// with <c>$ref</c> are silently dropped), no <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c>/<c>not</c>, no numeric
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (a FormatException in Copilot Studio), <c>required</c> names that
/// exist, and <c>items</c> on every array.
/// </summary>
public static class CopilotSchemaRules
{
    private static readonly string[] s_forbiddenKeywords = ["$ref", "$defs", "definitions", "anyOf", "oneOf", "allOf", "not"];

    /// <summary>Every violation as <c>"{JSON pointer}: {problem}"</c>; empty when the schema is acceptable.</summary>
    public static IReadOnlyList<string> Check(JsonElement schema)
    {
        var violations = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            violations.Add("(root): the schema must be a JSON object");
            return violations;
        }

        if (!schema.TryGetProperty("type", out JsonElement rootType) || rootType.ValueKind != JsonValueKind.String || rootType.GetString() != "object")
        {
            violations.Add("(root): the root schema must have \"type\": \"object\"");
        }

        CheckSchema(schema, string.Empty, violations);
        return violations;
    }

    private static void CheckSchema(JsonElement schema, string pointer, List<string> violations)
    {
        string where = pointer.Length == 0 ? "(root)" : pointer;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"{where}: a schema must be a JSON object");
            return;
        }

        foreach (string keyword in s_forbiddenKeywords)
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                violations.Add($"{where}: '{keyword}' is not allowed; inline a single schema instead");
            }
        }

        string? type = null;
        if (!schema.TryGetProperty("type", out JsonElement typeElement))
        {
            violations.Add($"{where}: 'type' is missing; every schema needs exactly one type");
        }
        else if (typeElement.ValueKind == JsonValueKind.Array)
        {
            violations.Add($"{where}: 'type' is an array; use a single type (a nullable value is simply not required)");
        }
        else if (typeElement.ValueKind != JsonValueKind.String)
        {
            violations.Add($"{where}: 'type' must be a string");
        }
        else
        {
            type = typeElement.GetString();
        }

        foreach (string keyword in (string[])["exclusiveMinimum", "exclusiveMaximum"])
        {
            if (schema.TryGetProperty(keyword, out JsonElement bound) && bound.ValueKind == JsonValueKind.Number)
            {
                violations.Add($"{where}: numeric '{keyword}' is not allowed; use 'minimum'/'maximum'");
            }
        }

        bool hasProperties = schema.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object;
        if (hasProperties)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                CheckSchema(property.Value, $"{pointer}/properties/{Escape(property.Name)}", violations);
            }
        }

        if (schema.TryGetProperty("required", out JsonElement required))
        {
            CheckRequired(required, hasProperties ? properties : default, where, violations);
        }

        if (type == "array")
        {
            if (schema.TryGetProperty("items", out JsonElement items))
            {
                CheckSchema(items, pointer + "/items", violations);
            }
            else
            {
                violations.Add($"{where}: an array schema needs 'items'");
            }
        }

        if (schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.Object)
        {
            CheckSchema(additional, pointer + "/additionalProperties", violations);
        }
    }

    private static void CheckRequired(JsonElement required, JsonElement properties, string where, List<string> violations)
    {
        if (required.ValueKind != JsonValueKind.Array)
        {
            violations.Add($"{where}: 'required' must be an array of property names");
            return;
        }

        foreach (JsonElement name in required.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                violations.Add($"{where}: 'required' must contain only strings");
            }
            else if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name.GetString()!, out _))
            {
                violations.Add($"{where}: required property '{name.GetString()}' is not in 'properties'");
            }
        }
    }

    /// <summary>RFC 6901 escaping of a JSON pointer segment.</summary>
    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
