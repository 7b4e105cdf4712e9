using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Protocol;

public sealed class AwsErrorParsingTests
{
    [Theory]
    [InlineData("ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("com.amazonaws.logs#ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ResourceNotFoundException")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    public void Codes_are_sanitized_like_smithy(string raw, string expected) =>
        Assert.Equal(expected, AwsErrorParser.SanitizeCode(raw));

    [Fact]
    public async Task Json_error_reads_type_and_message()
    {
        var handler = new StubHandler().Then(
            HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"The specified log group does not exist."}""",
            "application/x-amz-json-1.1",
            ("x-amzn-RequestId", "req-42"));
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.InvokeJsonAsync("DescribeLogStreams", new JsonObject { ["logGroupName"] = "x" }, CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("The specified log group does not exist.", error.Message);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
        Assert.Equal("CloudWatch Logs", error.ServiceId);
        Assert.Equal("DescribeLogStreams", error.Operation);
        Assert.IsAssignableFrom<AmazonServiceException>(error);
    }

    [Fact]
    public async Task Rest_json_error_prefers_the_error_type_header()
    {
        var handler = new StubHandler().Then(
            HttpStatusCode.NotFound,
            """{"Type":"User","message":"Function not found: arn:aws:lambda:eu-west-1:123456789012:function:nope"}""",
            "application/json",
            ("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"),
            ("x-amzn-RequestId", "req-7"));
        using var client = ProtocolClients.Create(AwsServiceModels.Lambda, handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeRestAsync(
            HttpMethod.Get, "/2015-03-31/functions/nope/configuration", null, null, null, CancellationToken.None, operation: "GetFunctionConfiguration"));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.StartsWith("Function not found", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-7", error.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GetFunctionConfiguration", error.Operation);
    }

    [Fact]
    public async Task Query_error_reads_error_response()
    {
        var handler = new StubHandler().Then(
            HttpStatusCode.Forbidden,
            """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: iam:ListRoles</Message></Error>
              <RequestId>req-9</RequestId>
            </ErrorResponse>
            """,
            "text/xml");
        using var client = ProtocolClients.Create(AwsServiceModels.Iam, handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.InvokeQueryAsync("ListRoles", new Dictionary<string, string>(), CancellationToken.None));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("User is not authorized to perform: iam:ListRoles", error.Message);
        Assert.Equal("req-9", error.RequestId);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Unreadable_error_body_falls_back_to_the_status()
    {
        var handler = new StubHandler().Then(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        using var client = ProtocolClients.Create(AwsServiceModels.CostExplorer, handler, maxErrorRetry: 0);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeJsonAsync("GetCostAndUsage", [], CancellationToken.None));

        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.Equal(ErrorType.Receiver, error.ErrorType);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
    }
}
