using System.Net;
using System.Net.Sockets;

namespace AwsMcp.Sandbox.Tests.Core;

public sealed class SandboxServerTests
{
    [Fact]
    public async Task RunAsync_serves_on_the_chosen_port_until_cancelled()
    {
        var port = FreePort();
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource<SandboxServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = SandboxServer.RunAsync(new SandboxOptions { Port = port }, started.SetResult, cancellation.Token);

        var server = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.Endpoint);
        using var http = new HttpClient();
        using (var response = await http.GetAsync(server.Endpoint))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await cancellation.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(server.Endpoint));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
