using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Protocol;

public sealed class AwsRetryTests
{
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    [Fact]
    public async Task Throttling_is_retried_with_growing_backoff_then_succeeds()
    {
        var time = new InstantBackoffTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new StubHandler()
            .Then(HttpStatusCode.BadRequest, Throttled)
            .Then(HttpStatusCode.BadRequest, Throttled)
            .Then(HttpStatusCode.OK, """{"ok":true}""");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler, maxErrorRetry: 3, time: time);

        using var result = await client.InvokeJsonAsync("DescribeLogGroups", [], CancellationToken.None);

        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, time.Delays.Count);
        Assert.All(time.Delays.Zip([100, 200]), pair => Assert.InRange(pair.First.TotalMilliseconds, 0, pair.Second));

        // Every attempt is signed afresh.
        Assert.All(handler.Requests, request => Assert.True(request.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Gives_up_after_max_error_retry()
    {
        var handler = new StubHandler().Then(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", "application/json", ("X-Amzn-ErrorType", "TooManyRequestsException"));
        using var client = ProtocolClients.Create(AwsServiceModels.Lambda, handler, maxErrorRetry: 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.InvokeRestAsync(HttpMethod.Get, "/2015-03-31/functions", null, null, null, CancellationToken.None));

        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_for_reads_only()
    {
        var readHandler = new StubHandler().Then(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailableException"}""");
        using var reads = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, readHandler, maxErrorRetry: 2);
        var writeHandler = new StubHandler().Then(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailableException"}""");
        using var writes = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, writeHandler, maxErrorRetry: 2);

        await Assert.ThrowsAsync<AwsServiceException>(() => reads.InvokeJsonAsync("FilterLogEvents", [], CancellationToken.None));
        await Assert.ThrowsAsync<AwsServiceException>(() => writes.InvokeJsonAsync("PutLogEvents", [], CancellationToken.None));

        Assert.Equal(3, readHandler.Requests.Count);
        Assert.Single(writeHandler.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_even_for_writes()
    {
        var handler = new StubHandler().Then(HttpStatusCode.BadRequest, Throttled).Then(HttpStatusCode.OK, "{}");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        using var _ = await client.InvokeJsonAsync("PutLogEvents", [], CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Explicit_idempotency_overrides_the_default()
    {
        var handler = new StubHandler().Then(HttpStatusCode.InternalServerError, "{}").Then(HttpStatusCode.OK, "{}");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        using var _ = await client.InvokeJsonAsync("StartQuery", [], CancellationToken.None, idempotent: true);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new StubHandler().Then(HttpStatusCode.BadRequest, """{"__type":"InvalidParameterException","message":"bad"}""");
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler);

        await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeJsonAsync("DescribeLogGroups", [], CancellationToken.None));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Network_failures_are_retried_for_reads_then_reported_as_client_errors()
    {
        var handler = new StubHandler().ThenThrow(new HttpRequestException("Connection refused"));
        using var client = ProtocolClients.Create(AwsServiceModels.Iam, handler, maxErrorRetry: 1);

        var error = await Assert.ThrowsAsync<AmazonClientException>(() =>
            client.InvokeQueryAsync("ListUsers", new Dictionary<string, string>(), CancellationToken.None));

        Assert.IsNotType<AwsServiceException>(error);
        Assert.Contains("could not reach iam.amazonaws.com", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Attempt_timeout_is_a_client_error()
    {
        var handler = new StubHandler().Then(HttpStatusCode.OK, "{}");
        var slow = new DelayingHandler(handler, TimeSpan.FromSeconds(5));
        using var client = new AwsProtocolClient(AwsServiceModels.CloudWatchLogs, TestCredentials.Basic, new AwsProtocolClientOptions
        {
            Region = "eu-west-1",
            Handler = slow,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromMilliseconds(100),
        });

        var error = await Assert.ThrowsAsync<AmazonClientException>(() =>
            client.InvokeJsonAsync("DescribeLogGroups", new JsonObject(), CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_retry_loop()
    {
        using var cts = new CancellationTokenSource();
        var handler = new StubHandler().Then(_ =>
        {
            cts.Cancel();
            return StubHandler.Respond(HttpStatusCode.BadRequest, Throttled);
        });
        using var client = ProtocolClients.Create(AwsServiceModels.CloudWatchLogs, handler, maxErrorRetry: 5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeJsonAsync("DescribeLogGroups", [], cts.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Backoff_is_capped()
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var delay = AwsRetryPolicy.Backoff(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20));
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>Holds every answer back so that the client's attempt timeout fires first.</summary>
    private sealed class DelayingHandler(HttpMessageHandler inner, TimeSpan delay) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
