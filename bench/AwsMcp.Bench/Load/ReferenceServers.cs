using AwsMcp.Bench.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Bench.Load;

/// <summary>The reference servers of the side-by-side rows, on loopback Kestrel like ours.</summary>
internal static class ReferenceServers
{
    /// <summary>The physical limit: a minimal endpoint answering every POST with the same precomputed bytes.</summary>
    public static Task<WebApplication> StartBareKestrelAsync(byte[] answer, string contentType) => StartAsync(builder => { }, app =>
        app.MapPost("/mcp", (HttpContext context) =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = answer.Length;
            return context.Response.Body.WriteAsync(answer).AsTask();
        }));

    /// <summary>
    /// A bare MCP SDK 2.4 server, stateless: <c>echo</c> and <c>describe_instances_direct</c> bound by reflection
    /// (<c>WithTools&lt;T&gt;()</c>), plus our packs' tool descriptions (<paramref name="listed"/>) so that its
    /// <c>tools/list</c> answers the same tools as ours.
    /// </summary>
    public static Task<WebApplication> StartBareSdkAsync(IReadOnlyList<Tool> listed) => StartAsync(
        builder => builder.Services.AddMcpServer(options => options.ServerInfo = new Implementation { Name = "bare-sdk", Version = "1.0.0" })
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.Stateless)
            .WithTools<BenchEchoTools>()
            .WithTools<BenchEc2Tools>()
            .WithTools(listed.Where(tool => tool.Name != "echo").Select(tool => (McpServerTool)new ListedTool(tool))),
        app => app.MapMcp("/mcp"));

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    private static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>A tool that is only listed (its description copied from ours); the load never calls it.</summary>
    private sealed class ListedTool(Tool tool) : McpServerTool
    {
        public override Tool ProtocolTool => tool;

        public override IReadOnlyList<object> Metadata => [];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("listed only");
    }
}
