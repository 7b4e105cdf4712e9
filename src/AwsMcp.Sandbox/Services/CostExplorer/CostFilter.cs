using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>
/// CE's filter <c>Expression</c>, the supported subset: <c>Dimensions</c> (SERVICE, REGION, LINKED_ACCOUNT, RECORD_TYPE;
/// MatchOptions EQUALS), <c>Tags</c> (MatchOptions EQUALS or ABSENT), <c>Not</c>, <c>And</c>, <c>Or</c>. Each expression
/// must have exactly one root, as CE requires; cost categories and other match options are rejected with ValidationException.
/// </summary>
public static class CostFilter
{
    public static Func<CostRecord, bool> Parse(JsonNode? expression, JsonInput input)
    {
        if (expression is null)
        {
            return _ => true;
        }

        if (expression is not JsonObject node)
        {
            throw input.Invalid("Filter must be an Expression object.");
        }

        var roots = node.Where(pair => pair.Value is not null).ToList();
        if (roots.Count != 1)
        {
            throw input.Invalid("Expression must have exactly one root: one of And, Or, Not, Dimensions, Tags or CostCategories.");
        }

        var (kind, value) = (roots[0].Key, roots[0].Value!);
        switch (kind)
        {
            case "Not":
                var inner = Parse(value, input);
                return record => !inner(record);
            case "And" or "Or":
                var parts = (value as JsonArray ?? throw input.Invalid($"{kind} must be a list of expressions.")).Select(part => Parse(part, input)).ToList();
                if (parts.Count < 2)
                {
                    throw input.Invalid($"{kind} expression must have at least 2 operands.");
                }

                return kind == "And" ? record => parts.All(part => part(record)) : record => parts.Any(part => part(record));
            case "Dimensions":
                var dimension = Selector(Leaf(value, input, ["EQUALS"], out var values), input);
                return record => values.Contains(dimension(record));
            case "Tags":
                var tagKey = Leaf(value, input, ["EQUALS", "ABSENT"], out var tagValues);
                var absent = (value["MatchOptions"] as JsonArray)?.Any(option => (string?)option == "ABSENT") == true;
                return absent ? record => record.Tag(tagKey) is null : record => record.Tag(tagKey) is { } tag && tagValues.Contains(tag);
            default:
                throw input.Invalid($"The sandbox supports And, Or, Not, Dimensions and Tags filters, not {kind}.");
        }
    }

    /// <summary>The record's value of a dimension usable in filters and GroupBy.</summary>
    public static Func<CostRecord, string> Selector(string dimension, JsonInput input) =>
        dimension switch
        {
            "SERVICE" => record => record.Service,
            "REGION" => record => record.Region,
            "LINKED_ACCOUNT" => record => record.Account,
            "RECORD_TYPE" => record => record.RecordType,
            _ => throw input.Invalid($"The sandbox supports the dimensions SERVICE, REGION, LINKED_ACCOUNT and RECORD_TYPE, not {dimension}."),
        };

    private static string Leaf(JsonNode value, JsonInput input, string[] allowedOptions, out HashSet<string> values)
    {
        var key = (string?)value["Key"] ?? throw input.Invalid("A Dimensions or Tags expression needs a Key.");
        values = (value["Values"] as JsonArray)?.Select(item => (string?)item ?? string.Empty).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var option in (value["MatchOptions"] as JsonArray ?? []).Select(item => (string?)item))
        {
            if (!allowedOptions.Contains(option))
            {
                throw input.Invalid($"MatchOptions {option} is not supported here by the sandbox; use {string.Join(" or ", allowedOptions)}.");
            }
        }

        return key;
    }
}
