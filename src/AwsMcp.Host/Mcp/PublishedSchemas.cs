using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Mcp;

/// <summary>How much of an input schema <c>tools/list</c> publishes (<c>AwsMcp:Mcp:InputSchemas</c>).</summary>
public enum InputSchemaDetail
{
    /// <summary>Without the keywords only a validator reads (patterns, lengths, item counts); the binder enforces them.</summary>
    Lean,

    /// <summary>The schema as the tool declares it.</summary>
    Full,
}

/// <summary>How much of an output schema <c>tools/list</c> publishes (<c>AwsMcp:Mcp:OutputSchemas</c>).</summary>
public enum OutputSchemaDetail
{
    /// <summary>The result's top-level properties with their types; nested values by type only.</summary>
    Compact,

    /// <summary>The schema as the tool declares it, descriptions and nested shapes included.</summary>
    Full,

    /// <summary>No output schema (clients then take structured content as it comes).</summary>
    None,
}

/// <summary>
/// The schemas a tool is listed with. Every client puts <c>tools/list</c> into a model's context on every turn, so
/// by default what the model cannot use is left out: the <c>account</c> (or <c>accounts</c>) argument when no accounts are configured (its
/// only valid value is none); the keywords only a validator reads (<c>pattern</c>, lengths, item counts, formats,
/// <c>additionalProperties</c>, and <c>enum</c>, whose values the description lists), since the tool's binder checks
/// every one of them and names the field; and the descriptions and nested shapes of output schemas (a model reads the
/// result, not its schema). Types, bounds, defaults, descriptions and what is required stay. What is
/// published is always a schema the tool's valid arguments and real results satisfy; <c>Full</c> publishes the tool's own.
/// </summary>
public sealed class PublishedSchemas(IOptions<McpOptions> mcp, IOptions<AwsOptions> aws)
{
    // What only a validator reads; an enum is listed in the description too (Copilot Studio ignores `enum`).
    private static readonly string[] ValidatorOnly = ["pattern", "minLength", "maxLength", "minItems", "maxItems", "format", "enum", "additionalProperties"];

    public JsonElement Input(ServedTool tool)
    {
        var roles = tool.Roles;
        // The account list too: without configured accounts it has no valid value.
        var account = roles.Account ?? roles.Accounts;
        var dropAccount = account is not null && aws.Value.Accounts.Count == 0;
        if (mcp.Value.InputSchemas == InputSchemaDetail.Full && !dropAccount)
        {
            return tool.InputSchema;
        }

        var schema = JsonNode.Parse(tool.InputSchema.GetRawText())!.AsObject();
        if (schema["properties"] is JsonObject properties)
        {
            if (dropAccount)
            {
                properties.Remove(account!);
            }

            if (mcp.Value.InputSchemas == InputSchemaDetail.Lean)
            {
                schema.Remove("additionalProperties"); // unknown arguments are refused by the binder, naming them
                foreach (var (_, property) in properties)
                {
                    WithoutValidatorOnly(property);
                }
            }
        }

        return ToElement(schema);
    }

    public JsonElement? Output(JsonElement? schema) => mcp.Value.OutputSchemas switch
    {
        _ when schema is null => null,
        OutputSchemaDetail.Full => schema,
        OutputSchemaDetail.None => null,
        _ => ToElement(Compact(JsonNode.Parse(schema.Value.GetRawText())!.AsObject(), topLevel: true)),
    };

    private static void WithoutValidatorOnly(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        foreach (var keyword in ValidatorOnly)
        {
            schema.Remove(keyword);
        }

        if (schema["default"] is JsonValue value && value.GetValueKind() == JsonValueKind.False)
        {
            schema.Remove("default"); // absent means false
        }

        WithoutValidatorOnly(schema["items"]);
    }

    private static JsonObject Compact(JsonObject schema, bool topLevel)
    {
        var compact = new JsonObject();
        if (schema["type"] is { } type)
        {
            compact["type"] = type.DeepClone();
        }

        if (topLevel && schema["properties"] is JsonObject properties)
        {
            var kept = new JsonObject();
            foreach (var (name, property) in properties)
            {
                kept[name] = property is JsonObject nested ? Compact(nested, topLevel: false) : property?.DeepClone();
            }

            compact["properties"] = kept;
        }
        else if (schema["items"] is JsonObject items)
        {
            compact["items"] = Compact(items, topLevel: false);
        }

        return compact;
    }

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
