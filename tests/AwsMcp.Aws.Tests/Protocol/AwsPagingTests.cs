using System.Net;
using System.Text.Json.Nodes;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Protocol;

public sealed class AwsPagingTests
{
    [Fact]
    public async Task Json_pages_follow_next_token_to_the_last_page()
    {
        var handler = new StubHandler()
            .Then(HttpStatusCode.OK, """{"logGroups":[{"n":1},{"n":2}],"nextToken":"t1"}""")
            .Then(HttpStatusCode.OK, """{"logGroups":[{"n":3}]}""");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        var names = new List<int>();
        await foreach (var page in client.PaginateJsonAsync("DescribeLogGroups", new JsonObject { ["limit"] = 2 }, "nextToken", CancellationToken.None))
        {
            using (page)
            {
                names.AddRange(page.RootElement.GetProperty("logGroups").EnumerateArray().Select(g => g.GetProperty("n").GetInt32()));
            }
        }

        Assert.Equal([1, 2, 3], names);
        Assert.Equal("""{"limit":2}""", handler.Requests[0].Body);
        Assert.Equal("""{"limit":2,"nextToken":"t1"}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Rest_pages_follow_marker()
    {
        var handler = new StubHandler()
            .Then(HttpStatusCode.OK, """{"Functions":[{"FunctionName":"a"}],"NextMarker":"m1"}""")
            .Then(HttpStatusCode.OK, """{"Functions":[{"FunctionName":"b"}],"NextMarker":null}""");
        using var client = ProtocolClients.Create(AwsServiceModels.Lambda, handler);

        var count = 0;
        await foreach (var page in client.PaginateRestAsync(
            "/2015-03-31/functions", new Dictionary<string, string> { ["MaxItems"] = "1" }, "Marker", "NextMarker", CancellationToken.None))
        {
            using (page)
            {
                count += page.RootElement.GetProperty("Functions").GetArrayLength();
            }
        }

        Assert.Equal(2, count);
        Assert.Equal("?MaxItems=1", handler.Requests[0].Uri.Query);
        Assert.Equal("?MaxItems=1&Marker=m1", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task Query_pages_follow_is_truncated_and_marker()
    {
        static string Page(string role, string? marker) =>
            $"""
            <ListRolesResponse><ListRolesResult>
              <Roles><member><RoleName>{role}</RoleName></member></Roles>
              <IsTruncated>{(marker is null ? "false" : "true")}</IsTruncated>{(marker is null ? "" : $"<Marker>{marker}</Marker>")}
            </ListRolesResult></ListRolesResponse>
            """;
        var handler = new StubHandler()
            .Then(HttpStatusCode.OK, Page("a", "m1"), "text/xml")
            .Then(HttpStatusCode.OK, Page("b", "m2"), "text/xml")
            .Then(HttpStatusCode.OK, Page("c", null), "text/xml");
        using var client = ProtocolClients.Create(AwsServiceModels.Iam, handler);

        var roles = new List<string>();
        await foreach (var result in client.PaginateQueryAsync("ListRoles", new Dictionary<string, string> { ["MaxItems"] = "1" }, CancellationToken.None))
        {
            roles.AddRange(result.Descendants().Where(e => e.Name.LocalName == "RoleName").Select(e => e.Value));
        }

        Assert.Equal(["a", "b", "c"], roles);
        Assert.Equal("Action=ListRoles&Version=2010-05-08&MaxItems=1&Marker=m2", handler.Requests[2].Body);
    }
}
