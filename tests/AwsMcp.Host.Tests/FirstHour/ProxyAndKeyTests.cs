using System.Net;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;

namespace AwsMcp.Host.Tests.FirstHour;

/// <summary>What the docs tell users to type works: either API-key header, a tunnel only with a key, https metadata behind a proxy.</summary>
public sealed class ProxyAndKeyTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    [Theory]
    [InlineData("X-Api-Key")]
    [InlineData("Api-Key")]
    public async Task A_key_works_in_either_documented_header(string header)
    {
        await using var server = await InProcessServer.StartAsync(_plugins, TestCallers.Settings(), TestCallers.TrustLocalIssuer);
        using var request = RawMcp.Request("tools/list");
        request.Headers.Add(header, TestCallers.OpsKey);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_loopback_server_opened_to_a_tunnel_host_without_authentication_refuses_to_start()
    {
        var (exit, _, error) = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWSMCP__Http__AllowedHosts__0"] = "abc-5000.euw.devtunnels.ms" },
            "serve", "--urls", "http://127.0.0.1:0", "--plugins", _plugins.Path);

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Contains("AllowedHosts (abc-5000.euw.devtunnels.ms)", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Behind_a_tls_proxy_the_resource_metadata_says_https()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWSMCP__Security__Jwt__Authority"] = TestCallers.Issuer,
            ["AWSMCP__Security__Jwt__Audience"] = TestCallers.Audience,
            ["AWSMCP__Http__ForwardedHeaders"] = "true",
        };
        await using var host = await HostProcess.StartHttpAsync(_plugins, environment);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var proxied = RawMcp.Request("tools/list");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var direct = RawMcp.Request("tools/list");

        using var viaProxy = await http.SendAsync(proxied);
        using var plain = await http.SendAsync(direct);

        Assert.Equal(HttpStatusCode.Unauthorized, viaProxy.StatusCode);
        Assert.Contains($"resource_metadata=\"https://{host.BaseAddress.Authority}/.well-known/oauth-protected-resource/mcp\"", viaProxy.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"http://{host.BaseAddress.Authority}/", plain.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _plugins.Dispose();
}
