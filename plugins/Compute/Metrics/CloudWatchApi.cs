using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Metrics;

/// <summary>CloudWatch calls (awsQuery, <see cref="AwsServiceModels.CloudWatch"/>) made through <see cref="AwsCall"/>, named <c>cloudwatch:…</c> as IAM names them.</summary>
internal sealed class CloudWatchApi(AwsClientFactory aws)
{
    /// <summary>The pack's shared instance.</summary>
    public static CloudWatchApi For(ToolPackContext pack) => pack.GetOrCreate(static context => new CloudWatchApi(AwsClientFactory.For(context)));

    /// <summary>One request; returns its <c>&lt;ActionResult&gt;</c> element.</summary>
    public Task<XElement> QueryAsync(ToolContext ctx, string action, IReadOnlyDictionary<string, string> parameters) =>
        AwsCall.ProtocolAsync(ctx, aws.Target(ctx, "cloudwatch", action), ct => aws.Protocol(AwsServiceModels.CloudWatch, ctx).InvokeQueryAsync(action, parameters, ct));

    /// <summary>One page of a list action that pages with <c>NextToken</c>: the <c>member</c>s of <paramref name="listName"/>.</summary>
    public async Task<AwsPage<XElement>> PageAsync(ToolContext ctx, string action, Dictionary<string, string> parameters, string listName, string? nextToken)
    {
        if (nextToken is not null)
        {
            parameters["NextToken"] = nextToken;
        }

        var result = await QueryAsync(ctx, action, parameters);
        return new AwsPage<XElement>([.. AwsQueryXml.Members(result, listName)], AwsQueryXml.Text(result, "NextToken") is { Length: > 0 } next ? next : null);
    }
}
