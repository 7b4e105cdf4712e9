using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwsMcp.Host.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// An operator rehearses an AWS outage end to end against the real process in sandbox mode: a fault added at the
/// sandbox's loopback endpoint reaches the tool through the real SDK client, and clearing it restores service.
/// </summary>
public sealed partial class OutageRehearsalTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithProductPack("AwsMcp.Storage");

    [Fact(Timeout = 180_000)]
    public async Task An_s3_outage_injected_from_outside_reaches_the_tool_and_clearing_it_restores_service()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        var faults = new Uri(Assert.Single(host.Output.Select(line => FaultsUrl().Match(line)), m => m.Success).Groups[1].Value);
        Assert.Equal(IPAddress.Loopback.ToString(), faults.Host);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(host.BaseAddress, "/mcp") }, http, loggerFactory: null, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, InProcessServer.ClientOptions("2025-06-18"));
        Assert.NotEqual(true, (await client.CallToolAsync("list_s3_buckets")).IsError);

        using var sandbox = new HttpClient();
        using (var added = await sandbox.PostAsJsonAsync(faults, new { service = "s3", operation = "ListBuckets", fault = "access-denied" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        }

        var during = await client.CallToolAsync("list_s3_buckets");
        Assert.True(during.IsError);
        Assert.Contains("Access denied", McpOverHttpTests.Text(during), StringComparison.Ordinal);

        using (var refused = await sandbox.PostAsJsonAsync(faults, new { service = "s3", fault = "meteor" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var cleared = await sandbox.DeleteAsync(faults))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        Assert.NotEqual(true, (await client.CallToolAsync("list_s3_buckets")).IsError);
    }

    public void Dispose() => _plugins.Dispose();

    [GeneratedRegex(@"POST (http://127\.0\.0\.1:[0-9]+/\.sandbox/faults)")]
    private static partial Regex FaultsUrl();
}
