using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Aws.Tests.Sandbox;

/// <summary>CloudTrail (awsJson1_1) through the product's protocol client against the sandbox: paging, SigV4 refusal, retried throttling.</summary>
public sealed class CloudTrailClientTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly JsonObject Writes = new()
    {
        ["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = "ReadOnly", ["AttributeValue"] = "false" }),
        ["MaxResults"] = 4,
    };

    private readonly ToolContext _operator = ToolContexts.For(callerId: "local");

    [Fact]
    public async Task LookupEvents_pages_with_next_token_to_the_last_page()
    {
        var client = sandbox.Factory.Protocol(AwsServiceModels.CloudTrail, _operator);

        var (pages, ids) = (0, new List<string?>());
        await foreach (var page in client.PaginateJsonAsync("LookupEvents", Writes, "NextToken", CancellationToken.None))
        {
            using (page)
            {
                pages++;
                ids.AddRange(page.RootElement.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()));
            }
        }

        Assert.True(pages > 2, $"{pages} pages");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(sandbox.Server.RequestLog, entry => entry.Service == "cloudtrail" && entry.Operation == "LookupEvents" && entry.Region == "us-east-1");
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_signature_check()
    {
        using var client = new AwsProtocolClient(AwsServiceModels.CloudTrail, new BasicAWSCredentials(SandboxIdentities.OperatorAccessKeyId, "not-the-secret"), new AwsProtocolClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = sandbox.Server.Endpoint.ToString(),
            MaxErrorRetry = 0,
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeJsonAsync("LookupEvents", [], CancellationToken.None));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }

    [Fact]
    public async Task Throttling_is_retried_until_it_clears()
    {
        sandbox.Server.Faults.FailNext("cloudtrail", "LookupEvents", SandboxFault.Throttling("cloudtrail"), times: 2);
        var client = sandbox.Factory.Protocol(AwsServiceModels.CloudTrail, ToolContexts.For(callerId: "trail-retry"));

        using var result = await client.InvokeJsonAsync("LookupEvents", new JsonObject { ["MaxResults"] = 1 }, CancellationToken.None);

        Assert.Equal(1, result.RootElement.GetProperty("Events").GetArrayLength());
        Assert.Equal(2, sandbox.Server.RequestLog.Count(entry => entry.Service == "cloudtrail" && entry.InjectedFault));
    }
}
