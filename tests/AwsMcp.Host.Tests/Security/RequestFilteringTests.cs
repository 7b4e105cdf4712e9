using System.Net;
using System.Text;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security;
using AwsMcp.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tests.Security;

/// <summary>What the HTTP front door refuses before any tool code runs: foreign hosts and origins, large bodies, floods, exposure without auth.</summary>
public sealed class RequestFilteringTests
{
    [Fact]
    public async Task A_foreign_origin_or_host_is_refused_with_403_while_no_origin_or_an_allowed_one_passes()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Http:AllowedOrigins:0"] = "http://localhost:6274" });

        using var foreign = RawMcp.Request("tools/list");
        foreign.Headers.Add("Origin", "http://evil.example");
        using var rebinding = RawMcp.Request("tools/list");
        rebinding.Headers.Host = "evil.example";
        using var allowed = RawMcp.Request("tools/list");
        allowed.Headers.Add("Origin", "http://localhost:6274");

        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(rebinding)).StatusCode);
        var allowedResponse = await server.Http.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Equal("http://localhost:6274", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("echo", await RawMcp.ToolNamesAsync(server.Http));
    }

    [Fact]
    public async Task The_servers_own_origin_passes_but_another_port_on_the_same_host_is_foreign()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);
        var own = server.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);

        using var sameOrigin = RawMcp.Request("tools/list");
        sameOrigin.Headers.Add("Origin", own);
        using var otherPort = RawMcp.Request("tools/list");
        otherPort.Headers.Add("Origin", "http://localhost:6666");

        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(sameOrigin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(otherPort)).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Http:MaxRequestBodyBytes"] = "2048" });
        var text = new string('x', 4096);
        using var request = RawMcp.Request("tools/call", new { name = "echo", arguments = new { text } });

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(server.Audit.Records, r => r.Tool == "echo");
    }

    [Fact]
    public async Task A_local_operator_over_a_configured_loopback_limit_gets_429_with_retry_after()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Http:LoopbackRateLimitPerMinute"] = "2" });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await server.Http.SendAsync(RawMcp.Request("tools/list"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/")).StatusCode);
        last.Dispose();
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000", false, false, false)]
    [InlineData("http://0.0.0.0:5000", true, false, true)]
    [InlineData("http://0.0.0.0:5000", false, true, true)]
    [InlineData("http://127.0.0.1:5000", false, false, true)]
    public void A_non_loopback_bind_needs_authentication_or_insecure(string urls, bool insecure, bool apiKey, bool starts)
    {
        var security = new SecurityOptions();
        if (apiKey)
        {
            security.ApiKeys.Add(new ApiKeyOptions { Name = "ops", Hash = new string('a', 64) });
        }

        var result = new NetworkExposureValidator(Options.Create(security)).Validate(null, new HttpOptions { Urls = urls, AllowNonLoopback = insecure });

        Assert.Equal(starts, result.Succeeded);
    }

    [Fact]
    public void Misconfigured_security_is_reported_at_start()
    {
        var security = new SecurityOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "ops", Hash = "plain-text-key" }],
            Jwt = new JwtOptions { Authority = "https://login.example.test" },
            ConfirmationKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("short")),
        };

        var failures = new ValidatableOptionsValidator<SecurityOptions>().Validate(null, security).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("ApiKeys:0: Hash must be the 64 hex digits", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Jwt: Audience is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ConfirmationKey must be base64 of at least 32", StringComparison.Ordinal));
    }
}
