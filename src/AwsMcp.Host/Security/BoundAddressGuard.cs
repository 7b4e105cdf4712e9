using AwsMcp.Host.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security;

/// <summary>
/// Checks the addresses the server actually listens on, whatever configured them (<c>AwsMcp:Http:Urls</c>,
/// <c>Kestrel:Endpoints</c>, <c>ASPNETCORE_URLS</c>): one beyond loopback with no authentication and no
/// <c>--insecure</c> stops the server before it serves a request. Until the check has run, requests get 503.
/// </summary>
public sealed partial class BoundAddressGuard(
    IServer server, IOptions<HttpOptions> http, IOptions<SecurityOptions> security, IHostApplicationLifetime lifetime, ILogger<BoundAddressGuard> logger)
{
    private int _state; // 0 unchecked, 1 allowed, 2 refused

    /// <summary>The exposed addresses that made the server stop, once it has; empty otherwise.</summary>
    public IReadOnlyList<string> Refused { get; private set; } = [];

    /// <summary>True once the bound addresses passed the check; checks them on first use.</summary>
    public bool Allowed()
    {
        if (Volatile.Read(ref _state) == 0)
        {
            Check();
        }

        return Volatile.Read(ref _state) == 1;
    }

    /// <summary>Checks the bound addresses; stops the server if they expose it without authentication.</summary>
    public void Check()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count == 0 || http.Value.AllowNonLoopback || security.Value.AuthenticationEnabled)
        {
            Interlocked.CompareExchange(ref _state, 1, 0);
            return;
        }

        if (Interlocked.Exchange(ref _state, 2) != 2)
        {
            Refused = exposed;
            LogExposed(string.Join(", ", exposed));
            lifetime.StopApplication();
        }
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && HttpOptions.IsLoopback(uri.Host.Trim('[', ']'));

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "Stopping: the server listens on {Addresses}, beyond loopback, and no authentication is configured. Configure " +
            "AwsMcp:Security:ApiKeys or AwsMcp:Security:Jwt, bind to 127.0.0.1 (check AwsMcp:Http:Urls, Kestrel:Endpoints, ASPNETCORE_URLS), " +
            "or pass --insecure to expose it anyway.")]
    private partial void LogExposed(string addresses);
}
