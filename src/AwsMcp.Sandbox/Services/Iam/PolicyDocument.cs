using System.Text.Json.Nodes;

namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A parsed IAM policy (identity or trust policy) and the JSON text AWS returns for it.</summary>
public sealed class PolicyDocument
{
    private PolicyDocument(string json, IReadOnlyList<PolicyStatement> statements)
    {
        Json = json;
        Statements = statements;
    }

    public string Json { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>The document as IAM puts it on the wire: RFC 3986 percent-encoded JSON.</summary>
    public string UrlEncoded => Uri.EscapeDataString(Json);

    public static PolicyDocument Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("A policy document must be a JSON object.");
        var statements = root["Statement"] switch
        {
            JsonArray array => array.Select(node => ParseStatement(node!.AsObject())).ToList(),
            JsonObject single => [ParseStatement(single)],
            _ => throw new FormatException("A policy document needs a Statement."),
        };
        return new PolicyDocument(json, statements);
    }

    private static PolicyStatement ParseStatement(JsonObject statement) =>
        new(
            (string?)statement["Sid"],
            (string?)statement["Effect"] == "Allow",
            Strings(statement["Action"] ?? statement["NotAction"]),
            statement["NotAction"] is not null,
            Strings(statement["Resource"] ?? statement["NotResource"]),
            statement["NotResource"] is not null,
            ParsePrincipal(statement["Principal"]),
            ParseConditions(statement["Condition"] as JsonObject));

    private static PolicyPrincipal? ParsePrincipal(JsonNode? principal) =>
        principal switch
        {
            null => null,
            JsonValue value when (string?)value == "*" => new PolicyPrincipal(true, [], []),
            JsonObject map => new PolicyPrincipal(false, Strings(map["AWS"]), Strings(map["Service"])),
            _ => throw new FormatException("Unsupported Principal."),
        };

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ParseConditions(JsonObject? conditions) =>
        (conditions ?? []).ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyDictionary<string, IReadOnlyList<string>>)pair.Value!.AsObject().ToDictionary(
                entry => entry.Key,
                entry => Strings(entry.Value),
                StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node switch
        {
            null => [],
            JsonArray array => array.Select(item => item!.ToString()).ToList(),
            _ => [node.ToString()],
        };
}
