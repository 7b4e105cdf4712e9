using System.Security.Claims;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.Callers;

/// <summary>
/// Until authentication exists every caller is the local operator: the server only binds to loopback unless told
/// <c>--insecure</c>. An authenticated principal, once there is one, is taken at its name and scope claims.
/// </summary>
public sealed class LocalCallerIdentityResolver : ICallerIdentityResolver
{
    public CallerIdentity Resolve(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return CallerIdentity.Local;
        }

        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? identity.Name ?? "unknown";
        var scopes = user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new CallerIdentity(id, identity.Name ?? id, identity.AuthenticationType ?? "unknown", scopes);
    }
}
