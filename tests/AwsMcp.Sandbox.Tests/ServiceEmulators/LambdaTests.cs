using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.Logs;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class LambdaTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Functions = "/2015-03-31/functions";
    private readonly AwsProtocolClient _lambda = ThinClients.For(fixture.Server, AwsServiceModels.Lambda);

    [Theory]
    [InlineData("us-east-1", 4)]
    [InlineData("eu-west-1", 2)]
    [InlineData("ap-southeast-2", 2)]
    [InlineData("us-west-2", 0)]
    public async Task ListFunctions_pages_with_Marker_to_the_last_page(string region, int expected)
    {
        using var lambda = ThinClients.For(fixture.Server, AwsServiceModels.Lambda, region);
        var names = new List<string>();
        string? marker = null;
        do
        {
            var query = new Dictionary<string, string> { ["MaxItems"] = "1" };
            if (marker is not null)
            {
                query["Marker"] = marker;
            }

            using var page = (await lambda.InvokeRestAsync(HttpMethod.Get, Functions, query, null, null, CancellationToken.None)).Json();
            names.AddRange(page.RootElement.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()!));
            marker = page.RootElement.TryGetProperty("NextMarker", out var next) ? next.GetString() : null;
        }
        while (marker is not null);
        Assert.Equal(expected, names.Distinct().Count());
    }

    [Fact]
    public async Task Configuration_carries_runtime_limits_and_secret_looking_environment()
    {
        using var config = (await Get($"{Functions}/orders-api/configuration")).Json();
        var root = config.RootElement;
        Assert.Equal("python3.12", root.GetProperty("Runtime").GetString());
        Assert.Equal(512, root.GetProperty("MemorySize").GetInt32());
        Assert.Equal(30, root.GetProperty("Timeout").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$", root.GetProperty("LastModified").GetString());
        Assert.Equal("Pr0d-0rders-pa55!", root.GetProperty("Environment").GetProperty("Variables").GetProperty("DB_PASSWORD").GetString());

        using var full = (await Get($"{Functions}/{Uri.EscapeDataString("arn:aws:lambda:us-east-1:123456789012:function:billing-report")}")).Json();
        Assert.Equal(40, full.RootElement.GetProperty("Configuration").GetProperty("Environment").GetProperty("Variables").GetProperty("UPLOAD_TOKEN").GetString()!.Length);
        Assert.Equal("S3", full.RootElement.GetProperty("Code").GetProperty("RepositoryType").GetString());
    }

    [Fact]
    public async Task Invoke_echo_returns_the_payload_and_a_log_tail_written_to_logs()
    {
        var response = await Invoke("orders-api", new JsonObject { ["orderId"] = 42 }, ("X-Amz-Log-Type", "Tail"));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("{\"orderId\":42}", Encoding.UTF8.GetString(response.Body));
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains("REPORT RequestId:", tail, StringComparison.Ordinal);
        Assert.False(response.Headers.ContainsKey("X-Amz-Function-Error"));

        var archive = LogArchive.For(fixture.Server.Context);
        lock (archive.Sync)
        {
            var group = archive.FindGroup(SandboxIdentities.DefaultAccount, "us-east-1", "/aws/lambda/orders-api")!;
            Assert.Contains(group.Streams.SelectMany(s => s.Events), e => e.Message.Contains("echoing 14 bytes", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Invoke_failing_function_reports_an_unhandled_function_error()
    {
        var response = await Invoke("orders-worker", new JsonObject());
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        using var payload = response.Json();
        Assert.Equal("ConnectionError", payload.RootElement.GetProperty("errorType").GetString());
        Assert.False(string.IsNullOrEmpty(payload.RootElement.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public async Task Invoke_slow_function_takes_its_time_and_event_and_dry_run_do_not_wait()
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await Invoke("image-resizer", new JsonObject())).StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"took {watch.Elapsed}");

        var queued = await Invoke("image-resizer", new JsonObject(), ("X-Amz-Invocation-Type", "Event"));
        Assert.Equal(202, queued.StatusCode);
        Assert.Empty(queued.Body);
        Assert.Equal(204, (await Invoke("image-resizer", new JsonObject(), ("X-Amz-Invocation-Type", "DryRun"))).StatusCode);
    }

    [Fact]
    public async Task Errors_map_to_codes()
    {
        await AwsAssert.FailsWith<AmazonServiceException>(() => Get($"{Functions}/missing/configuration"), "ResourceNotFoundException", HttpStatusCode.NotFound);
        await AwsAssert.FailsWith<AmazonServiceException>(() => Get($"{Functions}/orders-api/configuration", ("Qualifier", "7")), "ResourceNotFoundException", HttpStatusCode.NotFound);
        await AwsAssert.FailsWith<AmazonServiceException>(() => Get(Functions, ("MaxItems", "0")), "InvalidParameterValueException", HttpStatusCode.BadRequest);
        await AwsAssert.FailsWith<AmazonServiceException>(() => Get(Functions, ("Marker", "bogus")), "InvalidParameterValueException", HttpStatusCode.BadRequest);
        await AwsAssert.FailsWith<AmazonServiceException>(() => Invoke("orders-api", new JsonObject(), ("X-Amz-Invocation-Type", "Sometimes")), "InvalidParameterValueException", HttpStatusCode.BadRequest);

        using var apac = ThinClients.For(fixture.Server, AwsServiceModels.Lambda, "ap-southeast-2");
        await AwsAssert.FailsWith<AmazonServiceException>(
            () => apac.InvokeRestAsync(HttpMethod.Post, $"{Functions}/metrics-exporter/invocations", null, new JsonObject(), null, CancellationToken.None),
            "TooManyRequestsException",
            (HttpStatusCode)429);
    }

    [Fact]
    public async Task Invalid_json_payload_is_InvalidRequestContentException()
    {
        // The protocol client only sends JSON, so this drives the emulator directly with a raw body.
        var emulator = new Services.Lambda.LambdaEmulator(fixture.Server.Context);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = $"{Functions}/orders-api/invocations";
        var request = new SandboxRequest
        {
            Http = http.Request,
            Service = "lambda",
            Region = "us-east-1",
            Principal = fixture.Server.Identities.Find(SandboxIdentities.OperatorAccessKeyId, DateTimeOffset.UtcNow)!,
            Body = "{not json"u8.ToArray(),
            RequestId = "r1",
            Form = new Dictionary<string, string>(),
        };
        var error = await Assert.ThrowsAsync<SandboxServiceException>(() => emulator.HandleAsync(request, "Invoke", CancellationToken.None).AsTask());
        Assert.Equal("InvalidRequestContentException", error.Code);
        var rendered = emulator.RenderError(request, error);
        Assert.Equal("InvalidRequestContentException", rendered.Headers["x-amzn-ErrorType"]);
        Assert.Equal("User", JsonDocument.Parse(rendered.Body).RootElement.GetProperty("Type").GetString());
    }

    [Fact]
    public async Task Injected_throttling_is_retried_by_the_client()
    {
        fixture.Server.Faults.FailNext("lambda", "ListFunctions", SandboxFault.Throttling("lambda"));
        using var retrying = ThinClients.For(fixture.Server, AwsServiceModels.Lambda, maxErrorRetry: 2);
        var response = await retrying.InvokeRestAsync(HttpMethod.Get, Functions, null, null, null, CancellationToken.None);
        Assert.Equal(200, response.StatusCode);

        fixture.Server.Faults.FailNext("lambda", "Invoke", SandboxFault.Throttling("lambda"));
        await AwsAssert.FailsWith<AmazonServiceException>(() => Invoke("orders-api", new JsonObject()), "TooManyRequestsException", (HttpStatusCode)429);
    }

    private Task<AwsRestResponse> Get(string path, params (string Name, string Value)[] query) =>
        _lambda.InvokeRestAsync(HttpMethod.Get, path, query.Length == 0 ? null : query.ToDictionary(q => q.Name, q => q.Value), null, null, CancellationToken.None);

    private Task<AwsRestResponse> Invoke(string function, JsonNode payload, params (string Name, string Value)[] headers) =>
        _lambda.InvokeRestAsync(HttpMethod.Post, $"{Functions}/{function}/invocations", null, payload, headers.ToDictionary(h => h.Name, h => h.Value), CancellationToken.None);
}
