using System.Text.Json;

namespace AwsMcp.Iam.Shared;

/// <summary>
/// IAM policy documents: IAM returns them URL-encoded; tools return them decoded, as JSON. The readers accept both
/// shapes IAM allows for <c>Statement</c>, <c>Action</c>, <c>Resource</c> and principals: one value or a list.
/// </summary>
public static class PolicyJson
{
    public static JsonElement Decode(string urlEncoded)
    {
        ArgumentNullException.ThrowIfNull(urlEncoded);
        using var document = JsonDocument.Parse(Uri.UnescapeDataString(urlEncoded));
        return document.RootElement.Clone();
    }

    /// <summary>The statements of a policy (an object or a list of them).</summary>
    public static IEnumerable<JsonElement> Statements(JsonElement policy) =>
        policy.ValueKind == JsonValueKind.Object && policy.TryGetProperty("Statement", out var statement)
            ? statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray() : [statement]
            : [];

    /// <summary>A string-or-list member as a list; empty when absent.</summary>
    public static IReadOnlyList<string> Values(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)],
            _ => [],
        };
    }

    public static bool IsAllow(JsonElement statement) => Values(statement, "Effect").Contains("Allow");

    /// <summary>An Allow statement granting every action on every resource (<c>Action:*</c> on <c>Resource:*</c>).</summary>
    public static bool AllowsEverything(JsonElement policy) =>
        Statements(policy).Any(statement => IsAllow(statement) && Values(statement, "Action").Contains("*") && Values(statement, "Resource").Contains("*"));

    /// <summary>Who a trust policy lets assume the role: <c>*</c>, or <c>AWS:arn…</c>, <c>Service:…</c>, <c>Federated:…</c>.</summary>
    public static IReadOnlyList<string> TrustedPrincipals(JsonElement trustPolicy) =>
        [.. Statements(trustPolicy).Where(IsAllow).SelectMany(Principals).Distinct(StringComparer.Ordinal)];

    /// <summary>The Allow statements that let anyone (<c>"Principal":"*"</c> or <c>{"AWS":"*"}</c>) assume the role.</summary>
    public static IReadOnlyList<JsonElement> StatementsTrustingAnyone(JsonElement trustPolicy) =>
        [.. Statements(trustPolicy).Where(statement => IsAllow(statement) && Principals(statement).Any(principal => principal is "*" or "AWS:*"))];

    private static IEnumerable<string> Principals(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return [];
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return [principal.GetString()!];
        }

        return principal.ValueKind == JsonValueKind.Object
            ? principal.EnumerateObject().SelectMany(kind => Values(principal, kind.Name).Select(value => $"{kind.Name}:{value}"))
            : [];
    }
}
