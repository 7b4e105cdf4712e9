using System.Net;
using AwsMcp.Sandbox.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Sandbox;

/// <summary>
/// The AWS emulator on 127.0.0.1: one endpoint for every emulated service (requests are routed by the SigV4
/// credential scope), with the seeded demo estate, full signature verification and fault injection (in process through
/// <see cref="Faults"/>, from outside through <c>/.sandbox/faults</c>).
/// Point SDK clients at <see cref="Endpoint"/> (<c>ServiceURL</c>, or <c>AWS_ENDPOINT_URL</c>) with the operator key.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxRequestLog _requestLog;

    private SandboxServer(WebApplication app, Uri endpoint, SandboxContext context, FaultInjector faults, SandboxRequestLog requestLog)
    {
        _app = app;
        Endpoint = endpoint;
        Context = context;
        Faults = faults;
        _requestLog = requestLog;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// The environment that points the AWS SDKs and CLI at this sandbox as its operator: endpoint, operator key (no
    /// session token) and <paramref name="region"/>. A null value means "unset".
    /// </summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment(string region) => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = SandboxIdentities.OperatorAccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SandboxIdentities.OperatorSecretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_REGION"] = region,
    };

    /// <summary>The credentials the sandbox accepts (the operator key, and whatever AssumeRole mints).</summary>
    public SandboxIdentities Identities => Context.Identities;

    /// <summary>Per-operation failures and latency for reliability tests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The most recent requests, oldest first.</summary>
    public IReadOnlyList<SandboxRequestLogEntry> RequestLog => _requestLog.Snapshot();

    internal SandboxContext Context { get; }

    /// <summary>Starts the sandbox on 127.0.0.1 (port <see cref="SandboxOptions.Port"/>, or a free one).</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var context = new SandboxContext(new SandboxIdentities(), options.TimeProvider);
        var faults = new FaultInjector();
        var requestLog = new SandboxRequestLog(options.RequestLogCapacity);
        var pipeline = new SandboxPipeline(
            context,
            ServiceEmulatorCatalog.Create(context),
            faults,
            requestLog,
            options.VerifySignatures,
            loggerFactory.CreateLogger<SandboxServer>());

        // The empty builder reads no appsettings or environment: the host that embeds the sandbox keeps its own configuration.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(context => context.Request.Path == FaultEndpoint.Path ? FaultEndpoint.HandleAsync(context, faults) : pipeline.HandleAsync(context));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address);
        loggerFactory.CreateLogger<SandboxServer>().LogInformation("AWS sandbox listening on {Endpoint}", endpoint);
        return new SandboxServer(app, endpoint, context, faults, requestLog);
    }

    /// <summary>
    /// Runs a sandbox until <paramref name="cancellationToken"/> fires (the host's <c>--sandbox</c> mode, or a standalone
    /// emulator); <paramref name="started"/> is told the running server, e.g. to print its endpoint and key.
    /// </summary>
    public static async Task RunAsync(SandboxOptions? options, Action<SandboxServer>? started, CancellationToken cancellationToken)
    {
        await using var server = await StartAsync(options, cancellationToken);
        started?.Invoke(server);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is how a run ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
