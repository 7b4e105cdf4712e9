using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// list_lambda_functions, get_lambda_function and invoke_lambda_function against the seeded functions (4 in us-east-1,
/// 2 in eu-west-1, 2 in ap-southeast-2), whose environments hold secrets on purpose.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LambdaToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ListLambdaFunctionsPagesThroughEverySeededFunction()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_lambda_functions", new Dictionary<string, object?> { ["limit"] = 3 });

        Assert.Equal(["billing-report", "image-resizer", "orders-api", "orders-worker"], items.Strings("name"));
        Assert.Equal(2, pages);
        var ordersApi = items.Single(item => item.GetProperty("name").GetString() == "orders-api");
        Assert.Equal("python3.12", ordersApi.GetProperty("runtime").GetString());
        Assert.Equal(512, ordersApi.GetProperty("memory_mb").GetInt32());
        Assert.Equal(30, ordersApi.GetProperty("timeout_seconds").GetInt32());
        Assert.True(ordersApi.TryGetProperty("last_modified", out _));
        Assert.False(ordersApi.TryGetProperty("details", out _));
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    [InlineData("ap-southeast-2")]
    public async Task FullRecordsShowEnvironmentNamesButNeverValues(string region)
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallAsync("list_lambda_functions", new { detail = true, region });

        var page = ToolCallExtensions.JsonOf(result);
        Assert.All(page.GetProperty("items").EnumerateArray(), function =>
            Assert.All(function.GetProperty("details").GetProperty("environment").EnumerateObject(), variable => Assert.Equal("[redacted]", variable.Value.GetString())));
        SeededSecrets.AssertNoneIn(ToolCallExtensions.TextOf(result) + page.GetRawText());
    }

    [Fact]
    public async Task GetLambdaFunctionRedactsTheEnvironmentAndOmitsTheCodeLink()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallAsync("get_lambda_function", new { function_name = "orders-api" });

        var function = ToolCallExtensions.JsonOf(result);
        var details = function.GetProperty("details");
        Assert.Equal("app.handler", details.GetProperty("handler").GetString());
        Assert.Equal("/aws/lambda/orders-api", details.GetProperty("log_group").GetString());
        Assert.Equal("[redacted]", details.GetProperty("environment").GetProperty("DB_PASSWORD").GetString());
        Assert.Equal("orders", details.GetProperty("tags").GetProperty("team").GetString());
        var text = ToolCallExtensions.TextOf(result) + function.GetRawText();
        SeededSecrets.AssertNoneIn(text);
        Assert.DoesNotContain("orders-db.cluster", text, StringComparison.Ordinal);
        Assert.DoesNotContain("snapshots/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLambdaFunctionOfAnUnknownFunctionIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_lambda_function", new { function_name = "no-such-function" });

        Assert.Contains("ResourceNotFoundException", error, StringComparison.Ordinal);
        Assert.Contains("lambda:GetFunction", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("orders-api ")]
    [InlineData("../2015-03-31/functions")]
    [InlineData("orders api")]
    public async Task AFunctionNameThatNoFunctionCanHaveIsRefusedNamingTheFieldBeforeAws(string name)
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_lambda_function", new { function_name = name });

        Assert.Contains("function_name", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpectedly", error, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda:GetFunction", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeIsRefusedByTheReadOnlyHost()
    {
        await using var client = await fixture.ConnectAsync();

        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var error = await client.CallErrorAsync("invoke_lambda_function", new { function_name = "orders-api" });

        Assert.DoesNotContain("invoke_lambda_function", tools);
        Assert.Contains("read-only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeReturnsThePayloadAndLogTailWithCredentialsRedacted()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var result = await client.CallJsonAsync("invoke_lambda_function", new
        {
            function_name = "orders-api",
            payload = new { order = 42, password = "hunter2-secret", note = "AKIAIOSFODNN7EXAMPLE" },
        });

        Assert.Equal(200, result.GetProperty("status_code").GetInt32());
        Assert.Equal("sync", result.GetProperty("mode").GetString());
        Assert.False(result.TryGetProperty("function_error", out _));
        var payload = result.GetProperty("payload").GetString()!;
        Assert.Contains("\"order\":42", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", payload, StringComparison.Ordinal);
        Assert.Contains("START RequestId", result.GetProperty("log_tail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeReportsAFunctionErrorAsAResult()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var result = await client.CallJsonAsync("invoke_lambda_function", new { function_name = "orders-worker", payload = new { orderId = 7 } });

        Assert.Equal("Unhandled", result.GetProperty("function_error").GetString());
        Assert.Contains("upstream refused connection", result.GetProperty("payload").GetString(), StringComparison.Ordinal);
        Assert.Contains("[ERROR]", result.GetProperty("log_tail").GetString(), StringComparison.Ordinal);
        Assert.Contains("failed", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dry_run", 204)]
    [InlineData("async", 202)]
    public async Task InvokeCanOnlyCheckOrQueue(string mode, int expectedStatus)
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var result = await client.CallJsonAsync("invoke_lambda_function", new { function_name = "billing-report", mode });

        Assert.Equal(expectedStatus, result.GetProperty("status_code").GetInt32());
        Assert.Equal(mode, result.GetProperty("mode").GetString());
        Assert.False(result.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task InvokeRefusesAnOversizedPayload()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        // Words rather than one 70 KB token: the host's secret redactor is quadratic on long unbroken tokens (reported).
        var error = await client.CallErrorAsync("invoke_lambda_function", new { function_name = "orders-api", payload = new { blob = string.Concat(Enumerable.Repeat("lorem ipsum ", 6000)) } });

        Assert.Contains("payload", error, StringComparison.Ordinal);
        Assert.Contains("65,536", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThrottledFunctionIsAClearError()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var error = await client.CallErrorAsync("invoke_lambda_function", new { function_name = "metrics-exporter", region = "ap-southeast-2" });

        Assert.Contains("throttling", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lambda:Invoke", error, StringComparison.Ordinal);
    }
}
