using System.Net;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;

namespace AwsMcp.Aws.Tests.Sandbox;

/// <summary>The factory's SDK and protocol clients against the sandbox, which verifies every SigV4 signature.</summary>
public sealed class SandboxClientTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly ToolContext _operator = ToolContexts.For(callerId: "local");

    private AwsMcp.Aws.Clients.AwsClientFactory Factory => sandbox.Factory;

    [Fact]
    public async Task Sdk_clients_reach_the_sandbox()
    {
        var instances = await Factory.Ec2(_operator).DescribeInstancesAsync(new DescribeInstancesRequest());
        var buckets = await Factory.S3(_operator).ListBucketsAsync();
        var identity = await Factory.Sts(_operator).GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.NotEmpty(instances.Reservations.OrEmpty().SelectMany(reservation => reservation.Instances.OrEmpty()));
        Assert.NotEmpty(buckets.Buckets.OrEmpty());
        Assert.Equal($"arn:aws:iam::{SandboxIdentities.DefaultAccount}:user/sandbox-operator", identity.Arn);
    }

    [Fact]
    public async Task Lambda_pages_to_the_last_page()
    {
        var client = Factory.Protocol(AwsServiceModels.Lambda, _operator);

        var (pages, items) = await CountJsonPages(
            client.PaginateRestAsync("/2015-03-31/functions", new Dictionary<string, string> { ["MaxItems"] = "2" }, "Marker", "NextMarker", CancellationToken.None),
            "Functions");

        Assert.True(pages > 1, $"{pages} pages");
        Assert.True(items > 2, $"{items} functions");
    }

    [Fact]
    public async Task Logs_pages_with_next_token()
    {
        var client = Factory.Protocol(AwsServiceModels.CloudWatchLogs, _operator);

        var (pages, items) = await CountJsonPages(
            client.PaginateJsonAsync("DescribeLogGroups", new JsonObject { ["limit"] = 1 }, "nextToken", CancellationToken.None),
            "logGroups");

        Assert.Equal(items, pages);
        Assert.True(items > 1);
    }

    [Fact]
    public async Task Cost_explorer_and_budgets_answer_through_their_global_endpoints()
    {
        var today = DateTime.UtcNow.Date;
        var end = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var start = end.AddMonths(-3);
        var ce = Factory.Protocol(AwsServiceModels.CostExplorer, _operator);
        var budgets = Factory.Protocol(AwsServiceModels.Budgets, _operator);

        using var costs = await ce.InvokeJsonAsync(
            "GetCostAndUsage",
            new JsonObject
            {
                ["TimePeriod"] = new JsonObject { ["Start"] = start.ToString("yyyy-MM-dd"), ["End"] = end.ToString("yyyy-MM-dd") },
                ["Granularity"] = "MONTHLY",
                ["Metrics"] = new JsonArray("UnblendedCost"),
            },
            CancellationToken.None);
        using var budgetList = await budgets.InvokeJsonAsync(
            "DescribeBudgets", new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount }, CancellationToken.None);

        Assert.Equal(3, costs.RootElement.GetProperty("ResultsByTime").GetArrayLength());
        Assert.True(budgetList.RootElement.GetProperty("Budgets").GetArrayLength() > 0);
        // Both are global: signed for us-east-1 although nothing here names that region.
        Assert.All(
            sandbox.Server.RequestLog.Where(entry => entry.Service is "ce" or "budgets"),
            entry => Assert.Equal("us-east-1", entry.Region));
    }

    [Fact]
    public async Task Every_signature_is_verified_by_the_sandbox()
    {
        var eu = ToolContexts.For(callerId: "signatures", region: "eu-central-1");
        await Factory.Ec2(eu).DescribeRegionsAsync(new DescribeRegionsRequest());
        await Factory.Protocol(AwsServiceModels.Lambda, eu).InvokeRestAsync(
            HttpMethod.Get, "/2015-03-31/functions", new Dictionary<string, string> { ["MaxItems"] = "1" }, null, null, CancellationToken.None);
        await Factory.Protocol(AwsServiceModels.Iam, eu).InvokeQueryAsync("ListUsers", new Dictionary<string, string>(), CancellationToken.None);

        var mine = sandbox.Server.RequestLog.Where(entry => entry.AccessKeyId == SandboxIdentities.OperatorAccessKeyId && !entry.InjectedFault).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, entry => Assert.Equal(SignatureCheck.Verified, entry.SignatureCheck));
        Assert.Contains(mine, entry => entry.Service == "lambda" && entry.Region == "eu-central-1");
        Assert.Contains(mine, entry => entry.Service == "iam" && entry.Region == "us-east-1");
    }

    [Fact]
    public async Task Iam_pages_with_is_truncated_and_marker()
    {
        var client = Factory.Protocol(AwsServiceModels.Iam, _operator);

        var pages = 0;
        var roles = new List<string>();
        await foreach (var result in client.PaginateQueryAsync("ListRoles", new Dictionary<string, string> { ["MaxItems"] = "2" }, CancellationToken.None))
        {
            pages++;
            roles.AddRange(result.Descendants().Where(e => e.Name.LocalName == "RoleName").Select(e => e.Value));
        }

        Assert.True(pages > 1);
        Assert.Contains("AwsMcpOperator", roles);
        Assert.Equal(roles.Count, roles.Distinct().Count());
    }

    [Fact]
    public async Task Sts_query_through_the_protocol_client()
    {
        var result = await Factory.Protocol(AwsServiceModels.Sts, _operator)
            .InvokeQueryAsync("GetCallerIdentity", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(SandboxIdentities.DefaultAccount, result.Elements().Single(e => e.Name.LocalName == "Account").Value);
    }

    [Fact]
    public async Task Named_account_assumes_the_role_as_the_caller()
    {
        var alice = ToolContexts.For(callerId: "alice@example.com", account: SandboxFixture.SecondAccount);

        var identity = await Factory.Sts(alice).GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var viaProtocol = await Factory.Protocol(AwsServiceModels.Sts, alice)
            .InvokeQueryAsync("GetCallerIdentity", new Dictionary<string, string>(), CancellationToken.None);
        var credentials = await Factory.Credentials(alice).GetCredentialsAsync();

        Assert.Equal(SandboxIdentities.SecondAccount, identity.Account);
        Assert.EndsWith(":assumed-role/AwsMcpReadOnly/awsmcp-alice@example.com", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(identity.Arn, viaProtocol.Elements().Single(e => e.Name.LocalName == "Arn").Value);
        Assert.StartsWith("ASIA", credentials.AccessKey, StringComparison.Ordinal);
        Assert.True(credentials.UseToken);
    }

    [Fact]
    public async Task Throttling_is_retried_until_it_clears()
    {
        sandbox.Server.Faults.FailNext("logs", "DescribeLogGroups", SandboxFault.Throttling("logs"), times: 2);
        var client = Factory.Protocol(AwsServiceModels.CloudWatchLogs, ToolContexts.For(callerId: "retry"));

        using var result = await client.InvokeJsonAsync("DescribeLogGroups", new JsonObject { ["limit"] = 1 }, CancellationToken.None);

        Assert.Equal(1, result.RootElement.GetProperty("logGroups").GetArrayLength());
    }

    [Theory]
    [InlineData("iam", "AccessDenied")]
    [InlineData("lambda", "AccessDeniedException")]
    [InlineData("budgets", "AccessDeniedException")]
    public async Task Access_denied_is_a_typed_error_with_status_and_request_id(string service, string code)
    {
        var (model, call) = service switch
        {
            "iam" => (AwsServiceModels.Iam, (Func<AwsProtocolClient, Task>)(c => c.InvokeQueryAsync("ListRoles", new Dictionary<string, string>(), CancellationToken.None))),
            "lambda" => (AwsServiceModels.Lambda, c => c.InvokeRestAsync(HttpMethod.Get, "/2015-03-31/functions", null, null, null, CancellationToken.None, "ListFunctions")),
            _ => (AwsServiceModels.Budgets, c => c.InvokeJsonAsync("DescribeBudgets", new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount }, CancellationToken.None)),
        };
        var operation = service switch { "iam" => "ListRoles", "lambda" => "ListFunctions", _ => "DescribeBudgets" };
        sandbox.Server.Faults.FailNext(service, operation, SandboxFault.AccessDenied(service));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call(Factory.Protocol(model, _operator)));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Unknown_key_is_rejected_by_signature_check()
    {
        using var client = new AwsProtocolClient(AwsServiceModels.Iam, new BasicAWSCredentials("AKIAUNKNOWN000000000", "nope"), new AwsProtocolClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = sandbox.Server.Endpoint.ToString(),
            MaxErrorRetry = 0,
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.InvokeQueryAsync("ListUsers", new Dictionary<string, string>(), CancellationToken.None));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    private static async Task<(int Pages, int Items)> CountJsonPages(IAsyncEnumerable<System.Text.Json.JsonDocument> pages, string member)
    {
        var (count, items) = (0, 0);
        await foreach (var page in pages)
        {
            using (page)
            {
                count++;
                items += page.RootElement.GetProperty(member).GetArrayLength();
            }
        }

        return (count, items);
    }
}
