using System.Net;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// Refusals say what to do (401 and 429 carry a JSON-RPC error), guessing keys at speed is throttled per address,
/// and the default limits refuse abuse, not a busy local client.
/// </summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task Bad_keys_get_401_saying_which_header_and_past_the_limit_the_address_gets_429_even_with_a_good_key()
    {
        using var plugins = new PluginFolder().WithEcho();
        var settings = TestCallers.Settings();
        settings["AwsMcp:Security:FailedAuthenticationsPerMinute"] = "5";
        await using var server = await InProcessServer.StartAsync(plugins, settings, TestCallers.TrustLocalIssuer);

        using (var anonymous = await server.Http.SendAsync(RawMcp.Request("tools/list")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("X-Api-Key", await ErrorMessageAsync(anonymous), StringComparison.Ordinal);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var guess = await server.Http.SendAsync(RawMcp.Request("tools/list", bearer: $"guess-{i}-0123456789"));
            statuses.Add(guess.StatusCode);
            if (i == 0)
            {
                Assert.Contains("not valid", await ErrorMessageAsync(guess), StringComparison.Ordinal);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        using var good = await server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.OpsKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);
        Assert.InRange(good.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains("failed authentication", await ErrorMessageAsync(good), StringComparison.Ordinal);

        // Health stays reachable for probes.
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_caller_over_its_limit_gets_429_with_a_body_that_says_when_to_retry()
    {
        using var plugins = new PluginFolder().WithEcho();
        var settings = TestCallers.Settings();
        settings["AwsMcp:Http:RateLimitPerMinute"] = "3";
        await using var server = await InProcessServer.StartAsync(plugins, settings, TestCallers.TrustLocalIssuer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.OpsKey));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Retry after", await ErrorMessageAsync(response), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // Another caller has its own budget.
        using var other = await server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.FinOpsKey));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_busy_local_client_is_not_refused_by_default()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 640).Select(async i =>
        {
            using var response = await server.Http.SendAsync(RawMcp.Request("tools/call", new { name = "echo", arguments = new { text = $"call {i}" } }));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", document.RootElement.GetProperty("jsonrpc").GetString());
        return document.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
