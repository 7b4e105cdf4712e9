using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The first answer of a destructive tool: what would change, where, and how to confirm. A successful result (not
/// an error), so that clients show it and models relay it; the text is JSON so that both can read it.
/// </summary>
public static class ConfirmationPlan
{
    public static ToolResult Create(ToolCall call, string token, DateTimeOffset expires)
    {
        var tool = call.Tool.Name;
        var plan = new JsonObject
        {
            ["status"] = "confirmation_required",
            ["tool"] = tool,
            ["summary"] = $"'{tool}' makes a change that cannot be undone: {FirstSentence(call.Tool.Descriptor.Description)}",
            ["account"] = call.Account ?? "the server's own account",
            ["region"] = call.Region ?? "the SDK default",
            ["targets"] = new JsonArray([.. Targets(call.Arguments).Select(t => (JsonNode?)JsonValue.Create(t))]),
            ["arguments"] = JsonNode.Parse(call.Arguments.GetRawText()),
            ["confirmation_token"] = token,
            ["expires_at"] = expires.ToString("o", CultureInfo.InvariantCulture),
            ["next_step"] =
                $"Nothing has changed yet. Show this plan to the user and ask for approval. If they approve, call '{tool}' again with exactly " +
                $"the same arguments plus \"{ConfirmationArgument.Name}\" set to the token above. The token works once, only for you, " +
                "and expires at expires_at.",
        };
        return new ToolResult(plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>What the call would act on: the values of arguments named like resources (<c>*_id(s)</c>, <c>*_name(s)</c>, <c>bucket</c>).</summary>
    private static IEnumerable<string> Targets(JsonElement arguments) =>
        arguments.ValueKind != JsonValueKind.Object
            ? []
            : arguments.EnumerateObject()
                .Where(p => IsResourceName(p.Name))
                .SelectMany(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToArray() : [p.Value])
                .Where(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(v => v.ToString());

    private static bool IsResourceName(string name) =>
        name is "bucket" or "name" or "arn" || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal)
        || name.EndsWith("_name", StringComparison.Ordinal) || name.EndsWith("_names", StringComparison.Ordinal) || name.EndsWith("_arn", StringComparison.Ordinal);

    private static string FirstSentence(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? description : description[..(end + 1)];
    }
}
