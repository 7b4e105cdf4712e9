using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>One <c>GroupBy</c> entry: a DIMENSION (SERVICE, REGION, LINKED_ACCOUNT, RECORD_TYPE) or a TAG key (keys <c>Key$value</c>, <c>Key$</c> when untagged).</summary>
public sealed record CostGroupBy(string Type, string Key, Func<CostRecord, string> KeyOf)
{
    public const int MaxGroupBys = 2;

    public static IReadOnlyList<CostGroupBy> Parse(JsonNode? groupBy, JsonInput input)
    {
        var entries = groupBy as JsonArray ?? [];
        if (entries.Count > MaxGroupBys)
        {
            throw input.Invalid("You can only group by up to two different groups.");
        }

        var groups = entries.Select(entry =>
        {
            var type = (string?)entry?["Type"];
            var key = (string?)entry?["Key"] ?? throw input.Invalid("GroupBy needs a Key.");
            return type switch
            {
                "DIMENSION" => new CostGroupBy(type, key, CostFilter.Selector(key, input)),
                "TAG" => new CostGroupBy(type, key, record => $"{key}${record.Tag(key)}"),
                _ => throw input.Invalid($"GroupBy Type must be DIMENSION or TAG in the sandbox, not {type ?? "null"}."),
            };
        }).ToList();
        if (groups.DistinctBy(group => (group.Type, group.Key)).Count() != groups.Count)
        {
            throw input.Invalid("Group Definitions must be unique.");
        }

        return groups;
    }

    public JsonObject Definition() => new() { ["Type"] = Type, ["Key"] = Key };
}
