using System.Net;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>The client address that per-address limits count by.</summary>
public static class ClientAddress
{
    /// <summary>Loopback, a Unix socket or an in-process client: the local operator's machine.</summary>
    public const string Local = "local";

    /// <summary>The connection's address (an IPv4 address mapped into IPv6 as itself), or <see cref="Local"/>.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => Local,
        var address when IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) => Local,
        { IsIPv4MappedToIPv6: true } address => address.MapToIPv4().ToString(),
        var address => address.ToString(),
    };
}
