using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Shared;

/// <summary>
/// IAM's awsQuery API as the Iam tools use it: every request through <see cref="AwsCall"/> (one audit entry each,
/// plain errors), pages by <c>Marker</c>/<c>MaxItems</c>, and results as the <c>&lt;ActionResult&gt;</c> element.
/// </summary>
public sealed class IamClient(ToolPackContext context)
{
    /// <summary>IAM's own maximum for MaxItems.</summary>
    private const int MaxItemsPerRequest = 1000;

    private static readonly AwsServiceModel Model = AwsServiceModels.Iam;

    public AwsClientFactory Aws { get; } = AwsClientFactory.For(context);

    /// <summary>The pack's shared instance.</summary>
    public static IamClient For(ToolPackContext pack) => pack.GetOrCreate(static context => new IamClient(context));

    /// <summary>One request; returns its result element.</summary>
    public Task<XElement> QueryAsync(ToolContext ctx, string action, IReadOnlyDictionary<string, string> parameters)
    {
        var client = Aws.Protocol(Model, ctx);
        return AwsCall.ProtocolAsync(ctx, Aws.Target(ctx, Model, action), ct => client.InvokeQueryAsync(action, parameters, ct));
    }

    /// <summary>One request for an entity that may not exist (a login profile, a role): null on NoSuchEntity.</summary>
    public Task<XElement?> QueryIfExistsAsync(ToolContext ctx, string action, IReadOnlyDictionary<string, string> parameters)
    {
        var client = Aws.Protocol(Model, ctx);
        return AwsCall.ProtocolAsync<XElement?>(ctx, Aws.Target(ctx, Model, action), async ct =>
        {
            try
            {
                return await client.InvokeQueryAsync(action, parameters, ct);
            }
            catch (AwsServiceException error) when (error.ErrorCode == "NoSuchEntity")
            {
                return null;
            }
        });
    }

    /// <summary>
    /// One page of a list action: the <c>member</c>s of <paramref name="listName"/>, with IAM's <c>Marker</c> for the
    /// next page as the tool's <c>next_token</c>. IAM may answer fewer than MaxItems; has_more still says whether more follow.
    /// </summary>
    public async Task<ToolPage<XElement>> PageAsync(
        ToolContext ctx, string action, IReadOnlyDictionary<string, string> parameters, string listName, int maxItems, string? marker)
    {
        var request = new Dictionary<string, string>(parameters, StringComparer.Ordinal) { ["MaxItems"] = maxItems.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(marker))
        {
            request["Marker"] = marker;
        }

        var result = await QueryAsync(ctx, action, request);
        var truncated = string.Equals(AwsQueryXml.Text(result, "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
        return new ToolPage<XElement>([.. AwsQueryXml.Members(result, listName)], truncated ? AwsQueryXml.Text(result, "Marker") : null);
    }

    /// <summary>Every member of a list action, page after page.</summary>
    public async Task<IReadOnlyList<XElement>> ListAllAsync(
        ToolContext ctx, string action, IReadOnlyDictionary<string, string> parameters, string listName)
    {
        var all = new List<XElement>();
        string? marker = null;
        do
        {
            var page = await PageAsync(ctx, action, parameters, listName, MaxItemsPerRequest, marker);
            all.AddRange(page.Items);
            marker = page.NextToken;
        }
        while (marker is not null);

        return all;
    }
}
