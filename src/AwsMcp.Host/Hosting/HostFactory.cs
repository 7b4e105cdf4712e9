using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting.Startup;
using AwsMcp.Host.Http;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.Mcp.Http;
using AwsMcp.Host.Mcp.Stdio;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Security;
using AwsMcp.Host.Telemetry;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace AwsMcp.Host.Hosting;

/// <summary>
/// Builds the host for each mode. Configuration, in increasing precedence: appsettings.json next to the binary,
/// appsettings.{Environment}.json, environment variables (<c>AWSMCP__Tools__WritesEnabled=true</c>), then
/// the command line's overrides.
/// </summary>
public static class HostFactory
{
    /// <summary>MCP over Streamable HTTP at <c>/mcp</c>, plus health and the prototype's endpoints.</summary>
    public static WebApplication CreateHttp(IReadOnlyDictionary<string, string?> overrides, Action<WebApplicationBuilder>? customize = null)
    {
        // The slim builder leaves out what this server never uses: IIS integration, HTTP/3 (QUIC), host filtering
        // (Security/RequestFiltering does it) and the debug and event-source log providers (1.3 MiB of an idle server,
        // measured). Certificates configured for Kestrel still work (UseKestrelHttpsConfiguration).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddAwsMcpLogFormat(builder.Configuration);
        builder.Services.AddAwsMcpCore(builder.Configuration);
        builder.Services.AddAwsMcpTelemetryExport(builder.Configuration, stdoutCarriesProtocol: false);
        builder.Services.AddHttpSecurity(builder.Configuration);
        builder.Services.AddAwsMcpServer().WithHttpTransport().AddAuthorizationFilters();
        AddStartupWork(builder.Services);
        builder.Services.AddSingleton<ToolRequestHandler>();
        builder.Services.AddSingleton<HandshakeAnswers>();
        builder.Services.AddSingleton<BoundAddressGuard>();
        builder.Services.AddOptions<HttpServerTransportOptions>()
            .Configure<IOptions<McpOptions>>((transport, options) => transport.SessionMode = options.Value.SessionMode);
        builder.WebHost.UseUrls(builder.Configuration[$"{ConfigurationSections.Http}:{nameof(HttpOptions.Urls)}"] ?? HttpOptions.DefaultUrls);
        customize?.Invoke(builder);

        var app = builder.Build();

        // The addresses really bound decide, whatever configured them; nothing is served before they are checked.
        var guard = app.Services.GetRequiredService<BoundAddressGuard>();
        app.Lifetime.ApplicationStarted.Register(guard.Check);
        app.Use((context, next) =>
        {
            if (guard.Allowed())
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        app.UseRequestFiltering();
        app.UsePrototypeRootAlias();
        app.UseRouting();
        app.UseCallerSecurity();

        // After authentication and rate limiting: stateless tools/list and tools/call are answered in front of the SDK.
        app.UseMiddleware<McpFront>();

        // Health stays anonymous for probes; everything that reaches a tool needs a caller.
        var callerEndpoints = app.MapGroup("").RequireCaller(app.Configuration);
        callerEndpoints.MapMcp(McpEndpoint.Path);
        callerEndpoints.MapPrototypeEndpoints();
        app.MapHealthEndpoints();
        return app;
    }

    /// <summary>MCP over stdin/stdout. stdout carries only protocol messages, so every log line goes to stderr.</summary>
    public static IHost CreateStdio(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = CreateBuilder(overrides);
        builder.Services.AddAwsMcpTelemetryExport(builder.Configuration, stdoutCarriesProtocol: true);
        // The SDK's own stdio transport over our streams: lines bounded in size, answers to refused lines between its own.
        var stdout = new StdoutLines(Console.OpenStandardOutput());
        var maxMessageBytes = builder.Configuration.GetSection(McpOptions.Section).Get<McpOptions>()?.MaxMessageBytes ?? new McpOptions().MaxMessageBytes;
        var stdin = new BoundedStdin(Console.OpenStandardInput(), stdout, maxMessageBytes);
        builder.Services.AddAwsMcpServer().WithStreamServerTransport(stdin, stdout);
        AddStartupWork(builder.Services);
        var host = builder.Build();
        stdin.Logger = host.Services.GetRequiredService<ILogger<BoundedStdin>>();
        return host;
    }

    /// <summary>
    /// Plugins and the pipeline without a transport, for one-shot commands (<c>call</c>, <c>tools list</c>).
    /// <paramref name="defaults"/> sit below every configuration source, for what the operator may still set.
    /// </summary>
    public static IHost CreateCommand(IReadOnlyDictionary<string, string?> overrides, Dictionary<string, string?>? defaults = null)
    {
        // Quiet: the result is what the operator reads (audit records go to the audit trail, not the console); failures still show.
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",

            // A one-shot command never outlives its key, so the warning about a process-made key is noise here.
            ["Logging:LogLevel:AwsMcp.Host.Security.ServerKey"] = "Error",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        settings[$"{ConfigurationSections.Plugins}:{nameof(PluginOptions.Watch)}"] = "false";
        var builder = CreateBuilder(settings);
        if (defaults is not null)
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        }

        return builder.Build();
    }

    /// <summary>What a serving host does as it starts (claim its audit chain), then once it listens: warm its call path and the packs, then say who it is in AWS; hand scratch memory back after start-up and whenever it goes quiet.</summary>
    private static void AddStartupWork(IServiceCollection services)
    {
        services.AddHostedService<AuditChainOpening>();
        services.AddSingleton<StartupWork>();
        services.AddHostedService<CallPathWarmUp>();
        services.AddHostedService<PackWarmUp>();
        services.AddHostedService<StartupBanner>();
        services.AddHostedService<IdleMemoryRelease>();
    }

    private static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddAwsMcpLogFormat(builder.Configuration);
        builder.Services.AddAwsMcpCore(builder.Configuration);
        return builder;
    }
}
