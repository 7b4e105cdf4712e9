using System.Net;
using System.Text.Json.Nodes;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Protocol;

public sealed class AwsProtocolClientTests
{
    [Fact]
    public async Task Json_call_posts_target_and_signs_it()
    {
        var handler = new StubHandler().Then(HttpStatusCode.OK, """{"logGroups":[{"logGroupName":"a"}]}""");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        using var result = await client.InvokeJsonAsync("DescribeLogGroups", new JsonObject { ["limit"] = 5 }, CancellationToken.None);

        Assert.Equal("a", result.RootElement.GetProperty("logGroups")[0].GetProperty("logGroupName").GetString());
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://logs.eu-west-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("Logs_20140328.DescribeLogGroups", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("""{"limit":5}""", request.Body);
        Assert.Equal("20260102T030405Z", request.Headers["X-Amz-Date"]);
        Assert.Equal("awsmcp-tests", request.Headers["User-Agent"]);
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/eu-west-1/logs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=",
            request.Headers["Authorization"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        var handler = new StubHandler().Then(HttpStatusCode.OK, "{}");
        using var client = ProtocolClients.Create(AwsServiceModels.Budgets, handler, credentials: TestCredentials.Session("token-123"));

        using var _ = await client.InvokeJsonAsync("DescribeBudgets", new JsonObject { ["AccountId"] = "123456789012" }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("token-123", request.Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target", request.Headers["Authorization"], StringComparison.Ordinal);

        // Budgets is global: budgets.amazonaws.com, signed for us-east-1 whatever the call's region.
        Assert.Equal("budgets.amazonaws.com", request.Uri.Host);
        Assert.Contains("/us-east-1/budgets/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_call_encodes_query_and_returns_raw_response()
    {
        var handler = new StubHandler().Then(
            HttpStatusCode.OK, """{"Functions":[],"NextMarker":null}""", "application/json", ("x-amzn-RequestId", "req-1"));
        using var client = ProtocolClients.Create(AwsServiceModels.Lambda, handler);

        var response = await client.InvokeRestAsync(
            HttpMethod.Get,
            "/2015-03-31/functions",
            new Dictionary<string, string> { ["MaxItems"] = "2", ["Marker"] = "a b/c" },
            body: null,
            headers: null,
            CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-1", response.Headers["X-Amzn-RequestId"]);
        using var json = response.Json();
        Assert.Equal(0, json.RootElement.GetProperty("Functions").GetArrayLength());
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions?MaxItems=2&Marker=a%20b%2Fc", request.Uri.AbsoluteUri);
        Assert.Contains("SignedHeaders=host;x-amz-date,", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_call_sends_json_body_and_extra_headers()
    {
        var handler = new StubHandler().Then(HttpStatusCode.OK, "raw payload", "application/octet-stream");
        using var client = ProtocolClients.Create(AwsServiceModels.Lambda, handler);

        var response = await client.InvokeRestAsync(
            HttpMethod.Post,
            "/2015-03-31/functions/my-fn/invocations",
            query: null,
            new JsonObject { ["key"] = "value" },
            new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "RequestResponse" },
            CancellationToken.None,
            operation: "Invoke");

        Assert.Equal("raw payload", System.Text.Encoding.UTF8.GetString(response.Body));
        var request = Assert.Single(handler.Requests);
        Assert.Equal("""{"key":"value"}""", request.Body);
        Assert.Equal("application/json", request.ContentType);
        Assert.Contains("content-type;host;x-amz-date;x-amz-invocation-type", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_call_posts_form_and_returns_result_element()
    {
        var handler = new StubHandler().Then(
            HttpStatusCode.OK,
            """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetRoleResult><Role><RoleName>admin</RoleName></Role></GetRoleResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </GetRoleResponse>
            """,
            "text/xml");
        using var client = ProtocolClients.Create(AwsServiceModels.Iam, handler);

        var result = await client.InvokeQueryAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = "admin" }, CancellationToken.None);

        Assert.Equal("GetRoleResult", result.Name.LocalName);
        Assert.Equal("admin", result.Descendants().Single(e => e.Name.LocalName == "RoleName").Value);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://iam.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("Action=GetRole&Version=2010-05-08&RoleName=admin", request.Body);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
        Assert.Contains("/us-east-1/iam/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_override_keeps_base_path_and_signing_region()
    {
        var handler = new StubHandler().Then(HttpStatusCode.OK, "{}");
        using var client = new AwsProtocolClient(AwsServiceModels.CostExplorer, TestCredentials.Basic, new AwsProtocolClientOptions
        {
            Region = "eu-central-1",
            ServiceUrl = "http://127.0.0.1:4566/aws",
            Handler = handler,
            MaxErrorRetry = 0,
        });

        using var _ = await client.InvokeJsonAsync("GetCostForecast", [], CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:4566/aws/", request.Uri.ToString());
        Assert.Contains("/us-east-1/ce/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calling_a_service_with_another_protocol_is_refused()
    {
        using var client = ProtocolClients.Create(AwsServiceModels.Iam, new StubHandler());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.InvokeJsonAsync("ListRoles", [], CancellationToken.None));
    }
}
