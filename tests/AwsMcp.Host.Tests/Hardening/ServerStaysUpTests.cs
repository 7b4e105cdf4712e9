using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;
using AwsMcp.Host.ToolCalls.Audit.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// Faults outside a tool call never stop the server: background work that meets an answer it cannot read retries and
/// reports its health, a plugin that throws a cancellation of its own fails alone, and the guard against exposure
/// without authentication checks the addresses really bound.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ServerStaysUpTests
{
    [Theory]
    [InlineData("redirect")]
    [InlineData("bad-header")]
    public async Task An_s3_endpoint_answering_nonsense_degrades_audit_shipping_but_the_server_keeps_serving(string nonsense)
    {
        await using var s3 = await BrokenS3.StartAsync(nonsense);
        using var plugins = new PluginFolder().WithEcho();

        // Credentials for the shipper's S3 client (the server's own default chain), so that the broken answer is what fails.
        using var credentials = new EnvironmentScope(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Audit:S3Bucket"] = "audit",
            ["AwsMcp:Audit:S3ServiceUrl"] = s3.Url,
            ["AwsMcp:Audit:S3Region"] = "us-east-1",
            ["AwsMcp:Audit:S3IntervalSeconds"] = "1",
        });

        var call = await server.CallAsync("echo", """{"text":"still audited"}""");
        Assert.False(call.IsError, call.Text);
        await Poll.UntilAsync(() => s3.Requests > 0 && !server.Service<BackgroundHealth>().AllHealthy, "shipping to fail and be reported", 30);

        var again = await server.CallAsync("echo", """{"text":"still serving"}""");
        Assert.False(again.IsError, again.Text);
        var readiness = await server.Http.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("degraded", readiness.GetProperty("status").GetString());
        Assert.False(readiness.GetProperty("background").GetProperty(S3AuditShipper.Component).GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task A_plugin_whose_registration_throws_a_cancellation_fails_alone()
    {
        using var plugins = new PluginFolder().WithEcho().WithThrowing();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Plugins:Settings:Throwing:Throw"] = "cancelled",
        });

        var failure = Assert.Single(server.Service<PluginCatalog>().Failures);
        Assert.Equal(("Throwing", PluginLoadStages.CreateTools), (failure.Name, failure.Stage));
        Assert.Contains("TaskCanceledException", failure.Reason, StringComparison.Ordinal);
        Assert.False((await server.CallAsync("echo", """{"text":"up"}""")).IsError);
    }

    [Fact]
    public async Task Kestrel_endpoints_configured_beyond_loopback_without_authentication_stop_the_server()
    {
        using var plugins = new PluginFolder().WithEcho();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { TestBuild.HostAssembly, "serve", "--plugins", plugins.Path })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}";
        start.Environment["AWSMCP__Plugins__ShadowCopyPath"] = plugins.ShadowPath;
        start.Environment["AWSMCP__Audit__Path"] = plugins.AuditPath;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        var text = await output + await error;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"listens on http://0.0.0.0:{port}", text, StringComparison.Ordinal);
        Assert.Contains("no authentication is configured", text, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An S3 endpoint that answers every request with something an SDK cannot use.</summary>
    private sealed class BrokenS3 : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private BrokenS3(WebApplication app) => _app = app;

        public string Url => _app.Urls.First();

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<BrokenS3> StartAsync(string nonsense)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            BrokenS3? broken = null;
            app.Run(context =>
            {
                Interlocked.Increment(ref broken!._requests);
                if (nonsense == "redirect")
                {
                    context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                    context.Response.Headers.Location = "http://127.0.0.1:1/elsewhere";
                }
                else
                {
                    context.Response.Headers["x-amz-server-side-encryption-bucket-key-enabled"] = "notabool";
                    context.Response.Headers.ETag = "\"abc\"";
                }

                return Task.CompletedTask;
            });
            broken = new BrokenS3(app);
            await app.StartAsync();
            return broken;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
