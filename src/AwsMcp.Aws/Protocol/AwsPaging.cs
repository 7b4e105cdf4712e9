using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AwsMcp.Aws.Protocol;

/// <summary>
/// Page loops for the token styles these services use: awsJson <c>nextToken</c> (Logs), <c>NextToken</c> (Budgets),
/// <c>NextPageToken</c> (Cost Explorer); restJson <c>Marker</c>/<c>NextMarker</c> (Lambda); awsQuery
/// <c>IsTruncated</c>+<c>Marker</c> (IAM) or <c>NextToken</c>. Each page is fetched when the consumer asks for it.
/// </summary>
public static class AwsPaging
{
    /// <summary>awsJson pages; the request's <paramref name="tokenName"/> is set from the previous page's same-named member. The caller disposes each page.</summary>
    /// <param name="outputTokenName">The response member holding the next token, when it differs from <paramref name="tokenName"/>.</param>
    public static async IAsyncEnumerable<JsonDocument> PaginateJsonAsync(
        this AwsProtocolClient client,
        string operation,
        JsonObject request,
        string tokenName,
        [EnumeratorCancellation] CancellationToken ct,
        string? outputTokenName = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var input = (JsonObject)request.DeepClone();
        string? token;
        do
        {
            var page = await client.InvokeJsonAsync(operation, input, ct);
            token = StringMember(page.RootElement, outputTokenName ?? tokenName);
            yield return page;
            input[tokenName] = token;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>restJson GET pages: the query parameter <paramref name="tokenQueryName"/> carries the response's <paramref name="outputTokenName"/>.</summary>
    public static async IAsyncEnumerable<JsonDocument> PaginateRestAsync(
        this AwsProtocolClient client,
        string path,
        IReadOnlyDictionary<string, string>? query,
        string tokenQueryName,
        string outputTokenName,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var parameters = new Dictionary<string, string>(query ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        string? token;
        do
        {
            var response = await client.InvokeRestAsync(HttpMethod.Get, path, parameters, body: null, headers: null, ct);
            var page = response.Json();
            token = StringMember(page.RootElement, outputTokenName);
            yield return page;
            parameters[tokenQueryName] = token ?? string.Empty;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>awsQuery result pages: <c>IsTruncated</c>+<c>Marker</c> (IAM), else a non-empty <c>NextToken</c>.</summary>
    public static async IAsyncEnumerable<XElement> PaginateQueryAsync(
        this AwsProtocolClient client,
        string action,
        IReadOnlyDictionary<string, string> parameters,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(parameters);
        var input = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        while (true)
        {
            var result = await client.InvokeQueryAsync(action, input, ct);
            yield return result;
            var truncated = string.Equals(Child(result, "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
            if (truncated && Child(result, "Marker") is { Length: > 0 } marker)
            {
                input["Marker"] = marker;
            }
            else if (!truncated && Child(result, "NextToken") is { Length: > 0 } next)
            {
                input["NextToken"] = next;
            }
            else
            {
                yield break;
            }
        }
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Child(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
}
