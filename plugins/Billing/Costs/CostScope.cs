using System.Text.Json.Nodes;
using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Costs;

/// <summary>
/// Which costs a query counts: optionally one linked account, region or tag value, and whether credits and refunds
/// are netted in. Credits and refunds are left out by default because they hide what resources actually cost (a
/// monthly credit makes a growing bill look flat).
/// </summary>
/// <param name="LinkedAccount">A 12-digit member account id.</param>
/// <param name="Region">An AWS region code, e.g. <c>eu-west-1</c>.</param>
/// <param name="TagKey">A cost-allocation tag key; needs <paramref name="TagValue"/>.</param>
/// <param name="TagValue">The tag value to keep.</param>
/// <param name="IncludeCreditsAndRefunds">Net credits and refunds into the figures.</param>
public sealed record CostScope(
    string? LinkedAccount = null,
    string? Region = null,
    string? TagKey = null,
    string? TagValue = null,
    bool IncludeCreditsAndRefunds = false)
{
    /// <summary>Checks the combination; argument names are the tool's (snake_case).</summary>
    public CostScope Validated()
    {
        if (LinkedAccount is not null && (LinkedAccount.Length != 12 || !LinkedAccount.All(char.IsAsciiDigit)))
        {
            throw new ToolArgumentException("linked_account", "must be a 12-digit AWS account id.");
        }

        if ((TagKey is null) != (TagValue is null))
        {
            throw new ToolArgumentException(TagKey is null ? "tag_key" : "tag_value", "tag_key and tag_value go together.");
        }

        return this;
    }

    /// <summary>The Cost Explorer filter <c>Expression</c>, or null when nothing is filtered. CE wants exactly one root, so several conditions are joined with And.</summary>
    public JsonObject? ToFilter()
    {
        var conditions = new List<JsonObject>();
        if (!IncludeCreditsAndRefunds)
        {
            conditions.Add(new JsonObject { ["Not"] = Dimension("RECORD_TYPE", "Credit", "Refund") });
        }

        if (LinkedAccount is not null)
        {
            conditions.Add(Dimension("LINKED_ACCOUNT", LinkedAccount));
        }

        if (Region is not null)
        {
            conditions.Add(Dimension("REGION", Region));
        }

        if (TagKey is not null && TagValue is not null)
        {
            conditions.Add(new JsonObject
            {
                ["Tags"] = new JsonObject { ["Key"] = TagKey, ["Values"] = new JsonArray(TagValue), ["MatchOptions"] = new JsonArray("EQUALS") },
            });
        }

        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new JsonObject { ["And"] = new JsonArray([.. conditions]) },
        };
    }

    private static JsonObject Dimension(string key, params string[] values) =>
        new() { ["Dimensions"] = new JsonObject { ["Key"] = key, ["Values"] = new JsonArray([.. values.Select(value => (JsonNode)value)]) } };
}
