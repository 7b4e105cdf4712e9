using System.Security.Claims;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Callers;

/// <summary>
/// Turns the transport's user into the caller that policy, confirmation tokens, audit and tools see. No user at all
/// (stdio, the command line) is the local operator; so is an HTTP request while no authentication is configured
/// (the server then only listens on loopback unless <c>--insecure</c>). An unauthenticated HTTP request on a server
/// that has authentication is <see cref="Anonymous"/>, which policy refuses everything.
/// </summary>
public sealed class CallerIdentityResolver(IOptionsMonitor<SecurityOptions> security) : ICallerIdentityResolver
{
    public const string AnonymousMethod = "anonymous";

    public static CallerIdentity Anonymous { get; } = new("anonymous", "unauthenticated caller", AnonymousMethod, []);

    public CallerIdentity Resolve(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return user is not null && security.CurrentValue.AuthenticationEnabled ? Anonymous : CallerIdentity.Local;
        }

        var id = CallerClaims.Id(user) ?? "unknown";
        return new CallerIdentity(id, CallerClaims.DisplayName(user) ?? id, identity.AuthenticationType ?? "unknown", CallerClaims.Scopes(user));
    }
}
