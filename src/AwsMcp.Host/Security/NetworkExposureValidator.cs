using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security;

/// <summary>
/// Refuses to start a server that other machines can reach while nobody has to authenticate, unless the operator
/// said <c>--insecure</c>: the tools act on AWS with the server's own credentials. Reachable means a listen address
/// beyond loopback, or a loopback server told to answer to a public host name or to forwarded requests (a tunnel or
/// proxy on the same machine relays the internet to loopback).
/// </summary>
public sealed class NetworkExposureValidator(IOptions<SecurityOptions> security) : IValidateOptions<HttpOptions>
{
    private const string Remedy = "configure {0}:ApiKeys or {0}:Jwt (awsmcp keys generate), or pass --insecure (AwsMcp:Http:AllowNonLoopback=true) to expose it anyway.";

    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        if (options.AllowNonLoopback || security.Value.AuthenticationEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var remedy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Remedy, SecurityOptions.Section);
        if (options.ListensBeyondLoopback())
        {
            return ValidateOptionsResult.Fail(
                $"{HttpOptions.Section}: Urls '{options.Urls}' is not a loopback address and no authentication is configured; bind to 127.0.0.1, or {remedy}");
        }

        if (options.ReachableBeyondLoopback())
        {
            var relayed = options.RelayedHosts();
            var what = relayed.Count > 0 ? $"AllowedHosts ({string.Join(", ", relayed)}) lets requests for other host names in" : "ForwardedHeaders expects a proxy in front";
            return ValidateOptionsResult.Fail(
                $"{HttpOptions.Section}: {what}, so a tunnel or proxy may bring other machines to this loopback server, and no authentication is configured; {remedy}");
        }

        return ValidateOptionsResult.Success;
    }
}
